import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AssignmentService } from './assignment.service';
import { InvestigationRecordsService } from './investigation-records.service';
import { InvestigationExtensionService } from './investigation-extension.service';
import { InvestigationMeetingsService } from './investigation-meetings.service';
import { InvestigationReportService } from './investigation-report.service';
import { InvestigationsController } from './investigations.controller';

@Module({
  imports: [CasesModule],
  controllers: [InvestigationsController],
  providers: [AssignmentService, InvestigationRecordsService, InvestigationReportService, InvestigationMeetingsService, InvestigationExtensionService],
})
export class InvestigationsModule {}
