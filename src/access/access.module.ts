import { Global, Module } from '@nestjs/common';
import { CaseAccessService } from './case-access.service';

/** Global: every case-scoped service calls CaseAccessService.requireCaseAccess first. */
@Global()
@Module({ providers: [CaseAccessService], exports: [CaseAccessService] })
export class AccessModule {}
