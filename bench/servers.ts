import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../src/database/embedded-postgres';

/** A server under test in its own process, with the probe preloaded (CPU and SQL over IPC). */
export interface ServerProcess {
  name: string;
  url: string;
  cpuMicros(): Promise<number>;
  recordSql<T>(work: () => Promise<T>): Promise<string[]>;
  /** The statements sent while `work` ran, with their parameters. */
  recordQueries<T>(work: () => Promise<T>): Promise<RecordedQuery[]>;
  stop(): Promise<void>;
}

const DIST = join(__dirname, '..');

function ask<T>(child: ChildProcess, type: string, answer: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { type: string }) => {
      if (message.type === answer) {
        child.off('message', listener);
        resolve(message as T);
      }
    };
    child.on('message', listener);
    child.send({ type });
  });
}

export interface RecordedQuery {
  text: string;
  values: unknown[];
}

export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not become healthy`);
}

export async function startServer(name: string, script: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = fork(join(DIST, script), [], {
    execArgv: ['-r', join(DIST, 'bench', 'probe.js')],
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  return {
    name,
    url,
    async cpuMicros() {
      const { usage } = await ask<{ usage: NodeJS.CpuUsage }>(child, 'cpu', 'cpu');
      return usage.user + usage.system;
    },
    async recordSql(work) {
      await ask(child, 'sql-start', 'sql-started');
      await work();
      return (await ask<{ statements: string[] }>(child, 'sql-stop', 'sql')).statements;
    },
    async recordQueries(work) {
      await ask(child, 'sql-start', 'sql-started');
      await work();
      return (await ask<{ queries: RecordedQuery[] }>(child, 'sql-stop', 'sql')).queries;
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
