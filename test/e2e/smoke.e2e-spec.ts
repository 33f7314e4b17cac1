import { DEMO, expectProblem, reportBody, startTestApp, TestApp } from '../support/test-app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs in, reports, reads', async () => {
    const deputy = await t.as(DEMO.deputy);
    const created = await deputy.post('/reports', reportBody(t));
    expect(created.status).toBe(201);
    const head = await t.as(DEMO.head);
    expect((await head.get(`/cases/${created.body.id}`)).status).toBe(200);
    expectProblem(await deputy.post('/reports', { ...reportBody(t), platform: 'myspace' }), 400, 'platform');
  });
});
