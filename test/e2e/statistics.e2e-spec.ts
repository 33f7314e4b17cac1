import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import { instantRange } from '../../src/calendar/period';
import { calendarFor } from '../../src/calendar/school-calendar';
import { workingDaysBetween, SCHOOL_TIME_ZONE } from '../../src/calendar/working-days';
import { localDateSql, weekdayHolidays, workingDaysBetweenSql } from '../../src/calendar/working-days.sql';
import { referralOverdueCutoff } from '../../src/cases/overdue';
import { eraseCaseContent } from '../../src/retention/erasure';
import { refreshCaseFigures } from '../../src/statistics/case-figures.sql';
import { rawStatistics } from '../../src/statistics/statistics.service';
import { statisticsSql, StatisticsRow } from '../../src/statistics/statistics.sql';
import { CATEGORY_KEYS, FEWER_THAN_5, FIVE_OR_MORE, OUTCOME_KEYS, PLATFORM_KEYS, RawStatistics, STANDARD_KEYS } from '../../src/statistics/statistics.rules';
import { addPerson, BuiltCase, buildCase, CaseSpec } from '../support/case-builder';
import { expectCaseFiguresKept } from '../support/case-figures';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * Statistics for governors (issue 12 item 6; process.md §5): GET /statistics?from=&to= —
 * the figures of a known set of cases (counted in SQL, checked exactly), their small-number
 * suppression as governors receive it, other organisations never counted, who may read them,
 * the audited look, and the working-day count in SQL held equal to working-days.ts.
 */

const AUTUMN = 'from=2025-09-01&to=2025-12-31';
const at = (iso: string) => new Date(iso);
/** Werrington's calendar: England and Wales, the default nation (process.md §6). */
const ENGLAND = calendarFor('england_and_wales');

