import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { KcsieController, ReferenceCheckController } from './kcsie.controller';
import { KcsieService } from './kcsie.service';
import { ReferenceCheckService } from './reference-check.service';

/** KCSIE Part 4 (process.md §3): LADO consultation, DBS / TRA referral decisions, the reference check. */
@Module({ imports: [CasesModule], controllers: [KcsieController, ReferenceCheckController], providers: [KcsieService, ReferenceCheckService] })
export class KcsieModule {}
