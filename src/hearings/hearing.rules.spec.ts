import { calendarFor } from '../calendar/school-calendar';
import { NO_HOLIDAYS } from '../calendar/working-days';
import { DomainError } from '../common/errors/domain-error';
import type { CaseFacts } from '../access/conflicts';
import {
  chairMayStillDecide,
  checkAppealHearing,
  checkHearingNotice,
  checkHearingRecord,
  checkOutcomeHearing,
  checkRearrangement,
  checkReinvitation,
  HearingState,
  invitationNoticeProblem,
  sanctionsOpenTo,
} from './hearing.rules';
import { SANCTIONS } from '../outcomes/outcome.rules';

const refusal = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('not refused');
};
const field = (fn: () => void) => refusal(fn).errors[0]?.field;
const code = (fn: () => void) => refusal(fn).code;

const ENGLAND = calendarFor('england_and_wales');
const WEEKENDS_ONLY = { zone: 'Europe/London', holidays: NO_HOLIDAYS };

// Monday 7 December 2026, 09:00 UK time
const MONDAY = new Date('2026-12-07T09:00:00Z');
const at = (days: number, hours = 0) => new Date(MONDAY.getTime() + days * 86_400_000 + hours * 3_600_000);

const hearing = (overrides: Partial<HearingState> = {}): HearingState => ({
  chairUserId: 'u-head',
  scheduledFor: at(14),
  originalScheduledFor: at(14),
  companionRearrangementUsed: false,
  rearrangements: 0,
  heldAt: null,
  ...overrides,
});

