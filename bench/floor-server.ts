/**
 * The floor: a bare Fastify + pg server that runs the API's own service code for the
 * benchmarked routes — the same SQL, the same audit insert — without Nest, TypeORM,
 * passport, class-validator or problem mapping. API/floor is what the framework costs.
 * The benchmark checks that both send the same statements before it measures.
 */
import Fastify from 'fastify';
import { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../src/access/actor';
import { AuditService } from '../src/audit/audit.service';
import { ActorLoader } from '../src/auth/actor-loader.service';
import { CaseRunner } from '../src/cases/case-runner.service';
import { CaseViewService } from '../src/cases/case-view.service';
import { CasesService } from '../src/cases/cases.service';
import { NO_EXTRA_BANK_HOLIDAYS } from '../src/calendar/school-calendar';
import type { CaseListQuery } from '../src/cases/dto/case.dto';
import { SystemClock } from '../src/common/clock/clock';
import { DomainError } from '../src/common/errors/domain-error';
import { SchoolCalendars } from '../src/organisations/school-calendars.service';
import type { AppConfig } from '../src/config/config';
import type { EmailOutbox } from '../src/notifications/email-outbox.service';
import { NotificationsService } from '../src/notifications/notifications.service';
import { CaseTaskWatch } from '../src/tasks/case-task-watch';
import { DEFAULT_DEPLOYMENT_DEADLINES } from '../src/tasks/task.rules';
import { CreateReportRequest } from '../src/reports/dto/report.dto';
import { ReportsService } from '../src/reports/reports.service';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, application_name: 'smp-floor', options: '-c jit=off' });
const manager = (client: Pool | PoolClient) =>
  ({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows }) as unknown as EntityManager;

/** Just enough of TypeORM's DataSource for the services: query and transaction, on raw pg. */
const dataSource = {
  manager: manager(pool),
  query: (sql: string, params?: unknown[]) => manager(pool).query(sql, params),
  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('START TRANSACTION');
      const result = await work(manager(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  },
} as unknown as DataSource;

const audit = new AuditService();
const calendars = new SchoolCalendars({ extraBankHolidays: NO_EXTRA_BANK_HOLIDAYS, ...DEFAULT_DEPLOYMENT_DEADLINES }, new SystemClock());
const views = new CaseViewService(calendars, new SystemClock());
// the runner tells new tasks' owners through the notifications module, as in the API; with no SMTP_URL (as the benchmark runs) nothing is queued for e-mail
const notifications = new NotificationsService({ email: { appUrl: 'http://localhost' } } as AppConfig, dataSource, {
  enqueue: async () => [],
} as unknown as EmailOutbox);
const runner = new CaseRunner(dataSource, views, audit, new CaseTaskWatch(notifications, calendars, new SystemClock()));
const cases = new CasesService(dataSource, runner, new SystemClock(), calendars);
const reports = new ReportsService(runner);
const actors = new ActorLoader(dataSource, new SystemClock(), { sessionIdleMinutes: Number(process.env.SESSION_IDLE_MINUTES ?? 30) });

/** The bearer's claims, unverified: the floor pays no crypto the API would not also pay elsewhere. */
async function actorOf(authorization: string | undefined): Promise<Actor> {
  const payload = JSON.parse(Buffer.from((authorization ?? '').split('.')[1] ?? '', 'base64url').toString() || '{}');
  const actor = await actors.load({ userId: payload.sub, organisationId: payload.org, sessionId: payload.sid, issuedAt: payload.iat });
  if (!actor) throw DomainError.unauthorized();
  return actor;
}

const app = Fastify({ logger: false });
app.setErrorHandler((error: unknown, _request, reply) => {
  const status = error instanceof DomainError ? error.status : 500;
  reply.status(status).send({ status, detail: error instanceof Error ? error.message : String(error) });
});
app.get<{ Params: { id: string } }>('/cases/:id', async (request) => cases.get(await actorOf(request.headers.authorization), request.params.id));
/** The list's query as the API's validation pipe hands it over: numbers and booleans read, the rest as sent. */
function listQuery(query: Record<string, string | undefined>): CaseListQuery {
  const flag = (value: string | undefined) => (value === undefined ? undefined : value === 'true');
  return {
    ...query,
    limit: query.limit ? Number(query.limit) : undefined,
    q: query.q?.trim(),
    safeguarding: flag(query.safeguarding),
    overdue: flag(query.overdue),
    assignedToMe: flag(query.assignedToMe),
  } as CaseListQuery;
}
app.get<{ Querystring: Record<string, string | undefined> }>('/cases', async (request) =>
  cases.list(await actorOf(request.headers.authorization), listQuery(request.query)),
);
app.post<{ Body: CreateReportRequest }>('/reports', async (request, reply) => {
  reply.status(201);
  return reports.create(await actorOf(request.headers.authorization), request.body);
});
app.get('/health', async () => ({ status: 'ok' }));

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => process.send?.({ type: 'ready' }));
