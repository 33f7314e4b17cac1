import { Actor } from '../access/actor';
import { CaseFacts } from '../access/conflicts';
import { Role } from '../access/roles';
import { calendarFor } from '../calendar/school-calendar';
import { NO_HOLIDAYS } from '../calendar/working-days';
import {
  caseTasks,
  CaseTaskState,
  compareTasks,
  DEFAULT_DEADLINES,
  DEFAULT_DEPLOYMENT_DEADLINES,
  deadlineBounds,
  deadlinesProblem,
  effectiveDeadlines,
  isOverdue,
  SCHOOL_TIME_ZONE,
  tasksOfActor,
} from './task.rules';

const ORG = 'org-1';
const HEAD = { userId: 'u-head', staffIds: ['s-head'] };
const GOVERNOR = { userId: 'u-gov', staffIds: ['s-gov'] };
const DEPUTY = { userId: 'u-deputy', staffIds: ['s-deputy'] };
const INVESTIGATOR = { userId: 'u-inv', staffIds: ['s-inv'] };
const OTHER = { userId: 'u-other', staffIds: ['s-other'] };
const HR = { userId: 'u-hr', staffIds: ['s-hr'] };
const CAL = { zone: SCHOOL_TIME_ZONE, holidays: NO_HOLIDAYS };
/** process.md §6: the default nation's calendar, its bank holidays shipped as data (docs/calendar.md). */
const ENGLAND_AND_WALES = calendarFor('england_and_wales');
/** Monday 2 November 2026, 10:00 GMT. */
const REPORTED = new Date('2026-11-02T10:00:00Z');
const NOW = new Date('2026-11-03T12:00:00Z');

const actor = (person: { userId: string; staffIds: string[] }, roles: Role[]): Actor => ({
  ...person,
  organisationId: ORG,
  email: `${person.userId}@school`,
  name: person.userId,
  roles,
});
const head = actor(HEAD, ['headteacher']);
const governor = actor(GOVERNOR, ['governor']);
const deputy = actor(DEPUTY, ['deputy_head']);
const investigator = actor(INVESTIGATOR, ['investigating_manager']);
const otherInvestigator = actor(OTHER, ['investigating_manager']);
const hr = actor(HR, ['hr']);

function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id: 'case-1',
    organisationId: ORG,
    status: 'investigation',
    erased: false,
    investigatorUserId: INVESTIGATOR.userId,
    investigatorUserIds: [INVESTIGATOR.userId],
    parties: [{ capacity: 'subject', staffId: 's-subject' }],
    headteachers: [HEAD],
    governors: [GOVERNOR],
    outcomeDecidedByUserId: null,
    appealDecidedByUserId: null,
    ...overrides,
  };
}

function state(overrides: Partial<CaseTaskState> = {}): CaseTaskState {
  return {
    reference: 'SMP-2026-0001',
    safeguarding: false,
    referralRecorded: false,
    reportedAt: REPORTED,
    triagedAt: REPORTED,
    investigationExtensionDays: 0,
    pendingMonitoringRequests: 0,
    monitoringEndsAt: null,
    hearing: null,
    appealLodgedAt: null,
    appealHearing: null,
    appealDeadline: null,
    suspensionReviewBy: null,
    retainUntil: null,
    legalHold: false,
    ...overrides,
  };
}

/** The kinds of task `who` has on the case, with their deadlines. */
const tasksOf = (who: Actor, f: CaseFacts, s: CaseTaskState, now = NOW) =>
  tasksOfActor(who, f, caseTasks(f, s, now, CAL)).map((t) => ({ kind: t.kind, dueAt: t.dueAt?.toISOString() ?? null }));

