import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { caseBlocked, decisionMakerRole, ReaderRights, readerRights } from '../access/case-access.policy';
import { CASE_FACTS_COLUMNS, CaseFactsRow, toCaseFacts } from '../access/case-facts.sql';
import { CaseFacts } from '../access/conflicts';
import type { Nation } from '../calendar/bank-holidays';
import type { SchoolCalendar } from '../calendar/school-calendar';
import { Clock } from '../common/clock/clock';
import { queryOne } from '../database/sql';
import { EVIDENCE_SECTION } from '../evidence/evidence-records';
import { HEARINGS_SECTION, hearingsForGuidance } from '../hearings/hearing-view';
import { GRIEVANCE_SECTIONS } from '../grievances/grievance-view';
import { INVESTIGATION_SECTIONS } from '../investigations/investigation-view';
import { KCSIE_SECTION } from '../kcsie/kcsie-view';
import { LETTER_KINDS } from '../letters/kinds';
import { LETTERS_SECTION } from '../letters/letter-rows';
import { MONITORING_SECTION } from '../monitoring/monitoring-view';
import { organisationNationSql } from '../organisations/nation.sql';
import { SchoolCalendars } from '../organisations/school-calendars.service';
import { OUTCOME_SECTIONS } from '../outcomes/outcome-view';
import { referralDueBy } from '../reports/safeguarding';
import { REPORTS_SECTION } from '../reports/report-view';
import { SUSPENSIONS_SECTION } from '../suspensions/suspension-view';
import { referralsJsonSql } from '../triage/referral-view';
import { caseGuidance, GuidanceInput } from './case-guidance';
import { redactCase } from './case-redaction';
import { CaseSection } from './case-section';
import { CaseResponse, CaseSections, PersonRef, SafeguardingReferralResponse } from './dto/case.dto';
import { CaseStatus } from './lifecycle';

/** Every section of the case view, each from the module that owns its table. */
const SECTIONS: readonly CaseSection[] = [
  REPORTS_SECTION,
  ...INVESTIGATION_SECTIONS,
  EVIDENCE_SECTION,
  MONITORING_SECTION,
  ...OUTCOME_SECTIONS,
  HEARINGS_SECTION,
  KCSIE_SECTION,
  SUSPENSIONS_SECTION,
  LETTERS_SECTION,
  ...GRIEVANCE_SECTIONS,
];

/** The case (GET /cases/:id and every state change's answer) with the facts its access rules need. */
export interface CaseRead {
  facts: CaseFacts;
  /** The whole case, before redaction: never answered as it is; see `CaseViewService.forReader`. */
  view: CaseResponse;
}

/**
 * Builds the case view: the core (case, parties, triage, safeguarding), every section, and
 * the access facts, in one statement — one round trip per case read.
 */
@Injectable()
export class CaseViewService {
  constructor(
    private readonly calendars: SchoolCalendars,
    private readonly clock: Clock,
  ) {}

  /** `now`: the moment the deadlines are judged at (overdue or not) — the app's clock unless given. */
  async read(em: EntityManager, organisationId: string, caseId: string, now = this.clock.now()): Promise<CaseRead | undefined> {
    const row = await queryOne<CoreRow & CaseFactsRow & Record<string, unknown>>(em, VIEW_SQL, [caseId, organisationId]);
    if (!row) return undefined;
    const facts = toCaseFacts(row);
    // process.md §6: every deadline in the view counts the working days of the case's organisation
    return { facts, view: assemble(row, facts, now, this.calendars.forNation(row.nation)) };
  }

  /** The view as this reader may see it (special category, other people's statements). */
  forReader(read: CaseRead, rights: ReaderRights): CaseResponse {
    return redactCase(read.view, rights);
  }

  /** The view as a person reads it: redacted by their rights, with what the case says to them (case-guidance.ts). */
  forPerson(read: CaseRead, actor: Actor, rights: ReaderRights = readerRights(actor, read.facts)): CaseResponse {
    return { ...this.forReader(read, rights), guidance: caseGuidance(actor, read.facts, guidanceInput(read.view)) };
  }
}

/** What the guidance reads of the (unredacted) view. */
function guidanceInput(view: CaseResponse): GuidanceInput {
  return {
    status: view.status,
    erased: view.retention.erasedAt !== null,
    legalHold: view.retention.legalHold !== null,
    sanction: view.outcome?.sanction ?? null,
    appealDeadline: view.outcome?.appealDeadline ?? null,
    pendingMonitoringRequests: view.monitoring.filter((m) => m.status === 'pending').length,
    allegations: view.allegations,
    notifiedAllegationIds: view.subjectNotifications.flatMap((n) => n.allegationIds),
    responses: view.subjectResponses.length,
    retainUntil: view.retention.retainUntil,
    safeguarding: view.safeguarding.flagged,
    referralDecisionsRequired: view.kcsie.referralDecisionsRequired,
    activeSuspensions: view.suspensions.filter((s) => s.status === 'active').length,
    pausableGrievances: view.grievances.filter((g) => g.relatedToProcess && g.decision === null).length,
    ...hearingsForGuidance(view),
    letterAuthors: LETTER_KINDS.filter((kind) => kind.sources(view).length > 0).map((kind) => kind.author),
  };
}

