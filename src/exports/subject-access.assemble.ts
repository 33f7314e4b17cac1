import { sanctionInForce } from '../outcomes/outcome.rules';
import { summaryDates } from './case-summary.assemble';
import { SarAuditEvent, SarCase, SarCaseTombstone, SubjectAccessExportResponse } from './dto/subject-access.dto';
import { outcomeCategory, quoteAllegationClause, quoteCategory, quoteStandard } from './export-vocabulary';
import type { SarAuditRow, SarCaseContentRow, SarCaseRow, SarStaffRow } from './subject-access.sql';
import { partitionEvidence } from './special-category';

export interface SubjectAccessInput {
  staff: SarStaffRow;
  cases: SarCaseRow[];
  /** Content of the visible, unerased cases, by id. */
  content: Map<string, SarCaseContentRow>;
  events: SarAuditRow[];
  includeSpecial: boolean;
  generatedAt: Date;
}

/** The visible, unerased cases whose content the export needs. */
export function casesNeedingContent(cases: readonly SarCaseRow[]): string[] {
  return cases.filter((c) => c.visible && !c.erasedAt).map((c) => c.id);
}

/**
 * §13 subject access: everything held about the staff member that the caller may see. A case
 * the caller may not see is only counted; an erased case is a tombstone. Within a case, each
 * section holds what concerns the person in their capacity (see SarCase).
 */
export function assembleSubjectAccess(input: SubjectAccessInput): SubjectAccessExportResponse {
  const { staff } = input;
  const visibleCases = input.cases.filter((c) => c.visible);
  const events = input.events.filter((e) => e.visible);
  return {
    generatedAt: input.generatedAt.toISOString(),
    school: staff.school,
    staff: { id: staff.id, name: staff.name, email: staff.email, jobTitle: staff.jobTitle, createdAt: staff.createdAt },
    userAccount: staff.userAccount
      ? {
          id: staff.userAccount.id,
          email: staff.userAccount.email,
          name: staff.userAccount.name,
          roles: staff.userAccount.roles,
          active: staff.userAccount.active,
          createdAt: staff.userAccount.createdAt,
          updatedAt: staff.userAccount.updatedAt,
        }
      : null,
    cases: visibleCases.map((c) => (c.erasedAt ? tombstone(c, c.erasedAt) : caseDetail(c, input.content.get(c.id), input.includeSpecial))),
    furtherCasesHeld: input.cases.length - visibleCases.length,
    auditEvents: events.map(toEvent),
    auditEventsWithheld: input.events.length - events.length,
    specialCategoryIncluded: input.includeSpecial,
  };
}

function caseDetail(c: SarCaseRow, content: SarCaseContentRow | undefined, includeSpecial: boolean): SarCase {
  if (!content) throw new Error(`content of case ${c.id} was not loaded`);
  const asSubject = c.capacities.includes('subject');
  const asReporter = c.capacities.includes('reporter');
  const evidence = partitionEvidence(content.evidence, includeSpecial);
  return {
    erased: false,
    caseId: c.id,
    reference: c.reference,
    capacities: c.capacities,
    status: c.status,
    dates: summaryDates(c),
    reports:
      asSubject || asReporter
        ? content.reports.map((r) => ({ ...r, category: quoteCategory(r.category), policyStandards: r.policyStandards.map(quoteStandard) }))
        : [],
    allegations: asSubject
      ? content.allegations.map((a) => ({
          clause: quoteAllegationClause(a),
          summary: a.summary,
          finding: a.finding ? { finding: a.finding, reasoning: a.findingReasoning, recordedAt: a.findingRecordedAt } : null,
        }))
      : [],
    subjectNotifications: asSubject ? content.subjectNotifications : [],
    subjectResponses: asSubject ? content.subjectResponses : [],
    interviews: content.interviews,
    outcome: asSubject ? c.outcome : null,
    appeal: asSubject ? c.appeal : null,
    sanctionInForce: asSubject && c.outcome ? sanctionInForce(c.outcome.sanction, c.appeal) : null,
    evidence: {
      items: evidence.shown.map((e) => ({ ...e, size: Number(e.size) })),
      withheldSpecialCategory: evidence.withheld,
      specialCategoryIncluded: includeSpecial,
    },
  };
}

function tombstone(c: SarCaseRow, erasedAt: string): SarCaseTombstone {
  return {
    erased: true,
    reference: c.reference,
    capacities: c.capacities,
    status: c.status,
    dates: summaryDates(c),
    outcomeCategory: outcomeCategory(c.triageDecision, c.outcome, c.appeal),
    erasedAt,
  };
}

function toEvent(e: SarAuditRow): SarAuditEvent {
  return {
    seq: Number(e.seq),
    occurredAt: e.occurredAt,
    action: e.action,
    actorRole: e.actorRole,
    caseId: e.caseId,
    entityType: e.entityType,
    entityId: e.entityId,
    reason: e.reason,
  };
}
