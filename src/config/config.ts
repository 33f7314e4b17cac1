import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { ExtraBankHolidays, parseExtraBankHolidays } from '../calendar/school-calendar';
import { DEFAULT_MONITORING_BOUNDS, MonitoringBounds } from '../monitoring/monitoring.rules';
import { DEFAULT_HEARING_NOTICE_WORKING_DAYS } from '../hearings/hearing.rules';
import { AppealDeadlineBounds, DEFAULT_APPEAL_DEADLINE_BOUNDS, DEFAULT_WARNING_BOUNDS, WarningBounds } from '../outcomes/outcome.rules';
import { DEFAULT_RETENTION, RetentionPeriods } from '../retention/retention.rules';

/** Everything the process reads from its environment, validated once at boot. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** Unset: the app starts an embedded PostgreSQL in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** A session ends after this many minutes without use (a sign-in or a refresh is a use). */
  sessionIdleMinutes: number;
  /** And this many hours after sign-in, whatever happens. */
  sessionMaxHours: number;
  /** The refresh-token cookie carries `Secure` (HTTPS only). */
  cookieSecure: boolean;
  demoPassword: string;
  evidenceMaxBytes: number;
  evidenceDir: string;
  swaggerEnabled: boolean;
  /** Serve the web application (dist/web) at /app/, and redirect / there (src/web/web-app.ts). */
  serveWeb: boolean;
  /**
   * Which proxies' X-Forwarded-For to believe, for the login throttle's client address: false,
   * a number of proxy hops, or the proxies' addresses/CIDRs. Never "trust everyone": a client
   * could then claim any address.
   */
  trustProxy: false | number | string;
  /** scrypt cost (log2 N). 16 → 64 MiB per hash. */
  passwordCost: number;
  /** §13 retention periods (README "Retention"). */
  retention: RetentionPeriods;
  /** PDF rendering off the event loop: worker threads (default defaultRenderThreads()), and renders that may wait for one (then 503 busy). */
  pdfRender: { threads: number; queue: number };
  /** Bounds on a stated appeal deadline (domain.md "Dates the API is told"). */
  appealDeadline: AppealDeadlineBounds;
  /** The bound on a warning's life, WARNING_MAX_MONTHS (domain.md "Dates the API is told"; outcome.rules.ts DEFAULT_WARNING_BOUNDS says why 24). */
  warning: WarningBounds;
  /** Bounds on a monitoring authorisation's period and expiry (domain.md "Dates the API is told"). */
  monitoring: MonitoringBounds;
  /** Working days between a hearing's invitation letter and the hearing (process.md §1). */
  hearingNoticeWorkingDays: number;
  /** Scheduled work and background jobs (pg-boss in the `pgboss` schema; docs/notifications.md). */
  jobs: JobsConfig;
  /** E-mail over SMTP (docs/notifications.md); `smtpUrl` unset: e-mail is off, in-app notifications still work. */
  email: EmailConfig;
  /** Bank holidays added to each nation's shipped ones (EXTRA_BANK_HOLIDAYS; docs/calendar.md). */
  extraBankHolidays: ExtraBankHolidays;
}

export interface JobsConfig {
  /** JOBS=off: this instance runs no job and no schedule (another instance may). Off by default under NODE_ENV=test. */
  enabled: boolean;
  /** How often workers look for jobs and the scheduler looks at the clock (JOBS_POLL_SECONDS). */
  pollSeconds: number;
  /** When the daily digest runs, in Europe/London (DIGEST_CRON, a five-field cron expression). */
  digestCron: string;
}

export interface EmailConfig {
  smtpUrl?: string;
  from: string;
  /** The web application's address, for the link an e-mail carries (`${appUrl}/app/cases/<id>`). */
  appUrl: string;
  /** Attempts before a delivery is marked failed (EMAIL_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** The first retry waits this long, each next one twice as long (EMAIL_RETRY_SECONDS). */
  retrySeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** The demo password when DEMO_PASSWORD is unset (documented in the README; demo data only). */
export const DEFAULT_DEMO_PASSWORD = 'werrington-demo';

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return Number(raw);
}

