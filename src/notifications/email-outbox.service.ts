import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { queryOne, queryRows } from '../database/sql';
import { JobQueue } from '../jobs/job-queue.service';
import { Mailer } from './mailer';
import { EmailText, isDeliverableAddress, retryDelaySeconds } from './notification.rules';

export const DELIVER_EMAIL_JOB = 'email-deliver';
export const EMAIL_SWEEP_JOB = 'email-sweep';

/** A 'sending' row older than this was being sent by an instance that stopped mid-way: tried again (at least once). */
const STALE_SENDING_MINUTES = 10;

export interface OutboxEmail extends EmailText {
  organisationId: string;
  userId: string;
  recipient: string;
  /** Unique: a second row with the same key is never made (notification:<id>, digest:<user>:<date>). */
  key: string;
}

/**
 * The e-mail outbox (docs/notifications.md "Delivery"): rows written in the transaction that made
 * them due, each sent by a job — at least once, retried with exponential backoff, failed after
 * the last attempt. A row is claimed before it is sent (status 'sending', in its own statement),
 * so two jobs for the same row, a retried job or a second instance never send it twice; only a
 * crash between the server's acceptance and the row's 'sent' can, which is the "at least once".
 */
@Injectable()
export class EmailOutbox implements OnModuleInit {
  private readonly logger = new Logger('E-mail');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ deliveryId: string }>({ name: DELIVER_EMAIL_JOB, run: ({ deliveryId }) => this.deliver(deliveryId), retryLimit: 0 });
    // Every minute: rows whose wake-up was lost (enqueued by an instance with JOBS=off, a job
    // expired with its instance) are sent anyway.
    // every minute, and at start: a restarted instance picks up at once the e-mails one that stopped left pending
    this.jobs.define({ name: EMAIL_SWEEP_JOB, run: () => this.sweep(), schedule: { cron: '* * * * *', tz: 'UTC' }, atStart: true });
  }

  /**
   * Writes the e-mails to the outbox in the caller's transaction and enqueues their delivery in
   * it too. A key already there is skipped: asked twice, one e-mail. E-mail off: nothing (null).
   */
  async enqueue(em: EntityManager, emails: readonly OutboxEmail[]): Promise<string[]> {
    if (!this.mailer.enabled) return [];
    const ids: string[] = [];
    for (const email of emails) {
      if (!isDeliverableAddress(email.recipient)) continue;
      const row = await queryOne<{ id: string }>(
        em,
        `INSERT INTO email_deliveries (organisation_id, user_id, key, recipient, subject, body) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (key) DO NOTHING RETURNING id`,
        [email.organisationId, email.userId, email.key, email.recipient, email.subject, email.body],
      );
      if (!row) continue;
      ids.push(row.id);
      await this.jobs.send(DELIVER_EMAIL_JOB, { deliveryId: row.id }, { em });
    }
    return ids;
  }

  /** One attempt at one row, if it is pending and due. */
  async deliver(deliveryId: string): Promise<void> {
    const row = await queryOne<{ recipient: string; subject: string; body: string; attempts: number }>(
      this.dataSource.manager,
      `UPDATE email_deliveries SET status = 'sending', attempts = attempts + 1, next_attempt_at = now()
       WHERE id = $1 AND status = 'pending' AND next_attempt_at <= now() RETURNING recipient, subject, body, attempts`,
      [deliveryId],
    );
    if (!row) return;
    try {
      await this.mailer.send(row.recipient, { subject: row.subject, body: row.body });
    } catch (error) {
      await this.failed(deliveryId, row.attempts, error as Error);
      return;
    }
    await this.dataSource.query(`UPDATE email_deliveries SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [deliveryId]);
  }

  private async failed(deliveryId: string, attempts: number, error: Error): Promise<void> {
    const message = error.message.slice(0, 500);
    const delay = retryDelaySeconds(attempts, this.config.email.maxAttempts, this.config.email.retrySeconds);
    if (delay === null) {
      this.logger.warn(`e-mail ${deliveryId} failed after ${attempts} attempts: ${message}`);
      await this.dataSource.query(`UPDATE email_deliveries SET status = 'failed', last_error = $2 WHERE id = $1`, [deliveryId, message]);
      return;
    }
    const rows = await queryRows<{ next_attempt_at: Date }>(
      this.dataSource.manager,
      `UPDATE email_deliveries SET status = 'pending', last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1 RETURNING next_attempt_at`,
      [deliveryId, message, delay],
    );
    await this.jobs.send(DELIVER_EMAIL_JOB, { deliveryId }, { startAfter: rows[0].next_attempt_at });
  }

  /**
   * Rows left pending past their time (5 s of grace for a job already queued), or 'sending' by an
   * instance that stopped: their jobs again. A second job for a row is harmless: an attempt claims
   * the row only while it is pending (`deliver`).
   */
  async sweep(): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_deliveries SET status = 'pending' WHERE status = 'sending' AND next_attempt_at < now() - make_interval(mins => ${STALE_SENDING_MINUTES})`,
    );
    const due = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM email_deliveries WHERE status = 'pending' AND next_attempt_at <= now() - interval '5 seconds' ORDER BY next_attempt_at LIMIT 500`,
    );
    for (const { id } of due) await this.jobs.send(DELIVER_EMAIL_JOB, { deliveryId: id });
  }
}
