import { DEMO, startTestApp, TestApp } from '../support/test-app';

/**
 * GET /policy: the policy's own words beside every choice a person makes (web.md "Who sees
 * what"), so the web application keeps no copy of its own. The quotes themselves are checked
 * against the policy's text by src/policy/policy-text.spec.ts.
 */
describe('GET /policy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('gives the triage decisions with the policy’s words (§4–§6), beside the other choices', async () => {
    const res = await (await t.as(DEMO.deputy)).get('/policy');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(
      expect.arrayContaining(['platforms', 'categories', 'standards', 'monitoringReasons', 'monitoringScopes', 'sanctions', 'triageDecisions']),
    );
    expect(res.body.triageDecisions).toEqual([
      { value: 'no_further_action', label: 'No further action', clause: '§5', words: expect.stringContaining('fairly and proportionately') },
      { value: 'informal_resolution', label: 'Resolve it informally', clause: '§6', words: expect.stringContaining('addressing the matter informally') },
      { value: 'investigate', label: 'Investigate', clause: '§4', words: expect.stringContaining('must establish the facts of the matter') },
    ]);
  });

  it('every person signed in may read it: the words are the policy’s, not casework', async () => {
    for (const email of [DEMO.admin, DEMO.investigator, DEMO.governor, DEMO.hr, DEMO.northHead]) {
      const res = await (await t.as(email)).get('/policy');
      expect({ email, status: res.status, triage: res.body.triageDecisions?.length }).toEqual({ email, status: 200, triage: 3 });
    }
  });
});
