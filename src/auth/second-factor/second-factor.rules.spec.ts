import { CASEWORK_ROLES, ROLES } from '../../access/roles';
import { CASEWORK_ROLES_DEFAULT, providerMfaSatisfies, SECOND_FACTOR_THROTTLE, secondFactorRequired, secondFactorThrottle } from './second-factor.rules';

describe('second-factor rules (process.md §7)', () => {
  describe('CASEWORK_ROLES_DEFAULT: every role that reads casework', () => {
    it('is every role but admin', () => {
      expect([...CASEWORK_ROLES_DEFAULT].sort()).toEqual(ROLES.filter((r) => r !== 'admin').sort());
    });
    it('is the roles.ts list of casework roles', () => {
      expect([...CASEWORK_ROLES_DEFAULT].sort()).toEqual([...CASEWORK_ROLES].sort());
    });
    it('cannot be changed at run time', () => {
      expect(Object.isFrozen(CASEWORK_ROLES_DEFAULT)).toBe(true);
    });
  });

  describe('secondFactorRequired: any of the person’s roles is a required one', () => {
    it('requires it for each casework role under the default', () => {
      for (const role of CASEWORK_ROLES_DEFAULT) expect(secondFactorRequired([role], CASEWORK_ROLES_DEFAULT)).toBe(true);
    });
    it('does not require it of an admin alone under the default', () => {
      expect(secondFactorRequired(['admin'], CASEWORK_ROLES_DEFAULT)).toBe(false);
    });
    it('requires it when one role of several is required', () => {
      expect(secondFactorRequired(['admin', 'governor'], CASEWORK_ROLES_DEFAULT)).toBe(true);
      expect(secondFactorRequired(['admin', 'hr'], ['hr'])).toBe(true);
    });
    it('follows the organisation’s own choice', () => {
      expect(secondFactorRequired(['admin'], ['admin'])).toBe(true);
      expect(secondFactorRequired(['governor'], ['headteacher', 'hr'])).toBe(false);
      expect(secondFactorRequired(['headteacher'], [])).toBe(false);
    });
    it('requires nothing of a person without roles', () => {
      expect(secondFactorRequired([], CASEWORK_ROLES_DEFAULT)).toBe(false);
    });
  });

  describe('providerMfaSatisfies: the provider’s MFA (amr, RFC 8176) where the organisation accepts it', () => {
    it('is satisfied by "mfa" when the organisation accepts the provider’s MFA', () => {
      expect(providerMfaSatisfies(['mfa'], true)).toBe(true);
      expect(providerMfaSatisfies(['pwd', 'mfa'], true)).toBe(true); // as Microsoft Entra ID’s tokens state it
    });
    it('never when the organisation does not accept it', () => {
      for (const amr of [['mfa'], ['pwd', 'otp'], ['hwk', 'pin']]) expect(providerMfaSatisfies(amr, false)).toBe(false);
    });
    it('never without amr (Google’s ID tokens usually carry none)', () => {
      expect(providerMfaSatisfies(undefined, true)).toBe(false);
      expect(providerMfaSatisfies([], true)).toBe(false);
    });
    it('is satisfied by two kinds of factor (know, have, are)', () => {
      for (const amr of [
        ['pwd', 'otp'],
        ['hwk', 'pin'],
        ['swk', 'pin'],
        ['swk', 'fpt'],
        ['hwk', 'face'],
        ['pwd', 'sms'],
        ['sc', 'pin'],
        ['kba', 'tel'],
      ]) {
        expect([amr, providerMfaSatisfies(amr, true)]).toEqual([amr, true]);
      }
    });
    it('is not satisfied by one factor, or several of one kind', () => {
      for (const amr of [['pwd'], ['otp'], ['hwk'], ['swk'], ['fpt'], ['pwd', 'pin'], ['pwd', 'kba'], ['hwk', 'swk', 'otp'], ['fpt', 'face']]) {
        expect([amr, providerMfaSatisfies(amr, true)]).toEqual([amr, false]);
      }
    });
    it('counts what proves no factor for nothing: mca, rba, geo, user, wia, unknown values', () => {
      for (const amr of [
        ['pwd', 'mca'],
        ['pwd', 'rba'],
        ['pwd', 'geo'],
        ['pwd', 'user'],
        ['wia'],
        ['pwd', 'wia'],
        ['pwd', 'MFA'],
        ['pwd', 'constructor'],
        ['pwd', 'toString'],
      ]) {
        expect([amr, providerMfaSatisfies(amr, true)]).toEqual([amr, false]);
      }
    });
  });

  describe('secondFactorThrottle: per account', () => {
    it('the limit is 5 failures in 15 minutes', () => {
      expect(SECOND_FACTOR_THROTTLE).toEqual({ maxFailures: 5, windowSeconds: 900 });
    });
    it('allows up to 4 failures', () => {
      for (const failures of [0, 1, 4]) expect(secondFactorThrottle(failures)).toEqual({ allowed: true });
    });
    it('blocks from the 5th failure', () => {
      for (const failures of [5, 6, 1000]) expect(secondFactorThrottle(failures)).toEqual({ allowed: false });
    });
  });
});
