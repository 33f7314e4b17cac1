import { Actor } from '../access/actor';
import { actingRole } from '../access/case-access.policy';
import { CaseFacts, decisionMakerRole } from '../access/conflicts';
import { Permission } from '../access/permissions';
import { Role } from '../access/roles';
import { SchoolCalendar } from '../calendar/school-calendar';
import { addWorkingDays, endOfLocalDay, SCHOOL_TIME_ZONE } from '../calendar/working-days';
import type { AppConfig } from '../config/config';
import { DEFAULT_HEARING_NOTICE_WORKING_DAYS } from '../hearings/hearing.rules';
import { DEFAULT_APPEAL_DEADLINE_BOUNDS, DEFAULT_WARNING_BOUNDS } from '../outcomes/outcome.rules';
import { referralDueBy } from '../reports/safeguarding';
import { MAX_REVIEW_DAYS } from '../suspensions/suspension.rules';

/**
 * Tasks (process.md §6): "every deadline with its owner is a task". Pure: from a case's access
 * facts and the state its tables hold (tasks.sql.ts reads it), what waits on the case, for whom
 * and by when — computed each time it is asked, so there is no second record to drift from the
 * case. Whom a task is for is decided by the access rules themselves (`actingRole`: the
 * deciding role, conflicts of interest, the appointed investigator, a hearing's chair), the
 * same rules that would let the person do it.
 */

/** The working-day clock a deadline counts on: the organisation's calendar (its nation's bank holidays). */
export type TaskCalendar = SchoolCalendar;

/**
 * process.md §6: the deadlines (defaults; an organisation may set its own). The first four are
 * the organisation's to set within fixed ranges; the last four are bounded by the deployment's
 * fair-process settings (`DeploymentDeadlines`): a school may give more notice and a longer
 * appeal window than the deployment's minimum, and review a suspension sooner or keep a
 * warning for less time than its maximum — never the other way.
 */
export interface Deadlines {
  /** A report to triage (§4). */
  triageWorkingDays: number;
  /** An investigation from its start (triage) to the report, extendable with a reason. */
  investigationWorkingDays: number;
  /** An appeal heard within this many working days of being lodged. */
  appealHearingWorkingDays: number;
  /** A monitoring authorisation is flagged this many working days before it ends (§11). */
  monitoringExpiryNoticeWorkingDays: number;
  /** A hearing's invitation gives at least this many working days of notice (process.md §1): at least HEARING_NOTICE_WORKING_DAYS. */
  hearingNoticeWorkingDays: number;
  /** An appeal deadline at least this many working days after the decision is communicated (§12): at least APPEAL_DEADLINE_MIN_WORKING_DAYS. */
  appealDeadlineMinWorkingDays: number;
  /** A suspension's review date at most this many calendar days ahead (process.md §1): at most 28 (4 weeks). */
  suspensionReviewMaxDays: number;
  /** A warning expires at most this many months after it is given (§12): at most WARNING_MAX_MONTHS. */
  warningMaxMonths: number;
}

/** The deployment's fair-process settings (src/config/config.ts) the organisation's own stay within. */
export type DeploymentDeadlines = Pick<AppConfig, 'hearingNoticeWorkingDays' | 'appealDeadline' | 'warning'>;

/** The deployment's settings when nothing in the environment changes them. */
export const DEFAULT_DEPLOYMENT_DEADLINES: DeploymentDeadlines = {
  hearingNoticeWorkingDays: DEFAULT_HEARING_NOTICE_WORKING_DAYS,
  appealDeadline: DEFAULT_APPEAL_DEADLINE_BOUNDS,
  warning: DEFAULT_WARNING_BOUNDS,
};

/** The most notice of a hearing an organisation may require (four weeks of working days). */
export const MAX_HEARING_NOTICE_WORKING_DAYS = 20;
/** The shortest suspension review period an organisation may set (a week). */
export const MIN_SUSPENSION_REVIEW_DAYS = 7;

/** An organisation's deadlines where it set none: the §6 defaults, and the deployment's own fair-process settings. */
export function defaultDeadlines(deployment: DeploymentDeadlines = DEFAULT_DEPLOYMENT_DEADLINES): Deadlines {
  return {
    triageWorkingDays: 2,
    investigationWorkingDays: 20,
    appealHearingWorkingDays: 20,
    monitoringExpiryNoticeWorkingDays: 5,
    hearingNoticeWorkingDays: deployment.hearingNoticeWorkingDays,
    appealDeadlineMinWorkingDays: deployment.appealDeadline.minWorkingDays,
    suspensionReviewMaxDays: MAX_REVIEW_DAYS,
    warningMaxMonths: deployment.warning.maxMonths,
  };
}

