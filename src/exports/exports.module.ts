import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { CasesModule } from '../cases/cases.module';
import { CaseSummaryController } from './case-summary.controller';
import { CaseSummaryService } from './case-summary.service';
import { CasesCsvController } from './cases-csv.controller';
import { CasesCsvService } from './cases-csv.service';
import { SubjectAccessController } from './subject-access.controller';
import { SubjectAccessService } from './subject-access.service';

/** HR exports (domain.md "HR exports", §13): the case summary (JSON, PDF), the cases CSV, subject access. */
@Module({
  imports: [CasesModule, DocumentsModule],
  controllers: [CaseSummaryController, CasesCsvController, SubjectAccessController],
  providers: [CaseSummaryService, CasesCsvService, SubjectAccessService],
})
export class ExportsModule {}
