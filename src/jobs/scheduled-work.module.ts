import { Module } from '@nestjs/common';
import { RetentionModule } from '../retention/retention.module';
import { RetentionJob } from './retention-job';

/** Scheduled work that belongs to no one module's requests: the retention run. (Notifications define their own jobs.) */
@Module({ imports: [RetentionModule], providers: [RetentionJob] })
export class ScheduledWorkModule {}
