import { Module, OnModuleInit } from '@nestjs/common';
import { CaseViewService } from '../cases/case-view.service';
import { CasesModule } from '../cases/cases.module';
import { AssignmentService } from './assignment.service';
import { InvestigationRecordsService } from './investigation-records.service';
import { InvestigationReportService } from './investigation-report.service';
import { INVESTIGATION_SECTIONS } from './investigation-view';
import { InvestigationsController } from './investigations.controller';

@Module({
  imports: [CasesModule],
  controllers: [InvestigationsController],
  providers: [AssignmentService, InvestigationRecordsService, InvestigationReportService],
})
export class InvestigationsModule implements OnModuleInit {
  constructor(private readonly views: CaseViewService) {}

  onModuleInit(): void {
    for (const section of INVESTIGATION_SECTIONS) this.views.register(section);
  }
}
