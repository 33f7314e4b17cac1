import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { GrievancesController } from './grievances.controller';
import { GrievancesService } from './grievances.service';

/** §6, process.md §4: grievances on a case, and pausing / resuming the disciplinary process for one. */
@Module({ imports: [CasesModule], controllers: [GrievancesController], providers: [GrievancesService] })
export class GrievancesModule {}
