import { createHmac } from 'node:crypto';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_ALPHABET, RECOVERY_CODE_BITS } from './recovery-codes';

const pepper = 'test-pepper-not-a-secret';

describe('recovery codes', () => {
  describe('newRecoveryCodes', () => {
    it('gives ten different codes, xxxxx-xxxxx', () => {
      const codes = newRecoveryCodes();
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    });

    it('has at least 50 bits of randomness a code (32 symbols, 10 of them)', () => {
      expect(RECOVERY_CODE_ALPHABET).toHaveLength(32);
      expect(new Set(RECOVERY_CODE_ALPHABET).size).toBe(32);
      expect(RECOVERY_CODE_BITS).toBeGreaterThanOrEqual(50);
    });

    it('has no look-alike symbols (no i, l, o, u)', () => {
      expect(RECOVERY_CODE_ALPHABET).not.toMatch(/[ilou]/);
    });

    it('draws every symbol in every position (no fixed or missing symbols)', () => {
      const seen = Array.from({ length: 10 }, () => new Set<string>());
      for (let i = 0; i < 200; i++) {
        for (const code of newRecoveryCodes()) [...code.replace('-', '')].forEach((c, position) => seen[position].add(c));
      }
      // 2,000 draws per position: each of the 32 symbols is missed with probability (31/32)^2000 ≈ 3e-28
      for (const symbols of seen) expect(symbols.size).toBe(32);
    });

    it('gives different codes each time', () => {
      const all = new Set(Array.from({ length: 100 }, () => newRecoveryCodes()).flat());
      expect(all.size).toBe(1000);
    });
  });

  describe('normaliseRecoveryCode: case, spaces and hyphens forgiven', () => {
    it('accepts the code as shown', () => {
      expect(normaliseRecoveryCode('7k3mq-x9z2a')).toBe('7k3mqx9z2a');
    });
    it('forgives case, spaces, hyphens and dashes', () => {
      for (const typed of ['7K3MQ-X9Z2A', '7k3mq x9z2a', ' 7k3mqx9z2a ', '7k3-mq-x9z-2a', '7K3MQ – X9Z2A', '7k3mq‑x9z2a']) {
        expect(normaliseRecoveryCode(typed)).toBe('7k3mqx9z2a');
      }
    });
    it('reads the look-alikes o, i and l as 0 and 1 (Crockford)', () => {
      expect(normaliseRecoveryCode('O1iLo-00000')).toBe('01110-00000'.replace('-', ''));
    });
    it('refuses what cannot be a code', () => {
      for (const typed of ['', '7k3mq', '7k3mq-x9z2', '7k3mq-x9z2a1', '7k3mq-x9z2u', '7k3mq_x9z2a', '7k3mq-x9z2!']) {
        expect(normaliseRecoveryCode(typed)).toBeNull();
      }
    });
    it('gives back every new code unchanged but for the hyphen', () => {
      for (const code of newRecoveryCodes()) expect(normaliseRecoveryCode(code)).toBe(code.replace('-', ''));
    });
  });

  describe('hashRecoveryCode', () => {
    it('is HMAC-SHA-256 of the normalised code under the pepper, hex', () => {
      const expected = createHmac('sha256', pepper).update('7k3mqx9z2a').digest('hex');
      expect(hashRecoveryCode('7k3mq-x9z2a', pepper)).toBe(expected);
      expect(expected).toMatch(/^[0-9a-f]{64}$/);
    });
    it('gives the same hash however the code was typed', () => {
      const stored = hashRecoveryCode('7k3mq-x9z2a', pepper);
      for (const typed of ['7K3MQ X9Z2A', '7k3mqx9z2a', ' 7k3-mqx9-z2a ']) expect(hashRecoveryCode(typed, pepper)).toBe(stored);
    });
    it('depends on the pepper and on the code', () => {
      const stored = hashRecoveryCode('7k3mq-x9z2a', pepper);
      expect(hashRecoveryCode('7k3mq-x9z2a', 'another pepper')).not.toBe(stored);
      expect(hashRecoveryCode('7k3mq-x9z2b', pepper)).not.toBe(stored);
    });
    it('does not contain the code', () => {
      expect(hashRecoveryCode('7k3mq-x9z2a', pepper)).not.toContain('7k3mq');
    });
    it('refuses an empty pepper and what is not a code', () => {
      expect(() => hashRecoveryCode('7k3mq-x9z2a', '')).toThrow();
      expect(() => hashRecoveryCode('not a code', pepper)).toThrow();
    });
  });
});
