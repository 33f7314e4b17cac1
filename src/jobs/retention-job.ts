import { Injectable, OnModuleInit } from '@nestjs/common';
import { RetentionService } from '../retention/retention.service';
import { JobQueue } from './job-queue.service';

export const RETENTION_JOB = 'retention-run';

/** The daily retention run (§13; process.md §6 "Scheduled work"): as the system, audited, at 02:30 London time. */
@Injectable()
export class RetentionJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly retention: RetentionService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: RETENTION_JOB,
      run: async () => {
        await this.retention.runAsSystem();
      },
      schedule: { cron: '30 2 * * *', tz: 'Europe/London' },
    });
  }
}
