/**
 * The bank holidays of each nation of the United Kingdom, 2024–2030, as data (process.md §6
 * "Working days"): the days a "within N working days" rule skips besides the weekend.
 *
 * Source (docs/calendar.md "The data"):
 * - 2024–2027: the list the UK Government publishes, https://www.gov.uk/bank-holidays (its data:
 *   https://www.gov.uk/bank-holidays.json, kept in github.com/alphagov/calendars
 *   lib/data/bank-holidays.json), copied date by date with its names.
 * - 2028–2030 (`published: false`): not announced yet when this was written. The dates the
 *   statutory rules give — Banking and Financial Dealings Act 1971 Schedule 1 (and, for New
 *   Year's Day, Good Friday, Christmas Day and the Scottish and Northern Irish additions, the
 *   royal proclamations made for them every year) — with the usual substitute days: a holiday
 *   on a Saturday or Sunday moves to the next weekday that is not already a holiday. A
 *   proclamation that changes one (a coronation, a jubilee) is added by configuration
 *   (`EXTRA_BANK_HOLIDAYS`, src/calendar/school-calendar.ts) until the data is updated.
 *
 * bank-holidays.spec.ts recomputes every year of every nation from those rules, independently
 * of this table, and requires them equal.
 */

export const NATIONS = ['england_and_wales', 'scotland', 'northern_ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export interface BankHoliday {
  /** The local date, `YYYY-MM-DD`. */
  date: string;
  name: string;
}

/** The years shipped as data; outside them only weekends are skipped, unless configuration adds dates. */
export const FIRST_BANK_HOLIDAY_YEAR = 2024;
export const LAST_BANK_HOLIDAY_YEAR = 2030;
/** Through this year the dates are the published gov.uk list; after it, the statutory rules' dates. */
export const LAST_PUBLISHED_BANK_HOLIDAY_YEAR = 2027;

const h = (date: string, name: string): BankHoliday => ({ date, name });

