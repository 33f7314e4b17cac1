import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Nation, NATIONS } from '../calendar/bank-holidays';
import { calendarCoverageWarning, calendarFor, SchoolCalendar } from '../calendar/school-calendar';
import { localDateOf } from '../calendar/working-days';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Deadlines, DeploymentDeadlines } from '../tasks/task.rules';
import { loadNationAndDeadlines } from './deadlines.sql';
import { loadNation } from './nation.sql';

/**
 * The calendar each organisation counts working days in (process.md §6): its nation's bank
 * holidays (src/calendar/bank-holidays.ts) and the dates EXTRA_BANK_HOLIDAYS adds. The three
 * calendars are built once; which one an organisation uses is read from its row each time, so
 * a change of nation applies to the next request.
 */
@Injectable()
export class SchoolCalendars implements OnApplicationBootstrap {
  private readonly logger = new Logger('Calendar');
  private readonly calendars: ReadonlyMap<Nation, SchoolCalendar>;
  /** withDeadlines' read, per transaction (its entity manager) and organisation; gone with the transaction. */
  private readonly readInTransaction = new WeakMap<EntityManager, Map<string, Promise<{ calendar: SchoolCalendar; deadlines: Deadlines }>>>();

  constructor(
    /** The bank holidays added by configuration, and the deployment's fair-process settings the organisation's deadlines stay within. */
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'extraBankHolidays'> & DeploymentDeadlines,
    private readonly clock: Clock,
  ) {
    this.calendars = new Map(NATIONS.map((nation) => [nation, calendarFor(nation, config.extraBankHolidays[nation])]));
  }

  /** The calendar of a nation read with something else (the case view reads it with the case). */
  forNation(nation: Nation): SchoolCalendar {
    const calendar = this.calendars.get(nation);
    if (!calendar) throw new Error(`no calendar for nation ${String(nation)}`);
    return calendar;
  }

  /** The calendar of an organisation, read in the caller's transaction. */
  async forOrganisation(em: EntityManager, organisationId: string): Promise<SchoolCalendar> {
    return this.forNation(await loadNation(em, organisationId));
  }

  /**
   * The calendar and the deadlines of an organisation (process.md §6, within the deployment's
   * bounds), read together in one statement of the caller's transaction. Read once a
   * transaction: a case change's task watch reads them before the work, and the work's own
   * rules (a hearing's notice, an appeal deadline, a warning, a suspension's review) are
   * answered from that read — no second round trip, and one view of the settings for the change.
   */
  withDeadlines(em: EntityManager, organisationId: string): Promise<{ calendar: SchoolCalendar; deadlines: Deadlines }> {
    const load = async () => {
      const { nation, deadlines } = await loadNationAndDeadlines(em, organisationId, this.config);
      return { calendar: this.forNation(nation), deadlines };
    };
    // outside a transaction (the shared manager, a read) nothing is kept: the next request reads afresh
    if (!em.queryRunner?.isTransactionActive) return load();
    let read = this.readInTransaction.get(em);
    if (!read) this.readInTransaction.set(em, (read = new Map()));
    const known = read.get(organisationId);
    if (known) return known;
    const loading = load();
    read.set(organisationId, loading);
    loading.catch(() => read.delete(organisationId));
    return loading;
  }

  /** Outside the years the data knows, working days skip weekends only: say so while there is a year left to fix it. */
  onApplicationBootstrap(): void {
    const warning = calendarCoverageWarning(localDateOf(this.clock.now()), this.config.extraBankHolidays);
    if (warning) this.logger.warn(warning);
  }
}