/** percentile_cont: linear interpolation between the closest ranks. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

interface Dates {
  reported: string;
  triaged?: string;
  decided?: string;
  closed?: string;
}

describe('GET /statistics (process.md §5)', () => {
  let t: TestApp;
  const dates: Dates[] = [];

  /** Builds a case through the API, then moves its dates to the ones given (time the API cannot be asked to move). */
  async function caseOn(spec: CaseSpec, when: Dates): Promise<BuiltCase> {
    const built = await buildCase(t, spec);
    await t.db.query(
      `UPDATE cases SET created_at = $2, updated_at = $2, triaged_at = CASE WHEN triaged_at IS NULL THEN NULL ELSE $3::timestamptz END,
         closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE $4::timestamptz END WHERE id = $1`,
      [built.caseId, when.reported, when.triaged ?? null, when.closed ?? null],
    );
    await t.db.query(`UPDATE reports SET created_at = $2 WHERE case_id = $1`, [built.caseId, when.reported]);
    if (when.decided) await t.db.query(`UPDATE outcomes SET decided_at = $2 WHERE case_id = $1`, [built.caseId, when.decided]);
    await refreshCaseFigures(t.db, built.caseId); // what the case runner does after a change the API makes
    return built;
  }

  const closedAtTriage = (label: string): CaseSpec => ({
    to: 'closed',
    closeVia: 'triage',
    label,
    report: { category: 'disrepute', platform: 'facebook', policyStandards: ['7.5'] },
  });
  const decided = (label: string): CaseSpec => ({
    to: 'decided',
    label,
    report: { category: 'confidentiality', platform: 'twitter', policyStandards: ['7.5', '7.7'] },
  });

  /** The seven cases closed at triage, reported and triaged (= closed) at these instants; across the clock change of 26 October 2025. */
  const TRIAGED: Dates[] = [
    { reported: '2025-08-31T23:30:00Z', triaged: '2025-09-01T15:00:00Z' }, // 00:30 BST on Monday 1 September: in the period
    { reported: '2025-10-24T16:00:00Z', triaged: '2025-10-27T09:00:00Z' }, // Friday (BST) → Monday (GMT)
    { reported: '2025-10-25T10:00:00Z', triaged: '2025-10-27T10:00:00Z' }, // a Saturday → Monday
    { reported: '2025-11-03T09:00:00Z', triaged: '2025-11-06T09:00:00Z' },
    { reported: '2025-11-07T09:00:00Z', triaged: '2025-11-17T09:00:00Z' },
    { reported: '2025-12-01T09:00:00Z', triaged: '2025-12-12T16:00:00Z' }, // erased afterwards
    { reported: '2025-12-31T23:59:00Z', triaged: '2026-01-02T10:00:00Z' }, // the last minute of the period
  ].map((d) => ({ ...d, closed: d.triaged }));
  /** Six cases decided (a first written warning), and one closed by an appeal that withdrew the sanction (no action in force). */
  const DECIDED: Dates[] = [
    { reported: '2025-09-08T08:00:00Z', triaged: '2025-09-09T08:00:00Z', decided: '2025-10-06T12:00:00Z' },
    { reported: '2025-09-12T17:00:00Z', triaged: '2025-09-15T08:00:00Z', decided: '2025-10-10T12:00:00Z' },
    { reported: '2025-10-01T08:00:00Z', triaged: '2025-10-01T12:00:00Z', decided: '2025-11-03T12:00:00Z' },
    { reported: '2025-10-20T08:00:00Z', triaged: '2025-10-22T08:00:00Z', decided: '2025-12-01T12:00:00Z' },
    { reported: '2025-11-10T08:00:00Z', triaged: '2025-11-11T08:00:00Z', decided: '2025-12-19T12:00:00Z' },
    { reported: '2025-11-24T08:00:00Z', triaged: '2025-11-28T08:00:00Z', decided: '2026-01-09T12:00:00Z' },
  ];
  const APPEALED: Dates = {
    reported: '2025-09-15T08:00:00Z',
    triaged: '2025-09-16T08:00:00Z',
    decided: '2025-10-13T12:00:00Z',
    closed: '2025-11-14T12:00:00Z',
  };
  const SAFEGUARDING: Dates = { reported: '2025-10-02T08:00:00Z' };

  let northHead: string;

  beforeAll(async () => {
    t = await startTestApp();
    const triaged: BuiltCase[] = [];
    for (const [i, when] of TRIAGED.entries()) triaged.push(await caseOn(closedAtTriage(`triaged ${i}`), when));
    for (const [i, when] of DECIDED.entries()) await caseOn(decided(`decided ${i}`), when);
    await caseOn(
      { ...decided('appealed'), to: 'closed', closeVia: 'appeal', appealDecision: { result: 'upheld', rationale: 'The finding does not stand.' } },
      APPEALED,
    );
    // a safeguarding case with no referral, reported long ago: overdue
    await caseOn(
      { to: 'reported', label: 'safeguarding', report: { category: 'copyright', platform: 'instagram', policyStandards: ['7.6'], involvesPupils: true } },
      SAFEGUARDING,
    );
    // just outside the period on either side: 23:30 BST on 31 August, and midnight GMT on 1 January
    await caseOn({ to: 'reported', label: 'before' }, { reported: '2025-08-31T22:30:00Z' });
    await caseOn({ to: 'reported', label: 'after' }, { reported: '2026-01-01T00:00:00Z' });
    // retention erases one (§13): its report goes, its dates and outcome stay
    const dataSource = t.app.get(DataSource);
    const audit = t.app.get(AuditService);
    await dataSource.transaction(async (em) => {
      await eraseCaseContent(em, audit, t.ids.org.werrington, triaged[5].caseId);
      await refreshCaseFigures(em, triaged[5].caseId); // as the retention run's case runner does
    });
    // the other school: five cases in the same period, never counted for Werrington
    const northDeputy = await addPerson(t, { name: 'North Deputy', roles: ['deputy_head'], admin: DEMO.northAdmin });
    for (let i = 0; i < 5; i++) {
      await caseOn(
        { to: 'reported', label: `northfield ${i}`, deputy: northDeputy.email, subjects: [t.ids.staff['Robin Teacher']], report: { category: 'copyright' } },
        { reported: `2025-10-0${i + 1}T08:00:00Z` },
      );
    }
    northHead = DEMO.northHead;
    dates.push(...TRIAGED, ...DECIDED, APPEALED, SAFEGUARDING);
  }, 240_000);

  afterAll(() => t?.close());

  describe('the figures, counted in the database', () => {
    let raw: RawStatistics;
    /** The same figures counted in weekends only: what the statistics were before the bank holidays. */
    let weekendsOnly: RawStatistics;
    beforeAll(async () => {
      const now = new Date();
      const count = async (holidays: readonly string[]) => {
        const sql = statisticsSql({
          organisationId: t.ids.org.werrington,
          ...renamed(instantRange({ from: '2025-09-01', to: '2025-12-31' })),
          overdueCutoff: referralOverdueCutoff(now, ENGLAND),
          holidays,
        });
        return rawStatistics((await t.db.query<StatisticsRow>(sql.text, sql.values)).rows);
      };
      raw = await count([...ENGLAND.holidays]);
      weekendsOnly = await count([]);
    });
    const renamed = ({ start, end }: { start?: Date; end?: Date }) => ({ start, end });
    const only = (keys: readonly string[], counts: Record<string, number>) => ({ ...Object.fromEntries(keys.map((k) => [k, 0])), ...counts });

    it('counts the cases reported in the period, its first and last minutes in London time included, nothing either side', () => {
      expect(raw.total).toBe(15);
    });

    it('by App.A category, §2 platform and §7 standard, an erased case under "erased"', () => {
      expect(raw.byCategory).toEqual(only(CATEGORY_KEYS, { disrepute: 6, confidentiality: 7, copyright: 1, erased: 1 }));
      expect(raw.byPlatform).toEqual(only(PLATFORM_KEYS, { facebook: 6, twitter: 7, instagram: 1, erased: 1 }));
      expect(raw.byStandard).toEqual(only(STANDARD_KEYS, { '7.5': 13, '7.7': 7, '7.6': 1, erased: 1 }));
    });

    it('by outcome: the sanction in force after any appeal (an upheld appeal leaves no action), closed at triage (erased or not), none yet', () => {
      expect(raw.byOutcome).toEqual(only(OUTCOME_KEYS, { closed_at_triage: 7, first_written_warning: 6, no_action: 1, no_outcome_yet: 1 }));
    });

    it('by safeguarding, and overdue by the rule of GET /cases?overdue=true', () => {
      expect(raw.bySafeguarding).toEqual({ true: 1, false: 14 });
      expect(raw.overdue).toEqual({ safeguardingReferral: 1 });
    });

    it('median and 90th percentile of working days from report to triage, decision and closure, as working-days.ts counts them', () => {
      const days = (from: string, to: string | undefined) => (to ? [workingDaysBetween(at(from), at(to), ENGLAND.zone, ENGLAND.holidays)] : []);
      const expected = (step: 'triaged' | 'decided' | 'closed') => {
        const values = dates.flatMap((d) => days(d.reported, d[step]));
        return { cases: values.length, median: percentile(values, 0.5), p90: percentile(values, 0.9) };
      };
      expect(raw.workingDays.toTriage).toEqual(expected('triaged'));
      expect(raw.workingDays.toDecision).toEqual(expected('decided'));
      expect(raw.workingDays.toClosure).toEqual(expected('closed'));
      // the triage spans themselves, worked out by hand: Friday → Monday over the clock change is 1, Saturday → Monday 1,
      // Wednesday 31 December → Friday 2 January 1 (New Year's Day a bank holiday)
      expect(TRIAGED.map((d) => workingDaysBetween(at(d.reported), at(d.triaged!), ENGLAND.zone, ENGLAND.holidays))).toEqual([0, 1, 1, 3, 6, 9, 1]);
      expect(raw.workingDays.toTriage.cases).toBe(15 - 1);
    });

    it('counts the bank holidays of the organisation’s nation (process.md §6): over Christmas and New Year the figures are not the weekends-only ones', () => {
      // Monday 24 November 2025 → Friday 9 January 2026 loses 25 and 26 December and 1 January
      expect(workingDaysBetween(at('2025-11-24T08:00:00Z'), at('2026-01-09T12:00:00Z'), ENGLAND.zone, ENGLAND.holidays)).toBe(31);
      expect(workingDaysBetween(at('2025-11-24T08:00:00Z'), at('2026-01-09T12:00:00Z'))).toBe(34);
      expect(weekendsOnly.workingDays).not.toEqual(raw.workingDays);
    });

    it('GET /statistics shows these figures: the organisation’s calendar, not weekends only', async () => {
      const { body } = await (await t.as(DEMO.head)).get(`/statistics?${AUTUMN}`).expect(200);
      for (const step of ['toTriage', 'toDecision', 'toClosure'] as const) {
        expect({ step, ...body.workingDays[step] }).toEqual({ step, median: raw.workingDays[step].median, p90: raw.workingDays[step].p90, suppressed: false });
      }
    });
  });

  it("counts from each case's kept figures, which are what its records give (none missing, none stale)", async () => {
    await expectCaseFiguresKept(t.db, t.ids.org.werrington);
    await expectCaseFiguresKept(t.db, t.ids.org.northfield);
  });

  describe('as governors read them: anonymised', () => {
    let body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    beforeAll(async () => {
      const res = await (await t.as(DEMO.governor)).get(`/statistics?${AUTUMN}`);
      expect(res.status).toBe(200);
      body = res.body;
    });
    const cell = (count: number) => ({ count, display: String(count), suppressed: false });
    const small = { count: null, display: FEWER_THAN_5, suppressed: true };
    const protecting = { count: null, display: FIVE_OR_MORE, suppressed: true };
    const row = (table: Array<Record<string, unknown>>, key: string, value: unknown) => table.find((r) => r[key] === value)!.cases;

    it('states the period as instants (London midnights) and the moment of the figures', () => {
      expect(body.period).toEqual({ from: '2025-08-31T23:00:00.000Z', to: '2026-01-01T00:00:00.000Z' });
      expect(Date.parse(body.asAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(body.cases).toEqual(cell(15));
    });

    it('shows every count under 5 as "fewer than 5", zero included, and never its number', () => {
      expect(row(body.byCategory, 'category', 'copyright')).toEqual(small);
      expect(row(body.byCategory, 'category', 'erased')).toEqual(small);
      expect(row(body.byCategory, 'category', 'images_of_school_or_pupils')).toEqual(small);
      expect(row(body.bySafeguarding, 'safeguarding', true)).toEqual(small);
      expect(row(body.byOutcome, 'outcome', 'no_action')).toEqual(small);
      expect(body.overdue.safeguardingReferral).toEqual(small);
      const counts = [
        body.cases,
        body.overdue.safeguardingReferral,
        ...['byCategory', 'byPlatform', 'byStandard', 'byOutcome', 'bySafeguarding'].flatMap((k) => body[k].map((r: { cases: unknown }) => r.cases)),
      ];
      for (const c of counts) expect(c.count === null || c.count >= 5).toBe(true);
    });

    it('hides the smallest other cell of each breakdown too, so that the total minus the shown cells is never one small cell', () => {
      // categories: disrepute 6 (the smallest of 5 or more) hidden; confidentiality 7 shown
      expect(row(body.byCategory, 'category', 'disrepute')).toEqual(protecting);
      expect(row(body.byCategory, 'category', 'confidentiality')).toEqual(cell(7));
      // platforms: facebook 6 hidden, twitter 7 shown; standards: 7.7 (7) hidden, 7.5 (13) shown
      expect(row(body.byPlatform, 'platform', 'facebook')).toEqual(protecting);
      expect(row(body.byPlatform, 'platform', 'twitter')).toEqual(cell(7));
      expect(row(body.byStandard, 'standard', '7.7')).toEqual(protecting);
      expect(row(body.byStandard, 'standard', '7.5')).toEqual(cell(13));
      // outcomes: no action 1 and none yet 1 small; the first written warnings (6) hidden; closed at triage 7 shown
      expect(row(body.byOutcome, 'outcome', 'first_written_warning')).toEqual(protecting);
      expect(row(body.byOutcome, 'outcome', 'closed_at_triage')).toEqual(cell(7));
      // safeguarding: 1 and 14 — the 14 would give the 1 away
      expect(row(body.bySafeguarding, 'safeguarding', false)).toEqual(protecting);
      for (const table of ['byCategory', 'byPlatform', 'byStandard', 'byOutcome', 'bySafeguarding']) {
        const shown = body[table].filter((r: { cases: { suppressed: boolean } }) => !r.cases.suppressed);
        const hidden = body[table].length - shown.length;
        expect({ table, hidden: hidden === 0 || hidden >= 2 }).toEqual({ table, hidden: true });
      }
    });

    it('shows medians over 5 or more cases, and hides them over fewer', async () => {
      expect(body.workingDays.toTriage).toEqual({ median: expect.any(Number), p90: expect.any(Number), suppressed: false });
      // September only: 4 cases reported, 3 of them decided
      const september = (await (await t.as(DEMO.head)).get('/statistics?from=2025-09-01&to=2025-09-30')).body;
      expect(september.cases).toEqual(small);
      expect(september.workingDays.toDecision).toEqual({ median: null, p90: null, suppressed: true });
      expect(september.workingDays.toTriage).toEqual({ median: null, p90: null, suppressed: true });
    });

    it('holds no names, references, ids or free text', () => {
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/SMP-\d{4}/);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(text).not.toMatch(/Sam Teacher|Robin|Parent/);
    });

    it("never counts another organisation's cases; each school reads its own", async () => {
      const north = await (await t.as(northHead)).get(`/statistics?${AUTUMN}`);
      expect(north.status).toBe(200);
      expect(north.body.cases).toEqual(cell(5));
      // all five are copyright: the other categories are "fewer than 5" (0), so the five are hidden too ("5 or more")
      expect(row(north.body.byCategory, 'category', 'copyright')).toEqual(protecting);
    });

    it('the look is audited, with the period asked for and nothing else', async () => {
      await (await t.as(DEMO.hr)).get(`/statistics?${AUTUMN}`).expect(200);
      const { rows } = await t.db.query(
        `SELECT actor_user_id, actor_role, case_id, entity_id, payload FROM audit_events WHERE action = 'statistics.viewed' ORDER BY seq DESC LIMIT 1`,
      );
      expect(rows[0]).toEqual({
        actor_user_id: t.ids.users[DEMO.hr],
        actor_role: 'hr',
        case_id: null,
        entity_id: null,
        payload: { from: '2025-09-01', to: '2025-12-31' },
      });
    });
  });

  describe('who may read them', () => {
    it.each([DEMO.governor, DEMO.head, DEMO.hr])('%s: 200', async (email) => {
      expect((await (await t.as(email)).get('/statistics')).status).toBe(200);
    });

    it.each([DEMO.deputy, DEMO.investigator, DEMO.admin])('%s: 403', async (email) => {
      expectProblem(await (await t.as(email)).get(`/statistics?${AUTUMN}`), 403);
    });

    it('without a token: 401', async () => {
      expectProblem(await t.http().get('/statistics'), 401);
    });

    it('a period that is not one: 400 naming the field', async () => {
      const head = await t.as(DEMO.head);
      expectProblem(await head.get('/statistics?from=2025-02-29'), 400, 'from');
      expectProblem(await head.get('/statistics?from=2025-12-31&to=2025-09-01'), 400, 'to');
      expectProblem(await head.get('/statistics?name=Sam'), 400, 'name');
    });
  });

  describe('working days in SQL (working-days.sql.ts) agree with working-days.ts', () => {
    /** Every 5 hours over two windows: weekends, both clock changes of 2026, and two holidays. */
    const instants = [
      ...Array.from({ length: 60 }, (_, i) => new Date(Date.parse('2026-03-25T21:30:00Z') + i * 5 * 3_600_000)),
      ...Array.from({ length: 60 }, (_, i) => new Date(Date.parse('2026-10-21T22:30:00Z') + i * 5 * 3_600_000)),
    ];
    // two on weekdays, one on a Saturday (takes nothing away), one twice
    const holidays = ['2026-03-30', '2026-10-27', '2026-03-28', '2026-10-27'];

    it('on every pair of instants, either way round', async () => {
      const a: string[] = [];
      const b: string[] = [];
      for (const x of instants) {
        for (const y of instants) {
          if (Math.abs(x.getTime() - y.getTime()) > 12 * 86_400_000) continue;
          a.push(x.toISOString());
          b.push(y.toISOString());
        }
      }
      const { rows } = await t.db.query<{ days: number }>(
        `SELECT ${workingDaysBetweenSql(localDateSql('p.a'), localDateSql('p.b'), '$3')} AS days
         FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS p(a, b, ord) ORDER BY p.ord`,
        [a, b, weekdayHolidays(holidays)],
      );
      const set = new Set(holidays);
      const expected = a.map((x, i) => workingDaysBetween(at(x), at(b[i]), SCHOOL_TIME_ZONE, set));
      expect(rows.length).toBe(a.length);
      expect(a.length).toBeGreaterThan(2000);
      const disagreements = rows.flatMap((r, i) => (r.days === expected[i] ? [] : [`${a[i]} → ${b[i]}: SQL ${r.days}, TypeScript ${expected[i]}`]));
      expect(disagreements).toEqual([]);
      // and the holidays count: without them the two windows' Mondays are working days again
      expect(expected.some((d, i) => d !== workingDaysBetween(at(a[i]), at(b[i])))).toBe(true);
    });
  });
});