export const BANK_HOLIDAYS: Readonly<Record<Nation, readonly BankHoliday[]>> = {
  england_and_wales: [
    // 2024 (gov.uk)
    h('2024-01-01', 'New Year’s Day'),
    h('2024-03-29', 'Good Friday'),
    h('2024-04-01', 'Easter Monday'),
    h('2024-05-06', 'Early May bank holiday'),
    h('2024-05-27', 'Spring bank holiday'),
    h('2024-08-26', 'Summer bank holiday'),
    h('2024-12-25', 'Christmas Day'),
    h('2024-12-26', 'Boxing Day'),
    // 2025 (gov.uk)
    h('2025-01-01', 'New Year’s Day'),
    h('2025-04-18', 'Good Friday'),
    h('2025-04-21', 'Easter Monday'),
    h('2025-05-05', 'Early May bank holiday'),
    h('2025-05-26', 'Spring bank holiday'),
    h('2025-08-25', 'Summer bank holiday'),
    h('2025-12-25', 'Christmas Day'),
    h('2025-12-26', 'Boxing Day'),
    // 2026 (gov.uk)
    h('2026-01-01', 'New Year’s Day'),
    h('2026-04-03', 'Good Friday'),
    h('2026-04-06', 'Easter Monday'),
    h('2026-05-04', 'Early May bank holiday'),
    h('2026-05-25', 'Spring bank holiday'),
    h('2026-08-31', 'Summer bank holiday'),
    h('2026-12-25', 'Christmas Day'),
    h('2026-12-28', 'Boxing Day (substitute day)'),
    // 2027 (gov.uk)
    h('2027-01-01', 'New Year’s Day'),
    h('2027-03-26', 'Good Friday'),
    h('2027-03-29', 'Easter Monday'),
    h('2027-05-03', 'Early May bank holiday'),
    h('2027-05-31', 'Spring bank holiday'),
    h('2027-08-30', 'Summer bank holiday'),
    h('2027-12-27', 'Christmas Day (substitute day)'),
    h('2027-12-28', 'Boxing Day (substitute day)'),
    // 2028 (statutory rules, not yet published)
    h('2028-01-03', 'New Year’s Day (substitute day)'),
    h('2028-04-14', 'Good Friday'),
    h('2028-04-17', 'Easter Monday'),
    h('2028-05-01', 'Early May bank holiday'),
    h('2028-05-29', 'Spring bank holiday'),
    h('2028-08-28', 'Summer bank holiday'),
    h('2028-12-25', 'Christmas Day'),
    h('2028-12-26', 'Boxing Day'),
    // 2029 (statutory rules, not yet published)
    h('2029-01-01', 'New Year’s Day'),
    h('2029-03-30', 'Good Friday'),
    h('2029-04-02', 'Easter Monday'),
    h('2029-05-07', 'Early May bank holiday'),
    h('2029-05-28', 'Spring bank holiday'),
    h('2029-08-27', 'Summer bank holiday'),
    h('2029-12-25', 'Christmas Day'),
    h('2029-12-26', 'Boxing Day'),
    // 2030 (statutory rules, not yet published)
    h('2030-01-01', 'New Year’s Day'),
    h('2030-04-19', 'Good Friday'),
    h('2030-04-22', 'Easter Monday'),
    h('2030-05-06', 'Early May bank holiday'),
    h('2030-05-27', 'Spring bank holiday'),
    h('2030-08-26', 'Summer bank holiday'),
    h('2030-12-25', 'Christmas Day'),
    h('2030-12-26', 'Boxing Day'),
  ],
  scotland: [
    // 2024 (gov.uk)
    h('2024-01-01', 'New Year’s Day'),
    h('2024-01-02', '2nd January'),
    h('2024-03-29', 'Good Friday'),
    h('2024-05-06', 'Early May bank holiday'),
    h('2024-05-27', 'Spring bank holiday'),
    h('2024-08-05', 'Summer bank holiday'),
    h('2024-12-02', 'St Andrew’s Day (substitute day)'),
    h('2024-12-25', 'Christmas Day'),
    h('2024-12-26', 'Boxing Day'),
    // 2025 (gov.uk)
    h('2025-01-01', 'New Year’s Day'),
    h('2025-01-02', '2nd January'),
    h('2025-04-18', 'Good Friday'),
    h('2025-05-05', 'Early May bank holiday'),
    h('2025-05-26', 'Spring bank holiday'),
    h('2025-08-04', 'Summer bank holiday'),
    h('2025-12-01', 'St Andrew’s Day (substitute day)'),
    h('2025-12-25', 'Christmas Day'),
    h('2025-12-26', 'Boxing Day'),
    // 2026 (gov.uk)
    h('2026-01-01', 'New Year’s Day'),
    h('2026-01-02', '2nd January'),
    h('2026-04-03', 'Good Friday'),
    h('2026-05-04', 'Early May bank holiday'),
    h('2026-05-25', 'Spring bank holiday'),
    h('2026-08-03', 'Summer bank holiday'),
    h('2026-11-30', 'St Andrew’s Day'),
    h('2026-12-25', 'Christmas Day'),
    h('2026-12-28', 'Boxing Day (substitute day)'),
    // 2027 (gov.uk)
    h('2027-01-01', 'New Year’s Day'),
    h('2027-01-04', '2nd January (substitute day)'),
    h('2027-03-26', 'Good Friday'),
    h('2027-05-03', 'Early May bank holiday'),
    h('2027-05-31', 'Spring bank holiday'),
    h('2027-08-02', 'Summer bank holiday'),
    h('2027-11-30', 'St Andrew’s Day'),
    h('2027-12-27', 'Christmas Day (substitute day)'),
    h('2027-12-28', 'Boxing Day (substitute day)'),
    // 2028 (statutory rules, not yet published)
    h('2028-01-03', 'New Year’s Day (substitute day)'),
    h('2028-01-04', '2nd January (substitute day)'),
    h('2028-04-14', 'Good Friday'),
    h('2028-05-01', 'Early May bank holiday'),
    h('2028-05-29', 'Spring bank holiday'),
    h('2028-08-07', 'Summer bank holiday'),
    h('2028-11-30', 'St Andrew’s Day'),
    h('2028-12-25', 'Christmas Day'),
    h('2028-12-26', 'Boxing Day'),
    // 2029 (statutory rules, not yet published)
    h('2029-01-01', 'New Year’s Day'),
    h('2029-01-02', '2nd January'),
    h('2029-03-30', 'Good Friday'),
    h('2029-05-07', 'Early May bank holiday'),
    h('2029-05-28', 'Spring bank holiday'),
    h('2029-08-06', 'Summer bank holiday'),
    h('2029-11-30', 'St Andrew’s Day'),
    h('2029-12-25', 'Christmas Day'),
    h('2029-12-26', 'Boxing Day'),
    // 2030 (statutory rules, not yet published)
    h('2030-01-01', 'New Year’s Day'),
    h('2030-01-02', '2nd January'),
    h('2030-04-19', 'Good Friday'),
    h('2030-05-06', 'Early May bank holiday'),
    h('2030-05-27', 'Spring bank holiday'),
    h('2030-08-05', 'Summer bank holiday'),
    h('2030-12-02', 'St Andrew’s Day (substitute day)'),
    h('2030-12-25', 'Christmas Day'),
    h('2030-12-26', 'Boxing Day'),
  ],
  northern_ireland: [
    // 2024 (gov.uk)
    h('2024-01-01', 'New Year’s Day'),
    h('2024-03-18', 'St Patrick’s Day (substitute day)'),
    h('2024-03-29', 'Good Friday'),
    h('2024-04-01', 'Easter Monday'),
    h('2024-05-06', 'Early May bank holiday'),
    h('2024-05-27', 'Spring bank holiday'),
    h('2024-07-12', 'Battle of the Boyne (Orangemen’s Day)'),
    h('2024-08-26', 'Summer bank holiday'),
    h('2024-12-25', 'Christmas Day'),
    h('2024-12-26', 'Boxing Day'),
    // 2025 (gov.uk)
    h('2025-01-01', 'New Year’s Day'),
    h('2025-03-17', 'St Patrick’s Day'),
    h('2025-04-18', 'Good Friday'),
    h('2025-04-21', 'Easter Monday'),
    h('2025-05-05', 'Early May bank holiday'),
    h('2025-05-26', 'Spring bank holiday'),
    h('2025-07-14', 'Battle of the Boyne (Orangemen’s Day) (substitute day)'),
    h('2025-08-25', 'Summer bank holiday'),
    h('2025-12-25', 'Christmas Day'),
    h('2025-12-26', 'Boxing Day'),
    // 2026 (gov.uk)
    h('2026-01-01', 'New Year’s Day'),
    h('2026-03-17', 'St Patrick’s Day'),
    h('2026-04-03', 'Good Friday'),
    h('2026-04-06', 'Easter Monday'),
    h('2026-05-04', 'Early May bank holiday'),
    h('2026-05-25', 'Spring bank holiday'),
    h('2026-07-13', 'Battle of the Boyne (Orangemen’s Day) (substitute day)'),
    h('2026-08-31', 'Summer bank holiday'),
    h('2026-12-25', 'Christmas Day'),
    h('2026-12-28', 'Boxing Day (substitute day)'),
    // 2027 (gov.uk)
    h('2027-01-01', 'New Year’s Day'),
    h('2027-03-17', 'St Patrick’s Day'),
    h('2027-03-26', 'Good Friday'),
    h('2027-03-29', 'Easter Monday'),
    h('2027-05-03', 'Early May bank holiday'),
    h('2027-05-31', 'Spring bank holiday'),
    h('2027-07-12', 'Battle of the Boyne (Orangemen’s Day)'),
    h('2027-08-30', 'Summer bank holiday'),
    h('2027-12-27', 'Christmas Day (substitute day)'),
    h('2027-12-28', 'Boxing Day (substitute day)'),
    // 2028 (statutory rules, not yet published)
    h('2028-01-03', 'New Year’s Day (substitute day)'),
    h('2028-03-17', 'St Patrick’s Day'),
    h('2028-04-14', 'Good Friday'),
    h('2028-04-17', 'Easter Monday'),
    h('2028-05-01', 'Early May bank holiday'),
    h('2028-05-29', 'Spring bank holiday'),
    h('2028-07-12', 'Battle of the Boyne (Orangemen’s Day)'),
    h('2028-08-28', 'Summer bank holiday'),
    h('2028-12-25', 'Christmas Day'),
    h('2028-12-26', 'Boxing Day'),
    // 2029 (statutory rules, not yet published)
    h('2029-01-01', 'New Year’s Day'),
    h('2029-03-19', 'St Patrick’s Day (substitute day)'),
    h('2029-03-30', 'Good Friday'),
    h('2029-04-02', 'Easter Monday'),
    h('2029-05-07', 'Early May bank holiday'),
    h('2029-05-28', 'Spring bank holiday'),
    h('2029-07-12', 'Battle of the Boyne (Orangemen’s Day)'),
    h('2029-08-27', 'Summer bank holiday'),
    h('2029-12-25', 'Christmas Day'),
    h('2029-12-26', 'Boxing Day'),
    // 2030 (statutory rules, not yet published)
    h('2030-01-01', 'New Year’s Day'),
    h('2030-03-18', 'St Patrick’s Day (substitute day)'),
    h('2030-04-19', 'Good Friday'),
    h('2030-04-22', 'Easter Monday'),
    h('2030-05-06', 'Early May bank holiday'),
    h('2030-05-27', 'Spring bank holiday'),
    h('2030-07-12', 'Battle of the Boyne (Orangemen’s Day)'),
    h('2030-08-26', 'Summer bank holiday'),
    h('2030-12-25', 'Christmas Day'),
    h('2030-12-26', 'Boxing Day'),
  ],
};

/** Whether a value names a nation. */
export function isNation(value: unknown): value is Nation {
  return typeof value === 'string' && (NATIONS as readonly string[]).includes(value);
}