describe('hearings (process.md §1; ACAS Code; ERA 1999 s10)', () => {
  describe('checkHearingNotice: at least N working days between the invitation and the hearing', () => {
    it('five working days from a Monday is the next Monday: accepted then, refused a day earlier (400 scheduledFor)', () => {
      expect(() => checkHearingNotice(MONDAY, at(7), 5, ENGLAND)).not.toThrow();
      expect(field(() => checkHearingNotice(MONDAY, at(4), 5, ENGLAND))).toBe('scheduledFor');
    });
    it('bank holidays do not count either (process.md §6): invited Wednesday 24 March 2027, Good Friday and Easter Monday skipped → Friday 2 April', () => {
      const invited = new Date('2027-03-24T10:00:00Z'); // 10:00 GMT
      // 25, 26 (Good Friday), 29 (Easter Monday), 30, 31, 1, 2: five working days end on Friday 2 April, 10:00 BST (09:00 UTC)
      expect(field(() => checkHearingNotice(invited, new Date('2027-04-01T09:00:00Z'), 5, ENGLAND))).toBe('scheduledFor');
      expect(() => checkHearingNotice(invited, new Date('2027-04-02T09:00:00Z'), 5, ENGLAND)).not.toThrow();
      // Scotland has no Easter Monday: Thursday 1 April is enough there; with no holidays, Wednesday 31 March
      expect(() => checkHearingNotice(invited, new Date('2027-04-01T09:00:00Z'), 5, calendarFor('scotland'))).not.toThrow();
      expect(() => checkHearingNotice(invited, new Date('2027-03-31T09:00:00Z'), 5, WEEKENDS_ONLY)).not.toThrow();
      expect(field(() => checkHearingNotice(invited, new Date('2027-03-31T09:00:00Z'), 5, ENGLAND))).toBe('scheduledFor');
    });
    it('weekends do not count: invited on a Friday, the hearing is no earlier than the next Friday', () => {
      const friday = at(4);
      expect(field(() => checkHearingNotice(friday, at(10), 5, ENGLAND))).toBe('scheduledFor');
      expect(() => checkHearingNotice(friday, at(11), 5, ENGLAND)).not.toThrow();
    });
  });

  describe('checkRearrangement', () => {
    const now = at(1);
    it('the subject’s companion-unavailable request: within 5 working days after the date first proposed, bank holidays skipped', () => {
      // first proposed Monday 21 December 2026: 22, 23, 24, (25 and 28 bank holidays), 29, 30 → Wednesday 30 December, 09:00
      expect(() => checkRearrangement(hearing(), { basis: 'companion_unavailable', scheduledFor: at(23) }, now, ENGLAND)).not.toThrow();
      expect(field(() => checkRearrangement(hearing(), { basis: 'companion_unavailable', scheduledFor: at(23, 1) }, now, ENGLAND))).toBe('scheduledFor');
      // counted in weekends only, the same Wednesday would be refused (Monday 28 the last day): the calendar is what allows it
      expect(field(() => checkRearrangement(hearing(), { basis: 'companion_unavailable', scheduledFor: at(23) }, now, WEEKENDS_ONLY))).toBe('scheduledFor');
      expect(() => checkRearrangement(hearing(), { basis: 'companion_unavailable', scheduledFor: at(21) }, now, WEEKENDS_ONLY)).not.toThrow();
    });
    it('once only (409 companion_rearrangement_used), and without a reason of its own', () => {
      expect(
        code(() => checkRearrangement(hearing({ companionRearrangementUsed: true }), { basis: 'companion_unavailable', scheduledFor: at(15) }, now, ENGLAND)),
      ).toBe('companion_rearrangement_used');
      expect(field(() => checkRearrangement(hearing(), { basis: 'companion_unavailable', scheduledFor: at(15), reason: 'x' }, now, ENGLAND))).toBe('reason');
    });
    it('the chair’s own move needs a reason; no move to the past or of a held hearing', () => {
      expect(field(() => checkRearrangement(hearing(), { basis: 'chair_decision', scheduledFor: at(30) }, now, ENGLAND))).toBe('reason');
      expect(() => checkRearrangement(hearing(), { basis: 'chair_decision', scheduledFor: at(30), reason: 'ill' }, now, ENGLAND)).not.toThrow();
      expect(field(() => checkRearrangement(hearing(), { basis: 'chair_decision', scheduledFor: at(0), reason: 'ill' }, now, ENGLAND))).toBe('scheduledFor');
      expect(code(() => checkRearrangement(hearing({ heldAt: at(14) }), { basis: 'chair_decision', scheduledFor: at(30), reason: 'x' }, now, ENGLAND))).toBe(
        'hearing_held',
      );
    });
  });

  describe('checkHearingRecord', () => {
    const attended = { heldAt: at(14, 1), subjectAttended: true };
    it('held at or after its time, once', () => {
      expect(() => checkHearingRecord(hearing(), attended)).not.toThrow();
      expect(field(() => checkHearingRecord(hearing(), { ...attended, heldAt: at(13) }))).toBe('heldAt');
      expect(code(() => checkHearingRecord(hearing({ heldAt: at(14) }), attended))).toBe('hearing_held');
    });
    it('a companion outside the statutory categories only as a recorded reasonable adjustment', () => {
      const other = { name: 'A friend', category: 'other_reasonable_adjustment' as const };
      expect(field(() => checkHearingRecord(hearing(), { ...attended, companion: other }))).toBe('companion.adjustmentReason');
      expect(() => checkHearingRecord(hearing(), { ...attended, companion: { ...other, adjustmentReason: 'dyslexia support' } })).not.toThrow();
      expect(field(() => checkHearingRecord(hearing(), { ...attended, companion: { name: 'R', category: 'work_colleague', adjustmentReason: 'x' } }))).toBe(
        'companion.adjustmentReason',
      );
    });
    it('a decision in absence only at a rearranged hearing (409 absence_needs_rearrangement), with the reason', () => {
      const absent = { heldAt: at(14, 1), subjectAttended: false, absenceReason: 'no reply' };
      expect(code(() => checkHearingRecord(hearing(), absent))).toBe('absence_needs_rearrangement');
      expect(() => checkHearingRecord(hearing({ rearrangements: 1 }), absent)).not.toThrow();
      expect(field(() => checkHearingRecord(hearing({ rearrangements: 1 }), { ...absent, absenceReason: undefined }))).toBe('absenceReason');
    });
  });

  describe('invitationNoticeProblem: every subject’s letter sent with the notice', () => {
    const subjects = [{ staffId: 's1', name: 'Sam' }];
    it('missing, late, or in time', () => {
      expect(invitationNoticeProblem(subjects, new Map(), at(14), 5, ENGLAND)).toContain('not been recorded as sent');
      expect(invitationNoticeProblem(subjects, new Map([['s1', at(10)]]), at(14), 5, ENGLAND)).toContain('less than 5 working days');
      expect(invitationNoticeProblem(subjects, new Map([['s1', at(7)]]), at(14), 5, ENGLAND)).toBeNull();
    });
    it('counts the organisation’s bank holidays: a letter sent Monday 21 December 2026 allows a hearing from Wednesday 30 (25 and 28 are bank holidays)', () => {
      const sent = new Map([['s1', at(14)]]);
      // 22, 23, 24, (25, 28), 29, 30: the hearing must be on 30 December or later
      expect(invitationNoticeProblem(subjects, sent, at(23), 5, ENGLAND)).toBeNull();
      expect(invitationNoticeProblem(subjects, sent, at(22), 5, ENGLAND)).toContain('less than 5 working days');
      expect(invitationNoticeProblem(subjects, sent, at(21), 5, WEEKENDS_ONLY)).toBeNull();
    });
  });

  describe('the decisions a hearing leads to', () => {
    it('no sanction but no action before a held hearing; its chair decides', () => {
      expect(() => checkOutcomeHearing('no_action', null, 'u-head')).not.toThrow();
      expect(code(() => checkOutcomeHearing('first_written_warning', null, 'u-head'))).toBe('hearing_required');
      expect(code(() => checkOutcomeHearing('first_written_warning', { chairUserId: 'u-head', heldAt: null }, 'u-head'))).toBe('hearing_not_held');
      expect(() => checkOutcomeHearing('summary_dismissal', { chairUserId: 'u-head', heldAt: at(14) }, 'u-head')).not.toThrow();
      expect(code(() => checkOutcomeHearing('first_written_warning', { chairUserId: 'u-head', heldAt: at(14) }, 'u-other'))).toBe('not_hearing_chair');
      expect(code(() => checkOutcomeHearing('no_action', { chairUserId: 'u-head', heldAt: at(14) }, 'u-other'))).toBe('not_hearing_chair');
    });
    it('the appeal: after its hearing, by its chair', () => {
      expect(code(() => checkAppealHearing(null, 'u-gov'))).toBe('appeal_hearing_required');
      expect(code(() => checkAppealHearing({ chairUserId: 'u-gov', heldAt: null }, 'u-gov'))).toBe('hearing_not_held');
      expect(code(() => checkAppealHearing({ chairUserId: 'u-gov', heldAt: at(1) }, 'u-gov2'))).toBe('not_hearing_chair');
      expect(() => checkAppealHearing({ chairUserId: 'u-gov', heldAt: at(1) }, 'u-gov')).not.toThrow();
    });
    it('a held hearing is replaced only when its chair can no longer decide', () => {
      expect(() => checkReinvitation(null, true)).not.toThrow();
      expect(() => checkReinvitation({ chairUserId: 'u', heldAt: null }, true)).not.toThrow();
      expect(code(() => checkReinvitation({ chairUserId: 'u', heldAt: at(1) }, true))).toBe('hearing_held');
      expect(() => checkReinvitation({ chairUserId: 'u', heldAt: at(1) }, false)).not.toThrow();
    });
    it('sanctionsOpenTo: no action before the hearing, all for its chair after, none for anyone else', () => {
      expect(sanctionsOpenTo(null, 'u', SANCTIONS)).toEqual(['no_action']);
      expect(sanctionsOpenTo({ chairUserId: 'u', heldAt: null }, 'u', SANCTIONS)).toEqual(['no_action']);
      expect(sanctionsOpenTo({ chairUserId: 'u', heldAt: at(1) }, 'u', SANCTIONS)).toEqual([...SANCTIONS]);
      expect(sanctionsOpenTo({ chairUserId: 'u', heldAt: at(1) }, 'v', SANCTIONS)).toEqual([]);
    });
  });

  describe('chairMayStillDecide', () => {
    const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
      id: 'c',
      organisationId: 'o',
      status: 'hearing',
      erased: false,
      parties: [{ capacity: 'subject', staffId: 's-subject' }],
      investigatorUserId: 'u-inv',
      investigatorUserIds: ['u-inv'],
      outcomeDecidedByUserId: null,
      appealDecidedByUserId: null,
      headteachers: [{ userId: 'u-head', staffIds: ['s-head'] }],
      governors: [{ userId: 'u-gov', staffIds: ['s-gov'] }],
      ...overrides,
    });
    it('the headteacher who chaired still decides; not once they left, or became a witness', () => {
      expect(chairMayStillDecide(facts(), 'disciplinary', 'u-head')).toBe(true);
      expect(chairMayStillDecide(facts({ headteachers: [] }), 'disciplinary', 'u-head')).toBe(false);
      expect(
        chairMayStillDecide(
          facts({
            parties: [
              { capacity: 'subject', staffId: 's-subject' },
              { capacity: 'witness', staffId: 's-head' },
            ],
          }),
          'disciplinary',
          'u-head',
        ),
      ).toBe(false);
    });
    it('an appeal chair still may hear it unless they decided the outcome', () => {
      expect(chairMayStillDecide(facts({ status: 'appeal' }), 'appeal', 'u-gov')).toBe(true);
      expect(chairMayStillDecide(facts({ status: 'appeal', outcomeDecidedByUserId: 'u-gov' }), 'appeal', 'u-gov')).toBe(false);
    });
  });
});