function boolean(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

function trustProxy(raw: string | undefined, problems: string[]): false | number | string {
  if (raw === undefined || raw === '' || ['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  if (/^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/.test(raw)) return raw;
  problems.push(`TRUST_PROXY must be false, the number of proxy hops in front of the API (e.g. 1), or the proxies' addresses (e.g. 10.0.0.0/8) — got "${raw}"`);
  return false;
}

/** on/off (or true/false, yes/no, 1/0). */
function onOff(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  return boolean(env, name, fallback, problems);
}

function smtpUrl(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^smtps?:\/\/[^\s]+$/.test(raw)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587');
  return raw;
}

/** The digest's time: five cron fields (minute hour day month weekday), checked for shape only; pg-boss parses it at start. */
function cron(raw: string | undefined, problems: string[]): string {
  if (raw === undefined || raw === '') return '0 7 * * *';
  if (!/^[\d*/,-]+( [\d*/,-]+){4}$/.test(raw.trim())) problems.push(`DIGEST_CRON must be a five-field cron expression such as "0 7 * * *" (got "${raw}")`);
  return raw.trim();
}

/** EXTRA_BANK_HOLIDAYS (school-calendar.ts): a date mistyped is a start-up error, not a deadline moved in silence. */
function extraBankHolidays(raw: string | undefined, problems: string[]): ExtraBankHolidays {
  const parsed = parseExtraBankHolidays(raw);
  problems.push(...parsed.problems);
  return parsed.extra;
}

/** Two PDF render threads, but always a core left for the event loop and PostgreSQL (one thread on two cores). */
export function defaultRenderThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1));
}

