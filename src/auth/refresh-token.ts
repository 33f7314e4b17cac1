import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Refresh tokens: `<session id>.<secret>`, the secret 256 random bits (base64url). The session
 * id lets the server find the session without an index on secrets; only SHA-256 of the secret
 * is stored, so a copy of the database signs nobody in.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export interface RefreshToken {
  sessionId: string;
  secret: string;
}

export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatRefreshToken(sessionId: string, secret: string): string {
  return `${sessionId}.${secret}`;
}

/** The parts of a well-formed token, or null (then it is refused like an unknown one). */
export function parseRefreshToken(token: string): RefreshToken | null {
  const [sessionId, secret, ...rest] = token.split('.');
  if (rest.length || !UUID.test(sessionId ?? '') || !SECRET.test(secret ?? '')) return null;
  return { sessionId, secret };
}

export function hashRefreshSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
