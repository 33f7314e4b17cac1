import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { access, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

const SHA256 = /^[0-9a-f]{64}$/;

export type Verified = { ok: true; handle: FileHandle } | { ok: false; reason: string };

/**
 * Evidence content on disk (domain.md "Evidence": content is never altered), stored once
 * per content under `<evidenceDir>/<sha[0:2]>/<sha>`. Uploads are written to
 * `<evidenceDir>/tmp` first and renamed into place, so a stored file is always complete.
 */
@Injectable()
export class EvidenceStore {
  private readonly logger = new Logger('EvidenceStore');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get tempDir(): string {
    return join(this.config.evidenceDir, 'tmp');
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.config.evidenceDir, sha256.slice(0, 2), sha256);
  }

  /** A fresh, unused path under the temp directory. */
  async tempPath(): Promise<string> {
    await mkdir(this.tempDir, { recursive: true, mode: 0o700 });
    return join(this.tempDir, `${randomUUID()}.part`);
  }

  /** Flushes a written file to disk before it is trusted. */
  async sync(path: string): Promise<void> {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async discard(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  /**
   * Moves a complete temp file into its content address. When that content is already
   * stored the temp file is dropped. `created` says whether this call made the file.
   * Callers hold the content's advisory lock, so two uploads of one content cannot race.
   */
  async place(tempPath: string, sha256: string): Promise<{ created: boolean }> {
    const target = this.pathOf(sha256);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    if (await exists(target)) {
      await this.discard(tempPath);
      return { created: false };
    }
    await rename(tempPath, target);
    await syncDir(dirname(target));
    return { created: true };
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /**
   * Opens the stored content and checks it is exactly what was recorded (size and SHA-256),
   * reading it once. On success the open handle is returned, to stream the same file.
   */
  async openVerified(sha256: string, size: number): Promise<Verified> {
    let handle: FileHandle;
    try {
      handle = await open(this.pathOf(sha256), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'the stored file is missing' };
      throw error;
    }
    try {
      const actualSize = (await handle.stat()).size;
      if (actualSize !== size) return fail(handle, `the stored file has ${actualSize} bytes, ${size} were recorded`);
      const actual = await hashOf(handle);
      if (actual !== sha256) return fail(handle, `the stored file's SHA-256 is ${actual}, ${sha256} was recorded`);
      return { ok: true, handle };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Removes temp files left by a crash (older than `maxAgeMs`). */
  async cleanStaleTemp(maxAgeMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.tempDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(this.tempDir, name);
      try {
        if (now - (await stat(path)).mtimeMs > maxAgeMs) {
          await rm(path, { force: true });
          removed++;
        }
      } catch (error) {
        this.logger.warn(`could not clean ${path}: ${(error as Error).message}`);
      }
    }
    if (removed) this.logger.warn(`removed ${removed} stale evidence upload(s) from ${this.tempDir}`);
    return removed;
  }
}

async function fail(handle: FileHandle, reason: string): Promise<Verified> {
  await handle.close();
  return { ok: false, reason };
}

async function hashOf(handle: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(256 * 1024);
  for (let position = 0; ;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash.digest('hex');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Makes a rename durable (best effort: not every file system lets a directory be synced). */
async function syncDir(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* ignore */
  }
}
