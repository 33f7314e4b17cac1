import type { CaseResponse } from '../cases/dto/case.dto';
import type { PartyCapacity } from '../cases/entities/case-party.entity';
import {
  summaryAllegations,
  summaryAppeal,
  summaryDates,
  summaryEvidence,
  summaryOutcome,
  summaryReports,
  summarySubjectResponses,
  tombstoneOf,
} from './case-view-projection';
import { SarAuditEvent, SarCase, SarCaseTombstone, SubjectAccessExportResponse } from './dto/subject-access.dto';
import type { SarAuditRow, SarStaffRow } from './subject-access.sql';

/** One case of the export: the case view as the caller may see it, and how the staff member is involved. */
export interface SarCaseInput {
  /** Already redacted for the caller (CaseViewService.forReader with the export's rights). */
  view: CaseResponse;
  capacities: PartyCapacity[];
  /** Special-category content was included in this case (asked for, and the caller may read it here). */
  specialCategoryIncluded: boolean;
}

/**
 * What of a case is the staff member's own personal data (UK GDPR Art. 15; domain.md "Data
 * protection": "what they reported, said or were said to have done"), by capacity:
 * - as subject: what they were said to have done and what came of it — the reports, the
 *   allegations with their findings, the notice, their own response, the outcome, the appeal,
 *   the sanction in force, the evidence list, and KCSIE's LADO consultations and DBS / TRA referral decisions;
 * - as reporter: their report;
 * - in every capacity: their own interviews (a witness's statements, the subject's) and the
 *   investigation meetings they were invited to;
 * - nothing else: a witness's export holds their own statements and the fact that they were a
 *   witness, never other people's evidence or statements (third-party data).
 * Whatever the caller may not read is already withheld in `view`, as in the case view. An erased
 * case is its tombstone.
 */
export function assembleSarCase(staffId: string, input: SarCaseInput): SarCase | SarCaseTombstone {
  const { view, capacities } = input;
  const tombstone = tombstoneOf(view);
  if (tombstone) return { erased: true, ...tombstone, capacities };
  const asSubject = capacities.includes('subject');
  const asReporter = capacities.includes('reporter');
  return {
    erased: false,
    caseId: view.id,
    reference: view.reference,
    capacities,
    status: view.status,
    dates: summaryDates(view),
    reports: asSubject || asReporter ? summaryReports(view.reports) : [],
    allegations: asSubject ? summaryAllegations(view.allegations) : [],
    subjectNotifications: asSubject ? view.subjectNotifications.map((n) => ({ sentAt: n.sentAt, method: n.method, allegations: n.allegationIds.length })) : [],
    subjectResponses: asSubject ? summarySubjectResponses(view.subjectResponses) : [],
    interviews: view.interviews
      .filter((i) => i.staffId === staffId)
      .map((i) => ({ capacity: i.capacity, heldAt: i.heldAt, accompaniedBy: i.accompaniedBy, statement: i.statement, withheld: i.withheld })),
    // process.md §2: in every capacity, the investigation meetings they were invited to (never another person's)
    investigationMeetings: view.investigationMeetings.filter((m) => m.staffId === staffId),
    outcome: asSubject ? summaryOutcome(view.outcome) : null,
    appeal: asSubject ? summaryAppeal(view.appeals) : null,
    sanctionInForce: asSubject ? view.sanctionInForce : null,
    evidence: summaryEvidence(asSubject ? view.evidence : [], input.specialCategoryIncluded),
    kcsie: asSubject ? view.kcsie : null,
    // process.md §1: the precautionary suspensions of them (never another subject's)
    suspensions: asSubject ? view.suspensions.filter((s) => s.subjectStaffId === staffId) : [],
    // §6: the grievances they lodged (never another subject's)
    grievances: asSubject ? view.grievances.filter((g) => g.subjectStaffId === staffId) : [],
    // process.md §1: the hearings they were invited to (the subject was there: the record is theirs too)
    hearings: asSubject ? view.hearings : [],
    // process.md §2: the letters sent to them (kind, date, method); the letters' text is the records above
    letters: asSubject
      ? view.letters
          .filter((l) => l.subjectStaffId === staffId && l.sentAt !== null)
          .map((l) => ({ kind: l.kind, recordId: l.recordId, sentAt: l.sentAt!, sentMethod: l.sentMethod! }))
      : [],
  };
}

export interface SubjectAccessInput {
  staff: SarStaffRow;
  /** The cases the caller may see, assembled (assembleSarCase), oldest first. */
  cases: Array<SarCase | SarCaseTombstone>;
  /** The audit events the login performed that the caller may read. */
  events: SarAuditRow[];
  includeSpecial: boolean;
  generatedAt: Date;
}

/**
 * §13 subject access: everything held about the staff member that the caller may see. A case
 * the caller may not see is not there, and not counted: nothing in the export tells of it.
 */
export function assembleSubjectAccess(input: SubjectAccessInput): SubjectAccessExportResponse {
  const { staff } = input;
  return {
    generatedAt: input.generatedAt.toISOString(),
    school: staff.school,
    staff: { id: staff.id, name: staff.name, email: staff.email, jobTitle: staff.jobTitle, teacher: staff.teacher, createdAt: staff.createdAt },
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
    cases: input.cases,
    auditEvents: input.events.map(toEvent),
    specialCategoryIncluded: input.includeSpecial,
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
