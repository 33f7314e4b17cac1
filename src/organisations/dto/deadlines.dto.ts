import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { DEADLINE_BOUNDS, DEFAULT_DEADLINES, Deadlines } from '../../tasks/task.rules';

/** One deadline in working days: its range and default are the rule's (task.rules.ts DEADLINE_BOUNDS, DEFAULT_DEADLINES), declared and enforced alike. */
function WorkingDays(key: keyof Deadlines, description: string): PropertyDecorator {
  const { min, max } = DEADLINE_BOUNDS[key];
  return applyDecorators(ApiProperty({ minimum: min, maximum: max, example: DEFAULT_DEADLINES[key], description }), IsInt(), Min(min), Max(max));
}

/** The organisation's deadlines in working days (process.md §6); GET answers them, PUT sets all four. */
export class DeadlinesDto implements Deadlines {
  @WorkingDays('triageWorkingDays', 'a report triaged within')
  triageWorkingDays: number;

  @WorkingDays('investigationWorkingDays', 'an investigation reported within, from triage (before any extension)')
  investigationWorkingDays: number;

  @WorkingDays('appealHearingWorkingDays', 'an appeal heard within, from its lodging')
  appealHearingWorkingDays: number;

  @WorkingDays('monitoringExpiryNoticeWorkingDays', 'a monitoring authorisation flagged this long before it ends')
  monitoringExpiryNoticeWorkingDays: number;
}
