import { EntityManager } from 'typeorm';
import type { Role } from '../access/roles';
import type { CaseLocator } from '../cases/case-runner.service';
import { subjectsJsonSql } from '../cases/case-rows';
import { queryOne } from '../database/sql';
import { sentLettersJsonSql } from '../letters/letter-rows';
import type { Sanction } from '../outcomes/outcome.rules';
import type { HearingAttendee } from './entities/hearing.entity';
import type { CompanionCategory, HearingKind, HearingState, RearrangementBasis } from './hearing.rules';

/** The hearings module's SQL on `hearings` and `hearing_rearrangements` (process.md §1). */

export const HEARING_LOCATOR: CaseLocator = {
  what: 'Hearing',
  async locate(em, organisationId, id) {
    return (await queryOne<{ case_id: string }>(em, `SELECT case_id FROM hearings WHERE id = $1 AND organisation_id = $2`, [id, organisationId]))?.case_id;
  },
};

export interface HearingRow extends HearingState {
  id: string;
  caseId: string;
  kind: HearingKind;
  appealId: string | null;
  invitedAt: Date;
  noticeWorkingDays: number;
  supersededAt: Date | null;
}

const HEARING_COLUMNS = `h.id, h.case_id AS "caseId", h.kind, h.appeal_id AS "appealId", h.chair_user_id AS "chairUserId", h.invited_at AS "invitedAt",
  h.scheduled_for AS "scheduledFor", h.original_scheduled_for AS "originalScheduledFor", h.notice_working_days AS "noticeWorkingDays", h.held_at AS "heldAt", h.superseded_at AS "supersededAt",
  (SELECT count(*)::int FROM hearing_rearrangements r WHERE r.hearing_id = h.id) AS rearrangements,
  EXISTS (SELECT 1 FROM hearing_rearrangements r WHERE r.hearing_id = h.id AND r.basis = 'companion_unavailable') AS "companionRearrangementUsed"`;

/** The current (not superseded) hearing of the case (disciplinary) or of the appeal. */
export function currentHearing(
  em: EntityManager,
  caseId: string,
  of: { kind: 'disciplinary' } | { kind: 'appeal'; appealId: string },
): Promise<HearingRow | undefined> {
  return of.kind === 'disciplinary'
    ? queryOne<HearingRow>(em, `SELECT ${HEARING_COLUMNS} FROM hearings h WHERE h.case_id = $1 AND h.kind = 'disciplinary' AND h.superseded_at IS NULL`, [
        caseId,
      ])
    : queryOne<HearingRow>(em, `SELECT ${HEARING_COLUMNS} FROM hearings h WHERE h.case_id = $1 AND h.appeal_id = $2 AND h.superseded_at IS NULL`, [
        caseId,
        of.appealId,
      ]);
}

/** The kind and chair of a hearing of the organisation, or undefined. */
export function hearingKindOf(em: EntityManager, organisationId: string, id: string): Promise<{ kind: HearingKind; chairUserId: string } | undefined> {
  return queryOne<{ kind: HearingKind; chairUserId: string }>(
    em,
    `SELECT kind, chair_user_id AS "chairUserId" FROM hearings WHERE id = $1 AND organisation_id = $2`,
    [id, organisationId],
  );
}

export function hearingById(em: EntityManager, id: string): Promise<HearingRow | undefined> {
  return queryOne<HearingRow>(em, `SELECT ${HEARING_COLUMNS} FROM hearings h WHERE h.id = $1`, [id]);
}

export interface NewHearing {
  kind: HearingKind;
  appealId: string | null;
  chairRole: Role;
  invitedAt: Date;
  scheduledFor: Date;
  place: string;
  noticeWorkingDays: number;
  evidenceIds: string[];
  possibleOutcomes: Sanction[];
}

