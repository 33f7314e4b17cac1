import { checkLink, GENESIS_HASH, StoredLink } from '../../src/audit/audit-chain';
import { AUDIT_REASON_MAX_LENGTH, isAuditReasonCode } from '../../src/audit/audit-reason';
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
  describe('the reason is a code: the database refuses free text too (domain.md "Data protection")', () => {
    const samples = [
      null,
      'rejected',
      'separation_waived',
      'retention_period_ended',
      'final_written_warning',
      'a1_b2',
      'a'.repeat(AUDIT_REASON_MAX_LENGTH),
      'a'.repeat(AUDIT_REASON_MAX_LENGTH + 1),
      'retention period ended (§13)',
      'Not proportionate',
      'Rejected',
      'separation-waived',
      '_x',
      'x_',
      'x__y',
      '1x',
      'rejected\n',
      'rejected\nSam Teacher admitted it',
      'réjected',
      '',
    ];

    /** Whether audit_append, called directly, writes an event with this reason (rolled back either way). */
    async function databaseAccepts(reason: string | null): Promise<boolean> {
      const client = await t.db.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT audit_append($1, NULL, NULL, 'test.reason', NULL, NULL, NULL, $2, '{"note":"free text goes here"}')`, [
          t.ids.org.werrington,
          reason,
        ]);
        return true;
      } catch (error) {
        expect((error as { code?: string }).code).toBe('23514'); // check_violation: audit_events_reason_is_code
        return false;
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    }

    it('AuditService.record and the CHECK constraint agree on every sample', async () => {
      const verdicts: Array<{ reason: string | null; typescript: boolean; database: boolean }> = [];
      for (const reason of samples)
        verdicts.push({ reason, typescript: reason === null || isAuditReasonCode(reason), database: await databaseAccepts(reason) });
      expect(verdicts.filter((v) => v.typescript !== v.database)).toEqual([]);
      expect(verdicts.filter((v) => !v.database).length).toBeGreaterThan(10);
    });

    it('the constraint is declared NOT VALID (old rows are not re-checked) and no event written through the API has a free-text reason', async () => {
      const { rows } = await t.db.query(
        `SELECT convalidated, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'audit_events'::regclass AND conname = 'audit_events_reason_is_code'`,
      );
      expect(rows).toEqual([{ convalidated: false, definition: expect.stringContaining('NOT VALID') }]);
      const reasons = await t.db.query<{ reason: string }>(`SELECT DISTINCT reason FROM audit_events WHERE reason IS NOT NULL`);
      expect(reasons.rows.map((r) => r.reason).filter((r) => !isAuditReasonCode(r))).toEqual([]);
    });
  });
});
