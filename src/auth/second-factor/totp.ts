import { generateSecret, generateURI, verifySync } from 'otplib';

/**
 * TOTP (RFC 6238) for the second factor (process.md §7), with otplib v13: HMAC-SHA-1, 6 digits,
 * 30-second steps from the Unix epoch — the parameters every authenticator app assumes.
 */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_ISSUER = 'Social media casework';

// RFC 4226 §4 R6: the shared secret MUST be at least 128 bits; 160 bits RECOMMENDED.
const SECRET_BYTES = 20;

/** A new shared secret, base32 (RFC 4648, no padding), 160 random bits. */
export function newTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

/** The otpauth:// URI an authenticator app reads from the enrolment QR code. */
export function otpauthUri(secret: string, { accountName, issuer }: { accountName: string; issuer: string }): string {
  return generateURI({ strategy: 'totp', issuer, label: accountName, secret });
}

/** Spaces (and other white space) typed or pasted inside a code are forgiven: `123 456`. */
export function normaliseTotpCode(input: string): string {
  return input.replace(/\s+/g, '');
}

export type TotpCheck = { ok: true; step: number } | { ok: false };

/**
 * Checks a code typed by the person at `now`.
 *
 * - RFC 6238 §5.2: one step either side of the current one is accepted (the phone's clock may
 *   drift or the code may have been typed as the step turned); a tolerance of one period in
 *   seconds covers exactly the steps current-1, current and current+1 at any instant.
 * - RFC 6238 §5.2 ("the verifier MUST NOT accept the second attempt of the same OTP"): a step
 *   at or before `lastUsedStep` is refused, so a code (or an older one) cannot be replayed.
 *   On success the caller stores the returned `step` as the account's new `lastUsedStep`.
 * - Anything but six digits (after removing spaces) fails without reaching the HMAC.
 */
export function checkTotp(secret: string, code: string, now: Date, lastUsedStep: number | null): TotpCheck {
  const token = normaliseTotpCode(code);
  if (!new RegExp(`^[0-9]{${TOTP_DIGITS}}$`).test(token)) return { ok: false };
  const epoch = Math.floor(now.getTime() / 1000);
  if (!Number.isSafeInteger(epoch) || epoch < 0) throw new Error('checkTotp: now is not a valid instant');
  if (lastUsedStep !== null && !(Number.isSafeInteger(lastUsedStep) && lastUsedStep >= 0)) {
    throw new Error('checkTotp: lastUsedStep must be a step number (a non-negative integer) or null');
  }
  const latestAcceptable = Math.floor(epoch / TOTP_PERIOD_SECONDS) + 1;
  // otplib throws when afterTimeStep lies beyond the window; every step of the window is used up then.
  if (lastUsedStep !== null && lastUsedStep >= latestAcceptable) return { ok: false };
  const result = verifySync({
    strategy: 'totp',
    secret,
    token,
    algorithm: 'sha1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    epoch,
    epochTolerance: TOTP_PERIOD_SECONDS,
    afterTimeStep: lastUsedStep ?? undefined,
  });
  if (!result.valid || !('timeStep' in result)) return { ok: false };
  return { ok: true, step: result.timeStep };
}
