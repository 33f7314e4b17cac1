import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { DEFAULT_DEPLOYMENT_DEADLINES } from '../tasks/task.rules';
import { SchoolCalendars } from './school-calendars.service';

const clock: Clock = { now: () => new Date('2026-11-02T09:00:00Z') };
const NO_EXTRA = { england_and_wales: [], scotland: [], northern_ireland: [] };

/** An entity manager that answers the organisation's row and counts the statements sent. */
function manager(inTransaction: boolean, deadlines: Record<string, unknown> = {}) {
  const sent: string[] = [];
  const em = {
    queryRunner: inTransaction ? { isTransactionActive: true } : undefined,
    query: (sql: string) => {
      sent.push(sql);
      return Promise.resolve([{ nation: 'england_and_wales', deadlines }]);
    },
  } as unknown as EntityManager;
  return { em, sent };
}

describe('SchoolCalendars.withDeadlines (issue 13: the rules read the settings without another round trip)', () => {
  it('in a transaction, one statement however many rules ask (the task watch, then the change’s own rules)', async () => {
    const calendars = new SchoolCalendars({ extraBankHolidays: NO_EXTRA, ...DEFAULT_DEPLOYMENT_DEADLINES }, clock);
    const { em, sent } = manager(true, { hearingNoticeWorkingDays: 8 });
    const first = await calendars.withDeadlines(em, 'org-1');
    const second = await calendars.withDeadlines(em, 'org-1');
    expect(sent).toHaveLength(1);
    expect(second).toBe(first);
    expect(first.deadlines.hearingNoticeWorkingDays).toBe(8);
    // another organisation, or another transaction, reads its own
    await calendars.withDeadlines(em, 'org-2');
    expect(sent).toHaveLength(2);
    const other = manager(true);
    await calendars.withDeadlines(other.em, 'org-1');
    expect(other.sent).toHaveLength(1);
  });

  it('outside a transaction nothing is kept: each read reads afresh', async () => {
    const calendars = new SchoolCalendars({ extraBankHolidays: NO_EXTRA, ...DEFAULT_DEPLOYMENT_DEADLINES }, clock);
    const { em, sent } = manager(false);
    await calendars.withDeadlines(em, 'org-1');
    await calendars.withDeadlines(em, 'org-1');
    expect(sent).toHaveLength(2);
  });

  it('within the deployment’s bounds: a notice below its HEARING_NOTICE_WORKING_DAYS counts as that', async () => {
    const deployment = { hearingNoticeWorkingDays: 10, appealDeadline: { minWorkingDays: 5, maxMonths: 3 }, warning: { maxMonths: 24 } };
    const calendars = new SchoolCalendars({ extraBankHolidays: NO_EXTRA, ...deployment }, clock);
    const { em } = manager(false, { hearingNoticeWorkingDays: 8 });
    expect((await calendars.withDeadlines(em, 'org-1')).deadlines.hearingNoticeWorkingDays).toBe(10);
  });
});
