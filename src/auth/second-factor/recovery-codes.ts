import { createHmac, randomInt } from 'node:crypto';

/**
 * One-time recovery codes for the second factor (process.md §7: "TOTP (RFC 6238) with one-time
 * recovery codes"): ten shown once at enrolment, stored only as keyed hashes, each usable once.
 */
export const RECOVERY_CODE_COUNT = 10;

/**
 * Crockford's Base32 alphabet (https://www.crockford.com/base32.html), lower case: the digits and
 * the letters without i, l, o and u, so no two symbols look alike; the look-alikes a person may
 * still type (o for 0, i or l for 1) are read as the digit, as Crockford specifies.
 * 32 symbols = 5 bits each; 10 symbols = 50 bits per code.
 */
export const RECOVERY_CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const GROUP = 5;
const LENGTH = 2 * GROUP;
export const RECOVERY_CODE_BITS = LENGTH * Math.log2(RECOVERY_CODE_ALPHABET.length);

/** Ten new codes, `xxxxx-xxxxx`, each symbol drawn uniformly with the CSPRNG (50 bits a code). */
export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) {
    let code = '';
    for (let i = 0; i < LENGTH; i++) code += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
    codes.add(`${code.slice(0, GROUP)}-${code.slice(GROUP)}`);
  }
  return [...codes];
}

const CROCKFORD_LOOK_ALIKES: Record<string, string> = { o: '0', i: '1', l: '1' };
const CANONICAL = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${LENGTH}}$`);

/**
 * The canonical form of what a person typed (ten symbols, lower case, no separator), or null when
 * it cannot be a recovery code. Case, spaces and hyphens are forgiven, and o/i/l are read as 0/1.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const squashed = input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-‐‑‒–—]+/g, '')
    .replace(/[oil]/g, (c) => CROCKFORD_LOOK_ALIKES[c]);
  return CANONICAL.test(squashed) ? squashed : null;
}

/**
 * The stored form of a recovery code: HMAC-SHA-256 of its canonical form under a server-side
 * pepper (a secret kept out of the database), hex.
 *
 * A fast keyed hash rather than a slow password hash, because the codes are random (50 bits
 * each, not chosen by a person, so no dictionary applies), one-time and only usable after the
 * password; a database copied without the pepper allows no offline guessing at all, and online
 * guessing is rate-limited (second-factor.rules.ts). Being deterministic, the hash can be looked
 * up directly (`WHERE code_hash = $1 AND used_at IS NULL`) instead of trying each stored code.
 *
 * Throws when `code` is not a recovery code (normalise first and refuse null) or the pepper is empty.
 */
export function hashRecoveryCode(code: string, pepper: string): string {
  if (!pepper) throw new Error('hashRecoveryCode: the pepper must not be empty');
  const canonical = normaliseRecoveryCode(code);
  if (canonical === null) throw new Error('hashRecoveryCode: not a recovery code');
  return createHmac('sha256', pepper).update(canonical, 'utf8').digest('hex');
}
