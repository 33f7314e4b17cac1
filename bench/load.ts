import autocannon from 'autocannon';
import { ServerProcess } from './servers';

export interface RequestPlan {
  method: 'GET' | 'POST';
  /** A new path/body per request (random case ids, fresh report bodies). */
  next(): { path: string; body?: string; token: string };
}

export interface RoundResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  cpuMicrosPerRequest: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** One timed round of load against one server; CPU is read from the server process itself. */
export async function round(server: ServerProcess, plan: RequestPlan, seconds: number, connections: number): Promise<RoundResult> {
  const cpuBefore = await server.cpuMicros();
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: plan.method,
        setupRequest: (request) => {
          const next = plan.next();
          return {
            ...request,
            path: next.path,
            body: next.body,
            headers: { authorization: `Bearer ${next.token}`, ...(next.body ? { 'content-type': 'application/json' } : {}) },
          };
        },
      },
    ],
  });
  const cpuAfter = await server.cpuMicros();
  const requests = result.requests.total;
  return {
    requestsPerSecond: requests / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: requests ? (cpuAfter - cpuBefore) / requests : NaN,
    requests,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export function summarise(rounds: RoundResult[]): RoundResult {
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    cpuMicrosPerRequest: median(rounds.map((r) => r.cpuMicrosPerRequest)),
    requests: rounds.reduce((n, r) => n + r.requests, 0),
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
  };
}