export const DEFAULT_DEADLINES: Deadlines = defaultDeadlines();

/**
 * process.md §6 "defaults configurable per organisation": the range an organisation may set
 * each deadline in. The fair-process ones never pass the deployment's setting the wrong way:
 * the hearing notice and the appeal window may only be raised from it (the appeal window up to
 * the deployment's APPEAL_DEADLINE_MAX_MONTHS, counted as config.ts does: 20 working days a
 * month), the suspension review and a warning's life may only be shortened.
 */
export function deadlineBounds(deployment: DeploymentDeadlines = DEFAULT_DEPLOYMENT_DEADLINES): Record<keyof Deadlines, { min: number; max: number }> {
  const notice = deployment.hearingNoticeWorkingDays;
  const appeal = deployment.appealDeadline.minWorkingDays;
  return {
    triageWorkingDays: { min: 1, max: 10 },
    investigationWorkingDays: { min: 5, max: 60 },
    appealHearingWorkingDays: { min: 5, max: 40 },
    monitoringExpiryNoticeWorkingDays: { min: 1, max: 10 },
    hearingNoticeWorkingDays: { min: notice, max: Math.max(notice, MAX_HEARING_NOTICE_WORKING_DAYS) },
    appealDeadlineMinWorkingDays: { min: appeal, max: Math.max(appeal, 20 * deployment.appealDeadline.maxMonths) },
    suspensionReviewMaxDays: { min: MIN_SUSPENSION_REVIEW_DAYS, max: MAX_REVIEW_DAYS },
    warningMaxMonths: { min: 1, max: deployment.warning.maxMonths },
  };
}

/** The ranges with the deployment's defaults (the four fixed ones are the same whatever the deployment). */
export const DEADLINE_BOUNDS = deadlineBounds();

/** The keys of Deadlines, in the order the API and the screen give them. */
export const DEADLINE_KEYS = Object.keys(DEFAULT_DEADLINES) as Array<keyof Deadlines>;

/** What is wrong with deadlines an organisation would set (the first field out of its range), or null: PUT answers it as a 400 naming the field. */
export function deadlinesProblem(deadlines: Deadlines, deployment: DeploymentDeadlines): { field: keyof Deadlines; message: string } | null {
  const bounds = deadlineBounds(deployment);
  for (const key of DEADLINE_KEYS) {
    const { min, max } = bounds[key];
    const value = deadlines[key];
    if (!Number.isInteger(value) || value < min || value > max) return { field: key, message: `must be a whole number from ${min} to ${max}` };
  }
  return null;
}

/**
 * An organisation's deadlines: the defaults, with what it set instead. Values out of range (a
 * deployment's fair-process setting may have moved since they were set) or of another kind are
 * ignored: the default in their place, never below the deployment's minimum.
 */
export function effectiveDeadlines(
  overrides: Partial<Record<keyof Deadlines, unknown>> | null | undefined,
  deployment: DeploymentDeadlines = DEFAULT_DEPLOYMENT_DEADLINES,
): Deadlines {
  const deadlines = defaultDeadlines(deployment);
  const bounds = deadlineBounds(deployment);
  for (const key of DEADLINE_KEYS) {
    const value = overrides?.[key];
    const { min, max } = bounds[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) deadlines[key] = value;
  }
  return deadlines;
}

