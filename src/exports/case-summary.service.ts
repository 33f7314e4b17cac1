import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { roleSeesCase } from '../access/case-access.policy';
import { CaseAccessService } from '../access/case-access.service';
import { AuditService } from '../audit/audit.service';
import { attachmentDisposition } from '../evidence/safe-filename';
import { assembleCaseSummary } from './case-summary.assemble';
import { loadCaseSummaryRow } from './case-summary.sql';
import { CaseSummaryDocument } from './dto/case-summary.dto';
import { IncludeQuery } from './dto/export-query.dto';
import { includeSpecialCategory } from './special-category';
import { renderSummaryPdf } from './summary-pdf';

export interface SummaryPdf {
  stream: Readable;
  disposition: string;
}

/** The HR case summary (domain.md "HR exports"): an audited read of the case, as JSON or PDF. */
@Injectable()
export class CaseSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  async summary(actor: Actor, caseId: string, query: IncludeQuery): Promise<CaseSummaryDocument> {
    return (await this.read(actor, caseId, query, 'json')).document;
  }

  /** The same content as a printable PDF, rendered after the read is committed and audited. */
  async pdf(actor: Actor, caseId: string, query: IncludeQuery): Promise<SummaryPdf> {
    const { document, school, generatedAt } = await this.read(actor, caseId, query, 'pdf');
    return { stream: renderSummaryPdf(document, { school, generatedAt }), disposition: attachmentDisposition(`${document.reference}-summary.pdf`) };
  }

  private read(actor: Actor, caseId: string, query: IncludeQuery, format: 'json' | 'pdf') {
    return this.dataSource.transaction(async (em) => {
      const access = await this.access.requireCaseAccess(em, actor, caseId, 'summaries:read');
      // §13: only the headteacher — acting as headteacher on this case — may include special-category content.
      const actsAsHeadteacher = actor.roles.includes('headteacher') && roleSeesCase('headteacher', actor, access.facts);
      const includeSpecial = includeSpecialCategory(query.include, actsAsHeadteacher);
      const generatedAt = new Date();
      const row = await loadCaseSummaryRow(em, actor.organisationId, caseId);
      const document = assembleCaseSummary(row, { includeSpecial, generatedAt });
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: includeSpecial ? 'headteacher' : access.role,
        action: 'summary.viewed',
        caseId,
        entityType: 'case',
        entityId: caseId,
        payload: {
          format,
          includeSpecial,
          erased: document.erased,
          withheldSpecialCategory: document.erased ? 0 : document.evidence.withheldSpecialCategory,
        },
      });
      return { document, school: row.school, generatedAt };
    });
  }
}