/**
 * Validates the environment. Pure apart from the JWT secret, which outside
 * production is generated once and kept in DATA_DIR so tokens survive restarts.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV || 'development') as AppConfig['nodeEnv'];
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, test or production (got "${env.NODE_ENV}")`);
  }
  const production = nodeEnv === 'production';

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL');
  }
  const dataDirRaw = env.DATA_DIR || './.data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  const evidenceDirRaw = env.EVIDENCE_DIR || join(dataDir, 'evidence');
  const evidenceDir = isAbsolute(evidenceDirRaw) ? evidenceDirRaw : resolve(cwd, evidenceDirRaw);

  const jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (!jwtSecret && production) problems.push('JWT_SECRET is required when NODE_ENV=production');

  const config: AppConfig = {
    nodeEnv,
    port: integer(env, 'PORT', 3000, 0, 65535, problems),
    host: env.HOST || (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    dataDir,
    jwtSecret,
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 900, 60, 86400, problems),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 1440, problems),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 720, problems),
    cookieSecure: boolean(env, 'COOKIE_SECURE', production, problems),
    demoPassword: env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    evidenceMaxBytes: integer(env, 'EVIDENCE_MAX_BYTES', 25 * 1024 * 1024, 1, 2 ** 40, problems),
    evidenceDir,
    swaggerEnabled: boolean(env, 'SWAGGER_ENABLED', !production, problems),
    serveWeb: boolean(env, 'SERVE_WEB', true, problems),
    trustProxy: trustProxy(env.TRUST_PROXY, problems),
    passwordCost: integer(env, 'PASSWORD_COST', 16, 14, 20, problems),
    retention: {
      baseMonths: integer(env, 'RETENTION_BASE_MONTHS', DEFAULT_RETENTION.baseMonths, 0, 1200, problems),
      afterWarningMonths: integer(env, 'RETENTION_AFTER_WARNING_MONTHS', DEFAULT_RETENTION.afterWarningMonths, 0, 1200, problems),
      dismissalYears: integer(env, 'RETENTION_DISMISSAL_YEARS', DEFAULT_RETENTION.dismissalYears, 0, 100, problems),
      safeguardingYears: integer(env, 'RETENTION_SAFEGUARDING_YEARS', DEFAULT_RETENTION.safeguardingYears, 0, 100, problems),
      substantiatedSafeguardingYears: integer(
        env,
        'RETENTION_SUBSTANTIATED_SAFEGUARDING_YEARS',
        DEFAULT_RETENTION.substantiatedSafeguardingYears,
        0,
        100,
        problems,
      ),
    },
    pdfRender: {
      threads: integer(env, 'PDF_RENDER_THREADS', defaultRenderThreads(), 1, 16, problems),
      queue: integer(env, 'PDF_RENDER_QUEUE', 8, 0, 1000, problems),
    },
    appealDeadline: {
      minWorkingDays: integer(env, 'APPEAL_DEADLINE_MIN_WORKING_DAYS', DEFAULT_APPEAL_DEADLINE_BOUNDS.minWorkingDays, 1, 60, problems),
      maxMonths: integer(env, 'APPEAL_DEADLINE_MAX_MONTHS', DEFAULT_APPEAL_DEADLINE_BOUNDS.maxMonths, 1, 24, problems),
    },
    // A warning's expiry at most this many months after it is given; up to 5 years for a school that keeps warnings longer.
    warning: { maxMonths: integer(env, 'WARNING_MAX_MONTHS', DEFAULT_WARNING_BOUNDS.maxMonths, 1, 60, problems) },
    monitoring: {
      periodMaxMonths: integer(env, 'MONITORING_PERIOD_MAX_MONTHS', DEFAULT_MONITORING_BOUNDS.periodMaxMonths, 1, 60, problems),
      expiryMaxMonths: integer(env, 'MONITORING_EXPIRY_MAX_MONTHS', DEFAULT_MONITORING_BOUNDS.expiryMaxMonths, 1, 24, problems),
    },
    hearingNoticeWorkingDays: integer(env, 'HEARING_NOTICE_WORKING_DAYS', DEFAULT_HEARING_NOTICE_WORKING_DAYS, 1, 30, problems),
    extraBankHolidays: extraBankHolidays(env.EXTRA_BANK_HOLIDAYS, problems),
    jobs: {
      // Tests open many apps on throwaway databases: only the tests of scheduled work turn it on.
      enabled: onOff(env, 'JOBS', nodeEnv !== 'test', problems),
      pollSeconds: integer(env, 'JOBS_POLL_SECONDS', 2, 1, 45, problems),
      digestCron: cron(env.DIGEST_CRON, problems),
    },
    email: {
      smtpUrl: smtpUrl(env.SMTP_URL, problems),
      from: env.SMTP_FROM || 'Casework <casework@localhost>',
      appUrl: (env.APP_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
      maxAttempts: integer(env, 'EMAIL_MAX_ATTEMPTS', 6, 1, 20, problems),
      retrySeconds: integer(env, 'EMAIL_RETRY_SECONDS', 60, 1, 3600, problems),
    },
  };
  if (env.APP_URL && !/^https?:\/\/[^\s/]+/.test(env.APP_URL)) problems.push(`APP_URL must be an http(s):// address (got "${env.APP_URL}")`);
  // The shortest month has 20 working days: a longer minimum could leave no valid deadline.
  if (config.appealDeadline.minWorkingDays > 20 * config.appealDeadline.maxMonths) {
    problems.push(
      `APPEAL_DEADLINE_MIN_WORKING_DAYS (${config.appealDeadline.minWorkingDays}) must fit within APPEAL_DEADLINE_MAX_MONTHS (${config.appealDeadline.maxMonths}): at most ${20 * config.appealDeadline.maxMonths}`,
    );
  }
  // An access token outliving the idle limit would be cut off while its holder is still using it.
  if (config.jwtTtlSeconds > config.sessionIdleMinutes * 60) {
    problems.push(
      `JWT_TTL_SECONDS (${config.jwtTtlSeconds}) must not exceed SESSION_IDLE_MINUTES (${config.sessionIdleMinutes} minutes): a client refreshes when its access token expires, and a refresh is what keeps a session alive`,
    );
  }
  if (config.sessionIdleMinutes > config.sessionMaxHours * 60) {
    problems.push(`SESSION_IDLE_MINUTES (${config.sessionIdleMinutes}) must not exceed SESSION_MAX_HOURS (${config.sessionMaxHours} hours)`);
  }
  if (production && !config.cookieSecure)
    problems.push('COOKIE_SECURE cannot be false when NODE_ENV=production: the refresh cookie must travel over HTTPS only');
  if (config.demoPassword.length < 8) problems.push('DEMO_PASSWORD must be at least 8 characters');
  if (problems.length) throw new ConfigError(problems);

  if (!jwtSecret) config.jwtSecret = persistentSecret(dataDir, 'jwt-secret');
  return config;
}

/** A random secret generated on first use and kept (mode 0600) in DATA_DIR. */
export function persistentSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readSecret(file);
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return secret;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readSecret(file);
    throw error;
  }
}

/** A kept secret that is empty or short (a crash while writing it) is refused, never used. */
function readSecret(file: string): string {
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new ConfigError([`${file} is empty or too short to be a secret; remove it to have a new one generated`]);
  return secret;
}
