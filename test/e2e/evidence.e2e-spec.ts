import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Response, Test } from 'supertest';
import { TEST_PASSWORD } from '../support/constants';
import { buildCase } from '../support/case-builder';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * Evidence (api.md "Evidence"; domain.md "Evidence", "Conflicts of interest"; issue 3 items 4
 * and 5): multipart upload streamed to a content-addressed store, sniffed media types, the
 * chain of custody, integrity checks on download, and the one case-access check on every route.
 */

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n%', 'latin1'),
  Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
  Buffer.from(
    '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  ),
]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), randomBytes(4096)]);
const MiB = 1024 * 1024;
/** An hour ago (hand-overs cannot be in the future). */
const HANDED_OVER_AT = new Date(Date.now() - 3_600_000).toISOString();

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Distinct content each time (content is stored once per SHA-256). */
const uniquePng = () => Buffer.concat([PNG, randomBytes(16)]);
const uniquePdf = () => Buffer.concat([PDF, Buffer.from(`% ${randomBytes(8).toString('hex')}\n`)]);

type Fields = Record<string, string>;
const FIELDS: Fields = {
  kind: 'screenshot',
  description: 'Screenshot of the public post naming a colleague.',
  source: 'Sent by the parent who reported it',
  capturedAt: '2026-11-20T18:35:00Z',
};

