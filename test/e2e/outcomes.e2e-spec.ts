import { buildCase, Finding, holdHearing, outcomeBody } from '../support/case-builder';
import { DEMO, expectProblem, reportBody, startTestApp, TestApp } from '../support/test-app';
import { withOrganisationDeadlines } from '../support/organisation-deadlines';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * §12 and the ACAS Code: the outcome by the decision-maker (never the investigator unless a
 * recorded waiver), sanctions the findings can carry, the right of appeal by a deadline, an
 * appeal heard by someone not involved, closure.
 */
describe('outcome and appeal (§12)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const now = Date.now();
  const outcome = (overrides: Record<string, unknown> = {}) => ({
    sanction: 'first_written_warning',
    grossMisconduct: false,
    rationale: 'The substantiated post breached §7.5.',
    decidedAt: iso(now - DAY),
    communicatedAt: iso(now - DAY + 3_600_000),
    warningExpiresAt: iso(now + 365 * DAY),
    appealDeadline: iso(now + 10 * DAY),
    ...overrides,
  });

  /**
   * A case whose disciplinary hearing has been held (process.md §1), waiting for its decision;
   * `finding` on its one allegation; the hearing chaired by the acting decision-maker, or by
   * `chair` (the investigating headteacher under the separation waiver).
   */
  async function awaitingDecision(
    opts: { finding?: Finding; headIsSubject?: boolean; investigator?: string; chair?: { email: string; waiver: string } } = {},
  ): Promise<string> {
    const { caseId, view } = await buildCase(t, {
      to: 'hearing',
      subjects: opts.headIsSubject ? [t.ids.staff[DEMO.head]] : [t.ids.staff['Sam Teacher']],
      investigator: opts.investigator,
      allegations: [{ policyStandard: '7.7', summary: 'Bullying a colleague online' }],
      finding: opts.finding ?? 'substantiated',
      ...(opts.chair ? { decider: opts.chair.email, hearing: { invitation: { separationWaiverReason: opts.chair.waiver } } } : {}),
    });
    expect(view.status).toBe('hearing');
    return caseId;
  }

  describe('POST /cases/:id/outcome', () => {
    it('the headteacher decides: status decided, the outcome on the case, audited', async () => {
      const caseId = await awaitingDecision();
      const decided = await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcome());
      expect(decided.status).toBe(201);
      expect(decided.body.status).toBe('decided');
      expect(decided.body.outcome).toEqual(
        expect.objectContaining({ sanction: 'first_written_warning', decidedByRole: 'headteacher', decidedByUserId: t.ids.users[DEMO.head] }),
      );
      expect(decided.body.sanctionInForce).toBe('first_written_warning');
      const { rows } = await t.db.query(`SELECT action, actor_role FROM audit_events WHERE case_id = $1 AND action = 'outcome.recorded'`, [caseId]);
      expect(rows).toEqual([{ action: 'outcome.recorded', actor_role: 'headteacher' }]);
    });

    it('a second outcome is a 409; an outcome before the report is submitted is a 409', async () => {
      const caseId = await awaitingDecision();
      const head = await t.as(DEMO.head);
      await head.post(`/cases/${caseId}/outcome`, outcome());
      expectProblem(await head.post(`/cases/${caseId}/outcome`, outcome()), 409);
      const early = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t));
      expectProblem(await head.post(`/cases/${early.body.id}/outcome`, outcome()), 409);
    });

    it.each([
      ['a warning without warningExpiresAt', { warningExpiresAt: undefined }, 'warningExpiresAt'],
      ['an expiry on a non-warning', { sanction: 'informal_action' }, 'warningExpiresAt'],
      ['a sanction without appealDeadline', { appealDeadline: undefined }, 'appealDeadline'],
      ['summary dismissal without grossMisconduct', { sanction: 'summary_dismissal', warningExpiresAt: undefined }, 'grossMisconduct'],
      ['an unknown sanction', { sanction: 'public_shaming' }, 'sanction'],
      ['no rationale', { rationale: '' }, 'rationale'],
      ['decidedAt in the future', { decidedAt: iso(now + DAY) }, 'decidedAt'],
      ['an appeal deadline before the decision', { appealDeadline: iso(now - 2 * DAY) }, 'appealDeadline'],
    ])('%s → 400 naming the field', async (_label, overrides, field) => {
      const caseId = await awaitingDecision();
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcome(overrides)), 400, field);
      const { rows } = await t.db.query(`SELECT status FROM cases WHERE id = $1`, [caseId]);
      expect(rows[0].status).toBe('hearing');
    });

    describe('the appeal deadline a school would set (domain.md "Dates the API is told")', () => {
      const communicatedAt = now - DAY + 3_600_000;

      it.each([
        ['an appeal deadline is at least 5 working days after the decision is communicated', { appealDeadline: iso(communicatedAt + 2 * DAY) }],
        [
          'an appeal deadline one second after a dismissal is refused (the case could close at once)',
          {
            sanction: 'dismissal_with_notice',
            warningExpiresAt: undefined,
            communicatedAt: undefined,
            appealDeadline: iso(now - DAY + 1000),
          },
        ],
        ['an appeal deadline is at most 3 months after the decision is communicated', { appealDeadline: iso(communicatedAt + 100 * DAY) }],
        ['an appeal deadline in 2999 is refused (the case would never close)', { appealDeadline: '2999-12-31T00:00:00Z' }],
        [
          'not yet communicated, the deadline counts from the decision',
          { decidedAt: iso(now - 20 * DAY), communicatedAt: undefined, appealDeadline: iso(now - 19 * DAY) },
        ],
      ])('%s (400 naming appealDeadline)', async (_label, overrides) => {
        const caseId = await awaitingDecision();
        const refused = await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcome(overrides));
        expectProblem(refused, 400, 'appealDeadline');
        const { rows } = await t.db.query(`SELECT status FROM cases WHERE id = $1`, [caseId]);
        expect(rows[0].status).toBe('hearing');
      });

      it('a deadline within the bounds is recorded (8 calendar days always hold 5 working days, clock change or not)', async () => {
        const caseId = await awaitingDecision();
        const deadline = iso(communicatedAt + 8 * DAY);
        const decided = await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcome({ appealDeadline: deadline }));
        expect(decided.status).toBe(201);
        expect(decided.body.outcome.appealDeadline).toBe(deadline);
      });
    });

    describe('a warning’s life a school would set (domain.md "Dates the API is told"; WARNING_MAX_MONTHS, default 24)', () => {
      it.each([
        ['a warning expiring in 2999 is refused (retention counts from its expiry: the case would never be erased)', '2999-12-31T00:00:00Z'],
        ['a warning expires at most 24 months after it is given', iso(now - DAY + 732 * DAY)],
      ])('%s (400 naming warningExpiresAt)', async (_label, warningExpiresAt) => {
        const caseId = await awaitingDecision();
        const refused = await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcome({ warningExpiresAt }));
        expectProblem(refused, 400, 'warningExpiresAt');
        const { rows } = await t.db.query(`SELECT status FROM cases WHERE id = $1`, [caseId]);
        expect(rows[0].status).toBe('hearing');
      });

      it('a final written warning live for 24 months is recorded', async () => {
        const caseId = await awaitingDecision();
        const warningExpiresAt = iso(now - DAY + 700 * DAY);
        const decided = await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcome({ sanction: 'final_written_warning', warningExpiresAt }));
        expect(decided.status).toBe(201);
        expect(decided.body.outcome.warningExpiresAt).toBe(warningExpiresAt);
      });
    });

    it.each([
      ['dismissal with notice', { sanction: 'dismissal_with_notice', warningExpiresAt: undefined }],
      ['gross misconduct', { grossMisconduct: true }],
      ['summary dismissal', { sanction: 'summary_dismissal', grossMisconduct: true, warningExpiresAt: undefined }],
    ])('%s needs a substantiated finding (409)', async (_label, overrides) => {
      const caseId = await awaitingDecision({ finding: 'inconclusive' });
      const refused = await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcome(overrides));
      expectProblem(refused, 409);
      expect(refused.body.code).toBe('no_substantiated_finding');
    });

    it('summary dismissal for gross misconduct on a substantiated finding is recorded; no action needs no deadline', async () => {
      const caseId = await awaitingDecision();
      const decided = await (
        await t.as(DEMO.head)
      ).post(`/cases/${caseId}/outcome`, outcome({ sanction: 'summary_dismissal', grossMisconduct: true, warningExpiresAt: undefined }));
      expect(decided.status).toBe(201);
      const other = await awaitingDecision({ finding: 'not_substantiated' });
      const none = await (
        await t.as(DEMO.head)
      ).post(`/cases/${other}/outcome`, outcome({ sanction: 'no_action', warningExpiresAt: undefined, appealDeadline: undefined }));
      expect(none.status).toBe(201);
    });

    it('only the decision-maker: deputy, hr, investigator 403; the governor when the head is unconflicted 404', async () => {
      const caseId = await awaitingDecision();
      for (const who of [DEMO.deputy, DEMO.hr, DEMO.investigator]) expectProblem(await (await t.as(who)).post(`/cases/${caseId}/outcome`, outcome()), 403);
      expectProblem(await (await t.as(DEMO.governor)).post(`/cases/${caseId}/outcome`, outcome()), 404);
      expectProblem(await (await t.as(DEMO.northHead)).post(`/cases/${caseId}/outcome`, outcome()), 404);
    });

    it('a conflicted headteacher: the governor decides', async () => {
      const caseId = await awaitingDecision({ headIsSubject: true });
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcome()), 404);
      const decided = await (await t.as(DEMO.governor)).post(`/cases/${caseId}/outcome`, outcome());
      expect(decided.body.outcome.decidedByRole).toBe('governor');
    });

    describe('separation of duties (ACAS: decision-maker ≠ investigator, waivable with a recorded reason)', () => {
      beforeAll(async () => {
        await t.db.query(`UPDATE users SET roles = '{headteacher,investigating_manager}' WHERE id = $1`, [t.ids.users[DEMO.head]]);
      });
      afterAll(async () => {
        await t.db.query(`UPDATE users SET roles = '{headteacher}' WHERE id = $1`, [t.ids.users[DEMO.head]]);
      });

      it('the headteacher who investigated cannot decide without a waiver; the governors can', async () => {
        const caseId = await awaitingDecision({ investigator: DEMO.head });
        expectProblem(await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcome()), 403);
        expect((await (await t.as(DEMO.governor)).post(`/cases/${caseId}/outcome`, outcome())).status).toBe(201);
      });

      it('with a recorded waiver the investigating headteacher decides, and the waiver is audited', async () => {
        const waiver = 'Two-teacher school: no other manager can decide';
        const caseId = await awaitingDecision({ investigator: DEMO.head, chair: { email: DEMO.head, waiver } });
        const decided = await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcome({ separationWaiverReason: waiver }));
        expect(decided.status).toBe(201);
        expect(decided.body.outcome).toEqual(expect.objectContaining({ separationWaiverReason: waiver, decidedByRole: 'headteacher' }));
        const { rows } = await t.db.query(`SELECT reason, payload FROM audit_events WHERE case_id = $1 AND action = 'outcome.recorded'`, [caseId]);
        // The waiver is audited; its reason is case content, so it sits in the erasable payload, not the chained reason (§13).
        expect(rows[0].reason).toBe('separation_waived');
        expect(rows[0].payload.separationWaiverReason).toBe(waiver);
      });

      it('a waiver from someone who did not investigate is refused (400)', async () => {
        const caseId = await awaitingDecision();
        expectProblem(await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcome({ separationWaiverReason: 'x' })), 400, 'separationWaiverReason');
      });
    });
  });

  describe('appeals', () => {
    async function decided(overrides: Record<string, unknown> = {}): Promise<string> {
      return (
        await buildCase(t, { to: 'decided', allegations: [{ policyStandard: '7.7', summary: 'Bullying a colleague online' }], outcome: outcome(overrides) })
      ).caseId;
    }

    it('hr lodges an appeal by the deadline; the case is in appeal; a second is a 409', async () => {
      const caseId = await decided();
      const hr = await t.as(DEMO.hr);
      const lodged = await hr.post(`/cases/${caseId}/appeals`, { lodgedAt: iso(now - 1000), grounds: 'Too harsh' });
      expect(lodged.status).toBe(201);
      expect(lodged.body.status).toBe('appeal');
      expect(lodged.body.appeals).toEqual([expect.objectContaining({ grounds: 'Too harsh', result: null })]);
      expectProblem(await hr.post(`/cases/${caseId}/appeals`, { lodgedAt: iso(now - 1000), grounds: 'Again' }), 409);
    });

    it('after the deadline an appeal is refused (409); no sanction, nothing to appeal (409)', async () => {
      const late = await decided({ decidedAt: iso(now - 20 * DAY), communicatedAt: iso(now - 20 * DAY), appealDeadline: iso(now - 5 * DAY) });
      const refused = await (await t.as(DEMO.hr)).post(`/cases/${late}/appeals`, { lodgedAt: iso(now - 1000), grounds: 'Late' });
      expectProblem(refused, 409);
      expect(refused.body.code).toBe('appeal_out_of_time');
      const none = await decided({ sanction: 'no_action', warningExpiresAt: undefined, appealDeadline: undefined });
      expectProblem(await (await t.as(DEMO.hr)).post(`/cases/${none}/appeals`, { lodgedAt: iso(now - 1000), grounds: 'x' }), 409);
    });

    describe('late entry (domain.md "Dates the API is told")', () => {
      /** A decided case whose deadline passed an hour ago: the outcome was recorded in time, then time went by. */
      async function deadlinePassed(): Promise<string> {
        const caseId = await decided();
        await t.db.query(`UPDATE outcomes SET appeal_deadline = now() - interval '1 hour' WHERE case_id = $1`, [caseId]);
        return caseId;
      }
      // Stated as lodged before the deadline passed (and after the decision, a day ago).
      const backdated = () => iso(Date.now() - 2 * 3_600_000);

      it('an appeal entered after its deadline needs a late-entry reason, whatever lodgedAt says (400 naming lateEntryReason)', async () => {
        const caseId = await deadlinePassed();
        const refused = await (await t.as(DEMO.hr)).post(`/cases/${caseId}/appeals`, { lodgedAt: backdated(), grounds: 'Too harsh' });
        expectProblem(refused, 400, 'lateEntryReason');
        const { rows } = await t.db.query(`SELECT status FROM cases WHERE id = $1`, [caseId]);
        expect(rows[0].status).toBe('decided');
      });

      it('with a late-entry reason it is accepted: the reason is stored with the appeal and audited in the payload, not as the audit reason', async () => {
        const caseId = await deadlinePassed();
        const lateEntryReason = 'The appeal letter arrived on time but sat in the post room for ten days';
        const lodged = await (await t.as(DEMO.hr)).post(`/cases/${caseId}/appeals`, { lodgedAt: backdated(), grounds: 'Too harsh', lateEntryReason });
        expect(lodged.status).toBe(201);
        expect(lodged.body.status).toBe('appeal');
        const stored = await t.db.query(`SELECT late_entry_reason FROM appeals WHERE case_id = $1`, [caseId]);
        expect(stored.rows).toEqual([{ late_entry_reason: lateEntryReason }]);
        const audit = await t.db.query(
          `SELECT reason, payload->>'lateEntryReason' AS late_entry_reason FROM audit_events WHERE case_id = $1 AND action = 'appeal.lodged'`,
          [caseId],
        );
        expect(audit.rows).toHaveLength(1);
        expect(audit.rows[0].late_entry_reason).toBe(lateEntryReason);
        expect(audit.rows[0].reason ?? '').not.toContain(lateEntryReason);
      });

      it('an appeal entered in time carries no late-entry reason (400 naming it); none is stored when there is none', async () => {
        const caseId = await decided();
        const hr = await t.as(DEMO.hr);
        expectProblem(
          await hr.post(`/cases/${caseId}/appeals`, { lodgedAt: iso(now - 1000), grounds: 'x', lateEntryReason: 'not late' }),
          400,
          'lateEntryReason',
        );
        expect((await hr.post(`/cases/${caseId}/appeals`, { lodgedAt: iso(now - 1000), grounds: 'Too harsh' })).status).toBe(201);
        const stored = await t.db.query(`SELECT late_entry_reason FROM appeals WHERE case_id = $1`, [caseId]);
        expect(stored.rows).toEqual([{ late_entry_reason: null }]);
      });
    });

    it('deputy, investigator, governor may not lodge (403)', async () => {
      const caseId = await decided();
      for (const who of [DEMO.deputy, DEMO.investigator, DEMO.governor]) {
        expectProblem(await (await t.as(who)).post(`/cases/${caseId}/appeals`, { lodgedAt: iso(now - 1000), grounds: 'x' }), 403);
      }
    });

    /** A case on appeal, its appeal hearing held by `hearer` (default: the governor; process.md §1). */
    async function appealed(hearer: string = DEMO.governor): Promise<{ caseId: string; appealId: string }> {
      const { caseId, appealId } = await buildCase(t, {
        to: 'appeal',
        allegations: [{ policyStandard: '7.7', summary: 'Bullying a colleague online' }],
        outcome: outcome(),
        appeal: { lodgedAt: iso(now - 1000), grounds: 'Too harsh' },
      });
      await holdHearing(t, { chair: hearer, caseId, invitePath: `/appeals/${appealId}/hearings`, subjects: [t.ids.staff['Sam Teacher']] });
      return { caseId, appealId: appealId! };
    }

    it('heard by a governor; never by the headteacher who decided, nor the investigator', async () => {
      const { caseId, appealId } = await appealed();
      expectProblem(await (await t.as(DEMO.head)).post(`/appeals/${appealId}/decision`, { result: 'dismissed', rationale: 'x' }), 403);
      expectProblem(await (await t.as(DEMO.investigator)).post(`/appeals/${appealId}/decision`, { result: 'dismissed', rationale: 'x' }), 403);
      expectProblem(await (await t.as(DEMO.hr)).post(`/appeals/${appealId}/decision`, { result: 'dismissed', rationale: 'x' }), 403);
      expect((await (await t.as(DEMO.governor)).get(`/cases/${caseId}`)).status).toBe(200);
      const heard = await (await t.as(DEMO.governor)).post(`/appeals/${appealId}/decision`, { result: 'dismissed', rationale: 'The warning stands' });
      expect(heard.status).toBe(200);
      expect(heard.body).toEqual(expect.objectContaining({ status: 'closed', sanctionInForce: 'first_written_warning' }));
      expect(heard.body.appeals[0]).toEqual(expect.objectContaining({ result: 'dismissed', decidedByRole: 'governor' }));
      expect(heard.body.retention.retainUntil).not.toBeNull();
      expectProblem(await (await t.as(DEMO.governor)).post(`/appeals/${appealId}/decision`, { result: 'upheld', rationale: 'again' }), 409);
    });

    it('a headteacher not previously involved may hear it', async () => {
      const { rows } = await t.db.query(
        `WITH account AS (INSERT INTO accounts (email, password_hash) SELECT 'head2@demo.school', password_hash FROM accounts WHERE email = 'head@demo.school' RETURNING id, email)
         INSERT INTO users (organisation_id, account_id, email, name, roles) SELECT u.organisation_id, a.id, a.email, 'Second Head', '{headteacher}'
         FROM users u, account a WHERE u.email = 'head@demo.school' RETURNING id`,
      );
      expect(rows).toHaveLength(1);
      const { appealId } = await appealed('head2@demo.school');
      const heard = await (await t.as('head2@demo.school')).post(`/appeals/${appealId}/decision`, { result: 'upheld', rationale: 'Withdrawn' });
      expect(heard.status).toBe(200);
      expect(heard.body.sanctionInForce).toBe('no_action');
    });

    it('varied: the new, lesser sanction is in force; a harsher one is a 409; varied needs newSanction', async () => {
      const { appealId } = await appealed();
      const governor = await t.as(DEMO.governor);
      expectProblem(await governor.post(`/appeals/${appealId}/decision`, { result: 'varied', rationale: 'x' }), 400, 'newSanction');
      const harsher = await governor.post(`/appeals/${appealId}/decision`, {
        result: 'varied',
        rationale: 'x',
        newSanction: 'final_written_warning',
        warningExpiresAt: iso(now + 400 * DAY),
      });
      expectProblem(harsher, 409);
      expect(harsher.body.code).toBe('appeal_cannot_increase_sanction');
      expectProblem(
        await governor.post(`/appeals/${appealId}/decision`, { result: 'dismissed', rationale: 'x', newSanction: 'informal_action' }),
        400,
        'newSanction',
      );
      const varied = await governor.post(`/appeals/${appealId}/decision`, {
        result: 'varied',
        rationale: 'Informal advice suffices',
        newSanction: 'informal_action',
      });
      expect(varied.status).toBe(200);
      expect(varied.body.sanctionInForce).toBe('informal_action');
    });

    it('varied to a warning on appeal: its expiry is bounded the same way (400 naming warningExpiresAt), the appeal still waits', async () => {
      const { caseId, appealId } = await buildCase(t, {
        to: 'appeal',
        allegations: [{ policyStandard: '7.7', summary: 'Bullying a colleague online' }],
        outcome: outcome({ sanction: 'dismissal_with_notice', warningExpiresAt: undefined }),
        appeal: { lodgedAt: iso(now - 1000), grounds: 'Too harsh' },
      });
      await holdHearing(t, { chair: DEMO.governor, caseId, invitePath: `/appeals/${appealId}/hearings`, subjects: [t.ids.staff['Sam Teacher']] });
      const governor = await t.as(DEMO.governor);
      const varied = (warningExpiresAt: string) =>
        governor.post(`/appeals/${appealId}/decision`, {
          result: 'varied',
          rationale: 'A final warning suffices',
          newSanction: 'final_written_warning',
          warningExpiresAt,
        });
      expectProblem(await varied('2999-12-31T00:00:00Z'), 400, 'warningExpiresAt');
      expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [caseId])).rows[0].status).toBe('appeal');
      const accepted = await varied(iso(Date.now() + 365 * DAY));
      expect(accepted.status).toBe(200);
      expect(accepted.body.sanctionInForce).toBe('final_written_warning');
    });

    it('another organisation and unknown appeals are 404; a malformed id 400', async () => {
      const { appealId } = await appealed();
      expectProblem(await (await t.as(DEMO.northHead)).post(`/appeals/${appealId}/decision`, { result: 'dismissed', rationale: 'x' }), 404);
      expectProblem(
        await (await t.as(DEMO.governor)).post(`/appeals/00000000-0000-4000-8000-000000000000/decision`, { result: 'dismissed', rationale: 'x' }),
        404,
      );
      expectProblem(await (await t.as(DEMO.governor)).post(`/appeals/x/decision`, { result: 'dismissed', rationale: 'x' }), 400, 'id');
    });
  });

  describe('the organisation’s own bounds on a warning and an appeal window (issue 13)', () => {
    it('a warning’s life shortened to 6 months refuses the 12-month warning the deployment’s 24 accept; an appeal window raised to 15 working days refuses the two weeks that 5 accept', async () => {
      const { caseId } = await buildCase(t, { to: 'hearing' });
      const head = await t.as(DEMO.head);
      const now = Date.now();
      const body = outcomeBody({ warningExpiresAt: iso(now + 365 * DAY), appealDeadline: iso(now + 14 * DAY) }, now);
      await withOrganisationDeadlines(t, { warningMaxMonths: 6 }, async () => {
        const res = await head.post(`/cases/${caseId}/outcome`, body);
        expectProblem(res, 400, 'warningExpiresAt');
        expect(res.body.detail).toContain('at most 6 months');
      });
      await withOrganisationDeadlines(t, { appealDeadlineMinWorkingDays: 15 }, async () => {
        const res = await head.post(`/cases/${caseId}/outcome`, body);
        expectProblem(res, 400, 'appealDeadline');
        expect(res.body.detail).toContain('at least 15 working days');
      });
      expect((await head.post(`/cases/${caseId}/outcome`, body)).status).toBe(201);
    });

    it('an appeal varying the sanction to a warning: the organisation’s shorter life holds too', async () => {
      const { appealId } = await buildCase(t, {
        to: 'appeal',
        allegations: [{ policyStandard: '7.7', summary: 'Bullying a colleague online' }],
        outcome: { sanction: 'dismissal_with_notice', warningExpiresAt: undefined },
        appealHearing: {},
      });
      const governor = await t.as(DEMO.governor);
      const varied = {
        result: 'varied',
        rationale: 'A final warning suffices',
        newSanction: 'final_written_warning',
        warningExpiresAt: iso(Date.now() + 300 * DAY),
      };
      await withOrganisationDeadlines(t, { warningMaxMonths: 6 }, async () => {
        expectProblem(await governor.post(`/appeals/${appealId}/decision`, varied), 400, 'warningExpiresAt');
      });
      expect((await governor.post(`/appeals/${appealId}/decision`, varied)).status).toBe(200);
    });

    it('out of the deployment’s bounds: 400 naming the field (a warning longer than WARNING_MAX_MONTHS, an appeal window shorter than its minimum or past 3 months)', async () => {
      const admin = await t.as(DEMO.admin);
      const was = (await admin.get('/organisation/deadlines')).body;
      expect(was).toMatchObject({ warningMaxMonths: 24, appealDeadlineMinWorkingDays: 5 });
      for (const [field, value] of [
        ['warningMaxMonths', 25],
        ['warningMaxMonths', 0],
        ['appealDeadlineMinWorkingDays', 4],
        ['appealDeadlineMinWorkingDays', 61],
      ] as const) {
        expectProblem(await admin.put('/organisation/deadlines', { ...was, [field]: value }), 400, field);
      }
      expect((await admin.get('/organisation/deadlines')).body).toEqual(was);
    });
  });

  describe('POST /cases/:id/close', () => {
    it('is refused while the appeal window is open, then closes with a retention date', async () => {
      const caseId = await awaitingDecision();
      const head = await t.as(DEMO.head);
      await head.post(`/cases/${caseId}/outcome`, outcome());
      const early = await head.post(`/cases/${caseId}/close`, {});
      expectProblem(early, 409);
      expect(early.body.code).toBe('appeal_window_open');
      await t.db.query(`UPDATE outcomes SET appeal_deadline = now() - interval '1 minute' WHERE case_id = $1`, [caseId]);
      expectProblem(await (await t.as(DEMO.hr)).post(`/cases/${caseId}/close`, {}), 403);
      const closed = await head.post(`/cases/${caseId}/close`, { reason: 'Appeal window passed' });
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
      const warningExpiry = new Date(closed.body.outcome.warningExpiresAt);
      const expected = new Date(warningExpiry);
      expected.setUTCMonth(expected.getUTCMonth() + 6);
      expect(closed.body.retention.retainUntil).toBe(expected.toISOString());
    });
  });

  it('the audit chain verifies after all that', async () => {
    expect((await (await t.as(DEMO.head)).get('/audit/verify')).body).toEqual(expect.objectContaining({ valid: true }));
  });
});
