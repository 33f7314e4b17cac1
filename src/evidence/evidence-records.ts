import { EntityManager } from 'typeorm';
import { Role } from '../access/roles';
import { DomainError } from '../common/errors/domain-error';
import { isoSql, queryOne, queryRows } from '../database/sql';
import { CaseSection } from '../cases/case-section';
import { CustodyEventResponse, EvidenceResponse } from './dto/evidence.dto';
import { CustodyAction, EvidenceKind, Sensitivity } from './evidence.rules';

/** Reading and appending evidence rows and custody events (raw SQL, like the rest of the app). */

export interface EvidenceRow {
  id: string;
  case_id: string;
  kind: EvidenceKind;
  description: string;
  source: string;
  captured_at: Date;
  sensitivity: Sensitivity;
  sha256: string;
  size: string;
  media_type: string;
  original_filename: string;
  redacts_evidence_id: string | null;
  monitoring_authorisation_id: string | null;
  recorded_by_user_id: string;
  created_at: Date;
}

export const EVIDENCE_COLUMNS = `id, case_id, kind, description, source, captured_at, sensitivity, sha256, size, media_type, original_filename,
  redacts_evidence_id, monitoring_authorisation_id, recorded_by_user_id, created_at`;

export function toEvidenceResponse(row: EvidenceRow): EvidenceResponse {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    description: row.description,
    source: row.source,
    capturedAt: row.captured_at.toISOString(),
    sensitivity: row.sensitivity,
    sha256: row.sha256,
    size: Number(row.size),
    mediaType: row.media_type,
    originalFilename: row.original_filename,
    redactsEvidenceId: row.redacts_evidence_id,
    monitoringAuthorisationId: row.monitoring_authorisation_id,
    recordedByUserId: row.recorded_by_user_id,
    createdAt: row.created_at.toISOString(),
    withheld: false,
  };
}

/** The items of a case, oldest first: the case view's `evidence` section (the same fields as toEvidenceResponse). */
export const EVIDENCE_SECTION: CaseSection<'evidence'> = {
  name: 'evidence',
  sql: `COALESCE((SELECT json_agg(json_build_object('id', e.id, 'caseId', e.case_id, 'kind', e.kind, 'description', e.description,
      'source', e.source, 'capturedAt', ${isoSql('e.captured_at')}, 'sensitivity', e.sensitivity, 'sha256', e.sha256, 'size', e.size,
      'mediaType', e.media_type, 'originalFilename', e.original_filename, 'redactsEvidenceId', e.redacts_evidence_id,
      'monitoringAuthorisationId', e.monitoring_authorisation_id, 'recordedByUserId', e.recorded_by_user_id,
      'createdAt', ${isoSql('e.created_at')}, 'withheld', false) ORDER BY e.created_at, e.id)
    FROM evidence e WHERE e.case_id = $1), '[]')`,
};

/** Records a new item (its content already placed in the store). */
export async function insertEvidence(
  em: EntityManager,
  input: {
    organisationId: string;
    caseId: string;
    userId: string;
    item: {
      kind: EvidenceKind;
      description: string;
      source: string;
      capturedAt: Date;
      sensitivity?: Sensitivity;
      redactsEvidenceId?: string;
      monitoringAuthorisationId?: string;
    };
    file: { sha256: string; size: number; mediaType: string; declaredType: string | null; filename: string };
  },
): Promise<EvidenceRow> {
  const { item, file } = input;
  const row = await queryOne<EvidenceRow>(
    em,
    `INSERT INTO evidence (organisation_id, case_id, recorded_by_user_id, kind, description, source, captured_at, sensitivity,
       sha256, size, media_type, declared_media_type, original_filename, redacts_evidence_id, monitoring_authorisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${EVIDENCE_COLUMNS}`,
    [
      input.organisationId,
      input.caseId,
      input.userId,
      item.kind,
      item.description,
      item.source,
      item.capturedAt,
      item.sensitivity ?? 'personal',
      file.sha256,
      file.size,
      file.mediaType,
      file.declaredType,
      file.filename,
      item.redactsEvidenceId ?? null,
      item.monitoringAuthorisationId ?? null,
    ],
  );
  return row!;
}

/**
 * Retention (§13): the items and their custody trails go; returns the content hashes released,
 * whose files the reaper removes once no item of any case uses them.
 */
export async function eraseEvidence(em: EntityManager, caseId: string): Promise<string[]> {
  const released = await queryRows<{ sha256: string }>(em, `SELECT DISTINCT sha256 FROM evidence WHERE case_id = $1`, [caseId]);
  await em.query(`DELETE FROM evidence_custody_events WHERE case_id = $1`, [caseId]);
  await em.query(`DELETE FROM evidence WHERE case_id = $1`, [caseId]);
  return released.map((r) => r.sha256);
}

/** The ids among `ids` that are not evidence items of the case (a fact, a hearing invitation cite their own case's evidence only). */
export async function foreignEvidenceIds(em: EntityManager, caseId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await queryRows<{ id: string }>(em, `SELECT id FROM evidence WHERE case_id = $1 AND id = ANY($2::uuid[])`, [caseId, ids]);
  const known = new Set(found.map((f) => f.id));
  return ids.filter((id) => !known.has(id.toLowerCase()));
}

/** An item of this case, or 404 (an item of another case is not found, like a missing one). */
export async function requireEvidenceOfCase(em: EntityManager, caseId: string, evidenceId: string): Promise<EvidenceRow> {
  const row = await queryOne<EvidenceRow>(em, `SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE id = $1 AND case_id = $2`, [evidenceId, caseId]);
  if (!row) throw DomainError.notFound('Evidence');
  return row;
}

export interface CustodyInput {
  organisationId: string;
  caseId: string;
  evidenceId: string;
  userId: string;
  role: Role;
  action: CustodyAction;
  note?: string | null;
  /** Hand-overs only. */
  recipient?: string | null;
  occurredAt?: Date | null;
}

/** Appends a link to the item's chain of custody (domain.md: every view, download and hand-over). */
export async function recordCustody(em: EntityManager, input: CustodyInput): Promise<void> {
  await em.query(
    `INSERT INTO evidence_custody_events (organisation_id, case_id, recorded_by_user_id, created_at, evidence_id, action, actor_role, note, recipient, occurred_at)
     VALUES ($1, $2, $3, clock_timestamp(), $4, $5, $6, $7, $8, $9)`,
    [
      input.organisationId,
      input.caseId,
      input.userId,
      input.evidenceId,
      input.action,
      input.role,
      input.note ?? null,
      input.recipient ?? null,
      input.occurredAt ?? null,
    ],
  );
}

interface CustodyRow {
  action: CustodyAction;
  created_at: Date;
  recorded_by_user_id: string;
  actor_role: string | null;
  note: string | null;
  recipient: string | null;
  occurred_at: Date | null;
}

/** The chain of custody, oldest first. */
export async function custodyOf(em: EntityManager, evidenceId: string): Promise<CustodyEventResponse[]> {
  const rows = await queryRows<CustodyRow>(
    em,
    `SELECT action, created_at, recorded_by_user_id, actor_role, note, recipient, occurred_at FROM evidence_custody_events WHERE evidence_id = $1 ORDER BY created_at, id`,
    [evidenceId],
  );
  return rows.map((row) => ({
    action: row.action,
    at: row.created_at.toISOString(),
    userId: row.recorded_by_user_id,
    role: row.actor_role,
    note: row.note,
    to: row.recipient,
    handedOverAt: row.occurred_at?.toISOString() ?? null,
  }));
}