function assemble(row: CoreRow & Record<string, unknown>, facts: CaseFacts, now: Date, calendar: SchoolCalendar): CaseResponse {
  const parties = row.parties.map((p) => ({
    capacity: p.capacity,
    person: { staffId: p.staffId, name: p.staffName ?? p.name, jobTitle: p.jobTitle, relationship: p.relationship },
  }));
  const pick = (capacity: string): PersonRef[] => parties.filter((p) => p.capacity === capacity).map((p) => p.person);
  const referrals: SafeguardingReferralResponse[] = row.referrals;
  const due = row.safeguarding ? referralDueBy(row.created_at, calendar) : null;
  const deciding = decisionMakerRole(facts);
  const sections = {} as Record<string, unknown>;
  SECTIONS.forEach((section, i) => {
    const value = row[`section_${i}`];
    sections[section.name] = section.map ? section.map(value, { now, calendar }) : value;
  });
  return {
    id: row.id,
    organisationId: row.organisation_id,
    reference: row.reference,
    status: row.status,
    safeguarding: {
      flagged: row.safeguarding,
      referralDueBy: due?.toISOString() ?? null,
      // An erased case has no referrals left to show, and nothing is overdue on a tombstone.
      referralOverdue: due !== null && row.erased_at === null && referrals.length === 0 && now > due,
      referrals,
    },
    subjects: pick('subject'),
    reporter: pick('reporter')[0] ?? null,
    witnesses: pick('witness'),
    triage: row.triage_decision
      ? { decision: row.triage_decision, rationale: row.triage_rationale, triagedAt: row.triaged_at!.toISOString(), triagedByUserId: row.triaged_by_user_id! }
      : null,
    investigatorUserId: row.investigator_user_id,
    investigationReport: row.report_submitted_at
      ? {
          summary: row.investigation_summary,
          submittedAt: row.report_submitted_at.toISOString(),
          submittedByUserId: row.report_submitted_by_user_id!,
          withheld: false,
        }
      : null,
    decisionMakerRole: deciding,
    decisionBlocked: caseBlocked(facts),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    retention: {
      retainUntil: row.retain_until?.toISOString() ?? null,
      legalHold: row.legal_hold_reason
        ? { reason: row.legal_hold_reason, placedAt: row.legal_hold_placed_at!.toISOString(), placedByUserId: row.legal_hold_placed_by_user_id! }
        : null,
      erasedAt: row.erased_at?.toISOString() ?? null,
    },
    ...(sections as unknown as CaseSections),
    guidance: null,
  };
}

interface CoreRow {
  id: string;
  organisation_id: string;
  reference: string;
  status: CaseStatus;
  safeguarding: boolean;
  triage_decision: string | null;
  triage_rationale: string | null;
  triaged_at: Date | null;
  triaged_by_user_id: string | null;
  investigator_user_id: string | null;
  investigation_summary: string | null;
  report_submitted_at: Date | null;
  report_submitted_by_user_id: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  retain_until: Date | null;
  legal_hold_reason: string | null;
  legal_hold_placed_at: Date | null;
  legal_hold_placed_by_user_id: string | null;
  erased_at: Date | null;
  /** The organisation's, for its calendar. */
  nation: Nation;
  parties: Array<{
    capacity: string;
    staffId: string | null;
    name: string | null;
    staffName: string | null;
    jobTitle: string | null;
    relationship: string | null;
  }>;
  referrals: SafeguardingReferralResponse[];
}

const VIEW_SQL = `
SELECT c.id, c.organisation_id, c.reference, c.status, c.safeguarding, c.triage_decision, c.triage_rationale, c.triaged_at,
  c.triaged_by_user_id, c.investigator_user_id, c.investigation_summary, c.report_submitted_at, c.report_submitted_by_user_id, c.created_at, c.updated_at, c.closed_at,
  c.retain_until, c.legal_hold_reason, c.legal_hold_placed_at, c.legal_hold_placed_by_user_id, c.erased_at,
  ${organisationNationSql('c.organisation_id')} AS nation,
  COALESCE((SELECT json_agg(json_build_object('capacity', p.capacity, 'staffId', p.staff_id, 'name', p.name,
              'staffName', s.name, 'jobTitle', s.job_title, 'relationship', p.relationship) ORDER BY p.created_at, p.id)
            FROM case_parties p LEFT JOIN staff_members s ON s.id = p.staff_id WHERE p.case_id = c.id), '[]') AS parties,
  ${referralsJsonSql('c.id')} AS referrals,
  ${CASE_FACTS_COLUMNS}${SECTIONS.map((section, i) => `,\n  (${section.sql}) AS section_${i}`).join('')}
FROM cases c WHERE c.id = $1 AND c.organisation_id = $2`;
