import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { CASE_FACTS_CASE_COLUMNS, CaseFactsRow, roleHolderFactsColumns, toCaseFacts } from '../access/case-facts.sql';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import { CaseFacts } from '../access/conflicts';
import { dueForErasureSql } from '../cases/case-rows';
import { queryRows, SqlParams } from '../database/sql';
import { currentHearingJsonSql } from '../hearings/hearing-rows';
import { extensionWorkingDaysSql } from '../investigations/investigation-extension-rows';
import { monitoringInForceEndsSql, pendingMonitoringCountSql } from '../monitoring/authorisation-rows';
import { appealDeadlineSql, undecidedAppealLodgedAtSql } from '../outcomes/outcome-rows';
import { activeSuspensionReviewBySql } from '../suspensions/suspension-rows';
import { referralRecordedSql } from '../triage/referral-view';
import { CaseTaskState } from './task.rules';

/**
 * What GET /me/tasks reads (process.md §6), computed from the cases' own state — no table of
 * tasks to drift from it. Two statements:
 *
 * 1. The cases that can hold a task for the caller: those they may see (the one visibility
 *    predicate, access/case-visibility.sql.ts) that are open, or closed and past their retention
 *    date (not held, not erased) — oldest report first, at most `limit`. The partial index
 *    (organisation_id, created_at, id) WHERE status <> 'closed' (migration OpenCasesIndex) keeps
 *    this to the open cases however many closed ones the organisation holds.
 * 2. Their access facts and task state, each part from the module that owns its table.
 */
export async function taskCandidateIds(em: EntityManager, actor: Actor, now: Date, limit: number): Promise<string[]> {
  const p = new SqlParams();
  const organisation = p.add(actor.organisationId);
  const visible = visibleCasesPredicate(actor, p);
  const at = p.add(now.toISOString());
  const open = `SELECT c.id, c.created_at FROM cases c WHERE c.organisation_id = ${organisation}::uuid AND c.status <> 'closed' AND ${visible}`;
  const dueForErasure = `SELECT c.id, c.created_at FROM cases c WHERE c.organisation_id = ${organisation}::uuid
      AND ${dueForErasureSql(`${at}::timestamptz`)} AND ${visible}`;
  const rows = await queryRows<{ id: string }>(
    em,
    `SELECT id FROM ((${open} ORDER BY c.created_at, c.id LIMIT ${limit}) UNION ALL (${dueForErasure} ORDER BY c.retain_until LIMIT ${limit})) x
     ORDER BY created_at, id LIMIT ${limit}`,
    p.values,
  );
  return rows.map((r) => r.id);
}

interface StateRow extends CaseFactsRow {
  reference: string;
  safeguarding: boolean;
  referral_recorded: boolean;
  created_at: Date;
  triaged_at: Date | null;
  extension_days: number;
  pending_monitoring: number;
  monitoring_ends_at: Date | null;
  hearing: { chairUserId: string; held: boolean; scheduledFor: string } | null;
  appeal_lodged_at: Date | null;
  appeal_hearing: { chairUserId: string; held: boolean; scheduledFor: string } | null;
  appeal_deadline: Date | null;
  suspension_review_by: Date | null;
  retain_until: Date | null;
  legal_hold: boolean;
}

/** The access facts and task state of the cases, by id. */
export async function caseTaskStates(
  em: EntityManager,
  organisationId: string,
  caseIds: readonly string[],
  now: Date,
): Promise<Array<{ facts: CaseFacts; state: CaseTaskState }>> {
  if (!caseIds.length) return [];
  const hearing = (json: StateRow['hearing']) => json && { chairUserId: json.chairUserId, held: json.held, scheduledFor: new Date(json.scheduledFor) };
  const rows = await queryRows<StateRow>(
    em,
    `WITH holders AS MATERIALIZED (SELECT ${roleHolderFactsColumns('$1::uuid')})
     SELECT ${CASE_FACTS_CASE_COLUMNS}, holders.fact_headteachers, holders.fact_governors,
       c.reference, c.safeguarding, ${referralRecordedSql('c.id')} AS referral_recorded, c.created_at, c.triaged_at,
       ${extensionWorkingDaysSql('c.id')} AS extension_days,
       ${pendingMonitoringCountSql('c.id')} AS pending_monitoring, ${monitoringInForceEndsSql('c.id', '$3')} AS monitoring_ends_at,
       ${currentHearingJsonSql('c.id', 'disciplinary')} AS hearing, ${undecidedAppealLodgedAtSql('c.id')} AS appeal_lodged_at,
       ${currentHearingJsonSql('c.id', 'appeal')} AS appeal_hearing, ${appealDeadlineSql('c.id')} AS appeal_deadline,
       ${activeSuspensionReviewBySql('c.id', '$3')} AS suspension_review_by, c.retain_until, c.legal_hold_reason IS NOT NULL AS legal_hold
     FROM cases c CROSS JOIN holders WHERE c.organisation_id = $1 AND c.id = ANY($2::uuid[])`,
    [organisationId, caseIds, now.toISOString()],
  );
  return rows.map((row) => ({
    facts: toCaseFacts(row),
    state: {
      reference: row.reference,
      safeguarding: row.safeguarding,
      referralRecorded: row.referral_recorded,
      reportedAt: row.created_at,
      triagedAt: row.triaged_at,
      investigationExtensionDays: row.extension_days,
      pendingMonitoringRequests: row.pending_monitoring,
      monitoringEndsAt: row.monitoring_ends_at,
      hearing: hearing(row.hearing),
      appealLodgedAt: row.appeal_lodged_at,
      appealHearing: hearing(row.appeal_hearing),
      appealDeadline: row.appeal_deadline,
      suspensionReviewBy: row.suspension_review_by,
      retainUntil: row.retain_until,
      legalHold: row.legal_hold,
    },
  }));
}
