import { EntityManager } from 'typeorm';
import { listSection } from '../cases/case-section';
import { isoSql, queryOne, queryRows } from '../database/sql';
import { SentMethod } from './letter.rules';

/** The letters table (entities/letter.entity.ts): the SQL on it lives here. */

export interface LetterRow {
  id: string;
  kind: string;
  recordId: string;
  subjectStaffId: string;
  firstGeneratedAt: string;
  lastGeneratedAt: string;
  sentAt: string | null;
  sentMethod: SentMethod | null;
}

const COLUMNS = `l.id, l.kind, l.record_id AS "recordId", l.subject_staff_id AS "subjectStaffId",
  ${isoSql('l.first_generated_at')} AS "firstGeneratedAt", ${isoSql('l.last_generated_at')} AS "lastGeneratedAt",
  ${isoSql('l.sent_at')} AS "sentAt", l.sent_method AS "sentMethod"`;

export interface LetterKey {
  organisationId: string;
  caseId: string;
  kind: string;
  recordId: string;
  subjectStaffId: string;
}

/** A letter generated (again): its row made the first time, its last generation noted; returns its id. */
export async function noteGenerated(em: EntityManager, key: LetterKey, userId: string, at: Date): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO letters (organisation_id, case_id, kind, record_id, subject_staff_id, first_generated_at, last_generated_at, last_generated_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7)
     ON CONFLICT (case_id, kind, record_id, subject_staff_id)
     DO UPDATE SET last_generated_at = EXCLUDED.last_generated_at, last_generated_by_user_id = EXCLUDED.last_generated_by_user_id
     RETURNING id`,
    [key.organisationId, key.caseId, key.kind, key.recordId, key.subjectStaffId, at, userId],
  );
  return row!.id;
}

export function findLetter(em: EntityManager, key: LetterKey): Promise<LetterRow | undefined> {
  return queryOne<LetterRow>(em, `SELECT ${COLUMNS} FROM letters l WHERE l.case_id = $1 AND l.kind = $2 AND l.record_id = $3 AND l.subject_staff_id = $4`, [
    key.caseId,
    key.kind,
    key.recordId,
    key.subjectStaffId,
  ]);
}

export async function recordSent(em: EntityManager, id: string, sentAt: Date, method: SentMethod, userId: string): Promise<void> {
  await em.query(`UPDATE letters SET sent_at = $2, sent_method = $3, sent_recorded_by_user_id = $4 WHERE id = $1`, [id, sentAt, method, userId]);
}

export function lettersOf(em: EntityManager, caseId: string): Promise<LetterRow[]> {
  return queryRows<LetterRow>(em, `SELECT ${COLUMNS} FROM letters l WHERE l.case_id = $1 ORDER BY l.first_generated_at, l.id`, [caseId]);
}

/** Retention (§13): a case's letters go with its content. */
export async function eraseLetters(em: EntityManager, caseId: string): Promise<void> {
  await em.query(`DELETE FROM letters WHERE case_id = $1`, [caseId]);
}

/** The case view's `letters` section: each letter generated, and whether and how it was sent (process.md §2). */
export const LETTERS_SECTION = listSection(
  'letters',
  `SELECT json_agg(json_build_object('id', l.id, 'kind', l.kind, 'recordId', l.record_id, 'subjectStaffId', l.subject_staff_id,
     'firstGeneratedAt', ${isoSql('l.first_generated_at')}, 'lastGeneratedAt', ${isoSql('l.last_generated_at')},
     'sentAt', ${isoSql('l.sent_at')}, 'sentMethod', l.sent_method) ORDER BY l.first_generated_at, l.id)
   FROM letters l WHERE l.case_id = $1`,
);

/**
 * SQL (a json object: subject staff id → sent-at ISO string) of the case's letters of `kindSql` made from
 * the record `recordIdSql` and recorded as sent: what a written step's notice is counted from
 * (hearings: process.md §1, §2).
 */
export function sentLettersJsonSql(caseIdSql: string, kindSql: string, recordIdSql: string): string {
  return `COALESCE((SELECT json_object_agg(l.subject_staff_id, ${isoSql('l.sent_at')}) FROM letters l
    WHERE l.case_id = ${caseIdSql} AND l.kind = ${kindSql} AND l.record_id = ${recordIdSql} AND l.sent_at IS NOT NULL), '{}')`;
}
