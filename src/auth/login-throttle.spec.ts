import { AttemptCounts, THROTTLE, throttleVerdict } from './login-throttle';

const clean: AttemptCounts = { pairFailures: 0, accountFailures: 0, addressFailures: 0, knownAddress: false };
const counts = (overrides: Partial<AttemptCounts>): AttemptCounts => ({ ...clean, ...overrides });

describe('login throttling', () => {
  it('the limits are the documented ones (15 minutes; 5 per pair, 20 per account, 100 per address; known for 30 days)', () => {
    expect(THROTTLE).toEqual({
      windowSeconds: 900,
      perAccountAndAddress: 5,
      perAccountFromUnknownAddress: 20,
      perAddress: 100,
      knownAddressDays: 30,
    });
  });

  it('allows a first attempt', () => {
    expect(throttleVerdict(clean)).toEqual({ allowed: true });
  });

  describe('per account and address', () => {
    it('allows 4 failures', () => {
      expect(throttleVerdict(counts({ pairFailures: 4, accountFailures: 4, addressFailures: 4 }))).toEqual({ allowed: true });
    });
    it('blocks at 5', () => {
      expect(throttleVerdict(counts({ pairFailures: 5, accountFailures: 5, addressFailures: 5 }))).toEqual({
        allowed: false,
        reason: 'account_and_address',
      });
    });
    it('blocks the pair even from a known address (guessing from the school’s own network)', () => {
      expect(throttleVerdict(counts({ pairFailures: 5, accountFailures: 5, addressFailures: 5, knownAddress: true }))).toEqual({
        allowed: false,
        reason: 'account_and_address',
      });
    });
    it('is checked before the account and address limits', () => {
      expect(throttleVerdict(counts({ pairFailures: 5, accountFailures: 50, addressFailures: 500 }))).toEqual({
        allowed: false,
        reason: 'account_and_address',
      });
    });
  });

  describe('per account, from addresses it has never signed in from (guessing spread over many addresses)', () => {
    it('allows 19 failures', () => {
      expect(throttleVerdict(counts({ pairFailures: 1, accountFailures: 19 }))).toEqual({ allowed: true });
    });
    it('blocks at 20 from an unknown address', () => {
      expect(throttleVerdict(counts({ pairFailures: 1, accountFailures: 20 }))).toEqual({ allowed: false, reason: 'account' });
    });
    it('the owner on a known address (the school) still gets in', () => {
      expect(throttleVerdict(counts({ pairFailures: 0, accountFailures: 500, knownAddress: true }))).toEqual({ allowed: true });
    });
    it('is checked before the per-address limit', () => {
      expect(throttleVerdict(counts({ accountFailures: 20, addressFailures: 100 }))).toEqual({ allowed: false, reason: 'account' });
    });
  });

  describe('per address across accounts (password spraying)', () => {
    it('allows 99 failures', () => {
      expect(throttleVerdict(counts({ addressFailures: 99 }))).toEqual({ allowed: true });
    });
    it('blocks at 100 for an account that has not signed in from there', () => {
      expect(throttleVerdict(counts({ addressFailures: 100 }))).toEqual({ allowed: false, reason: 'address' });
    });
    it('the staff room behind one NAT address is never blocked by the per-address limit', () => {
      for (const addressFailures of [100, 1_000, 1_000_000]) {
        expect(throttleVerdict(counts({ addressFailures, pairFailures: 0, knownAddress: true }))).toEqual({ allowed: true });
      }
    });
    it('a staff-room colleague with a few failures of their own is still allowed', () => {
      expect(throttleVerdict(counts({ addressFailures: 250, accountFailures: 4, pairFailures: 4, knownAddress: true }))).toEqual({
        allowed: true,
      });
    });
  });
});
