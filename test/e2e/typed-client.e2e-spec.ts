import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as openapiFetch from 'openapi-fetch';
import ts from 'typescript';
import { buildCase } from '../support/case-builder';
import { DEMO, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 10, "Done when": a typed client generated from /docs-json with openapi-typescript (as
 * the web application will use it) compiles a small program — with openapi-fetch — that creates
 * an allegation, reads its Location, and handles a 409 problem by its typed `code`; the same
 * program then runs against the live app.
 */

const ROOT = resolve(__dirname, '../..');

/** The client program, as a web application would write it. */
const PROGRAM = `
import createClient from 'openapi-fetch';
import type { components, paths } from './api';

type Conflict = components['schemas']['ConflictProblem'];

export type Outcome =
  | { kind: 'created'; allegationId: string; location: string; summary: string }
  | { kind: 'refused'; code: Conflict['code']; detail: string };

export async function addAllegation(baseUrl: string, token: string, caseId: string): Promise<Outcome> {
  const client = createClient<paths>({ baseUrl, headers: { authorization: \`Bearer \${token}\` } });
  const { data, error, response } = await client.POST('/cases/{id}/allegations', {
    params: { path: { id: caseId } },
    body: { policyStandard: '7.5', summary: 'Named a colleague in a public post' },
  });
  if (error) {
    if (error.status === 409) {
      switch (error.code) {
        case 'investigation_closed':
        case 'invalid_transition':
        case 'erased':
          return { kind: 'refused', code: error.code, detail: error.detail };
        default:
          return { kind: 'refused', code: error.code, detail: error.detail };
      }
    }
    throw new Error(\`\${error.status} \${error.code}: \${error.detail}\`);
  }
  const location = response.headers.get('Location');
  if (location === null) throw new Error('no Location');
  const allegationId: string = data.createdId;
  const [, , , , id] = location.split('/');
  const read = await client.GET('/cases/{id}/allegations/{allegationId}', { params: { path: { id: caseId, allegationId: id } } });
  if (read.error) throw new Error(\`\${read.error.status} \${read.error.code}\`);
  return { kind: 'created', allegationId, location, summary: read.data.summary };
}
`;

/** A mistake the generated types must catch: a 409 code the API never answers. */
const WRONG_CODE = `
import createClient from 'openapi-fetch';
import type { paths } from './api';
export async function wrong(caseId: string): Promise<boolean> {
  const { error } = await createClient<paths>({ baseUrl: '/' }).POST('/cases/{id}/allegations', { params: { path: { id: caseId } }, body: { summary: 'x' } });
  return error?.status === 409 && error.code === 'no_such_code';
}
`;

function compile(dir: string, file: string): string[] {
  const program = ts.createProgram([join(dir, file)], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    paths: { 'openapi-fetch': [join(ROOT, 'node_modules/openapi-fetch/dist/index.d.mts')] },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? `${d.file.fileName.replace(dir, '.')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

describe('a typed client generated from /docs-json (issue 10, Done when)', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'smp-typed-client-'));
    const doc = (await t.http().get('/docs-json')).body;
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
    // its CLI, as the web application runs it (npx openapi-typescript /docs-json -o …)
    execFileSync(process.execPath, [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), join(dir, 'openapi.json'), '-o', join(dir, 'api.d.ts')], {
      stdio: 'pipe',
    });
    writeFileSync(join(dir, 'client.ts'), PROGRAM);
    writeFileSync(join(dir, 'wrong.ts'), WRONG_CODE);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('compiles the program: creating an allegation, reading its Location, handling a 409 by its typed code', () => {
    expect(compile(dir, 'client.ts')).toEqual([]);
  });

  it('refuses a 409 code the API never answers (the codes are typed, not strings)', () => {
    expect(compile(dir, 'wrong.ts').join('\n')).toMatch(/no_such_code/);
  });

  it('runs against the live app: the allegation is created and found at its Location; a closed investigation is a 409 investigation_closed', async () => {
    const js = ts.transpileModule(PROGRAM, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    const module = { exports: {} as { addAllegation: (baseUrl: string, token: string, caseId: string) => Promise<Record<string, string>> } };
    const load = (name: string) => {
      if (name === 'openapi-fetch') return openapiFetch;
      throw new Error(`the client program imports only openapi-fetch, not ${name}`);
    };
    new Function('require', 'module', 'exports', js)(load, module, module.exports);
    await t.app.listen(0, '127.0.0.1');
    const baseUrl = await t.app.getUrl();
    const token = await t.token(DEMO.investigator);

    const open = await buildCase(t, { to: 'assigned' });
    const created = await module.exports.addAllegation(baseUrl, token, open.caseId);
    expect(created).toEqual({
      kind: 'created',
      allegationId: expect.any(String),
      location: `/cases/${open.caseId}/allegations/${created.allegationId}`,
      summary: 'Named a colleague in a public post',
    });

    const submitted = await buildCase(t, { to: 'awaiting_decision' });
    expect(await module.exports.addAllegation(baseUrl, token, submitted.caseId)).toEqual({
      kind: 'refused',
      code: 'investigation_closed',
      detail: expect.any(String),
    });
  });
});