/** Reads any response body as raw bytes. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Every file under a directory, recursively (relative paths). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
}

describe('evidence', () => {
  let t: TestApp;
  let northInvestigator: string;
  beforeAll(async () => {
    t = await startTestApp();
    northInvestigator = `investigator-${randomBytes(4).toString('hex')}@northfield.demo`;
    const created = await (
      await t.as(DEMO.northAdmin)
    ).post('/users', { email: northInvestigator, name: 'North Investigator', password: TEST_PASSWORD, roles: ['investigating_manager'] });
    expect(created.status).toBe(201);
  });
  afterAll(() => t.close());

  const storedPath = (sha: string) => join(t.config.evidenceDir, sha.slice(0, 2), sha);
  const tempFiles = () => filesUnder(join(t.config.evidenceDir, 'tmp'));
  const rows = async (caseId: string) => (await t.db.query('SELECT id, sha256 FROM evidence WHERE case_id = $1 ORDER BY created_at', [caseId])).rows;
  const rowsWithSha = async (sha: string) => Number((await t.db.query('SELECT count(*) FROM evidence WHERE sha256 = $1', [sha])).rows[0].count);
  const events = async (caseId: string, action: string) =>
    (
      await t.db.query('SELECT actor_user_id, actor_role, entity_id, reason, payload FROM audit_events WHERE case_id = $1 AND action = $2 ORDER BY seq', [
        caseId,
        action,
      ])
    ).rows;

  /** A case in `investigation` with investigator@ appointed (report overrides). */
  async function investigationCase(overrides: Record<string, unknown> = {}): Promise<string> {
    return (await buildCase(t, { to: 'assigned', report: overrides })).caseId;
  }

  async function upload(
    email: string,
    caseId: string,
    content: Buffer | null,
    options: { filename?: string; contentType?: string; fields?: Fields; faultInjected?: boolean } = {},
  ): Promise<Response> {
    // an injected fault answers 500 (a bug by definition): not checked against the contract
    let req: Test = (options.faultInjected ? t.httpUnchecked() : t.http())
      .post(`/cases/${caseId}/evidence`)
      .set('authorization', `Bearer ${await t.token(email)}`);
    for (const [name, value] of Object.entries(options.fields ?? FIELDS)) req = req.field(name, value);
    if (content)
      req = req.attach('file', content, { filename: options.filename ?? 'evidence.bin', contentType: options.contentType ?? 'application/octet-stream' });
    return req;
  }

  async function added(caseId: string, content: Buffer, options: { filename?: string; contentType?: string; fields?: Fields } = {}) {
    const res = await upload(DEMO.investigator, caseId, content, options);
    expect({ status: res.status, body: res.body }).toEqual({ status: 201, body: expect.objectContaining({ id: expect.any(String) }) });
    return res.body as { id: string; sha256: string; size: number; mediaType: string };
  }

  const download = async (email: string, caseId: string, evidenceId: string) =>
    (await t.as(email)).get(`/cases/${caseId}/evidence/${evidenceId}/content`).buffer(true).parse(binary);

  describe('POST /cases/:id/evidence: upload', () => {
    it('201 with the metadata; the row, the file at its content address, custody "collected" and the audit event', async () => {
      const caseId = await investigationCase();
      const png = uniquePng();
      const res = await upload(DEMO.investigator, caseId, png, {
        filename: 'post.png',
        contentType: 'image/png',
        fields: { ...FIELDS, sensitivity: 'special_category' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        caseId,
        kind: 'screenshot',
        description: FIELDS.description,
        source: FIELDS.source,
        capturedAt: '2026-11-20T18:35:00.000Z',
        sensitivity: 'special_category',
        sha256: sha256(png),
        size: png.length,
        mediaType: 'image/png',
        originalFilename: 'post.png',
        redactsEvidenceId: null,
        monitoringAuthorisationId: null,
        recordedByUserId: t.ids.users[DEMO.investigator],
        createdAt: expect.any(String),
        withheld: false,
      });
      expect(readFileSync(storedPath(sha256(png)))).toEqual(png);
      expect(tempFiles()).toEqual([]);
      const custody = (await t.db.query('SELECT action, actor_role, recorded_by_user_id FROM evidence_custody_events WHERE evidence_id = $1', [res.body.id]))
        .rows;
      expect(custody).toEqual([{ action: 'collected', actor_role: 'investigating_manager', recorded_by_user_id: t.ids.users[DEMO.investigator] }]);
      const audit = await events(caseId, 'evidence.added');
      expect(audit).toEqual([
        expect.objectContaining({
          actor_user_id: t.ids.users[DEMO.investigator],
          actor_role: 'investigating_manager',
          entity_id: res.body.id,
          payload: expect.objectContaining({ sha256: sha256(png), size: png.length, mediaType: 'image/png', kind: 'screenshot', originalFilename: 'post.png' }),
        }),
      ]);
      expect(JSON.stringify(audit[0].payload)).not.toContain(png.toString('base64'));
    });

    it('the case view lists the evidence, oldest first', async () => {
      const caseId = await investigationCase();
      const first = await added(caseId, uniquePng(), { contentType: 'image/png' });
      const second = await added(caseId, uniquePdf(), { contentType: 'application/pdf' });
      const view = await (await t.as(DEMO.head)).get(`/cases/${caseId}`);
      expect(view.status).toBe(200);
      expect(view.body.evidence.map((e: { id: string }) => e.id)).toEqual([first.id, second.id]);
      expect(view.body.evidence[1]).toEqual(expect.objectContaining({ mediaType: 'application/pdf', sha256: second.sha256, size: second.size }));
    });

    it('the same content twice: two items, one stored file', async () => {
      const caseId = await investigationCase();
      const png = uniquePng();
      const a = await added(caseId, png, { contentType: 'image/png' });
      const b = await added(caseId, png, { contentType: 'image/png', fields: { ...FIELDS, description: 'The same screenshot, sent by a second parent.' } });
      expect(a.id).not.toBe(b.id);
      expect(a.sha256).toBe(b.sha256);
      expect(filesUnder(t.config.evidenceDir).filter((f) => f.endsWith(a.sha256))).toHaveLength(1);
    });

    it('a redacted copy points to its original of the same case; of another case → 400 naming redactsEvidenceId', async () => {
      const caseId = await investigationCase();
      const other = await investigationCase();
      const original = await added(caseId, uniquePng(), { contentType: 'image/png' });
      const foreign = await added(other, uniquePng(), { contentType: 'image/png' });
      const redacted = await added(caseId, uniquePng(), {
        contentType: 'image/png',
        fields: { ...FIELDS, description: 'Names blacked out.', redactsEvidenceId: original.id },
      });
      expect(redacted).toEqual(expect.objectContaining({ redactsEvidenceId: original.id }));
      const before = await rows(caseId);
      const png = uniquePng();
      const refused = await upload(DEMO.investigator, caseId, png, { contentType: 'image/png', fields: { ...FIELDS, redactsEvidenceId: foreign.id } });
      expectProblem(refused, 400, 'redactsEvidenceId');
      const missing = await upload(DEMO.investigator, caseId, png, {
        contentType: 'image/png',
        fields: { ...FIELDS, redactsEvidenceId: '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0301' },
      });
      expectProblem(missing, 400, 'redactsEvidenceId');
      expect(await rows(caseId)).toEqual(before);
      expect(existsSync(storedPath(sha256(png)))).toBe(false);
      expect(tempFiles()).toEqual([]);
    });

    it('monitoring evidence without an approved authorisation → 409 (§9, §11), nothing stored', async () => {
      const caseId = await investigationCase();
      for (const [fields, code] of [
        [{ ...FIELDS, kind: 'monitoring_extract' }, 'monitoring_authorisation_required'],
        [{ ...FIELDS, monitoringAuthorisationId: '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0301' }, 'monitoring_authorisation_invalid'],
      ] as const) {
        const png = uniquePng();
        const res = await upload(DEMO.investigator, caseId, png, { contentType: 'image/png', fields });
        expectProblem(res, 409);
        expect(res.body.code).toBe(code);
        expect(res.body.detail).toContain('§9, §11');
        expect(existsSync(storedPath(sha256(png)))).toBe(false);
      }
      expect(await rows(caseId)).toEqual([]);
      expect(await events(caseId, 'evidence.added')).toEqual([]);
      expect(tempFiles()).toEqual([]);
    });

    it('only while the investigation is open: a reported or submitted case → 409 investigation_closed', async () => {
      const caseId = await investigationCase();
      for (const status of ['reported', 'awaiting_decision']) {
        await t.db.query('UPDATE cases SET status = $2::case_status WHERE id = $1', [caseId, status]);
        const res = await upload(DEMO.investigator, caseId, uniquePng(), { contentType: 'image/png' });
        expectProblem(res, 409);
        expect(res.body.code).toBe('investigation_closed');
      }
      expect(await rows(caseId)).toEqual([]);
    });

    describe('validation → 400 problem+json naming the field; nothing stored', () => {
      let caseId: string;
      beforeAll(async () => {
        caseId = await investigationCase();
      });
      afterEach(async () => {
        expect(await rows(caseId)).toEqual([]);
        expect(tempFiles()).toEqual([]);
      });

      it('no file part', async () => {
        expectProblem(await upload(DEMO.investigator, caseId, null), 400, 'file');
      });

      it('an empty file', async () => {
        expectProblem(await upload(DEMO.investigator, caseId, Buffer.alloc(0), { contentType: 'text/plain' }), 400, 'file');
      });

      it.each([
        ['kind', { kind: 'rumour' }],
        ['kind', { kind: undefined }],
        ['capturedAt', { capturedAt: 'yesterday' }],
        ['capturedAt', { capturedAt: '2026-02-31T10:00:00Z' }],
        ['capturedAt', { capturedAt: new Date(Date.now() + 24 * 3600 * 1000).toISOString() }],
        ['description', { description: '' }],
        ['source', { source: undefined }],
        ['sensitivity', { sensitivity: 'secret' }],
        ['redactsEvidenceId', { redactsEvidenceId: 'not-a-uuid' }],
      ])('%s: %j', async (field, change) => {
        const fields = Object.fromEntries(Object.entries({ ...FIELDS, ...change }).filter(([, v]) => v !== undefined)) as Fields;
        const png = uniquePng();
        expectProblem(await upload(DEMO.investigator, caseId, png, { contentType: 'image/png', fields }), 400, field);
        expect(existsSync(storedPath(sha256(png)))).toBe(false);
      });

      it('an unknown field is refused, not ignored', async () => {
        const res = await upload(DEMO.investigator, caseId, uniquePng(), { contentType: 'image/png', fields: { ...FIELDS, colour: 'blue' } });
        expectProblem(res, 400, 'colour');
      });

      it('a file part under another name', async () => {
        const res = await t
          .http()
          .post(`/cases/${caseId}/evidence`)
          .set('authorization', `Bearer ${await t.token(DEMO.investigator)}`)
          .field(FIELDS)
          .attach('attachment', uniquePng(), { filename: 'a.png', contentType: 'image/png' });
        expectProblem(res, 400, 'attachment');
      });

      it('two files', async () => {
        const res = await t
          .http()
          .post(`/cases/${caseId}/evidence`)
          .set('authorization', `Bearer ${await t.token(DEMO.investigator)}`)
          .field(FIELDS)
          .attach('file', uniquePng(), { filename: 'a.png', contentType: 'image/png' })
          .attach('file', uniquePng(), { filename: 'b.png', contentType: 'image/png' });
        expectProblem(res, 400, 'file');
      });

      it('a field given twice', async () => {
        const res = await t
          .http()
          .post(`/cases/${caseId}/evidence`)
          .set('authorization', `Bearer ${await t.token(DEMO.investigator)}`)
          .field(FIELDS)
          .field('kind', 'document')
          .attach('file', uniquePng(), { filename: 'a.png', contentType: 'image/png' });
        expectProblem(res, 400, 'kind');
      });

      it('JSON instead of multipart → 415', async () => {
        const res = await (await t.as(DEMO.investigator)).post(`/cases/${caseId}/evidence`, { ...FIELDS });
        expectProblem(res, 415);
      });

      it('a broken multipart body → 400, not 500', async () => {
        const res = await t
          .http()
          .post(`/cases/${caseId}/evidence`)
          .set('authorization', `Bearer ${await t.token(DEMO.investigator)}`)
          .set('content-type', 'multipart/form-data; boundary=XYZ')
          .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nabc');
        expectProblem(res, 400);
      });
    });

    describe('media types: sniffed from the content, checked against the declared type (415)', () => {
      let caseId: string;
      beforeAll(async () => {
        caseId = await investigationCase();
      });

      it('a declared-type lie (PNG bytes declared application/pdf) → 415 naming both types; nothing stored', async () => {
        const png = uniquePng();
        const res = await upload(DEMO.investigator, caseId, png, { filename: 'report.pdf', contentType: 'application/pdf' });
        expectProblem(res, 415);
        expect(res.body.code).toBe('media_type_mismatch');
        expect(res.body.detail).toContain('application/pdf');
        expect(res.body.detail).toContain('image/png');
        expect(existsSync(storedPath(sha256(png)))).toBe(false);
        expect(await rowsWithSha(sha256(png))).toBe(0);
        expect(tempFiles()).toEqual([]);
      });

      it.each([
        ['an executable', ELF, 'application/octet-stream'],
        ['an executable declared as an image', ELF, 'image/png'],
        ['random bytes', Buffer.concat([Buffer.from([0xff, 0xfe, 0xfd]), randomBytes(2048)]), 'application/octet-stream'],
        ['HTML declared as HTML (not on the allow-list)', Buffer.from('<!doctype html><script>alert(1)</script>'), 'text/html'],
        ['text with a binary tail after the first 64 KiB', Buffer.concat([Buffer.from('a'.repeat(70 * 1024)), Buffer.from([0, 0xff, 0x00])]), 'text/plain'],
      ])('%s → 415', async (_label, content, contentType) => {
        const res = await upload(DEMO.investigator, caseId, content, { filename: 'x.bin', contentType });
        expectProblem(res, 415);
        expect(existsSync(storedPath(sha256(content)))).toBe(false);
        expect(tempFiles()).toEqual([]);
      });

      it('undeclared (application/octet-stream): the sniffed type is stored', async () => {
        expect(await added(caseId, uniquePdf(), { contentType: 'application/octet-stream' })).toEqual(
          expect.objectContaining({ mediaType: 'application/pdf' }),
        );
      });

      it('aliases and parameters are normalised; text may be declared text/csv; an .eml is message/rfc822', async () => {
        const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF'), randomBytes(64)]);
        expect(await added(caseId, jpeg, { contentType: 'image/jpg' })).toEqual(expect.objectContaining({ mediaType: 'image/jpeg' }));
        const csv = Buffer.from(`date,post\n2026-11-20,"café ✓ ${randomBytes(4).toString('hex')}"\n`);
        expect(await added(caseId, csv, { filename: 'posts.csv', contentType: 'text/csv' })).toEqual(expect.objectContaining({ mediaType: 'text/csv' }));
        const eml = Buffer.from(
          `From: A Parent <parent@example.com>\r\nTo: deputy@demo.school\r\nSubject: The post ${randomBytes(4).toString('hex')}\r\n\r\nSee attached.\r\n`,
        );
        expect(await added(caseId, eml, { filename: 'complaint.eml', contentType: 'message/rfc822' })).toEqual(
          expect.objectContaining({ mediaType: 'message/rfc822' }),
        );
      });
    });
  });

  describe('GET …/content: the exact bytes back', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = await investigationCase();
    });

    it.each([
      ['a PNG', () => uniquePng(), 'image/png', 'post.png'],
      ['a PDF', () => uniquePdf(), 'application/pdf', 'letter.pdf'],
    ])('%s round-trips byte for byte, with safe download headers', async (_label, make, contentType, filename) => {
      const bytes = make();
      const item = await added(caseId, bytes, { filename, contentType });
      const res = await download(DEMO.investigator, caseId, item.id);
      expect(res.status).toBe(200);
      expect(Buffer.compare(res.body, bytes)).toBe(0);
      expect(sha256(res.body)).toBe(item.sha256);
      expect(res.headers['content-type']).toBe(contentType);
      expect(res.headers['content-length']).toBe(String(bytes.length));
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${filename}"; filename*=UTF-8''${filename}`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('a 20 MiB file round-trips exactly', async () => {
      const big = Buffer.concat([
        Buffer.from('%PDF-1.7\n%'),
        Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
        randomBytes(20 * MiB - 22),
        Buffer.from('\n%%EOF\n'),
      ]);
      expect(big.length).toBe(20 * MiB);
      const item = await added(caseId, big, { filename: 'export.pdf', contentType: 'application/pdf' });
      expect(item).toEqual(expect.objectContaining({ size: 20 * MiB, sha256: sha256(big), mediaType: 'application/pdf' }));
      const res = await download(DEMO.head, caseId, item.id);
      expect(res.status).toBe(200);
      expect(res.body.length).toBe(20 * MiB);
      expect(sha256(res.body)).toBe(sha256(big));
    }, 120_000);

    it('file names are served safely: path, "..", CR/LF, quotes and long Unicode never reach the header raw', async () => {
      const longName = `${'Capture d’écran du groupe «Parents» '.repeat(6)}.png`;
      const item = await added(caseId, uniquePng(), { filename: longName, contentType: 'image/png' });
      expect((await t.db.query('SELECT original_filename FROM evidence WHERE id = $1', [item.id])).rows[0].original_filename).toBe(longName);
      let res = await download(DEMO.investigator, caseId, item.id);
      expect(res.status).toBe(200);
      const disposition = res.headers['content-disposition'] as string;
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.png"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+\.png$/);
      const encoded = decodeURIComponent(disposition.split("filename*=UTF-8''")[1]);
      expect(encoded.startsWith('Capture d’écran du groupe «Parents»')).toBe(true);
      expect([...encoded].length).toBeLessThanOrEqual(120);

      // Whatever is stored (a client could name a file anything): it is cleaned on the way out.
      await t.db.query('UPDATE evidence SET original_filename = $2 WHERE id = $1', [item.id, '../../etc/"pass"\r\nSet-Cookie: a=b\r\n\r\nwd.png']);
      res = await download(DEMO.investigator, caseId, item.id);
      expect(res.status).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['content-disposition']).toBe(`attachment; filename="pass Set-Cookie a=b wd.png"; filename*=UTF-8''pass%20Set-Cookie%20a%3Db%20wd.png`);
    });

    it('a download is recorded in custody and the audit log', async () => {
      const item = await added(caseId, uniquePng(), { contentType: 'image/png' });
      await download(DEMO.deputy, caseId, item.id);
      const custody = (
        await t.db.query(`SELECT action, recorded_by_user_id, actor_role FROM evidence_custody_events WHERE evidence_id = $1 ORDER BY created_at`, [item.id])
      ).rows;
      expect(custody).toEqual([
        expect.objectContaining({ action: 'collected' }),
        { action: 'downloaded', recorded_by_user_id: t.ids.users[DEMO.deputy], actor_role: 'deputy_head' },
      ]);
      expect((await events(caseId, 'evidence.downloaded')).filter((e) => e.entity_id === item.id)).toEqual([
        expect.objectContaining({
          actor_user_id: t.ids.users[DEMO.deputy],
          actor_role: 'deputy_head',
          payload: expect.objectContaining({ sha256: item.sha256 }),
        }),
      ]);
    });

    it('tampered content on disk → 409 evidence_integrity_failure, recorded in custody and audit (an alarm, not a silent 200)', async () => {
      const bytes = uniquePng();
      const item = await added(caseId, bytes, { contentType: 'image/png' });
      const tampered = Buffer.from(bytes);
      tampered[tampered.length - 1] ^= 0xff;
      writeFileSync(storedPath(item.sha256), tampered);
      const res = await (await t.as(DEMO.head)).get(`/cases/${caseId}/evidence/${item.id}/content`);
      expectProblem(res, 409);
      expect(res.body.code).toBe('evidence_integrity_failure');
      const alarm = (await events(caseId, 'evidence.integrity_failed')).filter((e) => e.entity_id === item.id);
      expect(alarm).toEqual([
        expect.objectContaining({
          actor_user_id: t.ids.users[DEMO.head],
          actor_role: 'headteacher',
          reason: 'integrity_failure',
          payload: expect.objectContaining({ problem: expect.stringContaining('SHA-256') }),
        }),
      ]);
      expect((await events(caseId, 'evidence.downloaded')).filter((e) => e.entity_id === item.id)).toEqual([]);
      const custody = (await t.db.query(`SELECT action FROM evidence_custody_events WHERE evidence_id = $1 ORDER BY created_at`, [item.id])).rows.map(
        (r) => r.action,
      );
      expect(custody).toEqual(['collected', 'integrity_failed']);
    });

    it('a missing file, or one of another length → 409 evidence_integrity_failure', async () => {
      const missing = await added(caseId, uniquePng(), { contentType: 'image/png' });
      rmSync(storedPath(missing.sha256));
      const res = await (await t.as(DEMO.investigator)).get(`/cases/${caseId}/evidence/${missing.id}/content`);
      expectProblem(res, 409);
      expect(res.body.code).toBe('evidence_integrity_failure');
      const truncated = await added(caseId, uniquePdf(), { contentType: 'application/pdf' });
      writeFileSync(storedPath(truncated.sha256), readFileSync(storedPath(truncated.sha256)).subarray(0, 10));
      const res2 = await (await t.as(DEMO.investigator)).get(`/cases/${caseId}/evidence/${truncated.id}/content`);
      expectProblem(res2, 409);
      expect(res2.body.code).toBe('evidence_integrity_failure');
      expect((await events(caseId, 'evidence.integrity_failed')).filter((e) => [missing.id, truncated.id].includes(e.entity_id))).toHaveLength(2);
    });
  });

  describe('the chain of custody: GET …/:evidenceId and hand-overs', () => {
    it('lists collected, viewed, downloaded, handed_over in order, each with who, in which role, and when', async () => {
      const caseId = await investigationCase();
      const item = await added(caseId, uniquePng(), { contentType: 'image/png' });
      const investigator = await t.as(DEMO.investigator);

      const viewed = await (await t.as(DEMO.head)).get(`/cases/${caseId}/evidence/${item.id}`);
      expect(viewed.status).toBe(200);
      expect(viewed.body).toEqual(expect.objectContaining({ id: item.id, caseId, sha256: item.sha256, mediaType: 'image/png' }));
      expect(viewed.body.custody.map((c: { action: string }) => c.action)).toEqual(['collected', 'viewed']);
      expect((await download(DEMO.investigator, caseId, item.id)).status).toBe(200);

      const handover = await investigator.post(`/cases/${caseId}/evidence/${item.id}/handovers`, {
        to: 'HR Services, Peterborough City Council',
        handedOverAt: HANDED_OVER_AT,
        note: 'Sealed copy on an encrypted USB stick.',
      });
      expect(handover.status).toBe(201);
      expect(handover.body.id).toBe(item.id);
      expect(handover.body.custody).toEqual([
        {
          action: 'collected',
          at: expect.any(String),
          userId: t.ids.users[DEMO.investigator],
          role: 'investigating_manager',
          note: null,
          to: null,
          handedOverAt: null,
        },
        { action: 'viewed', at: expect.any(String), userId: t.ids.users[DEMO.head], role: 'headteacher', note: null, to: null, handedOverAt: null },
        {
          action: 'downloaded',
          at: expect.any(String),
          userId: t.ids.users[DEMO.investigator],
          role: 'investigating_manager',
          note: null,
          to: null,
          handedOverAt: null,
        },
        {
          action: 'handed_over',
          at: expect.any(String),
          userId: t.ids.users[DEMO.investigator],
          role: 'investigating_manager',
          note: 'Sealed copy on an encrypted USB stick.',
          to: 'HR Services, Peterborough City Council',
          handedOverAt: HANDED_OVER_AT,
        },
      ]);
      const times = handover.body.custody.map((c: { at: string }) => Date.parse(c.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(await events(caseId, 'evidence.handed_over')).toEqual([
        expect.objectContaining({
          actor_user_id: t.ids.users[DEMO.investigator],
          entity_id: item.id,
          payload: expect.objectContaining({ to: 'HR Services, Peterborough City Council' }),
        }),
      ]);
      expect(await events(caseId, 'evidence.viewed')).toEqual([
        expect.objectContaining({ actor_user_id: t.ids.users[DEMO.head], actor_role: 'headteacher', entity_id: item.id }),
      ]);

      const again = await (await t.as(DEMO.hr)).get(`/cases/${caseId}/evidence/${item.id}`);
      expect(again.body.custody.map((c: { action: string }) => c.action)).toEqual(['collected', 'viewed', 'downloaded', 'handed_over', 'viewed']);
    });

    it('hand-over validation: to and handedOverAt required, not in the future, no unknown fields', async () => {
      const caseId = await investigationCase();
      const item = await added(caseId, uniquePng(), { contentType: 'image/png' });
      const investigator = await t.as(DEMO.investigator);
      const path = `/cases/${caseId}/evidence/${item.id}/handovers`;
      expectProblem(await investigator.post(path, { handedOverAt: HANDED_OVER_AT }), 400, 'to');
      expectProblem(await investigator.post(path, { to: 'LADO', handedOverAt: 'soon' }), 400, 'handedOverAt');
      expectProblem(await investigator.post(path, { to: 'LADO', handedOverAt: new Date(Date.now() + 86_400_000).toISOString() }), 400, 'handedOverAt');
      expectProblem(await investigator.post(path, { to: 'LADO', handedOverAt: HANDED_OVER_AT, by: 'courier' }), 400, 'by');
      expect(await events(caseId, 'evidence.handed_over')).toEqual([]);
    });
  });

  describe('access: every route goes through the one case-access check', () => {
    let caseId: string;
    let otherCaseId: string;
    let itemId: string;
    let subjectCaseId: string;
    let subjectItemId: string;
    let submittedCaseId: string;
    beforeAll(async () => {
      caseId = await investigationCase();
      otherCaseId = await investigationCase();
      itemId = (await added(caseId, uniquePng(), { contentType: 'image/png' })).id;
      // hr@ is the subject of this one: a subject never sees their own case.
      subjectCaseId = await investigationCase({ subjectStaffIds: [t.ids.staff[DEMO.hr]] });
      subjectItemId = (await added(subjectCaseId, uniquePng(), { contentType: 'image/png' })).id;
      submittedCaseId = (await buildCase(t, { to: 'awaiting_decision' })).caseId;
    });

    const HANDOVER = { to: 'LADO', handedOverAt: HANDED_OVER_AT };
    const attempts = (email: string, c: string, e: string) =>
      [
        ['POST evidence', () => upload(email, c, uniquePng(), { contentType: 'image/png' })],
        ['GET evidence', async () => (await t.as(email)).get(`/cases/${c}/evidence/${e}`)],
        ['GET content', async () => (await t.as(email)).get(`/cases/${c}/evidence/${e}/content`)],
        ['POST handovers', async () => (await t.as(email)).post(`/cases/${c}/evidence/${e}/handovers`, HANDOVER)],
      ] as const;

    async function expectEveryRoute(email: string, c: string, e: string, status: number) {
      for (const [route, attempt] of attempts(email, c, e)) {
        const res = await attempt();
        expect({ route, status: res.status }).toEqual({ route, status });
        expectProblem(res, status);
      }
    }

    it('the unassigned investigator: 404 on every route, and nothing is recorded', async () => {
      const before = (await t.db.query('SELECT count(*) FROM evidence_custody_events WHERE case_id = $1', [caseId])).rows[0].count;
      await expectEveryRoute(DEMO.investigator2, caseId, itemId, 404);
      expect((await t.db.query('SELECT count(*) FROM evidence_custody_events WHERE case_id = $1', [caseId])).rows[0].count).toBe(before);
      expect(await rows(caseId)).toHaveLength(1);
    });

    it('an investigator of another organisation: 404 on every route', async () => {
      await expectEveryRoute(northInvestigator, caseId, itemId, 404);
    });

    it("another organisation's headteacher: 404 on the reads, 403 on the writes (the role may not write evidence anywhere)", async () => {
      const [post, get, content, handover] = attempts(DEMO.northHead, caseId, itemId);
      expectProblem(await get[1](), 404);
      expectProblem(await content[1](), 404);
      expectProblem(await post[1](), 403);
      expectProblem(await handover[1](), 403);
    });

    it('a subject never sees the evidence of their own case: 404', async () => {
      const reads = attempts(DEMO.hr, subjectCaseId, subjectItemId).slice(1, 3);
      for (const [route, attempt] of reads) {
        const res = await attempt();
        expect({ route, status: res.status }).toEqual({ route, status: 404 });
      }
      // the same hr user reads the evidence of a case where they are not the subject
      expect((await (await t.as(DEMO.hr)).get(`/cases/${caseId}/evidence/${itemId}`)).status).toBe(200);
    });

    it('roles that may read but not write evidence: 403 on upload and hand-over (hr, deputy head, headteacher)', async () => {
      for (const email of [DEMO.hr, DEMO.deputy, DEMO.head]) {
        const [post, , , handover] = attempts(email, caseId, itemId);
        const uploadRes = await post[1]();
        expect({ email, status: uploadRes.status }).toEqual({ email, status: 403 });
        expect({ email, status: (await handover[1]()).status }).toEqual({ email, status: 403 });
      }
      expect(await rows(caseId)).toHaveLength(1);
    });

    it('admin never reads casework: 403', async () => {
      expectProblem(await (await t.as(DEMO.admin)).get(`/cases/${caseId}/evidence/${itemId}`), 403);
    });

    it('special-category evidence is read only by the investigator and the decision-maker: hr and the deputy head see that it exists — never its description in the case view or the item, never its content (403 evidence_withheld, not a download) (issue 9 finding 9, §13)', async () => {
      const png = uniquePng();
      const secret = `Health details ${randomBytes(6).toString('hex')}`;
      const special = await added(caseId, png, { contentType: 'image/png', fields: { ...FIELDS, description: secret, sensitivity: 'special_category' } });
      const downloads = async () =>
        Number((await t.db.query(`SELECT count(*) FROM evidence_custody_events WHERE evidence_id = $1 AND action = 'downloaded'`, [special.id])).rows[0].count);
      for (const email of [DEMO.hr, DEMO.deputy]) {
        const client = await t.as(email);
        const view = await client.get(`/cases/${caseId}`);
        expect({ email, status: view.status }).toEqual({ email, status: 200 });
        expect(JSON.stringify(view.body)).not.toContain(secret);
        const item = await client.get(`/cases/${caseId}/evidence/${special.id}`);
        expect({ email, status: item.status }).toEqual({ email, status: 200 });
        expect(item.body).toEqual(
          expect.objectContaining({ id: special.id, sensitivity: 'special_category', description: null, mediaType: null, withheld: true }),
        );
        const content = await download(email, caseId, special.id);
        expect({ email, status: content.status, code: JSON.parse(content.body.toString()).code }).toEqual({ email, status: 403, code: 'evidence_withheld' });
        expect(content.body.includes(png)).toBe(false);
      }
      expect(await downloads()).toBe(0);
      // the assigned investigator and the headteacher deciding the case read it
      for (const email of [DEMO.investigator, DEMO.head]) {
        const item = await (await t.as(email)).get(`/cases/${caseId}/evidence/${special.id}`);
        expect({ email, description: item.body.description, withheld: item.body.withheld }).toEqual({ email, description: secret, withheld: false });
        const content = await download(email, caseId, special.id);
        expect({ email, status: content.status }).toEqual({ email, status: 200 });
        expect(Buffer.compare(content.body, png)).toBe(0);
      }
      expect(await downloads()).toBe(2);
    });

    it('an evidence id that is not of this case, or does not exist: 404; not a UUID: 400', async () => {
      const investigator = await t.as(DEMO.investigator);
      for (const [c, e] of [
        [otherCaseId, itemId],
        [caseId, '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0301'],
      ]) {
        expectProblem(await investigator.get(`/cases/${c}/evidence/${e}`), 404);
        expectProblem(await investigator.get(`/cases/${c}/evidence/${e}/content`), 404);
        expectProblem(await investigator.post(`/cases/${c}/evidence/${e}/handovers`, HANDOVER), 404);
      }
      expectProblem(await investigator.get(`/cases/${caseId}/evidence/not-a-uuid`), 400, 'evidenceId');
      expectProblem(await investigator.get(`/cases/not-a-uuid/evidence/${itemId}`), 400, 'id');
    });

    it('refusals come before the body is read: answered while the upload is still arriving', async () => {
      const server = t.app.getHttpServer() as Server;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        for (const [email, target, status] of [
          [DEMO.investigator2, caseId, 404],
          [DEMO.hr, caseId, 403],
          [DEMO.investigator, submittedCaseId, 409],
        ] as const) {
          const token = await t.token(email);
          const answered = await new Promise<number>((resolve, reject) => {
            const req = httpRequest({
              host: '127.0.0.1',
              port,
              method: 'POST',
              path: `/cases/${target}/evidence`,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=XYZ', 'content-length': String(50 * MiB) },
            });
            const timer = setTimeout(() => reject(new Error('no answer before the body was sent')), 10_000);
            req.on('response', (res) => {
              clearTimeout(timer);
              res.resume();
              resolve(res.statusCode!);
              req.destroy();
            });
            req.on('error', () => undefined);
            // Only the first bytes of a 50 MiB body are ever sent.
            req.write('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n');
            req.write(PNG);
          });
          expect({ email, answered }).toEqual({ email, answered: status });
        }
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      expect(tempFiles()).toEqual([]);
    });
  });

  describe('a failure between writing the file and committing leaves neither file nor row', () => {
    const inject = async (table: string) => {
      await t.db.query(
        `CREATE OR REPLACE FUNCTION evidence_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`,
      );
      await t.db.query(`CREATE TRIGGER evidence_test_fail BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION evidence_test_fail()`);
    };
    const heal = async (table: string) => {
      await t.db.query(`DROP TRIGGER IF EXISTS evidence_test_fail ON ${table}`);
      await t.db.query(`DROP FUNCTION IF EXISTS evidence_test_fail()`);
    };

    it.each(['evidence_custody_events', 'audit_events'])('failing insert into %s: 500, no row, no file, no audit event', async (table) => {
      const caseId = await investigationCase();
      const png = uniquePng();
      await inject(table);
      let res: Response;
      try {
        res = await upload(DEMO.investigator, caseId, png, { contentType: 'image/png', faultInjected: true });
      } finally {
        await heal(table);
      }
      expectProblem(res, 500);
      expect(await rowsWithSha(sha256(png))).toBe(0);
      expect(existsSync(storedPath(sha256(png)))).toBe(false);
      expect(tempFiles()).toEqual([]);
      expect(await events(caseId, 'evidence.added')).toEqual([]);
      // and the same upload works once the fault is gone
      expect((await added(caseId, png, { contentType: 'image/png' })).sha256).toBe(sha256(png));
      expect(readFileSync(storedPath(sha256(png)))).toEqual(png);
    });

    it('content already stored for another item stays when a second upload of it fails', async () => {
      const caseId = await investigationCase();
      const png = uniquePng();
      const first = await added(caseId, png, { contentType: 'image/png' });
      await inject('evidence_custody_events');
      try {
        expectProblem(await upload(DEMO.investigator, caseId, png, { contentType: 'image/png', faultInjected: true }), 500);
      } finally {
        await heal('evidence_custody_events');
      }
      expect(await rowsWithSha(sha256(png))).toBe(1);
      expect(readFileSync(storedPath(sha256(png)))).toEqual(png);
      expect((await download(DEMO.investigator, caseId, first.id)).status).toBe(200);
    });
  });

  describe('evidence is never changed', () => {
    it('no update or delete routes', async () => {
      const caseId = await investigationCase();
      const item = await added(caseId, uniquePng(), { contentType: 'image/png' });
      const investigator = await t.as(DEMO.investigator);
      expect((await investigator.patch(`/cases/${caseId}/evidence/${item.id}`, { description: 'changed' })).status).toBe(404);
      expect((await investigator.delete(`/cases/${caseId}/evidence/${item.id}`)).status).toBe(404);
      expect(
        (
          await t
            .http()
            .put(`/cases/${caseId}/evidence/${item.id}/content`)
            .set('authorization', `Bearer ${await t.token(DEMO.investigator)}`)
            .send('x')
        ).status,
      ).toBe(404);
    });
  });

  it('the audit chain verifies after all of the above', async () => {
    const res = await (await t.as(DEMO.head)).get('/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ valid: true, firstBrokenAt: null }));
    expect(res.body.events).toBeGreaterThan(50);
  });
});

describe('evidence: the size limit (EVIDENCE_MAX_BYTES)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ EVIDENCE_MAX_BYTES: String(MiB) });
  });
  afterAll(() => t.close());

  it('over the limit → 413; no file left on disk and no row', async () => {
    const { caseId } = await buildCase(t, { to: 'assigned' });
    const token = await t.token(DEMO.investigator);
    const send = (bytes: Buffer) =>
      t
        .http()
        .post(`/cases/${caseId}/evidence`)
        .set('authorization', `Bearer ${token}`)
        .field(FIELDS)
        .attach('file', bytes, { filename: 'big.pdf', contentType: 'application/pdf' });
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2 * MiB)]);
    const res = await send(big);
    expectProblem(res, 413);
    expect(filesUnder(t.config.evidenceDir)).toEqual([]);
    expect((await t.db.query('SELECT count(*) FROM evidence')).rows[0].count).toBe('0');
    expect((await t.db.query(`SELECT count(*) FROM audit_events WHERE action = 'evidence.added'`)).rows[0].count).toBe('0');

    // exactly at the limit is accepted
    const atLimit = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(MiB - 9)]);
    const ok = await send(atLimit);
    expect(ok.status).toBe(201);
    expect(ok.body.size).toBe(MiB);
  });
});
