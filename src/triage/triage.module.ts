import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';

@Module({ imports: [CasesModule], controllers: [TriageController], providers: [TriageService] })
export class TriageModule {}
