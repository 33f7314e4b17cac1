import { DomainError } from '../common/errors/domain-error';
import { CASE_STATUSES, CaseAction, CaseStatus, isInvestigationOpen, nextStatus, TRIAGE_DECISIONS, triageAction } from './lifecycle';

const ACTIONS: readonly CaseAction[] = [
  'triage_close',
  'triage_investigate',
  'submit_report',
  'invite_to_hearing',
  'record_outcome',
  'lodge_appeal',
  'decide_appeal',
  'close',
];

/** domain.md "The case lifecycle": the only transitions there are. */
const ALLOWED: ReadonlyArray<[CaseStatus, CaseAction, CaseStatus]> = [
  ['reported', 'triage_close', 'closed'], // §4: the deputy head triages; no further action / informal resolution
  ['reported', 'triage_investigate', 'investigation'], // §4 triage: investigate
  ['investigation', 'submit_report', 'awaiting_decision'], // §4 "establish the facts"
  ['awaiting_decision', 'record_outcome', 'decided'], // §12 (no action: no hearing needed)
  ['awaiting_decision', 'invite_to_hearing', 'hearing'], // ACAS Code: the disciplinary hearing (process.md §1)
  ['hearing', 'record_outcome', 'decided'], // §12 after the hearing
  ['decided', 'lodge_appeal', 'appeal'], // §12 right of appeal
  ['appeal', 'decide_appeal', 'closed'],
  ['decided', 'close', 'closed'], // appeal window passes / closed by the decision-maker
];

const REFUSED: Array<[CaseStatus, CaseAction]> = CASE_STATUSES.flatMap((from) =>
  ACTIONS.filter((action) => !ALLOWED.some(([f, a]) => f === from && a === action)).map((action): [CaseStatus, CaseAction] => [from, action]),
);

function refusal(from: CaseStatus, action: CaseAction): DomainError {
  try {
    nextStatus(from, action);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${action} from ${from} was allowed`);
}

describe('case lifecycle (domain.md "The case lifecycle")', () => {
  describe('nextStatus: allowed transitions', () => {
    it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
      expect(nextStatus(from, action)).toBe(to);
    });
  });

  describe('nextStatus: every other transition is refused with 409 invalid_transition', () => {
    it('refuses exactly the 47 pairs outside the diagram', () => {
      expect(REFUSED).toHaveLength(CASE_STATUSES.length * ACTIONS.length - ALLOWED.length);
      expect(REFUSED).toHaveLength(47);
    });

    it.each(REFUSED)('%s cannot %s', (from, action) => {
      const error = refusal(from, action);
      expect(error.kind).toBe('conflict');
      expect(error.status).toBe(409);
      expect(error.code).toBe('invalid_transition');
    });

    it('names the state and the action in the message', () => {
      expect(refusal('awaiting_decision', 'submit_report').message).toBe('A case that is awaiting decision cannot submit report.');
    });

    it.each(ACTIONS)('closed is final: no %s from closed', (action) => {
      expect(refusal('closed', action).code).toBe('invalid_transition');
    });

    it('§4/§12: an outcome cannot be recorded before the investigation report is submitted', () => {
      expect(refusal('investigation', 'record_outcome').code).toBe('invalid_transition');
      expect(refusal('reported', 'record_outcome').code).toBe('invalid_transition');
    });

    it('§12: an appeal can only be lodged against a decided case, and not twice', () => {
      expect(refusal('awaiting_decision', 'lodge_appeal').code).toBe('invalid_transition');
      expect(refusal('appeal', 'lodge_appeal').code).toBe('invalid_transition');
    });

    it('a case under appeal cannot be closed except by deciding the appeal', () => {
      expect(refusal('appeal', 'close').code).toBe('invalid_transition');
    });

    it('a case cannot be triaged twice', () => {
      expect(refusal('investigation', 'triage_investigate').code).toBe('invalid_transition');
      expect(refusal('investigation', 'triage_close').code).toBe('invalid_transition');
    });
  });

  describe('isInvestigationOpen (§4: facts are established during the investigation only)', () => {
    it('is open in investigation', () => {
      expect(isInvestigationOpen('investigation')).toBe(true);
    });

    it.each(CASE_STATUSES.filter((s) => s !== 'investigation'))('is closed in %s', (status) => {
      expect(isInvestigationOpen(status)).toBe(false);
    });
  });

  describe('triageAction', () => {
    it('investigate → triage_investigate → investigation', () => {
      expect(triageAction('investigate')).toBe('triage_investigate');
      expect(nextStatus('reported', triageAction('investigate'))).toBe('investigation');
    });

    it.each(['no_further_action', 'informal_resolution'] as const)('%s → triage_close → closed', (decision) => {
      expect(triageAction(decision)).toBe('triage_close');
      expect(nextStatus('reported', triageAction(decision))).toBe('closed');
    });

    it('covers every triage decision', () => {
      expect([...TRIAGE_DECISIONS].sort()).toEqual(['informal_resolution', 'investigate', 'no_further_action']);
    });
  });
});
