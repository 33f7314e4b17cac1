import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { holdHearing } from './case-builder';
import { DEMO, reportBody, TestApp } from './test-app';

/** Fixtures for the HR export tests (test/e2e/exports*.e2e-spec.ts): whole cases driven through the API. */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

export interface FlowOptions {
  /** POST /reports overrides (subjectStaffIds, reporter, description …). */
  report?: Record<string, unknown>;
  /** A staff member interviewed as a witness (joins the case parties). */
  witnessStaffId?: string;
  /** Stop after this stage. */
  until?: 'investigation' | 'decided' | 'appeal' | 'closed';
  /** The appeal's result; null: no appeal (the case stays decided). */
  appeal?: 'varied' | 'dismissed' | 'upheld' | null;
}

export interface FlowCase {
  id: string;
  reference: string;
  /** Descriptions of the two evidence items. */
  personalEvidence: string;
  specialEvidence: string;
  specialSha256: string;
}

async function ok(response: Promise<{ status: number; body: unknown }>, status: number, what: string) {
  const r = await response;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r as { status: number; body: Record<string, unknown> & { allegations?: Array<{ id: string }> } };
}

/**
 * A case about Sam Teacher (by default) taken through report, triage, investigation (two
 * allegations — §7.5 and App.A copyright —, notice, response, findings, a witness interview,
 * one personal and one special-category evidence item), outcome (final written warning) and
 * appeal (varied to a first written warning), as far as `until`.
 */
