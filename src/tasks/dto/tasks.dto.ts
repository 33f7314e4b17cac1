import { ApiProperty } from '@nestjs/swagger';
import { TASK_KINDS, TaskKind } from '../task.rules';

export class TaskItem {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'the case reference, e.g. SMP-2026-0007' }) reference: string;
  @ApiProperty({ enum: TASK_KINDS, enumName: 'TaskKind', description: 'what waits (process.md §6)' }) kind: TaskKind;
  @ApiProperty({ description: 'what waits, in plain words (no case content)' }) what: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the deadline; null when the step has none' })
  dueAt: string | null;
  @ApiProperty({ description: 'the deadline has passed' }) overdue: boolean;
}

export class TaskList {
  @ApiProperty({ type: [TaskItem], description: 'what waits for the caller: overdue first, then by deadline, then the rest by report' })
  items: TaskItem[];

  @ApiProperty({ description: 'true: the caller may see more open cases than one list reads (the oldest are read first); GET /cases lists them all' })
  truncated: boolean;

  @ApiProperty({ format: 'date-time', description: 'the moment the list is for' }) asAt: string;
}
