import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseFacts, decisionMakerRole } from '../access/case-access.policy';
import { isoSql, queryOne } from '../database/sql';
import { referralDueBy } from '../reports/safeguarding';
import { CaseStatus } from './lifecycle';
import { CaseResponse, PersonRef, ReportResponse, SafeguardingReferralResponse } from './dto/case.dto';

/**
 * A part of the case view owned by another module (allegations, evidence, monitoring …):
 * a scalar SQL expression over the case id `$1`, usually a json_agg subquery, and an
 * optional mapping of its value. All sections are read in the same statement as the core.
 */
export interface CaseSection {
  name: string;
  sql: string;
  map?: (value: unknown) => unknown;
}

/**
 * Builds the full case (GET /cases/:id and every state change's answer). The core —
 * case, parties, reports, triage, safeguarding — is read in one round trip; other
 * modules register their sections here instead of this service knowing them all.
 */
@Injectable()
export class CaseViewService {
  private readonly sections: CaseSection[] = [];

  private query: string | undefined;

  register(section: CaseSection): void {
    if (this.sections.some((s) => s.name === section.name)) throw new Error(`case section ${section.name} registered twice`);
    this.sections.push(section);
    // In name order, whatever order the modules start in.
    this.sections.sort((a, b) => a.name.localeCompare(b.name));
    this.query = undefined;
  }

  /** The core and every registered section, in one statement (one round trip per case view). */
  private sql(): string {
    this.query ??= CORE_SQL.replace('/* sections */', this.sections.map((section, i) => `,\n  (${section.sql}) AS section_${i}`).join(''));
    return this.query;
  }

  async view(em: EntityManager, facts: CaseFacts, now = new Date()): Promise<CaseResponse> {
    const row = await queryOne<CoreRow & Record<string, unknown>>(em, this.sql(), [facts.id, facts.organisationId]);
    if (!row) throw new Error(`case ${facts.id} vanished inside its transaction`);
    const parties = row.parties.map((p) => ({
      ...p,
      person: { staffId: p.staffId, name: p.staffName ?? p.name, jobTitle: p.jobTitle, relationship: p.relationship },
    }));
    const pick = (capacity: string): PersonRef[] => parties.filter((p) => p.capacity === capacity).map((p) => p.person);
    const referrals: SafeguardingReferralResponse[] = row.referrals;
    const due = row.safeguarding ? referralDueBy(row.created_at) : null;
    const response: CaseResponse = {
      id: row.id,
      organisationId: row.organisation_id,
      reference: row.reference,
      status: row.status,
      safeguarding: {
        flagged: row.safeguarding,
        referralDueBy: due?.toISOString() ?? null,
        referralOverdue: due !== null && referrals.length === 0 && now > due,
        referrals,
      },
      subjects: pick('subject'),
      reporter: pick('reporter')[0] ?? null,
      witnesses: pick('witness'),
      reports: row.reports,
      triage: row.triage_decision
        ? {
            decision: row.triage_decision,
            rationale: row.triage_rationale!,
            triagedAt: row.triaged_at!.toISOString(),
            triagedByUserId: row.triaged_by_user_id!,
          }
        : null,
      investigatorUserId: row.investigator_user_id,
      investigationReport: row.report_submitted_at
        ? { summary: row.investigation_summary!, submittedAt: row.report_submitted_at.toISOString(), submittedByUserId: row.report_submitted_by_user_id! }
        : null,
      decisionMakerRole: decisionMakerRole(facts),
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
    };
    this.sections.forEach((section, i) => {
      const value = row[`section_${i}`];
      response[section.name] = section.map ? section.map(value) : value;
    });
    return response;
  }
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
  parties: Array<{
    capacity: string;
    staffId: string | null;
    name: string | null;
    staffName: string | null;
    jobTitle: string | null;
    relationship: string | null;
  }>;
  reports: ReportResponse[];
  referrals: SafeguardingReferralResponse[];
}

const CORE_SQL = `
SELECT c.id, c.organisation_id, c.reference, c.status, c.safeguarding, c.triage_decision, c.triage_rationale, c.triaged_at,
  c.triaged_by_user_id, c.investigator_user_id, c.investigation_summary, c.report_submitted_at, c.report_submitted_by_user_id, c.created_at, c.updated_at, c.closed_at,
  c.retain_until, c.legal_hold_reason, c.legal_hold_placed_at, c.legal_hold_placed_by_user_id, c.erased_at,
  COALESCE((SELECT json_agg(json_build_object('capacity', p.capacity, 'staffId', p.staff_id, 'name', p.name,
              'staffName', s.name, 'jobTitle', s.job_title, 'relationship', p.relationship) ORDER BY p.created_at, p.id)
            FROM case_parties p LEFT JOIN staff_members s ON s.id = p.staff_id WHERE p.case_id = c.id), '[]') AS parties,
  COALESCE((SELECT json_agg(json_build_object('id', r.id, 'platform', r.platform, 'platformOther', r.platform_other,
              'observedAt', ${isoSql('r.observed_at')}, 'description', r.description, 'url', r.url, 'category', r.category,
              'policyStandards', r.policy_standards, 'involvesPupils', r.involves_pupils,
              'mayMeetHarmThreshold', r.may_meet_harm_threshold, 'loggedByUserId', r.logged_by_user_id,
              'createdAt', ${isoSql('r.created_at')}) ORDER BY r.created_at, r.id)
            FROM reports r WHERE r.case_id = c.id), '[]') AS reports,
  COALESCE((SELECT json_agg(json_build_object('id', f.id, 'referredTo', f.referred_to, 'referredAt', ${isoSql('f.referred_at')},
              'notes', f.notes, 'recordedByUserId', f.recorded_by_user_id) ORDER BY f.referred_at, f.id)
            FROM safeguarding_referrals f WHERE f.case_id = c.id), '[]') AS referrals
  /* sections */
FROM cases c WHERE c.id = $1 AND c.organisation_id = $2`;
