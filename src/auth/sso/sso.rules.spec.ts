import { amrOf, emailDomainAllowed, emailVerifiedOf, isLoopbackIssuer, issuerProblem, secretAuthMethod, stateMatches, stringClaim } from './sso.rules';

describe('single sign-on rules', () => {
  describe('emailDomainAllowed', () => {
    const school = ['school.org'];

    it('allows an e-mail in a listed domain', () => {
      expect(emailDomainAllowed('head@school.org', school)).toBe(true);
    });
    it('ignores case on both sides', () => {
      expect(emailDomainAllowed('Head@SCHOOL.Org', school)).toBe(true);
      expect(emailDomainAllowed('head@school.org', ['School.ORG'])).toBe(true);
    });
    it('refuses a domain that merely ends with a listed one', () => {
      expect(emailDomainAllowed('head@evil-school.org', school)).toBe(false);
      expect(emailDomainAllowed('head@notschool.org', school)).toBe(false);
    });
    it('refuses a subdomain unless it is listed itself', () => {
      expect(emailDomainAllowed('head@staff.school.org', school)).toBe(false);
      expect(emailDomainAllowed('head@staff.school.org', ['school.org', 'staff.school.org'])).toBe(true);
    });
    it('refuses a listed domain used as a prefix or hidden in the local part', () => {
      expect(emailDomainAllowed('head@school.org.evil.com', school)).toBe(false);
      expect(emailDomainAllowed('school.org@evil.com', school)).toBe(false);
      expect(emailDomainAllowed('"a@school.org"@evil.com', school)).toBe(false);
    });
    it('allows any of several listed domains', () => {
      expect(emailDomainAllowed('clerk@trust.org.uk', ['school.org', 'trust.org.uk'])).toBe(true);
    });
    it('accepts the trailing dot of a fully qualified domain', () => {
      expect(emailDomainAllowed('head@school.org.', school)).toBe(true);
    });
    it('allows no one when no domain is listed', () => {
      expect(emailDomainAllowed('head@school.org', [])).toBe(false);
    });
    it('refuses what is not an e-mail', () => {
      expect(emailDomainAllowed('school.org', school)).toBe(false);
      expect(emailDomainAllowed('@school.org', school)).toBe(false);
      expect(emailDomainAllowed('head@', school)).toBe(false);
      expect(emailDomainAllowed('head@school.org', [''])).toBe(false);
      expect(emailDomainAllowed('head@.', ['.'])).toBe(false);
    });
  });

  describe('issuerProblem', () => {
    it('accepts https issuers (Entra ID, Google)', () => {
      expect(issuerProblem('https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0')).toBeNull();
      expect(issuerProblem('https://accounts.google.com')).toBeNull();
    });
    it('refuses plain http elsewhere than this machine', () => {
      expect(issuerProblem('http://accounts.google.com')).toMatch(/https/);
      expect(issuerProblem('http://127.0.0.1.evil.com')).toMatch(/https/);
      expect(issuerProblem('http://localhost.evil.com:8080')).toMatch(/https/);
    });
    it('accepts plain http on a loopback host (a provider in the tests)', () => {
      expect(issuerProblem('http://127.0.0.1:4567')).toBeNull();
      expect(issuerProblem('http://localhost:4567/realm')).toBeNull();
      expect(issuerProblem('http://[::1]:4567')).toBeNull();
    });
    it('refuses other schemes, non-URLs, queries, fragments and credentials', () => {
      expect(issuerProblem('ftp://idp.example.org')).toMatch(/https/);
      expect(issuerProblem('idp.example.org')).toMatch(/not a URL/);
      expect(issuerProblem('https://idp.example.org?tenant=1')).toMatch(/query/);
      expect(issuerProblem('https://idp.example.org#x')).toMatch(/fragment/);
      expect(issuerProblem('https://user:pw@idp.example.org')).toMatch(/password/);
    });
  });

  describe('isLoopbackIssuer', () => {
    it('is true only for 127.0.0.1, localhost and ::1', () => {
      expect(isLoopbackIssuer('http://127.0.0.1:1')).toBe(true);
      expect(isLoopbackIssuer('http://LOCALHOST:1')).toBe(true);
      expect(isLoopbackIssuer('http://[::1]:1')).toBe(true);
      expect(isLoopbackIssuer('http://10.0.0.1')).toBe(false);
      expect(isLoopbackIssuer('https://localhost.example.org')).toBe(false);
      expect(isLoopbackIssuer('not a url')).toBe(false);
    });
  });

  describe('stateMatches', () => {
    it('matches the same state', () => {
      expect(stateMatches('abc', 'abc')).toBe(true);
    });
    it('refuses another, a missing or an empty state', () => {
      expect(stateMatches('abd', 'abc')).toBe(false);
      expect(stateMatches(null, 'abc')).toBe(false);
      expect(stateMatches('', '')).toBe(false);
    });
  });

  describe('claims', () => {
    it('amr: the strings of an array, else nothing', () => {
      expect(amrOf(['pwd', 'mfa'])).toEqual(['pwd', 'mfa']);
      expect(amrOf(['pwd', 3, null])).toEqual(['pwd']);
      expect(amrOf('mfa')).toEqual([]);
      expect(amrOf(undefined)).toEqual([]);
    });
    it('email_verified: true or "true" only', () => {
      expect(emailVerifiedOf(true)).toBe(true);
      expect(emailVerifiedOf('true')).toBe(true);
      expect(emailVerifiedOf(false)).toBe(false);
      expect(emailVerifiedOf('false')).toBe(false);
      expect(emailVerifiedOf(1)).toBe(false);
      expect(emailVerifiedOf(undefined)).toBe(false);
    });
    it('a string claim, or null when missing, empty or not a string', () => {
      expect(stringClaim('a@b.org')).toBe('a@b.org');
      expect(stringClaim('')).toBeNull();
      expect(stringClaim(undefined)).toBeNull();
      expect(stringClaim(['a'])).toBeNull();
    });
  });

  describe('secretAuthMethod', () => {
    it('is client_secret_basic by default (RFC 8414 §2) and when listed', () => {
      expect(secretAuthMethod(undefined)).toBe('client_secret_basic');
      expect(secretAuthMethod(['client_secret_post', 'private_key_jwt', 'client_secret_basic'])).toBe('client_secret_basic');
    });
    it('is client_secret_post when only that is listed', () => {
      expect(secretAuthMethod(['client_secret_post'])).toBe('client_secret_post');
      expect(secretAuthMethod(['private_key_jwt', 'client_secret_post'])).toBe('client_secret_post');
    });
  });
});
