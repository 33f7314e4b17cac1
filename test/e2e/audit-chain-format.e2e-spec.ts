import { checkLink, GENESIS_HASH, StoredLink } from '../../src/audit/audit-chain';
import { DEMO, reportBody, startTestApp, TestApp } from '../support/test-app';

/**
 * The database writes and verifies the chain (audit_append, audit_verify); audit-chain.ts is
 * the same format in TypeScript, for anyone checking an export without our SQL. The two must
 * agree on every link, including unicode, NULLs and erased payloads.
 */
describe('audit chain: the database and the TypeScript reference agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function links(organisationId: string): Promise<StoredLink[]> {
    const { rows } = await t.db.query(
      `SELECT seq, organisation_id, id, occurred_at, actor_user_id, actor_role, action, case_id, entity_type, entity_id, reason,
              payload::text AS payload_json, payload_digest, prev_hash, hash
       FROM audit_events WHERE organisation_id = $1 ORDER BY seq`,
      [organisationId],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      organisationId: r.organisation_id,
      id: r.id,
      occurredAt: r.occurred_at,
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      action: r.action,
      caseId: r.case_id,
      entityType: r.entity_type,
      entityId: r.entity_id,
      reason: r.reason,
      payloadJson: r.payload_json,
      payloadDigest: r.payload_digest,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }

  const problems = (chain: StoredLink[]) => {
    let prev = GENESIS_HASH;
    return chain.flatMap((l, i) => {
      const problem = checkLink(l, i + 1, prev);
      prev = l.hash;
      return problem ? [{ seq: l.seq, problem }] : [];
    });
  };

  it('every link written through the API verifies in TypeScript too', async () => {
    const deputy = await t.as(DEMO.deputy);
    const created = await deputy.post(
      '/reports',
      reportBody(t, { description: 'Ünïcödé — 😀 — "quotes" \\ back\\slash\nnew line', reporter: { name: 'Zoë Ø', relationship: 'parent' } }),
    );
    expect(created.status).toBe(201);
    await deputy.post(`/cases/${created.body.id}/triage`, { decision: 'no_further_action', rationale: 'Tabs\tand ‘curly’ quotes' });
    await (await t.as(DEMO.head)).get(`/cases/${created.body.id}`);
    const chain = await links(t.ids.org.werrington);
    expect(chain.length).toBeGreaterThan(10);
    expect(problems(chain)).toEqual([]);
    expect((await (await t.as(DEMO.head)).get('/audit/verify')).body).toEqual(expect.objectContaining({ valid: true, events: chain.length + 1 - 1 }));
  });

  it('a change the database catches, TypeScript catches at the same link', async () => {
    const client = await t.db.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      const { rows } = await client.query(`SELECT seq FROM audit_events WHERE organisation_id = $1 AND action = 'case.triaged' LIMIT 1`, [
        t.ids.org.werrington,
      ]);
      await client.query(`UPDATE audit_events SET reason = 'rewritten' WHERE organisation_id = $1 AND seq = $2`, [t.ids.org.werrington, rows[0].seq]);
      const fromTs = problems(await links(t.ids.org.werrington))[0];
      const fromDb = (await (await t.as(DEMO.head)).get('/audit/verify')).body;
      expect(fromTs).toEqual({ seq: Number(rows[0].seq), problem: 'hash' });
      expect(fromDb).toEqual(expect.objectContaining({ valid: false, firstBrokenAt: Number(rows[0].seq), problem: 'hash' }));
    } finally {
      client.release();
    }
  });
});
