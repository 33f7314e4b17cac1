import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { isoSql, queryOne, queryRows, SqlParams } from '../database/sql';
import { recipients } from '../people/recipients.sql';
import { FailedDeliveryResponse, NotificationResponse } from './dto/notification.dto';
import { EmailOutbox } from './email-outbox.service';
import {
  DEFAULT_EMAIL_PREFERENCE,
  EmailPreference,
  immediateEmail,
  notificationEmailKey,
  notificationKey,
  NotificationEvent,
  wantsImmediate,
} from './notification.rules';
import { Waiting } from './notification.types';

const NOTIFICATION_COLUMNS = `n.id, n.event, n.case_id AS "caseId", n.reference, n.kind, n.what, ${isoSql('n.due_at')} AS "dueAt",
  ${isoSql('n.created_at')} AS "createdAt", ${isoSql('n.read_at')} AS "readAt"`;

/**
 * In-app notifications and their e-mails (process.md §6; docs/notifications.md). `notify` is
 * called inside a case change's transaction: the notification, its e-mail and the e-mail's job
 * commit with the change or not at all.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly outbox: EmailOutbox,
  ) {}

  /** Something now waits for each person named: told in the application, and by e-mail to those who chose immediate. */
  notify(em: EntityManager, waiting: readonly Waiting[]): Promise<void> {
    return this.record(em, 'waiting', waiting);
  }

  /**
   * Writes the notifications not already there (the same event about the same task and due time
   * is told once: notification.rules.ts notificationKey), and the e-mails of the new ones for
   * people who chose immediate e-mails. Inactive accounts are not told.
   */
  async record(em: EntityManager, event: NotificationEvent, waiting: readonly Waiting[]): Promise<void> {
    if (waiting.length === 0) return;
    const people = new Map((await recipients(em, [...new Set(waiting.map((w) => w.userId))])).map((r) => [r.userId, r]));
    const preferences = await this.preferencesOf(em, [...people.keys()]);
    for (const w of waiting) {
      const person = people.get(w.userId);
      if (!person?.active || person.organisationId !== w.organisationId) continue;
      const row = await queryOne<{ id: string }>(
        em,
        `INSERT INTO notifications (organisation_id, user_id, case_id, event, kind, reference, what, due_at, key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (user_id, key) DO NOTHING RETURNING id`,
        [w.organisationId, w.userId, w.caseId, event, w.kind, w.reference, w.what, w.dueAt, notificationKey(event, w)],
      );
      if (!row || !wantsImmediate(preferences.get(w.userId) ?? DEFAULT_EMAIL_PREFERENCE)) continue;
      await this.outbox.enqueue(em, [
        {
          organisationId: w.organisationId,
          userId: w.userId,
          recipient: person.email,
          key: notificationEmailKey(row.id),
          ...immediateEmail(w, event, this.config.email.appUrl),
        },
      ]);
    }
  }

  async preferencesOf(em: EntityManager, userIds: readonly string[]): Promise<Map<string, EmailPreference>> {
    if (userIds.length === 0) return new Map();
    const rows = await queryRows<{ userId: string; email: EmailPreference }>(
      em,
      `SELECT user_id AS "userId", email FROM notification_preferences WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.userId, r.email]));
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<NotificationResponse> & { unread: number }> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const p = new SqlParams();
    const where = [`n.user_id = ${p.add(actor.userId)}`, `n.organisation_id = ${p.add(actor.organisationId)}`, stillVisible(actor, p)];
    if (after) where.push(`(n.created_at, n.id) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`);
    const rows = await queryRows<NotificationResponse>(
      this.dataSource.manager,
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications n WHERE ${where.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT ${limit + 1}`,
      p.values,
    );
    const u = new SqlParams();
    const unread = await queryOne<{ count: number }>(
      this.dataSource.manager,
      `SELECT count(*)::int AS count FROM notifications n WHERE n.user_id = ${u.add(actor.userId)} AND n.read_at IS NULL AND ${stillVisible(actor, u)}`,
      u.values,
    );
    return {
      ...toPage(
        rows,
        limit,
        (r) => [r.createdAt, r.id],
        (r) => r,
      ),
      unread: unread?.count ?? 0,
    };
  }

  /** Marks one of the caller's own notifications read (again: unchanged). Anyone else's: 404, as if it did not exist. */
  async markRead(actor: Actor, id: string): Promise<NotificationResponse> {
    const p = new SqlParams();
    const row = await queryOne<NotificationResponse>(
      this.dataSource.manager,
      `UPDATE notifications n SET read_at = COALESCE(n.read_at, now())
       WHERE n.id = ${p.add(id)} AND n.user_id = ${p.add(actor.userId)} AND n.organisation_id = ${p.add(actor.organisationId)} AND ${stillVisible(actor, p)}
       RETURNING ${NOTIFICATION_COLUMNS}`,
      p.values,
    );
    if (!row) throw DomainError.notFound('Notification');
    return row;
  }

  async preferences(actor: Actor): Promise<{ email: EmailPreference }> {
    const found = await this.preferencesOf(this.dataSource.manager, [actor.userId]);
    return { email: found.get(actor.userId) ?? DEFAULT_EMAIL_PREFERENCE };
  }

  async setPreferences(actor: Actor, email: EmailPreference): Promise<{ email: EmailPreference }> {
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, email) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`,
      [actor.userId, email],
    );
    return { email };
  }

  /** process.md §6 "failed deliveries are visible to admins": the organisation's, newest first; recipient and error, no case content. */
  async failedDeliveries(actor: Actor, query: PageQuery): Promise<Page<FailedDeliveryResponse>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const p = new SqlParams();
    const where = [`d.organisation_id = ${p.add(actor.organisationId)}`, `d.status = 'failed'`];
    if (after) where.push(`(d.created_at, d.id) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`);
    const rows = await queryRows<FailedDeliveryResponse & { key: string }>(
      this.dataSource.manager,
      `SELECT d.id, d.user_id AS "userId", d.recipient, d.key, d.attempts, d.last_error AS "lastError", ${isoSql('d.created_at')} AS "createdAt",
              ${isoSql('d.next_attempt_at')} AS "lastAttemptAt"
       FROM email_deliveries d WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT ${limit + 1}`,
      p.values,
    );
    return toPage(
      rows,
      limit,
      (r) => [r.createdAt, r.id],
      ({ key, ...r }) => ({ ...r, kind: key.startsWith('digest:') ? 'digest' : 'notification' }),
    );
  }
}

/**
 * SQL: the notification's case is one the reader may see now (the one visibility rule). A
 * notification outlives the moment it was sent — an investigator replaced, a headteacher who has
 * become a party — and then neither it nor its reference is shown again: a case you may not see
 * is 404, its notifications too.
 */
function stillVisible(actor: Actor, p: SqlParams): string {
  return `EXISTS (SELECT 1 FROM cases c WHERE c.id = n.case_id AND ${visibleCasesPredicate(actor, p)})`;
}