/** A new invitation: the current hearing of the same case or appeal, if any, is superseded by it. */
export async function insertHearing(em: EntityManager, at: { organisationId: string; caseId: string; userId: string }, h: NewHearing): Promise<string> {
  await em.query(`UPDATE hearings SET superseded_at = $3 WHERE case_id = $1 AND superseded_at IS NULL AND kind = $2 AND appeal_id IS NOT DISTINCT FROM $4`, [
    at.caseId,
    h.kind,
    h.invitedAt,
    h.appealId,
  ]);
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO hearings (organisation_id, case_id, recorded_by_user_id, kind, appeal_id, chair_user_id, chair_role, invited_at, original_scheduled_for,
       scheduled_for, place, notice_working_days, evidence_ids, possible_outcomes)
     VALUES ($1, $2, $3, $4, $5, $3, $6, $7, $8, $8, $9, $10, $11::uuid[], $12::sanction[]) RETURNING id`,
    [
      at.organisationId,
      at.caseId,
      at.userId,
      h.kind,
      h.appealId,
      h.chairRole,
      h.invitedAt,
      h.scheduledFor,
      h.place,
      h.noticeWorkingDays,
      h.evidenceIds,
      h.possibleOutcomes,
    ],
  );
  return row!.id;
}

export async function insertRearrangement(
  em: EntityManager,
  at: { organisationId: string; caseId: string; userId: string },
  hearing: HearingRow,
  r: { basis: RearrangementBasis; scheduledFor: Date; place: string | null; reason: string | null },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO hearing_rearrangements (organisation_id, case_id, recorded_by_user_id, hearing_id, previous_scheduled_for, scheduled_for, basis, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, hearing.id, hearing.scheduledFor, r.scheduledFor, r.basis, r.reason],
  );
  await em.query(`UPDATE hearings SET scheduled_for = $2, place = COALESCE($3, place) WHERE id = $1`, [hearing.id, r.scheduledFor, r.place]);
  return row!.id;
}

export interface HeldRecord {
  heldAt: Date;
  subjectAttended: boolean;
  attendees: HearingAttendee[];
  companion: { name: string; category: CompanionCategory; adjustmentReason: string | null } | null;
  notes: string;
  representations: string | null;
  absenceReason: string | null;
}

export async function recordHeld(em: EntityManager, hearingId: string, userId: string, r: HeldRecord): Promise<void> {
  await em.query(
    `UPDATE hearings SET held_at = $2, subject_attended = $3, attendees = $4::jsonb, companion_name = $5, companion_category = $6,
       companion_adjustment_reason = $7, notes = $8, representations = $9, absence_reason = $10, held_recorded_by_user_id = $11
     WHERE id = $1`,
    [
      hearingId,
      r.heldAt,
      r.subjectAttended,
      JSON.stringify(r.attendees),
      r.companion?.name ?? null,
      r.companion?.category ?? null,
      r.companion?.adjustmentReason ?? null,
      r.notes,
      r.representations,
      r.absenceReason,
      userId,
    ],
  );
}

/** Retention (§13): the hearings and their rearrangements go with the rest of the case's content. */
export async function eraseHearings(em: EntityManager, caseId: string): Promise<void> {
  await em.query(`DELETE FROM hearing_rearrangements WHERE case_id = $1`, [caseId]);
  await em.query(`DELETE FROM hearings WHERE case_id = $1`, [caseId]);
}

/** The case's subjects and the hearing's invitation letters recorded as sent to them (staff id → when). */
export async function invitationsSent(
  em: EntityManager,
  hearing: Pick<HearingRow, 'id' | 'caseId'>,
  letterKind: string,
): Promise<{ subjects: Array<{ staffId: string; name: string }>; sent: Map<string, Date> }> {
  const row = await queryOne<{ subjects: Array<{ staffId: string; name: string }>; sent: Record<string, string> }>(
    em,
    `SELECT ${subjectsJsonSql('$1::uuid')} AS subjects, ${sentLettersJsonSql('$1::uuid', '$3::text', '$2::uuid')} AS sent`,
    [hearing.caseId, hearing.id, letterKind],
  );
  return { subjects: row!.subjects, sent: new Map(Object.entries(row!.sent).map(([staffId, at]) => [staffId, new Date(at)])) };
}

/** SQL: the current (not superseded) hearing of `kind` of case `caseId` as JSON {chairUserId, held, scheduledFor}, or NULL (process.md §6 tasks). */
export const currentHearingJsonSql = (caseId: string, kind: 'disciplinary' | 'appeal'): string =>
  `(SELECT json_build_object('chairUserId', h.chair_user_id, 'held', h.held_at IS NOT NULL, 'scheduledFor', h.scheduled_for)
    FROM hearings h WHERE h.case_id = ${caseId} AND h.kind = '${kind}' AND h.superseded_at IS NULL ORDER BY h.invited_at DESC LIMIT 1)`;
