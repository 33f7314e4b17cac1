import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JobQueue } from '../jobs/job-queue.service';
import { authorisationsEndingBy } from '../monitoring/expiring-authorisations.sql';
import { SchoolCalendars } from '../organisations/school-calendars.service';
import { activeUsers } from '../people/recipients.sql';
import { endsWithinNotice } from '../tasks/task.rules';
import { EmailOutbox } from './email-outbox.service';
import { DEFAULT_EMAIL_PREFERENCE, digestDate, digestEmail, digestKey, wantsDigest } from './notification.rules';
import { TASK_LISTER, TaskLister, Waiting } from './notification.types';
import { NotificationsService } from './notifications.service';

export const DIGEST_JOB = 'notifications-digest';
export const OVERDUE_JOB = 'notifications-overdue';
export const EXPIRING_JOB = 'notifications-expiring-authorisations';

/** Organisations are schools in the United Kingdom: their time zone (process.md §6 "07:00 in the organisation's time zone"). */
export const ORGANISATION_TIME_ZONE = 'Europe/London';

/** What the authorisation's decider is told when it ends within 5 working days. */
export const EXPIRING_WHAT = 'Review the monitoring authorisation, which ends soon';

/**
 * The scheduled notifications (process.md §6 "Scheduled work"; docs/notifications.md): the
 * daily digest at 07:00 London time, overdue flags hourly, expiring monitoring authorisations
 * daily. Each is idempotent — the digest's e-mail is keyed by person and date, a notification by
 * what it is about — so a run repeated (a retry, a second instance) tells nobody twice.
 */
@Injectable()
export class NotificationJobs implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TASK_LISTER) private readonly tasks: TaskLister,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly outbox: EmailOutbox,
    private readonly notifications: NotificationsService,
    private readonly calendars: SchoolCalendars,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: DIGEST_JOB,
      run: async () => {
        await this.digest();
      },
      schedule: { cron: this.config.jobs.digestCron, tz: ORGANISATION_TIME_ZONE },
    });
    this.jobs.define({ name: OVERDUE_JOB, run: () => this.overdue(), schedule: { cron: '5 * * * *', tz: ORGANISATION_TIME_ZONE } });
    this.jobs.define({ name: EXPIRING_JOB, run: () => this.expiring(), schedule: { cron: '0 6 * * *', tz: ORGANISATION_TIME_ZONE } });
  }

  /**
   * process.md §6: one e-mail per person (who chose digest or both) listing what is due or
   * overdue for them today, none when nothing is; keyed by person and London date.
   */
  async digest(now = this.clock.now()): Promise<number> {
    if (!this.config.email.smtpUrl) return 0;
    const date = digestDate(now);
    const people = await activeUsers(this.dataSource.manager);
    const preferences = await this.notifications.preferencesOf(
      this.dataSource.manager,
      people.map((p) => p.userId),
    );
    let sent = 0;
    for (const person of people) {
      if (!wantsDigest(preferences.get(person.userId) ?? DEFAULT_EMAIL_PREFERENCE)) continue;
      const email = digestEmail(await this.tasks.tasksOf(person.organisationId, person.userId, now), date, this.config.email.appUrl);
      if (!email) continue;
      const ids = await this.dataSource.transaction((em) =>
        this.outbox.enqueue(em, [
          { organisationId: person.organisationId, userId: person.userId, recipient: person.email, key: digestKey(person.userId, date), ...email },
        ]),
      );
      sent += ids.length;
    }
    this.logger.log(`digest of ${date}: ${sent} e-mail(s)`);
    return sent;
  }

  /** A task that has become overdue: its owner is told once (the notification's key holds the due time). */
  async overdue(now = this.clock.now()): Promise<void> {
    for (const person of await activeUsers(this.dataSource.manager)) {
      const late: Waiting[] = (await this.tasks.tasksOf(person.organisationId, person.userId, now)).filter((t) => t.overdue).map(({ overdue: _, ...t }) => t);
      if (late.length) await this.dataSource.transaction((em) => this.notifications.record(em, 'overdue', late));
    }
  }

  /** A monitoring authorisation ending within the organisation's notice (5 working days unless it set another): whoever decided it is told, once per expiry date. */
  async expiring(now = this.clock.now()): Promise<void> {
    // the notice is each organisation's (at most 10 working days: never more than 30 calendar days), counted in its own calendar
    const em = this.dataSource.manager;
    const ending = await authorisationsEndingBy(em, now, new Date(now.getTime() + 30 * 86_400_000));
    const settings = new Map<string, Awaited<ReturnType<SchoolCalendars['withDeadlines']>>>();
    for (const a of ending) {
      if (!settings.has(a.organisationId)) settings.set(a.organisationId, await this.calendars.withDeadlines(em, a.organisationId));
    }
    const waiting: Waiting[] = ending
      .filter((a) => {
        const { calendar, deadlines } = settings.get(a.organisationId)!;
        return endsWithinNotice(new Date(a.expiresAt), now, calendar, deadlines.monitoringExpiryNoticeWorkingDays);
      })
      .map((a) => ({
        organisationId: a.organisationId,
        userId: a.decidedByUserId,
        caseId: a.caseId,
        reference: a.reference,
        kind: 'monitoring_authorisation_expiry',
        what: EXPIRING_WHAT,
        dueAt: new Date(a.expiresAt).toISOString(),
      }));
    if (waiting.length) await this.dataSource.transaction((em) => this.notifications.record(em, 'expiring', waiting));
  }
}
