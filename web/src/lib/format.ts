const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** "20 November 2026, 18:30" (UK time, as the school keeps it). */
export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
/** "20 November 2026". */
export const formatDate = (iso: string): string => date.format(new Date(iso));

/** The API's role names, as people say them. */
export const ROLE_NAMES: Record<string, string> = {
  admin: 'Administrator',
  deputy_head: 'Deputy headteacher',
  headteacher: 'Headteacher',
  investigating_manager: 'Investigating manager',
  governor: 'Governor',
  hr: 'HR officer',
};

/** A case's status, as people say it. */
export const STATUS_NAMES: Record<string, string> = {
  reported: 'Reported',
  investigation: 'Under investigation',
  awaiting_decision: 'Awaiting decision',
  hearing: 'Hearing',
  decided: 'Decided',
  appeal: 'Appeal',
  closed: 'Closed',
};
