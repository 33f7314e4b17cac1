import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/config';
import { EvidenceStore } from './evidence-store';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('EvidenceStore: content-addressed, never altered (domain.md "Evidence")', () => {
  let dir: string;
  let store: EvidenceStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'smp-store-'));
    store = new EvidenceStore({ evidenceDir: dir } as AppConfig);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function temp(bytes: Buffer): Promise<string> {
    const path = await store.tempPath();
    writeFileSync(path, bytes);
    return path;
  }

  it('stores under <dir>/<sha[0:2]>/<sha>; temp files live in <dir>/tmp', async () => {
    const bytes = Buffer.from('evidence bytes');
    const path = await temp(bytes);
    expect(path.startsWith(join(dir, 'tmp'))).toBe(true);
    expect(await store.place(path, sha(bytes))).toEqual({ created: true });
    expect(store.pathOf(sha(bytes))).toBe(join(dir, sha(bytes).slice(0, 2), sha(bytes)));
    expect(readFileSync(store.pathOf(sha(bytes)))).toEqual(bytes);
    expect(existsSync(path)).toBe(false);
  });

  it('content already stored: the temp file is dropped and the stored file left as it is', async () => {
    const bytes = Buffer.from('same content');
    await store.place(await temp(bytes), sha(bytes));
    const second = await temp(bytes);
    expect(await store.place(second, sha(bytes))).toEqual({ created: false });
    expect(existsSync(second)).toBe(false);
    expect(readFileSync(store.pathOf(sha(bytes)))).toEqual(bytes);
  });

  it('refuses a path for anything but a SHA-256 (no traversal through the address)', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow('not a SHA-256');
    expect(() => store.pathOf('A'.repeat(64))).toThrow('not a SHA-256');
  });

  describe('openVerified', () => {
    it('ok: the handle reads the verified content', async () => {
      const bytes = Buffer.from('verified content');
      await store.place(await temp(bytes), sha(bytes));
      const verified = await store.openVerified(sha(bytes), bytes.length);
      expect(verified.ok).toBe(true);
      if (verified.ok) {
        expect((await verified.handle.readFile()).equals(bytes)).toBe(true);
        await verified.handle.close();
      }
    });

    it('a changed byte, a changed length, a missing file: not ok, with the reason', async () => {
      const bytes = Buffer.from('original content');
      await store.place(await temp(bytes), sha(bytes));
      writeFileSync(store.pathOf(sha(bytes)), Buffer.from('0riginal content'));
      expect(await store.openVerified(sha(bytes), bytes.length)).toEqual({ ok: false, reason: expect.stringContaining('SHA-256') });
      writeFileSync(store.pathOf(sha(bytes)), Buffer.from('original'));
      expect(await store.openVerified(sha(bytes), bytes.length)).toEqual({ ok: false, reason: expect.stringContaining('bytes') });
      await store.remove(sha(bytes));
      expect(await store.openVerified(sha(bytes), bytes.length)).toEqual({ ok: false, reason: 'the stored file is missing' });
    });
  });

  it('cleanStaleTemp removes temp files older than an hour, and only those', async () => {
    expect(await store.cleanStaleTemp()).toBe(0); // no tmp directory yet
    const old = await temp(Buffer.from('left by a crash'));
    const fresh = await temp(Buffer.from('an upload in progress'));
    const twoHoursAgo = (Date.now() - 2 * 3600 * 1000) / 1000;
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    mkdirSync(join(dir, 'ab'), { recursive: true });
    writeFileSync(join(dir, 'ab', 'stored'), 'stored content is not touched');
    utimesSync(join(dir, 'ab', 'stored'), twoHoursAgo, twoHoursAgo);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    expect(await store.cleanStaleTemp()).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('removed 1 stale evidence upload'));
    warn.mockRestore();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(join(dir, 'ab', 'stored'))).toBe(true);
  });
});
