import { referralDecisionProblem, referralDecisionsMissing, requireReferralDecisions } from './referral-decisions.rules';

const none = new Set<'dbs' | 'tra'>();
const dismissed = { safeguarding: true, sanctionInForce: 'dismissal_with_notice', teacherSubject: false, decided: none };

describe('no close without the DBS (and, for a teacher, TRA) referral decision (KCSIE Part 4, process.md §3)', () => {
  it.each(['dismissal_with_notice', 'summary_dismissal'])('a safeguarding case whose sanction in force is %s needs the DBS decision', (sanctionInForce) => {
    expect(referralDecisionsMissing({ ...dismissed, sanctionInForce })).toEqual(['dbs']);
    expect(() => requireReferralDecisions({ ...dismissed, sanctionInForce })).toThrow(expect.objectContaining({ code: 'referral_decision_required' }));
  });

  it('a teacher also needs the TRA decision', () => {
    expect(referralDecisionsMissing({ ...dismissed, teacherSubject: true })).toEqual(['dbs', 'tra']);
    expect(referralDecisionsMissing({ ...dismissed, teacherSubject: true, decided: new Set(['dbs']) })).toEqual(['tra']);
    expect(referralDecisionsMissing({ ...dismissed, teacherSubject: true, decided: new Set(['dbs', 'tra']) })).toEqual([]);
    expect(() => requireReferralDecisions({ ...dismissed, teacherSubject: true, decided: new Set(['dbs']) })).toThrow(/TRA/);
  });

  it('once recorded (referred or not), the case may close', () => {
    expect(referralDecisionsMissing({ ...dismissed, decided: new Set(['dbs']) })).toEqual([]);
    expect(() => requireReferralDecisions({ ...dismissed, decided: new Set(['dbs']) })).not.toThrow();
  });

  it('is about safeguarding cases ending in dismissal only: other sanctions, no sanction, or a case that is not safeguarding close as before', () => {
    for (const sanctionInForce of ['no_action', 'informal_action', 'first_written_warning', 'final_written_warning', null]) {
      expect(referralDecisionsMissing({ ...dismissed, sanctionInForce, teacherSubject: true })).toEqual([]);
    }
    expect(referralDecisionsMissing({ ...dismissed, safeguarding: false, teacherSubject: true })).toEqual([]);
  });
});

describe('a referral decision is complete', () => {
  it('referred: when; not referred: why — and nothing of the other', () => {
    expect(referralDecisionProblem({ referred: true, referredAt: '2026-11-20T10:00:00Z' })).toBeNull();
    expect(referralDecisionProblem({ referred: false, reasonNotReferred: 'The harm test is not met' })).toBeNull();
    expect(referralDecisionProblem({ referred: true })).toEqual(expect.objectContaining({ field: 'referredAt' }));
    expect(referralDecisionProblem({ referred: false })).toEqual(expect.objectContaining({ field: 'reasonNotReferred' }));
    expect(referralDecisionProblem({ referred: true, referredAt: '2026-11-20T10:00:00Z', reasonNotReferred: 'x' })).toEqual(
      expect.objectContaining({ field: 'reasonNotReferred' }),
    );
    expect(referralDecisionProblem({ referred: false, reasonNotReferred: 'x', referredAt: '2026-11-20T10:00:00Z' })).toEqual(
      expect.objectContaining({ field: 'referredAt' }),
    );
  });
});
