import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { CaseRunner } from '../cases/case-runner.service';
import { CaseViewService } from '../cases/case-view.service';
import { PdfRenderer } from '../documents/pdf-renderer.service';
import { grievanceHistory } from '../grievances/grievance-rows';
import { attachmentDisposition } from '../evidence/safe-filename';
import { assembleCaseSummary } from './case-summary.assemble';
import { CaseSummaryDocument } from './dto/case-summary.dto';
import { IncludeQuery } from './dto/export-query.dto';
import { schoolName } from './school.sql';
import { exportRights, includeSpecialCategory } from './special-category';
import { summaryPdfDocument } from './summary-pdf';

export interface SummaryPdf {
  /** The whole PDF: a bounded document (documents/document-bounds.ts). */
  bytes: Buffer;
  disposition: string;
}

/**
 * The HR case summary (domain.md "HR exports"): an audited read of the case view, as JSON or
 * PDF. It is the case view (CaseViewService.read) redacted for the reader (the one statement
 * of what a reader may not read, cases/case-redaction.ts), projected into a document.
 */
@Injectable()
export class CaseSummaryService {
  constructor(
    private readonly runner: CaseRunner,
    private readonly views: CaseViewService,
    private readonly renderer: PdfRenderer,
  ) {}

  async summary(actor: Actor, caseId: string, query: IncludeQuery): Promise<CaseSummaryDocument> {
    return (await this.read(actor, caseId, query, 'json')).document;
  }

  /**
   * The same content as a printable PDF, rendered on a render thread after the read is
   * committed and audited. A render slot is taken first: when every thread is busy and the
   * queue is full the answer is 503 `busy`, before anything is read (or audited).
   */
  async pdf(actor: Actor, caseId: string, query: IncludeQuery): Promise<SummaryPdf> {
    return this.renderer.withSlot(async (render) => {
      const { document, school, generatedAt } = await this.read(actor, caseId, query, 'pdf');
      const bytes = await render(summaryPdfDocument(document, { school, generatedAt }));
      return { bytes, disposition: attachmentDisposition(`${document.reference}-summary.pdf`) };
    });
  }

  private read(actor: Actor, caseId: string, query: IncludeQuery, format: 'json' | 'pdf') {
    return this.runner.look(actor, caseId, 'summaries:read', async ({ em, rights }) => {
      // §13: special-category content only for those who may read it (the acting decision-maker, not HR), on purpose.
      const includeSpecial = includeSpecialCategory(query.include, rights.specialCategory);
      const generatedAt = new Date();
      const read = await this.views.read(em, actor.organisationId, caseId, generatedAt);
      if (!read) throw new Error(`case ${caseId} vanished inside its transaction`);
      const view = this.views.forReader(read, exportRights(rights, includeSpecial));
      const school = await schoolName(em, actor.organisationId);
      // The pauses and resumptions, and who heard each grievance: the grievances module's one statement (an erased case is its tombstone: none).
      const history = view.retention.erasedAt ? { pauses: [], heardByRole: {} } : await grievanceHistory(em, caseId);
      const document = assembleCaseSummary(view, { school, specialCategoryIncluded: includeSpecial, generatedAt, grievanceHistory: history });
      return {
        result: { document, school, generatedAt },
        audit: {
          action: 'summary.viewed',
          entityType: 'case',
          entityId: caseId,
          payload: {
            format,
            includeSpecial,
            erased: document.erased,
            withheldSpecialCategory: document.erased ? 0 : document.evidence.withheldSpecialCategory,
          },
        },
      };
    });
  }
}
