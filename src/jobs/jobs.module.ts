import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';

/** The job queue (pg-boss in PostgreSQL), for any module to define and send jobs. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
