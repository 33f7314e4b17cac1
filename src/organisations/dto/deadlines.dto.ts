import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { DEADLINE_BOUNDS, DEFAULT_DEADLINES } from '../../tasks/task.rules';

const b = DEADLINE_BOUNDS;

/** The organisation's deadlines in working days (process.md §6); GET answers them, PUT sets all four. */
export class DeadlinesDto {
  @ApiProperty({
    minimum: b.triageWorkingDays.min,
    maximum: b.triageWorkingDays.max,
    example: DEFAULT_DEADLINES.triageWorkingDays,
    description: 'a report triaged within',
  })
  @IsInt()
  @Min(b.triageWorkingDays.min)
  @Max(b.triageWorkingDays.max)
  triageWorkingDays: number;

  @ApiProperty({
    minimum: b.investigationWorkingDays.min,
    maximum: b.investigationWorkingDays.max,
    example: DEFAULT_DEADLINES.investigationWorkingDays,
    description: 'an investigation reported within, from triage (before any extension)',
  })
  @IsInt()
  @Min(b.investigationWorkingDays.min)
  @Max(b.investigationWorkingDays.max)
  investigationWorkingDays: number;

  @ApiProperty({
    minimum: b.appealHearingWorkingDays.min,
    maximum: b.appealHearingWorkingDays.max,
    example: DEFAULT_DEADLINES.appealHearingWorkingDays,
    description: 'an appeal heard within, from its lodging',
  })
  @IsInt()
  @Min(b.appealHearingWorkingDays.min)
  @Max(b.appealHearingWorkingDays.max)
  appealHearingWorkingDays: number;

  @ApiProperty({
    minimum: b.monitoringExpiryNoticeWorkingDays.min,
    maximum: b.monitoringExpiryNoticeWorkingDays.max,
    example: DEFAULT_DEADLINES.monitoringExpiryNoticeWorkingDays,
    description: 'a monitoring authorisation flagged this long before it ends',
  })
  @IsInt()
  @Min(b.monitoringExpiryNoticeWorkingDays.min)
  @Max(b.monitoringExpiryNoticeWorkingDays.max)
  monitoringExpiryNoticeWorkingDays: number;
}
