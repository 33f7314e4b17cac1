import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { HearingsController } from './hearings.controller';
import { HearingsService } from './hearings.service';

/** Hearings (process.md §1; ACAS Code; ERA 1999 s10): invitation, companion, rearrangement, the hearing record. */
@Module({ imports: [CasesModule], controllers: [HearingsController], providers: [HearingsService] })
export class HearingsModule {}
