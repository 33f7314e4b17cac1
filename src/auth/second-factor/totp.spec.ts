import { generateSync } from 'otplib';
import { checkTotp, newTotpSecret, otpauthUri, TOTP_ISSUER } from './totp';

// RFC 6238 Appendix B: the ASCII secret "12345678901234567890", base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** The code an authenticator app shows during time step `step` (computed by otplib itself). */
const codeAt = (secret: string, step: number) => generateSync({ secret, epoch: step * 30 + 7 });
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP (RFC 6238)', () => {
  // fixed secrets, so that no run can meet two steps that happen to share a code
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ';
  const otherSecret = 'KRUGS4ZANFZSAYLON52GQZLSEBZWKY3S';
  const k = 58_000_000; // a step in 2025: 30k s after the epoch

  describe('the shared secret (RFC 4226 §4 R6)', () => {
    it('is base32 of 160 bits and new each time', () => {
      const secrets = new Set(Array.from({ length: 50 }, () => newTotpSecret()));
      expect(secrets.size).toBe(50);
      for (const s of secrets) expect(s).toMatch(/^[A-Z2-7]{32}$/); // 32 symbols × 5 bits
    });
    it('works with the codes an app computes from it', () => {
      const fresh = newTotpSecret();
      expect(checkTotp(fresh, codeAt(fresh, k), at(30 * k + 12), null)).toEqual({ ok: true, step: k });
    });
  });

  it('agrees with the RFC 6238 Appendix B test values (SHA-1, last six digits)', () => {
    expect(checkTotp(RFC_SECRET, '287082', at(59), null)).toEqual({ ok: true, step: 1 });
    expect(checkTotp(RFC_SECRET, '081804', at(1111111109), null)).toEqual({ ok: true, step: 37037036 });
    expect(checkTotp(RFC_SECRET, '005924', at(1234567890), null)).toEqual({ ok: true, step: 41152263 });
    expect(checkTotp(RFC_SECRET, '279037', at(2000000000), null)).toEqual({ ok: true, step: 66666666 });
  });

  describe('the window: the current step and one either side (RFC 6238 §5.2)', () => {
    const now = at(30 * k + 15);
    it('accepts the current step', () => {
      expect(checkTotp(secret, codeAt(secret, k), now, null)).toEqual({ ok: true, step: k });
    });
    it('accepts the previous step', () => {
      expect(checkTotp(secret, codeAt(secret, k - 1), now, null)).toEqual({ ok: true, step: k - 1 });
    });
    it('accepts the next step', () => {
      expect(checkTotp(secret, codeAt(secret, k + 1), now, null)).toEqual({ ok: true, step: k + 1 });
    });
    it('refuses two steps away, either way', () => {
      expect(checkTotp(secret, codeAt(secret, k - 2), now, null)).toEqual({ ok: false });
      expect(checkTotp(secret, codeAt(secret, k + 2), now, null)).toEqual({ ok: false });
    });
    it('refuses a code of another secret', () => {
      expect(checkTotp(otherSecret, codeAt(secret, k), now, null)).toEqual({ ok: false });
    });
  });

  describe('at the edges of a step', () => {
    it('exactly at t = 30k s the current step is k: k-1, k, k+1 accepted; k-2, k+2 refused', () => {
      const now = at(30 * k);
      expect(checkTotp(secret, codeAt(secret, k - 1), now, null)).toEqual({ ok: true, step: k - 1 });
      expect(checkTotp(secret, codeAt(secret, k), now, null)).toEqual({ ok: true, step: k });
      expect(checkTotp(secret, codeAt(secret, k + 1), now, null)).toEqual({ ok: true, step: k + 1 });
      expect(checkTotp(secret, codeAt(secret, k - 2), now, null)).toEqual({ ok: false });
      expect(checkTotp(secret, codeAt(secret, k + 2), now, null)).toEqual({ ok: false });
    });
    it('at t = 30k - 1 s the current step is still k-1: k-2, k-1, k accepted; k+1, k-3 refused', () => {
      const now = at(30 * k - 1);
      expect(checkTotp(secret, codeAt(secret, k - 2), now, null)).toEqual({ ok: true, step: k - 2 });
      expect(checkTotp(secret, codeAt(secret, k - 1), now, null)).toEqual({ ok: true, step: k - 1 });
      expect(checkTotp(secret, codeAt(secret, k), now, null)).toEqual({ ok: true, step: k });
      expect(checkTotp(secret, codeAt(secret, k + 1), now, null)).toEqual({ ok: false });
      expect(checkTotp(secret, codeAt(secret, k - 3), now, null)).toEqual({ ok: false });
    });
    it('one millisecond before 30k s is still step k-1', () => {
      const now = new Date(30 * k * 1000 - 1);
      expect(checkTotp(secret, codeAt(secret, k + 1), now, null)).toEqual({ ok: false });
      expect(checkTotp(secret, codeAt(secret, k - 2), now, null)).toEqual({ ok: true, step: k - 2 });
    });
  });

  describe('a code is usable once (replay, RFC 6238 §5.2)', () => {
    const now = at(30 * k + 20);
    it('refuses the step just used', () => {
      const first = checkTotp(secret, codeAt(secret, k), now, null);
      expect(first).toEqual({ ok: true, step: k });
      expect(checkTotp(secret, codeAt(secret, k), now, k)).toEqual({ ok: false });
    });
    it('refuses an earlier step still inside the window once a later one was used', () => {
      expect(checkTotp(secret, codeAt(secret, k - 1), now, k)).toEqual({ ok: false });
      expect(checkTotp(secret, codeAt(secret, k - 1), now, k - 1)).toEqual({ ok: false });
    });
    it('accepts the next step after the last used one', () => {
      expect(checkTotp(secret, codeAt(secret, k), now, k - 1)).toEqual({ ok: true, step: k });
      expect(checkTotp(secret, codeAt(secret, k + 1), now, k)).toEqual({ ok: true, step: k + 1 });
    });
    it('refuses everything (without throwing) when the last used step lies beyond the window', () => {
      expect(checkTotp(secret, codeAt(secret, k + 1), now, k + 1)).toEqual({ ok: false });
      expect(checkTotp(secret, codeAt(secret, k), now, k + 5)).toEqual({ ok: false });
    });
  });

  describe('what was typed', () => {
    const now = at(30 * k + 3);
    const code = codeAt(secret, k);
    it('forgives spaces inside and around the code', () => {
      for (const typed of [`${code.slice(0, 3)} ${code.slice(3)}`, ` ${code}\t`, code.split('').join(' ')]) {
        expect(checkTotp(secret, typed, now, null)).toEqual({ ok: true, step: k });
      }
    });
    it('refuses anything that is not six digits', () => {
      for (const typed of ['', code.slice(0, 5), `${code}0`, `0${code}`, 'abcdef', `${code.slice(0, 5)}x`, `${code.slice(0, 3)}-${code.slice(3)}`]) {
        expect(checkTotp(secret, typed, now, null)).toEqual({ ok: false });
      }
      const fullWidth = code.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
      expect(checkTotp(secret, fullWidth, now, null)).toEqual({ ok: false });
    });
  });

  it('refuses a last used step that is not a step number (a caller bug)', () => {
    expect(() => checkTotp(secret, '123456', at(30 * k), -1)).toThrow();
    expect(() => checkTotp(secret, '123456', at(30 * k), 1.5)).toThrow();
    expect(() => checkTotp(secret, '123456', new Date(NaN), null)).toThrow();
  });

  describe('the otpauth:// URI for the QR code', () => {
    it('names the issuer and the account and carries the secret', () => {
      const uri = otpauthUri(secret, { accountName: 'h.head+sm@school.example.org', issuer: TOTP_ISSUER });
      const url = new URL(uri);
      expect(url.protocol).toBe('otpauth:');
      expect(url.host).toBe('totp');
      expect(decodeURIComponent(url.pathname)).toBe('/Social media casework:h.head+sm@school.example.org');
      expect(url.searchParams.get('secret')).toBe(secret);
      expect(url.searchParams.get('issuer')).toBe('Social media casework');
      // the defaults every app assumes: SHA-1, 6 digits, 30 s (absent, or stated as such)
      expect(url.searchParams.get('algorithm') ?? 'SHA1').toBe('SHA1');
      expect(url.searchParams.get('digits') ?? '6').toBe('6');
      expect(url.searchParams.get('period') ?? '30').toBe('30');
    });
  });
});