export async function caseThroughAppeal(t: TestApp, options: FlowOptions = {}): Promise<FlowCase> {
  const tag = randomBytes(3).toString('hex');
  const deputy = await t.as(DEMO.deputy);
  const head = await t.as(DEMO.head);
  const ian = await t.as(DEMO.investigator);
  const created = await ok(deputy.post('/reports', reportBody(t, options.report)), 201, 'report');
  const id = created.body.id as string;
  await ok(head.post(`/cases/${id}/triage`, { decision: 'investigate', rationale: 'Needs the facts established' }), 200, 'triage');
  await ok(head.post(`/cases/${id}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] }), 200, 'assign');

  const first = await ok(ian.post(`/cases/${id}/allegations`, { policyStandard: '7.5', summary: 'Named a colleague in a public post' }), 201, 'allegation');
  const second = await ok(ian.post(`/cases/${id}/allegations`, { category: 'copyright', summary: 'Posted a photograph taken by a parent' }), 201, 'allegation');
  const [a1, a2] = [first.body.allegations!.at(-1)!.id, second.body.allegations!.at(-1)!.id];
  const now = Date.now();
  if (options.witnessStaffId) {
    await ok(
      ian.post(`/cases/${id}/interviews`, {
        staffId: options.witnessStaffId,
        capacity: 'witness',
        heldAt: iso(now - 3 * DAY),
        statement: `I saw the post on my phone (${tag})`,
      }),
      201,
      'witness interview',
    );
  }
  await ok(ian.post(`/cases/${id}/subject-notifications`, { sentAt: iso(now - 3 * DAY), method: 'letter', allegationIds: [a1, a2] }), 201, 'notice');
  await ok(ian.post(`/cases/${id}/subject-responses`, { receivedAt: iso(now - 2 * DAY), response: 'I accept I named her; it was a joke.' }), 201, 'response');
  await ok(ian.post(`/cases/${id}/findings`, { allegationId: a1, finding: 'substantiated', reasoning: 'The post was public and named her.' }), 201, 'finding');
  await ok(
    ian.post(`/cases/${id}/findings`, { allegationId: a2, finding: 'not_substantiated', reasoning: 'The parent had shared the photograph publicly.' }),
    201,
    'finding',
  );

  // created_at stated: the column keeps milliseconds, and two inserts in one millisecond would list in id order
  const personalEvidence = `Screenshot of the post ${tag}`;
  const specialEvidence = `Occupational health letter ${tag}`;
  const specialSha256 = randomBytes(32).toString('hex');
  await t.db.query(
    `INSERT INTO evidence (organisation_id, case_id, recorded_by_user_id, created_at, kind, description, source, captured_at, sensitivity, sha256, size, media_type, original_filename)
     SELECT organisation_id, id, $2, now() - interval '2 seconds', 'screenshot', $3, 'the parent', now() - interval '4 days', 'personal', $4, 2048, 'image/png', 'post.png' FROM cases WHERE id = $1`,
    [id, t.ids.users[DEMO.investigator], personalEvidence, randomBytes(32).toString('hex')],
  );
  await t.db.query(
    `INSERT INTO evidence (organisation_id, case_id, recorded_by_user_id, created_at, kind, description, source, captured_at, sensitivity, sha256, size, media_type, original_filename)
     SELECT organisation_id, id, $2, now() - interval '1 second', 'document', $3, 'the subject', now() - interval '3 days', 'special_category', $4, 10240, 'application/pdf', 'oh.pdf' FROM cases WHERE id = $1`,
    [id, t.ids.users[DEMO.investigator], specialEvidence, specialSha256],
  );
  const result = { id, reference: created.body.reference as string, personalEvidence, specialEvidence, specialSha256 };
  if (options.until === 'investigation') return result;

  await ok(ian.post(`/cases/${id}/submit-report`, { summary: 'One allegation substantiated.' }), 200, 'submit report');
  // process.md §1: the disciplinary hearing before the sanction
  const subjects = created.body.subjects as Array<{ staffId: string }>;
  const subjectStaffIds = subjects.map((p) => p.staffId);
  await holdHearing(t, { chair: DEMO.head, caseId: id, invitePath: `/cases/${id}/hearings`, subjects: subjectStaffIds });
  await ok(
    head.post(`/cases/${id}/outcome`, {
      sanction: 'final_written_warning',
      grossMisconduct: false,
      rationale: 'A serious breach of §7.5, substantiated.',
      decidedAt: iso(now - HOUR),
      communicatedAt: iso(now - HOUR / 2),
      warningExpiresAt: iso(now + 365 * DAY),
      appealDeadline: iso(now + 14 * DAY),
    }),
    201,
    'outcome',
  );
  const appeal = options.appeal === undefined ? 'varied' : options.appeal;
  if (options.until === 'decided' || appeal === null) return result;

  const lodged = await ok(
    (await t.as(DEMO.hr)).post(`/cases/${id}/appeals`, { lodgedAt: iso(now - 60_000), grounds: 'The sanction is too harsh for a first offence.' }),
    201,
    'appeal',
  );
  if (options.until === 'appeal') return result;
  const appealId = (lodged.body.appeals as Array<{ id: string }>)[0].id;
  await holdHearing(t, { chair: DEMO.governor, caseId: id, invitePath: `/appeals/${appealId}/hearings`, subjects: subjectStaffIds });
  const decision =
    appeal === 'varied'
      ? {
          result: 'varied',
          rationale: 'A first written warning is proportionate.',
          newSanction: 'first_written_warning',
          warningExpiresAt: iso(now + 180 * DAY),
        }
      : { result: appeal, rationale: 'Considered on the papers.' };
  await ok((await t.as(DEMO.governor)).post(`/appeals/${appealId}/decision`, decision), 200, 'appeal decision');
  return result;
}

/** Text of a PDF, extracted by pdfjs-dist in a child process (test/support/pdf-text.mjs): no system tool needed. */
export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const script = join(__dirname, 'pdf-text.mjs');
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile(process.execPath, [script], { maxBuffer: 64 * 1024 * 1024 }, (error, out, err) =>
      error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
    );
    child.stdin!.end(pdf);
  });
  const parsed = JSON.parse(stdout) as { pages: number; text: string[] };
  return { pages: parsed.pages, text: parsed.text.join('\n').replace(/\s+/g, ' ') };
}

/** The body of a binary response as a Buffer (supertest's `.parse()`: it hands over the raw response stream). */
export function binaryParser(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
  stream.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}
