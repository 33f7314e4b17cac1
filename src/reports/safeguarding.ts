import type { PolicyStandard } from '../policy/vocabulary';

/**
 * §5 "The safeguarding of young people is a priority": a report that involves pupils or may
 * meet the harm threshold is a safeguarding matter. Citing §7.6 (information about pupils)
 * also means pupils are involved, whatever the box says: we err towards safeguarding.
 */
export function isSafeguardingMatter(report: {
  involvesPupils: boolean;
  mayMeetHarmThreshold?: boolean;
  policyStandards: readonly (PolicyStandard | string)[];
}): boolean {
  return report.involvesPupils || report.mayMeetHarmThreshold === true || report.policyStandards.includes('7.6');
}

/** The school's clock: working days are counted in UK local time. */
export const SCHOOL_TIME_ZONE = 'Europe/London';

/**
 * Referral to the designated safeguarding lead / LADO is expected within one working day
 * of the report (domain.md): the end (23:59:59.999, UK time) of the next working day.
 * Saturday and Sunday are skipped; bank holidays are not known to the system.
 */
export function referralDueBy(reportedAt: Date): Date {
  const local = localDate(reportedAt);
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day));
  do {
    day.setUTCDate(day.getUTCDate() + 1);
  } while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return endOfLocalDay(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

function localDate(at: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The UTC instant of 23:59:59.999 on that date in the school's time zone. */
function endOfLocalDay(year: number, month: number, day: number): Date {
  const naive = Date.UTC(year, month - 1, day, 23, 59, 59, 999);
  // The zone's offset at that moment (GMT or BST), read back from Intl.
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: SCHOOL_TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(new Date(naive))
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT" or "GMT+01:00"
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const offsetMs = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
  return new Date(naive - offsetMs);
}
