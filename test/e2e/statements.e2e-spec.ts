import { buildCase } from '../support/case-builder';
import { DEMO, reportBody, startTestApp, TestApp } from '../support/test-app';
import { statementsSent } from '../support/statements';

/**
 * Round trips per request (issue 9 "fewer round trips"; docs/benchmarks.md "Statements per
 * request"): every statement the server sends to PostgreSQL while one request is answered,
 * counted on the pg client the app uses (as bench/probe.ts does for the benchmark). A change that
 * adds a statement to these paths fails here and must say why in docs/benchmarks.md.
 */
const BUDGET = {
  // the caller's load (with the session check), the case view with its access facts, the audit event
  read: 3,
  // the caller's load, the page of cases, the page's work (waiting for, pending monitoring)
  list: 3,
  // the caller's load, BEGIN, the opening statement (the case, its parties and report), the
  // case's figures (statistics), the tasks told (the case's tasks; the organisation's nation and
  // deadlines; its caseworkers; the owners' accounts and e-mail choices; one notification for the
  // triage), the case view, the audit event, COMMIT — docs/benchmarks.md
  write: 13,
};

describe('statements per request (issue 9: fewer round trips)', () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp();
    caseId = (await buildCase(t, { to: 'assigned' })).caseId;
  });
  afterAll(() => t.close());

  it(`GET /cases/:id sends at most ${BUDGET.read} statements`, async () => {
    const head = await t.as(DEMO.head);
    await head.get(`/cases/${caseId}`);
    const sent = await statementsSent(() => head.get(`/cases/${caseId}`), 200);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(BUDGET.read);
  });

  it(`GET /cases sends at most ${BUDGET.list} statements`, async () => {
    const head = await t.as(DEMO.head);
    const sent = await statementsSent(() => head.get('/cases'), 200);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(BUDGET.list);
  });

  it(`POST /reports sends at most ${BUDGET.write} statements`, async () => {
    const deputy = await t.as(DEMO.deputy);
    const sent = await statementsSent(() => deputy.post('/reports', reportBody(t)), 201);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(BUDGET.write);
  });
});
