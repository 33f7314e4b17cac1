import { createHash } from 'node:crypto';

/**
 * The audit chain's format (§4, §5, §13: every action provable), in TypeScript.
 *
 * The database computes the chain itself (functions `audit_append` and `audit_verify`, in
 * migration AuditChainInDatabase): one statement per event, and verification where the data
 * is. This module is the same arithmetic, independent of the database, so anyone holding an
 * export of `audit_events` can check the chain without trusting our SQL; the tests hold the
 * two implementations together.
 *
 *   field(x)        = "-" for NULL, else "<length in characters>:<x>"   (no field can spill into the next)
 *   link text       = field(seq) \n field(organisationId) \n field(id) \n field(occurredAt, ISO ms Z) \n field(actorUserId)
 *                     \n field(actorRole) \n field(action) \n field(caseId) \n field(entityType) \n field(entityId)
 *                     \n field(reason) \n field(payloadDigest)
 *   hash(n)         = hex SHA-256( hash(n-1) \n link text(n) ), hash(0) = 64 zeros
 *   payloadDigest   = hex SHA-256 of the payload's exact JSON text (stored as `json`, byte for byte)
 *
 * The payload enters the chain only through its digest, so retention can erase a payload
 * (§13) while every link still verifies.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  organisationId: string;
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  caseId: string | null;
  entityType: string | null;
  entityId: string | null;
  reason: string | null;
  payloadDigest: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Length-prefixed, so that no value can be shifted into its neighbour without changing the text. */
export function field(value: string | number | null): string {
  if (value === null) return '-';
  const text = String(value);
  return `${[...text].length}:${text}`;
}

export function linkText(f: ChainedFields): string {
  return [
    f.seq,
    f.organisationId,
    f.id,
    f.occurredAt.toISOString(),
    f.actorUserId,
    f.actorRole,
    f.action,
    f.caseId,
    f.entityType,
    f.entityId,
    f.reason,
    f.payloadDigest,
  ]
    .map(field)
    .join('\n');
}

export function chainHash(prevHash: string, fields: ChainedFields): string {
  return sha256(`${prevHash}\n${linkText(fields)}`);
}

/** The digest of a payload's JSON text, exactly as stored. */
export function payloadDigest(payloadJson: string): string {
  return sha256(payloadJson);
}

export interface StoredLink extends ChainedFields {
  prevHash: string;
  hash: string;
  /** The payload's JSON text; null when erased under retention (§13). */
  payloadJson: string | null;
}

export type LinkProblem = 'gap' | 'prev_hash' | 'hash' | 'payload';

/**
 * Checks one link against the one before it. Returns what is wrong, or null.
 * `expectedSeq` catches deletions and reorderings; `prevHash` edits of earlier links.
 */
export function checkLink(link: StoredLink, expectedSeq: number, prevHash: string): LinkProblem | null {
  if (link.seq !== expectedSeq) return 'gap';
  if (link.prevHash !== prevHash) return 'prev_hash';
  if (chainHash(prevHash, link) !== link.hash) return 'hash';
  if (link.payloadJson !== null && payloadDigest(link.payloadJson) !== link.payloadDigest) return 'payload';
  return null;
}
