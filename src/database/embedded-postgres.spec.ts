import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recoverStalePidFile } from './embedded-postgres';

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid ?? 999999;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** What PostgreSQL writes: the pid on the first line, then the data directory, start time, port... */
const pidFileText = (pid: number, clusterDir: string) => `${pid}\n${clusterDir}\n1767261600\n5432\n\n127.0.0.1\n`;

describe('recoverStalePidFile (a previous run died without stopping its cluster)', () => {
  let clusterDir: string;

  beforeEach(() => {
    clusterDir = mkdtempSync(join(tmpdir(), 'smp-pg-'));
  });
  afterEach(() => {
    rmSync(clusterDir, { recursive: true, force: true });
  });

  it.each([
    ['a pid whose process has exited', () => deadPid()],
    ['pid 999999', () => 999999],
  ])('removes a postmaster.pid naming %s', async (_label, pid) => {
    const pidFile = join(clusterDir, 'postmaster.pid');
    writeFileSync(pidFile, pidFileText(pid(), clusterDir));
    const log = jest.fn();
    await recoverStalePidFile(clusterDir, log);
    expect(existsSync(pidFile)).toBe(false);
    expect(log).toHaveBeenCalledWith(`removing stale ${pidFile}`);
  });

  it('removes a postmaster.pid that does not start with a pid', async () => {
    const pidFile = join(clusterDir, 'postmaster.pid');
    writeFileSync(pidFile, 'garbage\n');
    await recoverStalePidFile(clusterDir);
    expect(existsSync(pidFile)).toBe(false);
  });

  it('does nothing when there is no pid file', async () => {
    writeFileSync(join(clusterDir, 'PG_VERSION'), '18\n');
    const log = jest.fn();
    await recoverStalePidFile(clusterDir, log);
    expect(readdirSync(clusterDir)).toEqual(['PG_VERSION']);
    expect(log).not.toHaveBeenCalled();
  });

  it('a recycled pid (a live process that is not our postmaster) is left running, and its stale file removed', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const pid = other.pid!;
    try {
      const pidFile = join(clusterDir, 'postmaster.pid');
      writeFileSync(pidFile, pidFileText(pid, clusterDir));
      await recoverStalePidFile(clusterDir);
      expect(existsSync(pidFile)).toBe(false);
      expect(isAlive(pid)).toBe(true);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
