import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { DEADLINE_BOUNDS, DEFAULT_DEADLINES, Deadlines } from '../../tasks/task.rules';

type FixedKey = 'triageWorkingDays' | 'investigationWorkingDays' | 'appealHearingWorkingDays' | 'monitoringExpiryNoticeWorkingDays';

/** One deadline in working days: its range and default are the rule's (task.rules.ts DEADLINE_BOUNDS, DEFAULT_DEADLINES), declared and enforced alike. */
function WorkingDays(key: FixedKey, description: string): PropertyDecorator {
  const { min, max } = DEADLINE_BOUNDS[key];
  return applyDecorators(ApiProperty({ minimum: min, maximum: max, example: DEFAULT_DEADLINES[key], description }), IsInt(), Min(min), Max(max));
}

/**
 * One deadline bounded by the deployment's fair-process setting (task.rules.ts `deadlineBounds`):
 * its range depends on the environment, so the service checks it (`deadlinesProblem`, 400 naming
 * the field); here, a whole number, with the deployment's default as the example.
 */
function WithinDeployment(key: Exclude<keyof Deadlines, FixedKey>, description: string): PropertyDecorator {
  return applyDecorators(ApiProperty({ minimum: 1, example: DEFAULT_DEADLINES[key], description }), IsInt(), Min(1));
}

/** The organisation's deadlines (process.md §6); GET answers them, PUT sets all eight. */
export class DeadlinesDto implements Deadlines {
  @WorkingDays('triageWorkingDays', 'a report triaged within')
  triageWorkingDays: number;

  @WorkingDays('investigationWorkingDays', 'an investigation reported within, from triage (before any extension)')
  investigationWorkingDays: number;

  @WorkingDays('appealHearingWorkingDays', 'an appeal heard within, from its lodging')
  appealHearingWorkingDays: number;

  @WorkingDays('monitoringExpiryNoticeWorkingDays', 'a monitoring authorisation flagged this long before it ends')
  monitoringExpiryNoticeWorkingDays: number;

  @WithinDeployment(
    'hearingNoticeWorkingDays',
    'working days of notice a hearing invitation gives: at least the deployment’s HEARING_NOTICE_WORKING_DAYS (the default), at most 20',
  )
  hearingNoticeWorkingDays: number;

  @WithinDeployment(
    'appealDeadlineMinWorkingDays',
    'an appeal deadline at least this many working days after the decision is communicated: at least the deployment’s APPEAL_DEADLINE_MIN_WORKING_DAYS (the default), at most 20 a month of APPEAL_DEADLINE_MAX_MONTHS',
  )
  appealDeadlineMinWorkingDays: number;

  @WithinDeployment('suspensionReviewMaxDays', 'a suspension’s review date at most this many calendar days ahead: 7 to 28 (4 weeks, the default)')
  suspensionReviewMaxDays: number;

  @WithinDeployment('warningMaxMonths', 'a warning expires at most this many months after it is given: 1 to the deployment’s WARNING_MAX_MONTHS (the default)')
  warningMaxMonths: number;
}
