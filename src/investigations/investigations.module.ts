import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AssignmentService } from './assignment.service';
import { InvestigationRecordsService } from './investigation-records.service';
import { InvestigationReportService } from './investigation-report.service';
import { InvestigationsController } from './investigations.controller';

@Module({
  imports: [CasesModule],
  controllers: [InvestigationsController],
  providers: [AssignmentService, InvestigationRecordsService, InvestigationReportService],
})
export class InvestigationsModule {}
