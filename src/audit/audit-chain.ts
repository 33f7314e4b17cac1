import { createHash } from 'node:crypto';

/**
 * The audit chain's arithmetic (§4, §5, §13: every action provable). Pure, so the
 * writer and the verifier cannot disagree.
 *
 *   hash(n) = SHA-256( hash(n-1) ‖ "\n" ‖ JSON[seq, organisationId, id, occurredAt, actorUserId,
 *                      actorRole, action, caseId, entityType, entityId, reason, payloadDigest] )
 *
 * The payload enters only through its digest, so retention can erase a payload (§13)
 * while every link still verifies.
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

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** Plain JSON data (dates become ISO strings), as it will come back from jsonb. */
export function toJsonValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}

export function payloadDigest(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload ?? null)).digest('hex');
}

export function linkText(fields: ChainedFields): string {
  return JSON.stringify([
    fields.seq,
    fields.organisationId,
    fields.id,
    fields.occurredAt.toISOString(),
    fields.actorUserId,
    fields.actorRole,
    fields.action,
    fields.caseId,
    fields.entityType,
    fields.entityId,
    fields.reason,
    fields.payloadDigest,
  ]);
}

export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(linkText(fields)).digest('hex');
}

export interface StoredLink extends ChainedFields {
  prevHash: string;
  hash: string;
  /** null when erased under retention (§13); the digest still stands in the chain. */
  payload: unknown;
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
  if (link.payload !== null && link.payload !== undefined && payloadDigest(link.payload) !== link.payloadDigest) return 'payload';
  return null;
}