describe('tasks (process.md §6: every deadline with its owner is a task)', () => {
  it('a report waits for the deputy head to triage it within 2 working days (§4): Monday → end of Wednesday', () => {
    const f = facts({ status: 'reported', investigatorUserId: null, investigatorUserIds: [] });
    expect(tasksOf(deputy, f, state({ triagedAt: null }))).toEqual([{ kind: 'triage', dueAt: '2026-11-04T23:59:59.999Z' }]);
    expect(tasksOf(head, f, state({ triagedAt: null }))).toEqual([]);
  });

  it('a report made on a Friday is due for triage by the end of Tuesday (weekends are not working days)', () => {
    const f = facts({ status: 'reported', investigatorUserId: null, investigatorUserIds: [] });
    const friday = new Date('2026-11-06T15:00:00Z');
    expect(tasksOf(deputy, f, state({ reportedAt: friday, triagedAt: null }), friday)).toEqual([{ kind: 'triage', dueAt: '2026-11-10T23:59:59.999Z' }]);
  });

  it('a safeguarding case with no referral waits for the deputy head within one working day (§5), beside triage', () => {
    const f = facts({ status: 'reported', investigatorUserId: null, investigatorUserIds: [] });
    expect(tasksOf(deputy, f, state({ safeguarding: true, triagedAt: null })).map((t) => t.kind)).toEqual(['safeguarding_referral', 'triage']);
    expect(tasksOf(deputy, f, state({ safeguarding: true, referralRecorded: true, triagedAt: null })).map((t) => t.kind)).toEqual(['triage']);
  });

  it('an investigation with nobody appointed waits for the decision-maker to appoint; the governors when the head is conflicted', () => {
    const f = facts({ investigatorUserId: null, investigatorUserIds: [] });
    expect(tasksOf(head, f, state())).toEqual([{ kind: 'appoint_investigator', dueAt: null }]);
    expect(tasksOf(governor, f, state())).toEqual([]);
    const conflicted = { ...f, parties: [...f.parties, { capacity: 'witness' as const, staffId: HEAD.staffIds[0] }] };
    expect(tasksOf(head, conflicted, state())).toEqual([]);
    expect(tasksOf(governor, conflicted, state())).toEqual([{ kind: 'appoint_investigator', dueAt: null }]);
  });

  it('the appointed investigator (and nobody else) investigates within 20 working days of triage, plus any extension', () => {
    expect(tasksOf(investigator, facts(), state())).toEqual([{ kind: 'investigate', dueAt: '2026-11-30T23:59:59.999Z' }]);
    expect(tasksOf(otherInvestigator, facts(), state())).toEqual([]);
    expect(tasksOf(head, facts(), state())).toEqual([]);
    expect(tasksOf(investigator, facts(), state({ investigationExtensionDays: 5 }))).toEqual([{ kind: 'investigate', dueAt: '2026-12-07T23:59:59.999Z' }]);
  });

  it('a monitoring request waits for the headteacher (§11)', () => {
    expect(tasksOf(head, facts(), state({ pendingMonitoringRequests: 1 }))).toEqual([{ kind: 'decide_monitoring', dueAt: null }]);
  });

  it('an authorisation about to end (within 5 working days) is flagged to whoever decides monitoring; not before', () => {
    const endsSoon = new Date('2026-11-06T12:00:00Z');
    expect(tasksOf(head, facts(), state({ monitoringEndsAt: endsSoon }))).toEqual([{ kind: 'monitoring_expiry', dueAt: endsSoon.toISOString() }]);
    expect(tasksOf(head, facts(), state({ monitoringEndsAt: new Date('2026-11-20T12:00:00Z') }))).toEqual([]);
  });

  it('awaiting a decision: the decision-maker; a hearing: its chair holds it by its date, then decides', () => {
    expect(tasksOf(head, facts({ status: 'awaiting_decision' }), state())).toEqual([{ kind: 'decide_outcome', dueAt: null }]);
    const at = new Date('2026-11-12T10:00:00Z');
    const hearing = facts({ status: 'hearing' });
    expect(tasksOf(head, hearing, state({ hearing: { chairUserId: HEAD.userId, held: false, scheduledFor: at } }))).toEqual([
      { kind: 'hold_hearing', dueAt: at.toISOString() },
    ]);
    expect(tasksOf(head, hearing, state({ hearing: { chairUserId: HEAD.userId, held: true, scheduledFor: at } }))).toEqual([
      { kind: 'decide_outcome', dueAt: null },
    ]);
    expect(tasksOf(head, hearing, state({ hearing: { chairUserId: 'u-head2', held: false, scheduledFor: at } }))).toEqual([]);
  });

  it('decided: nothing while the appeal window is open; once it has passed, the decision-maker closes the case', () => {
    const decided = facts({ status: 'decided', outcomeDecidedByUserId: HEAD.userId });
    expect(tasksOf(head, decided, state({ appealDeadline: new Date('2026-11-10T00:00:00Z') }))).toEqual([]);
    const passed = new Date('2026-11-03T00:00:00Z');
    expect(tasksOf(head, decided, state({ appealDeadline: passed }))).toEqual([{ kind: 'close_case', dueAt: passed.toISOString() }]);
    // no action: no appeal, no window — the case waits to be closed at once
    expect(tasksOf(head, decided, state({ appealDeadline: null }))).toEqual([{ kind: 'close_case', dueAt: null }]);
  });

  it('an appeal is heard within 20 working days of its lodging by someone uninvolved (the governor, not the head who decided)', () => {
    const appeal = facts({ status: 'appeal', outcomeDecidedByUserId: HEAD.userId });
    const lodged = new Date('2026-11-02T09:00:00Z');
    expect(tasksOf(governor, appeal, state({ appealLodgedAt: lodged }))).toEqual([{ kind: 'hear_appeal', dueAt: '2026-11-30T23:59:59.999Z' }]);
    expect(tasksOf(head, appeal, state({ appealLodgedAt: lodged }))).toEqual([]);
    const held = { chairUserId: GOVERNOR.userId, held: true, scheduledFor: lodged };
    expect(tasksOf(governor, appeal, state({ appealLodgedAt: lodged, appealHearing: held }))).toEqual([{ kind: 'decide_appeal', dueAt: null }]);
  });

  it('an active suspension waits for its review by the decision-maker, by its review date', () => {
    const review = new Date('2026-11-20T17:00:00Z');
    expect(tasksOf(head, facts(), state({ suspensionReviewBy: review }))).toEqual([{ kind: 'review_suspension', dueAt: review.toISOString() }]);
  });

  it('a closed case past its retention date waits to be erased (§13) — not on legal hold, not once erased', () => {
    const closed = facts({ status: 'closed' });
    const due = new Date('2026-11-01T00:00:00Z');
    expect(tasksOf(head, closed, state({ retainUntil: due }))).toEqual([{ kind: 'erase_case', dueAt: due.toISOString() }]);
    expect(tasksOf(head, closed, state({ retainUntil: due, legalHold: true }))).toEqual([]);
    expect(tasksOf(head, { ...closed, erased: true }, state({ retainUntil: due }))).toEqual([]);
    expect(tasksOf(head, closed, state({ retainUntil: new Date('2027-01-01T00:00:00Z') }))).toEqual([]);
    // nothing else waits on a closed case (a grievance left undecided, a safeguarding case without referral)
    const grieving = { ...closed, grievances: { undecided: true, deciderUserIds: [], paused: null } };
    expect(tasksOf(head, grieving, state({ safeguarding: true }))).toEqual([]);
  });

  it('a paused process waits for the grievance only, then for the decision-maker to resume it (§6)', () => {
    const paused = facts({ status: 'awaiting_decision', grievances: { undecided: true, deciderUserIds: [], paused: { grievanceDecided: false } } });
    expect(tasksOf(head, paused, state()).map((t) => t.kind)).toEqual(['decide_grievance']);
    const decided = facts({ status: 'awaiting_decision', grievances: { undecided: false, deciderUserIds: [], paused: { grievanceDecided: true } } });
    expect(tasksOf(head, decided, state()).map((t) => t.kind)).toEqual(['resume_process']);
    // a pause does not stop a suspension's review, nor a safeguarding referral
    const review = new Date('2026-11-20T17:00:00Z');
    expect(tasksOf(head, paused, state({ suspensionReviewBy: review })).map((t) => t.kind)).toEqual(['decide_grievance', 'review_suspension']);
    expect(tasksOf(deputy, { ...paused, status: 'investigation' }, state({ safeguarding: true })).map((t) => t.kind)).toEqual(['safeguarding_referral']);
  });

  it('HR and an admin own no step; an erased case holds no task', () => {
    expect(tasksOf(hr, facts({ status: 'awaiting_decision' }), state())).toEqual([]);
    expect(tasksOf(actor(OTHER, ['admin']), facts({ status: 'reported' }), state())).toEqual([]);
    expect(caseTasks(facts({ status: 'reported', erased: true }), state(), NOW, CAL)).toEqual([]);
  });

  it('the defaults are process.md §6’s', () => {
    expect(DEFAULT_DEADLINES).toEqual({
      triageWorkingDays: 2,
      investigationWorkingDays: 20,
      appealHearingWorkingDays: 20,
      monitoringExpiryNoticeWorkingDays: 5,
      // and the deployment's fair-process settings, at their defaults
      hearingNoticeWorkingDays: 5,
      appealDeadlineMinWorkingDays: 5,
      suspensionReviewMaxDays: 28,
      warningMaxMonths: 24,
    });
  });

  it('overdue once the deadline has passed; the list puts deadlines first, soonest first, then the rest by report', () => {
    expect(isOverdue(new Date('2026-11-02T00:00:00Z'), NOW)).toBe(true);
    expect(isOverdue(null, NOW)).toBe(false);
    const d = (iso: string | null, reported = REPORTED) => ({ dueAt: iso ? new Date(iso) : null, reportedAt: reported });
    const list = [d(null), d('2026-11-10T00:00:00Z'), d(null, new Date('2026-10-01T00:00:00Z')), d('2026-11-01T00:00:00Z')];
    expect(list.sort(compareTasks).map((t) => t.dueAt?.toISOString() ?? `none ${t.reportedAt.toISOString().slice(0, 10)}`)).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-11-10T00:00:00.000Z',
      'none 2026-10-01',
      'none 2026-11-02',
    ]);
  });

  it('an organisation’s own deadlines replace the defaults, within their ranges (process.md §6: defaults configurable per organisation)', () => {
    expect(effectiveDeadlines({ triageWorkingDays: 3, investigationWorkingDays: 30 })).toEqual({
      ...DEFAULT_DEADLINES,
      triageWorkingDays: 3,
      investigationWorkingDays: 30,
    });
    expect(effectiveDeadlines({ triageWorkingDays: 0, investigationWorkingDays: 2.5, appealHearingWorkingDays: '10' })).toEqual(DEFAULT_DEADLINES);
    expect(effectiveDeadlines(null)).toEqual(DEFAULT_DEADLINES);
    // and the rule counts on them: triage within 3 working days, Monday → the end of Thursday
    const f = facts({ status: 'reported', investigatorUserId: null, investigatorUserIds: [] });
    const tasks = tasksOfActor(deputy, f, caseTasks(f, state({ triagedAt: null }), NOW, CAL, effectiveDeadlines({ triageWorkingDays: 3 })));
    expect(tasks.map((t) => t.dueAt?.toISOString())).toEqual(['2026-11-05T23:59:59.999Z']);
  });

  describe('the fair-process settings an organisation may set only within the deployment’s bounds (issue 13)', () => {
    const deployment = { hearingNoticeWorkingDays: 7, appealDeadline: { minWorkingDays: 10, maxMonths: 2 }, warning: { maxMonths: 18 } };

    it('the defaults are the deployment’s: its hearing notice, its appeal window, 4 weeks for a suspension’s review, its warning life', () => {
      expect(DEFAULT_DEADLINES).toMatchObject({
        hearingNoticeWorkingDays: 5,
        appealDeadlineMinWorkingDays: 5,
        suspensionReviewMaxDays: 28,
        warningMaxMonths: 24,
      });
      expect(effectiveDeadlines(null, deployment)).toMatchObject({
        hearingNoticeWorkingDays: 7,
        appealDeadlineMinWorkingDays: 10,
        suspensionReviewMaxDays: 28,
        warningMaxMonths: 18,
      });
    });

    it('each bound: the hearing notice and the appeal window only raised, the suspension review and a warning’s life only shortened', () => {
      const bounds = deadlineBounds(deployment);
      expect(bounds.hearingNoticeWorkingDays).toEqual({ min: 7, max: 20 });
      expect(bounds.appealDeadlineMinWorkingDays).toEqual({ min: 10, max: 40 });
      expect(bounds.suspensionReviewMaxDays).toEqual({ min: 7, max: 28 });
      expect(bounds.warningMaxMonths).toEqual({ min: 1, max: 18 });
      // a deployment already above 20 days' notice is its own ceiling: never a range with no value in it
      expect(deadlineBounds({ ...deployment, hearingNoticeWorkingDays: 25 }).hearingNoticeWorkingDays).toEqual({ min: 25, max: 25 });
      expect(deadlineBounds(DEFAULT_DEPLOYMENT_DEADLINES).appealDeadlineMinWorkingDays).toEqual({ min: 5, max: 60 });
    });

    it('deadlinesProblem names the first field out of its range (PUT answers 400 naming it)', () => {
      const ok = effectiveDeadlines(null, deployment);
      expect(deadlinesProblem(ok, deployment)).toBeNull();
      expect(
        deadlinesProblem(
          { ...ok, hearingNoticeWorkingDays: 20, appealDeadlineMinWorkingDays: 40, suspensionReviewMaxDays: 7, warningMaxMonths: 1 },
          deployment,
        ),
      ).toBeNull();
      expect(deadlinesProblem({ ...ok, hearingNoticeWorkingDays: 6 }, deployment)).toEqual({
        field: 'hearingNoticeWorkingDays',
        message: 'must be a whole number from 7 to 20',
      });
      expect(deadlinesProblem({ ...ok, hearingNoticeWorkingDays: 21 }, deployment)?.field).toBe('hearingNoticeWorkingDays');
      expect(deadlinesProblem({ ...ok, appealDeadlineMinWorkingDays: 9 }, deployment)?.field).toBe('appealDeadlineMinWorkingDays');
      expect(deadlinesProblem({ ...ok, appealDeadlineMinWorkingDays: 41 }, deployment)?.field).toBe('appealDeadlineMinWorkingDays');
      expect(deadlinesProblem({ ...ok, suspensionReviewMaxDays: 29 }, deployment)?.field).toBe('suspensionReviewMaxDays');
      expect(deadlinesProblem({ ...ok, suspensionReviewMaxDays: 6 }, deployment)?.field).toBe('suspensionReviewMaxDays');
      expect(deadlinesProblem({ ...ok, warningMaxMonths: 19 }, deployment)?.field).toBe('warningMaxMonths');
      expect(deadlinesProblem({ ...ok, warningMaxMonths: 0 }, deployment)?.field).toBe('warningMaxMonths');
      expect(deadlinesProblem({ ...ok, warningMaxMonths: 1.5 }, deployment)?.field).toBe('warningMaxMonths');
      expect(deadlinesProblem({ ...ok, triageWorkingDays: 11 }, deployment)?.field).toBe('triageWorkingDays');
    });

    it('a setting the deployment has since moved past is ignored: the deployment’s value, never below its minimum nor above its maximum', () => {
      const set = { hearingNoticeWorkingDays: 6, appealDeadlineMinWorkingDays: 8, warningMaxMonths: 20, suspensionReviewMaxDays: 14 };
      // set under the defaults (5 days' notice, 5 days' window, 24 months), then the deployment raised the minimums and lowered the maximum
      expect(effectiveDeadlines(set)).toMatchObject(set);
      expect(effectiveDeadlines(set, deployment)).toMatchObject({
        hearingNoticeWorkingDays: 7,
        appealDeadlineMinWorkingDays: 10,
        warningMaxMonths: 18,
        suspensionReviewMaxDays: 14,
      });
    });
  });

  describe('deadlines count in the organisation’s calendar: its bank holidays, and local dates across a clock change (process.md §6 "Working days")', () => {
    /** The deadline of `who`'s one task, counted in England and Wales' calendar and, for comparison, in weekends only. */
    const dueIn = (who: Actor, f: CaseFacts, s: CaseTaskState, now: Date) =>
      [ENGLAND_AND_WALES, CAL].map((calendar) => tasksOfActor(who, f, caseTasks(f, s, now, calendar)).map((t) => t.dueAt?.toISOString()));

    it('triage of a report made on Thursday 24 December 2026: Christmas Day and Boxing Day’s substitute (Monday 28) are not working days → the end of Wednesday 30 December', () => {
      const f = facts({ status: 'reported', investigatorUserId: null, investigatorUserIds: [] });
      const reported = new Date('2026-12-24T10:00:00Z');
      const [withHolidays, weekendsOnly] = dueIn(deputy, f, state({ reportedAt: reported, triagedAt: null }), reported);
      expect(withHolidays).toEqual(['2026-12-30T23:59:59.999Z']);
      expect(weekendsOnly).toEqual(['2026-12-28T23:59:59.999Z']);
    });

    it('an investigation triaged on Monday 15 March 2027: Good Friday and Easter Monday are skipped, and the deadline is the end of the local day in BST (clocks go forward 28 March) → the end of Wednesday 14 April', () => {
      const triaged = new Date('2027-03-15T10:00:00Z');
      const [withHolidays, weekendsOnly] = dueIn(investigator, facts(), state({ reportedAt: triaged, triagedAt: triaged }), triaged);
      expect(withHolidays).toEqual(['2027-04-14T22:59:59.999Z']);
      expect(weekendsOnly).toEqual(['2027-04-12T22:59:59.999Z']);
    });

    it('an extension counts in the same calendar: 5 working days on that investigation → the end of Wednesday 21 April 2027', () => {
      const triaged = new Date('2027-03-15T10:00:00Z');
      const [withHolidays] = dueIn(investigator, facts(), state({ reportedAt: triaged, triagedAt: triaged, investigationExtensionDays: 5 }), triaged);
      expect(withHolidays).toEqual(['2027-04-21T22:59:59.999Z']);
    });

    it('an appeal lodged on Monday 5 October 2026 (BST) is heard by the end of Monday 2 November, GMT (clocks go back 25 October): dates are counted, not hours', () => {
      const appeal = facts({ status: 'appeal', outcomeDecidedByUserId: HEAD.userId });
      const lodged = new Date('2026-10-05T09:00:00Z');
      const [withHolidays] = dueIn(governor, appeal, state({ appealLodgedAt: lodged }), lodged);
      expect(withHolidays).toEqual(['2026-11-02T23:59:59.999Z']);
    });

    it('an appeal lodged on Monday 14 December 2026 skips Christmas, Boxing Day’s substitute and New Year’s Day → the end of Thursday 14 January 2027', () => {
      const appeal = facts({ status: 'appeal', outcomeDecidedByUserId: HEAD.userId });
      const lodged = new Date('2026-12-14T09:00:00Z');
      const [withHolidays, weekendsOnly] = dueIn(governor, appeal, state({ appealLodgedAt: lodged }), lodged);
      expect(withHolidays).toEqual(['2027-01-14T23:59:59.999Z']);
      expect(weekendsOnly).toEqual(['2027-01-11T23:59:59.999Z']);
    });

    it('a monitoring authorisation ending on Tuesday 29 December 2026 is within 5 working days of Monday 21 December (Christmas and Boxing Day’s substitute skipped), not when weekends only are skipped (§11)', () => {
      const now = new Date('2026-12-21T10:00:00Z');
      const endsAt = new Date('2026-12-29T12:00:00Z');
      const [withHolidays, weekendsOnly] = dueIn(head, facts(), state({ monitoringEndsAt: endsAt }), now);
      expect(withHolidays).toEqual([endsAt.toISOString()]);
      expect(weekendsOnly).toEqual([]);
    });
  });
});
