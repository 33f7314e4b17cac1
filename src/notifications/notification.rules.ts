import { localDateOf, SCHOOL_TIME_ZONE } from '../calendar/working-days';
import type { Waiting } from './notification.types';

/** Why a person is told (process.md §6): something newly waits, it became overdue, an authorisation ends soon. */
export const NOTIFICATION_EVENTS = ['waiting', 'overdue', 'expiring'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** process.md §6: "each person chooses immediate, digest or both". */
export const EMAIL_PREFERENCES = ['immediate', 'digest', 'both'] as const;
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];
/** No choice made: both. */
export const DEFAULT_EMAIL_PREFERENCE: EmailPreference = 'both';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

// process.md §6: an e-mail at the moment something waits, for those who chose immediate or both.
export const wantsImmediate = (preference: EmailPreference): boolean => preference !== 'digest';

// process.md §6: the daily digest, for those who chose digest or both.
export const wantsDigest = (preference: EmailPreference): boolean => preference !== 'immediate';

/**
 * What makes two notifications the same (the `key` unique per person): the same event about the
 * same task kind of the same case with the same due time. A deadline moved (an extension) is a
 * new thing to be told of; the same one asked again (a retried job, a second instance) is not.
 */
export function notificationKey(event: NotificationEvent, waiting: Pick<Waiting, 'caseId' | 'kind' | 'dueAt'>): string {
  return [event, waiting.kind, waiting.caseId, waiting.dueAt ? new Date(waiting.dueAt).toISOString() : '-'].join(':');
}

/** A date as people read it in the school: "4 December 2026" (Europe/London). */
export function longDate(at: Date | string, zone = SCHOOL_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(new Date(at));
}

/** The link an e-mail carries: the case in the web application, which asks the reader to sign in. */
export const caseLink = (appUrl: string, caseId: string): string => `${appUrl}/app/cases/${caseId}`;

export interface EmailText {
  subject: string;
  body: string;
}

/** One line about one waiting thing: reference, what waits, when it is due. Nothing else of the case. */
export function waitingLine(waiting: Pick<Waiting, 'reference' | 'what' | 'dueAt'>, event: NotificationEvent = 'waiting'): string {
  const due = waiting.dueAt ? `, ${event === 'expiring' ? 'ends' : event === 'overdue' ? 'was due' : 'due'} ${longDate(waiting.dueAt)}` : '';
  return `${waiting.reference} — ${waiting.what}${due}`;
}

const OPENING: Record<NotificationEvent, string> = {
  waiting: 'A case waits for you',
  overdue: 'Overdue',
  expiring: 'A monitoring authorisation ends soon',
};

const FOOTER = [
  'Sign in to see the case. For confidentiality this e-mail carries only the case reference and what waits; please do not forward it.',
  'You can choose immediate e-mails, a daily digest or both under Notifications in the casework application.',
];

/**
 * process.md §6 "An e-mail carries no case content: the reference, what waits, a link" —
 * built from those three only, so nothing else of a case can reach an e-mail.
 * "A case waits for you: SMP-2026-0042 — Investigate the case, due 4 December 2026".
 */
export function immediateEmail(waiting: Pick<Waiting, 'caseId' | 'reference' | 'what' | 'dueAt'>, event: NotificationEvent, appUrl: string): EmailText {
  const subject = `${OPENING[event]}: ${waitingLine(waiting, event)}`;
  const body = [`${subject}.`, '', `Open it: ${caseLink(appUrl, waiting.caseId)}`, '', ...FOOTER].join('\n');
  return { subject, body };
}

/**
 * process.md §6: the daily digest of what is due or overdue — one line per task (the same three
 * things as an immediate e-mail), overdue first. None: no e-mail (null).
 */
export function digestEmail(tasks: ReadonlyArray<Waiting & { overdue: boolean }>, date: string, appUrl: string): EmailText | null {
  if (tasks.length === 0) return null;
  const overdue = tasks.filter((t) => t.overdue);
  const due = tasks.filter((t) => !t.overdue);
  const day = longDate(`${date}T12:00:00Z`);
  const counts = [overdue.length ? `${overdue.length} overdue` : '', due.length ? `${due.length} to do` : ''].filter(Boolean).join(', ');
  const subject = `Your casework for ${day}: ${counts}`;
  const section = (title: string, items: typeof tasks, event: NotificationEvent) =>
    items.length ? [title, ...items.flatMap((t) => [`- ${waitingLine(t, event)}`, `  ${caseLink(appUrl, t.caseId)}`]), ''] : [];
  const body = [`${subject}.`, '', ...section('Overdue:', overdue, 'overdue'), ...section('To do:', due, 'waiting'), ...FOOTER].join('\n');
  return { subject, body };
}

/** The London date the digest is for: the 07:00 run on 4 December is the digest of 4 December, in winter and in summer. */
export const digestDate = (now: Date): string => localDateOf(now, SCHOOL_TIME_ZONE);

/** The outbox key of a person's digest of a day: one per person per day, whoever runs it. */
export const digestKey = (userId: string, date: string): string => `digest:${userId}:${date}`;

/** The outbox key of a notification's e-mail: one per notification. */
export const notificationEmailKey = (notificationId: string): string => `notification:${notificationId}`;

/**
 * After a failed attempt (the `attempts`-th): wait `retrySeconds`, then twice as long each time
 * (exponential backoff); after the last attempt, no retry (null): the delivery is failed.
 */
export function retryDelaySeconds(attempts: number, maxAttempts: number, retrySeconds: number): number | null {
  if (attempts >= maxAttempts) return null;
  return retrySeconds * 2 ** (attempts - 1);
}

/** An e-mail address fit for an SMTP envelope: nodemailer would refuse anything else on every attempt. */
export const isDeliverableAddress = (address: string): boolean => /^[^\s@<>]+@[^\s@<>]+$/.test(address);
