import { PASSWORD_MIN_LENGTH, passwordProblem, temporaryPassword } from './password-policy';

const HELEN = { email: 'helen.head@demo.school', name: 'Helen Head' };

describe('password rules (NCSC: length and a deny-list, no composition rules)', () => {
  it('at least 12 characters, counted as characters, not bytes', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(passwordProblem('elevenchars', HELEN)).toBe('too_short');
    expect(passwordProblem('twelve-chars', HELEN)).toBeNull();
    expect(passwordProblem('é'.repeat(5) + 'ø'.repeat(6), HELEN)).toBe('too_short');
    expect(passwordProblem('自転車で学校へ行きます毎日', HELEN)).toBeNull();
  });

  it('no composition rules: all lower-case letters, no digits, no symbols is fine when long and uncommon', () => {
    expect(passwordProblem('ladder violet harbour', HELEN)).toBeNull();
  });

  it('the e-mail or the name is refused, whatever the case, spacing or punctuation', () => {
    expect(passwordProblem('Helen.Head@Demo.School', HELEN)).toBe('personal');
    expect(passwordProblem('  helen.head@demo.school ', HELEN)).toBe('personal');
    expect(passwordProblem('helen head teacher', { ...HELEN, name: 'Helen Head Teacher' })).toBe('personal');
  });

  it('a password containing the e-mail’s local part or the name is refused', () => {
    expect(passwordProblem('my-helen.head-2026', HELEN)).toBe('personal');
    expect(passwordProblem('HelenHead-rules!', HELEN)).toBe('personal');
    // a short local part (hr@…) is not looked for inside words ("three" contains "hr")
    expect(passwordProblem('three tall ladders', { email: 'hr@demo.school', name: 'HR' })).toBeNull();
  });

  it('a commonly used password is refused, in any case', () => {
    for (const common of ['password1234', 'PASSWORD1234', 'qwertyuiop123', '1qaz2wsx3edc', '123456789012']) {
      expect({ common, problem: passwordProblem(common, HELEN) }).toEqual({ common, problem: 'common' });
    }
  });

  it('a common password padded with digits and symbols is refused', () => {
    for (const padded of ['Password2026!', 'monkey123456', '!!!iloveyou!!!', '2026-football-2026']) {
      expect({ padded, problem: passwordProblem(padded, HELEN) }).toEqual({ padded, problem: 'common' });
    }
  });

  it('a short run of characters repeated is refused', () => {
    for (const repeated of ['aaaaaaaaaaaa', 'abcabcabcabc', 'xyzwxyzwxyzw']) {
      expect({ repeated, problem: passwordProblem(repeated, HELEN) }).toEqual({ repeated, problem: 'common' });
    }
  });

  it('the passwords the tests and the demo use pass', () => {
    for (const fine of ['werrington-demo', 'test-password-123', 'a-long-enough-password', 'twelve-chars']) {
      expect({ fine, problem: passwordProblem(fine, { email: 'someone@demo.school', name: 'Some One' }) }).toEqual({ fine, problem: null });
    }
  });

  it('a temporary password is five random words that pass the rules', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const password = temporaryPassword(HELEN);
      expect(password.split('-')).toHaveLength(5);
      expect(passwordProblem(password, HELEN)).toBeNull();
      seen.add(password);
    }
    expect(seen.size).toBe(20);
  });
});