export const TASK_KINDS = [
  'safeguarding_referral',
  'triage',
  'appoint_investigator',
  'investigate',
  'decide_monitoring',
  'monitoring_expiry',
  'decide_outcome',
  'hold_hearing',
  'close_case',
  'hear_appeal',
  'decide_appeal',
  'review_suspension',
  'decide_grievance',
  'resume_process',
  'erase_case',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** What a task says, in plain words (no case content): the same in the list, the notification and the e-mail. */
export const TASK_WORDS: Record<TaskKind, string> = {
  safeguarding_referral: 'Make the safeguarding referral (§5)',
  triage: 'Triage the report (§4)',
  appoint_investigator: 'Appoint an investigating manager (§4)',
  investigate: 'Investigate and submit the report (§4)',
  decide_monitoring: 'Decide the monitoring request (§11)',
  monitoring_expiry: 'A monitoring authorisation ends: is it still needed? (§11)',
  decide_outcome: 'Decide the outcome (§12)',
  hold_hearing: 'Hold the disciplinary hearing and record it',
  close_case: 'The appeal window has passed: close the case',
  hear_appeal: 'Hear the appeal',
  decide_appeal: 'Decide the appeal',
  review_suspension: 'Review the suspension',
  decide_grievance: 'Hear and decide the grievance (§6)',
  resume_process: 'The grievance is decided: resume the process (§6)',
  erase_case: 'The retention period has ended: erase the case (§13)',
};

/** What tasks.sql.ts reads of a case beyond its access facts. */
export interface CaseTaskState {
  reference: string;
  safeguarding: boolean;
  referralRecorded: boolean;
  reportedAt: Date;
  triagedAt: Date | null;
  /** Working days added to the investigation deadline (extensions, each with its reason). */
  investigationExtensionDays: number;
  pendingMonitoringRequests: number;
  /** The earliest end of an approved monitoring authorisation still in force. */
  monitoringEndsAt: Date | null;
  /** The current disciplinary hearing (not superseded). */
  hearing: { chairUserId: string; held: boolean; scheduledFor: Date } | null;
  appealLodgedAt: Date | null;
  /** The current hearing of the appeal (not superseded). */
  appealHearing: { chairUserId: string; held: boolean; scheduledFor: Date } | null;
  appealDeadline: Date | null;
  /** The earliest review date of a suspension still active. */
  suspensionReviewBy: Date | null;
  retainUntil: Date | null;
  legalHold: boolean;
}

/** One thing waiting on a case: for whoever `actingRole` lets act with `permission` (in `role`, when named), or for one person. */
export interface CaseTask {
  kind: TaskKind;
  permission: Permission;
  /** Only a holder of this role (the deputy head triages; the deciding role decides). */
  role?: Role;
  /** Only this person (the appointed investigator, a hearing's chair). */
  userId?: string;
  dueAt: Date | null;
}

const endOfWorkingDay = (from: Date, days: number, calendar: TaskCalendar) =>
  endOfLocalDay(addWorkingDays(from, days, calendar.zone, calendar.holidays), calendar.zone);

/** process.md §6: what waits on the case now, each with its owner and deadline. */
export function caseTasks(facts: CaseFacts, state: CaseTaskState, now: Date, calendar: TaskCalendar, deadlines: Deadlines = DEFAULT_DEADLINES): CaseTask[] {
  if (facts.erased) return [];
  const deciding = decisionMakerRole(facts) ?? undefined;
  if (facts.status === 'closed') {
    // §13: a case past its retention date, not on hold, waits to be erased; nothing else waits on a closed case
    const due = state.retainUntil && state.retainUntil <= now && !state.legalHold;
    return due ? [{ kind: 'erase_case', permission: 'retention:manage', role: deciding, dueAt: state.retainUntil }] : [];
  }
  const tasks: CaseTask[] = [];
  const add = (task: CaseTask) => tasks.push(task);
  // §5, domain.md: the referral within one working day of the report (a pause does not stop it)
  if (state.safeguarding && !state.referralRecorded) {
    add({ kind: 'safeguarding_referral', permission: 'cases:safeguarding', role: 'deputy_head', dueAt: referralDueBy(state.reportedAt, calendar) });
  }
  // §6, process.md §4: a grievance waits for someone uninvolved to decide it
  if (facts.grievances?.undecided) add({ kind: 'decide_grievance', permission: 'grievances:decide', dueAt: null });
  // process.md §1: a suspension is reviewed by its review date, or it ends (a pause does not stop it)
  if (state.suspensionReviewBy) add({ kind: 'review_suspension', permission: 'outcome:decide', role: deciding, dueAt: state.suspensionReviewBy });
  // §11: an authorisation about to end is reviewed before it does
  if (state.monitoringEndsAt && endsWithinNotice(state.monitoringEndsAt, now, calendar, deadlines.monitoringExpiryNoticeWorkingDays)) {
    add({ kind: 'monitoring_expiry', permission: 'monitoring:decide', role: deciding, dueAt: state.monitoringEndsAt });
  }
  const paused = facts.grievances?.paused ?? null;
  if (paused) {
    // process.md §4: the process waits for the grievance; once decided, for the decision-maker to resume it
    if (paused.grievanceDecided) add({ kind: 'resume_process', permission: 'outcome:decide', role: deciding, dueAt: null });
    return tasks;
  }
  switch (facts.status) {
    case 'reported':
      // process.md §6: triage within 2 working days (§4: the deputy head)
      add({ kind: 'triage', permission: 'cases:triage', role: 'deputy_head', dueAt: endOfWorkingDay(state.reportedAt, deadlines.triageWorkingDays, calendar) });
      break;
    case 'investigation': {
      // process.md §6: the investigation within 20 working days of its start, extendable with a reason
      const started = state.triagedAt ?? state.reportedAt;
      const due = endOfWorkingDay(started, deadlines.investigationWorkingDays + state.investigationExtensionDays, calendar);
      if (facts.investigatorUserId === null) add({ kind: 'appoint_investigator', permission: 'cases:assign', role: deciding, dueAt: null });
      else add({ kind: 'investigate', permission: 'investigation:write', userId: facts.investigatorUserId, dueAt: due });
      if (state.pendingMonitoringRequests > 0) add({ kind: 'decide_monitoring', permission: 'monitoring:decide', role: deciding, dueAt: null });
      break;
    }
    case 'awaiting_decision':
      add({ kind: 'decide_outcome', permission: 'outcome:decide', role: deciding, dueAt: null });
      break;
    case 'hearing':
      // process.md §1: the chair holds the hearing at its time, then decides
      if (state.hearing && !state.hearing.held) {
        add({ kind: 'hold_hearing', permission: 'outcome:decide', userId: state.hearing.chairUserId, dueAt: state.hearing.scheduledFor });
      } else if (state.hearing) {
        add({ kind: 'decide_outcome', permission: 'outcome:decide', userId: state.hearing.chairUserId, dueAt: null });
      }
      break;
    case 'decided':
      // the appeal window is the subject's; once it has passed (or there is none), the decision-maker closes the case
      if (!state.appealDeadline || state.appealDeadline <= now) {
        add({ kind: 'close_case', permission: 'cases:close', role: deciding, dueAt: state.appealDeadline });
      }
      break;
    case 'appeal': {
      // process.md §6: the appeal heard within 20 working days of its lodging, by someone uninvolved
      const due = state.appealLodgedAt ? endOfWorkingDay(state.appealLodgedAt, deadlines.appealHearingWorkingDays, calendar) : null;
      if (!state.appealHearing) add({ kind: 'hear_appeal', permission: 'appeals:decide', dueAt: due });
      else if (!state.appealHearing.held) add({ kind: 'hear_appeal', permission: 'appeals:decide', userId: state.appealHearing.chairUserId, dueAt: due });
      else add({ kind: 'decide_appeal', permission: 'appeals:decide', userId: state.appealHearing.chairUserId, dueAt: null });
      break;
    }
  }
  return tasks;
}

/**
 * §11: a monitoring authorisation still in force that ends within `noticeDays` working days of
 * now — the task of whoever decides monitoring, and the scheduled "expiring" notification of its
 * decider (notification-jobs.service.ts): one rule for both.
 */
export function endsWithinNotice(endsAt: Date, now: Date, calendar: TaskCalendar, noticeDays: number): boolean {
  return endsAt > now && endsAt <= addWorkingDays(now, noticeDays, calendar.zone, calendar.holidays);
}

/** The case's tasks that are the actor's: those the access rules let them do, in the role and as the person each names. */
export function tasksOfActor(actor: Actor, facts: CaseFacts, tasks: readonly CaseTask[]): CaseTask[] {
  return tasks.filter((task) => {
    if (task.userId !== undefined && task.userId !== actor.userId) return false;
    if (task.role !== undefined && !actor.roles.includes(task.role)) return false;
    const role = actingRole(actor, facts, task.permission);
    return role !== null && (task.role === undefined || task.role === 'deputy_head' || role === task.role);
  });
}

/** A task is overdue once its deadline has passed. */
export function isOverdue(dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && dueAt.getTime() < now.getTime();
}

/** The order of a task list: overdue first, then by deadline (soonest first), then those without one, by report. */
export function compareTasks(a: { dueAt: Date | null; reportedAt: Date }, b: { dueAt: Date | null; reportedAt: Date }): number {
  if (a.dueAt && b.dueAt) return a.dueAt.getTime() - b.dueAt.getTime() || a.reportedAt.getTime() - b.reportedAt.getTime();
  if (a.dueAt) return -1;
  if (b.dueAt) return 1;
  return a.reportedAt.getTime() - b.reportedAt.getTime();
}

export { SCHOOL_TIME_ZONE };
