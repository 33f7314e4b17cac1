import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, ConfigError, DEFAULT_DEMO_PASSWORD, defaultRenderThreads, loadConfig, persistentSecret } from './config';

const SECRET = 'x'.repeat(32);

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig (api.md "Running, configuration and the demo")', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'smp-config-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('JWT_SECRET', () => {
    it('is required in production: ConfigError', () => {
      const error = configError(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dir }, dir));
      expect(error.name).toBe('ConfigError');
      expect(error.problems).toEqual(['JWT_SECRET is required when NODE_ENV=production']);
      expect(error.message).toContain('JWT_SECRET is required when NODE_ENV=production');
    });

    it('in production, no secret is generated on disk in its place', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dir }, dir)).toThrow(ConfigError);
      expect(existsSync(join(dir, 'jwt-secret'))).toBe(false);
    });

    it('in production, a given secret is used as is', () => {
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, DATA_DIR: dir }, dir).jwtSecret).toBe(SECRET);
    });

    it.each(['development', 'test', 'production'])('a secret shorter than 32 characters is refused (%s)', (NODE_ENV) => {
      const error = configError(() => loadConfig({ NODE_ENV, JWT_SECRET: 'x'.repeat(31), DATA_DIR: dir }, dir));
      expect(error.problems).toEqual(['JWT_SECRET must be at least 32 characters']);
    });

    it('32 characters is enough', () => {
      expect(loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir }, dir).jwtSecret).toBe(SECRET);
    });

    it('outside production, is generated once and kept in DATA_DIR (mode 0600), so tokens survive restarts', () => {
      const first = loadConfig({ DATA_DIR: dir }, dir).jwtSecret;
      expect(first.length).toBeGreaterThanOrEqual(32);
      const file = join(dir, 'jwt-secret');
      expect(readFileSync(file, 'utf8').trim()).toBe(first);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadConfig({ DATA_DIR: dir }, dir).jwtSecret).toBe(first);
    });

    it('is reused from an existing file in DATA_DIR', () => {
      writeFileSync(join(dir, 'jwt-secret'), `${'k'.repeat(64)}\n`);
      expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }, dir).jwtSecret).toBe('k'.repeat(64));
    });

    it('different data directories get different secrets', () => {
      const other = join(dir, 'other');
      expect(loadConfig({ DATA_DIR: join(dir, 'one') }, dir).jwtSecret).not.toBe(loadConfig({ DATA_DIR: other }, dir).jwtSecret);
    });

    it('creates DATA_DIR when missing', () => {
      const nested = join(dir, 'a', 'b');
      loadConfig({ DATA_DIR: nested }, dir);
      expect(existsSync(join(nested, 'jwt-secret'))).toBe(true);
    });

    it('refuses an empty or short jwt-secret file left in DATA_DIR instead of signing with it', () => {
      writeFileSync(join(dir, 'jwt-secret'), '\n');
      expect(() => loadConfig({ DATA_DIR: dir }, dir)).toThrow(ConfigError);
      writeFileSync(join(dir, 'jwt-secret'), 'short\n');
      expect(() => loadConfig({ DATA_DIR: dir }, dir)).toThrow(/too short/);
    });

    it('a given JWT_SECRET is not written to disk', () => {
      loadConfig({ JWT_SECRET: SECRET, DATA_DIR: dir }, dir);
      expect(existsSync(join(dir, 'jwt-secret'))).toBe(false);
    });
  });

  describe('PORT', () => {
    it.each(['abc', '70000', '65536', '-1', '3000.5', '80 ', '1e3'])('refuses %j', (PORT) => {
      const error = configError(() => loadConfig({ PORT, DATA_DIR: dir }, dir));
      expect(error.problems).toEqual([`PORT must be an integer between 0 and 65535 (got "${PORT}")`]);
    });

    it.each([
      ['0', 0],
      ['8080', 8080],
      ['65535', 65535],
    ])('accepts %s', (PORT, port) => {
      expect(loadConfig({ PORT, DATA_DIR: dir }, dir).port).toBe(port);
    });

    it('an empty PORT means the default', () => {
      expect(loadConfig({ PORT: '', DATA_DIR: dir }, dir).port).toBe(3000);
    });
  });

  describe('retention periods (§13)', () => {
    it('are configurable', () => {
      expect(loadConfig({ DATA_DIR: dir, RETENTION_BASE_MONTHS: '24', RETENTION_SAFEGUARDING_YEARS: '25' }, dir).retention).toEqual(
        expect.objectContaining({ baseMonths: 24, safeguardingYears: 25 }),
      );
    });
    it('refuses nonsense', () => {
      expect(() => loadConfig({ DATA_DIR: dir, RETENTION_DISMISSAL_YEARS: '-1' }, dir)).toThrow(ConfigError);
    });
  });

  describe('bounds on the dates the API is told (domain.md "Dates the API is told")', () => {
    it('default to 5 working days and 3 months for an appeal deadline, 12 months for a monitoring period, 3 months to its expiry', () => {
      const config = loadConfig({ DATA_DIR: dir }, dir);
      expect(config.appealDeadline).toEqual({ minWorkingDays: 5, maxMonths: 3 });
      expect(config.monitoring).toEqual({ periodMaxMonths: 12, expiryMaxMonths: 3 });
      expect(config.warning).toEqual({ maxMonths: 24 });
    });

    it('are configurable', () => {
      const config = loadConfig(
        {
          DATA_DIR: dir,
          APPEAL_DEADLINE_MIN_WORKING_DAYS: '10',
          APPEAL_DEADLINE_MAX_MONTHS: '2',
          MONITORING_PERIOD_MAX_MONTHS: '6',
          MONITORING_EXPIRY_MAX_MONTHS: '1',
          WARNING_MAX_MONTHS: '12',
        },
        dir,
      );
      expect(config.warning).toEqual({ maxMonths: 12 });
      expect(config.appealDeadline).toEqual({ minWorkingDays: 10, maxMonths: 2 });
      expect(config.monitoring).toEqual({ periodMaxMonths: 6, expiryMaxMonths: 1 });
    });

    it.each([
      ['APPEAL_DEADLINE_MIN_WORKING_DAYS', '0', 'APPEAL_DEADLINE_MIN_WORKING_DAYS must be an integer between 1 and 60 (got "0")'],
      ['APPEAL_DEADLINE_MIN_WORKING_DAYS', 'five', 'APPEAL_DEADLINE_MIN_WORKING_DAYS must be an integer between 1 and 60 (got "five")'],
      ['APPEAL_DEADLINE_MAX_MONTHS', '0', 'APPEAL_DEADLINE_MAX_MONTHS must be an integer between 1 and 24 (got "0")'],
      ['APPEAL_DEADLINE_MAX_MONTHS', '1200', 'APPEAL_DEADLINE_MAX_MONTHS must be an integer between 1 and 24 (got "1200")'],
      ['MONITORING_PERIOD_MAX_MONTHS', '-1', 'MONITORING_PERIOD_MAX_MONTHS must be an integer between 1 and 60 (got "-1")'],
      ['MONITORING_PERIOD_MAX_MONTHS', '13200', 'MONITORING_PERIOD_MAX_MONTHS must be an integer between 1 and 60 (got "13200")'],
      ['MONITORING_EXPIRY_MAX_MONTHS', '0', 'MONITORING_EXPIRY_MAX_MONTHS must be an integer between 1 and 24 (got "0")'],
      ['MONITORING_EXPIRY_MAX_MONTHS', '2.5', 'MONITORING_EXPIRY_MAX_MONTHS must be an integer between 1 and 24 (got "2.5")'],
      ['WARNING_MAX_MONTHS', '0', 'WARNING_MAX_MONTHS must be an integer between 1 and 60 (got "0")'],
      ['WARNING_MAX_MONTHS', '11988', 'WARNING_MAX_MONTHS must be an integer between 1 and 60 (got "11988")'],
      ['JOBS', 'sometimes', 'JOBS must be true or false (got "sometimes")'],
      ['SMTP_URL', 'mail.example.org', 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587'],
      ['DIGEST_CRON', 'at seven', 'DIGEST_CRON must be a five-field cron expression such as "0 7 * * *" (got "at seven")'],
      ['APP_URL', 'casework.school', 'APP_URL must be an http(s):// address (got "casework.school")'],
    ])('refuses %s=%s', (name, value, problem) => {
      expect(configError(() => loadConfig({ DATA_DIR: dir, [name]: value }, dir)).problems).toEqual([problem]);
    });

    it('refuses a minimum appeal window that no maximum could hold', () => {
      expect(configError(() => loadConfig({ DATA_DIR: dir, APPEAL_DEADLINE_MIN_WORKING_DAYS: '30', APPEAL_DEADLINE_MAX_MONTHS: '1' }, dir)).problems).toEqual([
        'APPEAL_DEADLINE_MIN_WORKING_DAYS (30) must fit within APPEAL_DEADLINE_MAX_MONTHS (1): at most 20',
      ]);
      expect(loadConfig({ DATA_DIR: dir, APPEAL_DEADLINE_MIN_WORKING_DAYS: '20', APPEAL_DEADLINE_MAX_MONTHS: '1' }, dir).appealDeadline).toEqual({
        minWorkingDays: 20,
        maxMonths: 1,
      });
    });
  });

  describe('defaults', () => {
    it('with an empty environment', () => {
      const config = loadConfig({}, dir);
      const expected: Omit<AppConfig, 'jwtSecret'> = {
        nodeEnv: 'development',
        port: 3000,
        host: '127.0.0.1',
        databaseUrl: undefined,
        dataDir: join(dir, '.data'),
        jwtTtlSeconds: 900,
        demoPassword: DEFAULT_DEMO_PASSWORD,
        evidenceMaxBytes: 25 * 1024 * 1024,
        evidenceDir: join(dir, '.data', 'evidence'),
        swaggerEnabled: true,
        serveWeb: true,
        trustProxy: false,
        passwordCost: 16,
        retention: { baseMonths: 12, afterWarningMonths: 6, dismissalYears: 6, safeguardingYears: 10, substantiatedSafeguardingYears: 10 },
        pdfRender: { threads: defaultRenderThreads(), queue: 8 },
        appealDeadline: { minWorkingDays: 5, maxMonths: 3 },
        monitoring: { periodMaxMonths: 12, expiryMaxMonths: 3 },
        warning: { maxMonths: 24 },
        hearingNoticeWorkingDays: 5,
        extraBankHolidays: { england_and_wales: [], scotland: [], northern_ireland: [] },
        jobs: { enabled: true, pollSeconds: 2, digestCron: '0 7 * * *' },
        email: { smtpUrl: undefined, from: 'Casework <casework@localhost>', appUrl: 'http://localhost:3000', maxAttempts: 6, retrySeconds: 60 },
        sessionIdleMinutes: 30,
        sessionMaxHours: 12,
        cookieSecure: false,
      };
      expect(config).toEqual({ ...expected, jwtSecret: expect.any(String) });
      expect(existsSync(join(dir, '.data', 'jwt-secret'))).toBe(true);
    });

    it('runs no jobs under NODE_ENV=test unless JOBS=on (tests open many apps; the scheduled work tests turn it on)', () => {
      expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }, dir).jobs.enabled).toBe(false);
      expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, JOBS: 'on' }, dir).jobs.enabled).toBe(true);
      expect(loadConfig({ DATA_DIR: dir, JOBS: 'off' }, dir).jobs.enabled).toBe(false);
    });

    it('EXTRA_BANK_HOLIDAYS adds dates to a nation (docs/calendar.md); a value it cannot read stops the start', () => {
      expect(loadConfig({ DATA_DIR: dir, EXTRA_BANK_HOLIDAYS: 'england_and_wales:2031-01-01,scotland:2031-01-02' }, dir).extraBankHolidays).toEqual({
        england_and_wales: ['2031-01-01'],
        scotland: ['2031-01-02'],
        northern_ireland: [],
      });
      expect(configError(() => loadConfig({ DATA_DIR: dir, EXTRA_BANK_HOLIDAYS: 'wales:2031-01-01' }, dir)).problems).toEqual([
        expect.stringContaining('EXTRA_BANK_HOLIDAYS: "wales:2031-01-01" is not nation:YYYY-MM-DD'),
      ]);
    });

    it('production listens on all interfaces and hides Swagger', () => {
      const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, DATA_DIR: dir }, dir);
      expect(config.host).toBe('0.0.0.0');
      expect(config.swaggerEnabled).toBe(false);
    });

    it('resolves a relative DATA_DIR and EVIDENCE_DIR against the working directory', () => {
      const config = loadConfig({ DATA_DIR: 'data', EVIDENCE_DIR: 'files' }, dir);
      expect(config.dataDir).toBe(join(dir, 'data'));
      expect(config.evidenceDir).toBe(join(dir, 'files'));
    });
  });

  describe('other variables', () => {
    it('DATABASE_URL must be a postgres:// URL', () => {
      expect(configError(() => loadConfig({ DATABASE_URL: 'mysql://x', DATA_DIR: dir }, dir)).problems).toEqual(['DATABASE_URL must be a postgres:// URL']);
      expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@h/db', DATA_DIR: dir }, dir).databaseUrl).toBe('postgresql://u:p@h/db');
      expect(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db', DATA_DIR: dir }, dir).databaseUrl).toBe('postgres://u:p@h/db');
    });

    it('NODE_ENV must be development, test or production', () => {
      expect(configError(() => loadConfig({ NODE_ENV: 'staging', DATA_DIR: dir }, dir)).problems).toEqual([
        'NODE_ENV must be development, test or production (got "staging")',
      ]);
    });

    it('PASSWORD_COST between 14 and 20', () => {
      expect(() => loadConfig({ PASSWORD_COST: '13', DATA_DIR: dir }, dir)).toThrow(ConfigError);
      expect(() => loadConfig({ PASSWORD_COST: '21', DATA_DIR: dir }, dir)).toThrow(ConfigError);
      expect(loadConfig({ PASSWORD_COST: '14', DATA_DIR: dir }, dir).passwordCost).toBe(14);
    });

    it('JWT_TTL_SECONDS between 60 and 86400', () => {
      expect(() => loadConfig({ JWT_TTL_SECONDS: '59', DATA_DIR: dir }, dir)).toThrow(ConfigError);
      expect(() => loadConfig({ JWT_TTL_SECONDS: '86401', DATA_DIR: dir }, dir)).toThrow(ConfigError);
      expect(loadConfig({ JWT_TTL_SECONDS: '60', DATA_DIR: dir }, dir).jwtTtlSeconds).toBe(60);
    });

    describe('sessions (api.md "Sessions and passwords")', () => {
      it('SESSION_IDLE_MINUTES (default 30) and SESSION_MAX_HOURS (default 12)', () => {
        expect(loadConfig({ DATA_DIR: dir }, dir)).toEqual(expect.objectContaining({ sessionIdleMinutes: 30, sessionMaxHours: 12 }));
        expect(loadConfig({ SESSION_IDLE_MINUTES: '45', SESSION_MAX_HOURS: '8', DATA_DIR: dir }, dir)).toEqual(
          expect.objectContaining({ sessionIdleMinutes: 45, sessionMaxHours: 8 }),
        );
        expect(() => loadConfig({ SESSION_IDLE_MINUTES: '0', DATA_DIR: dir }, dir)).toThrow(/SESSION_IDLE_MINUTES/);
        expect(() => loadConfig({ SESSION_MAX_HOURS: '0', DATA_DIR: dir }, dir)).toThrow(/SESSION_MAX_HOURS/);
        expect(() => loadConfig({ SESSION_MAX_HOURS: '721', DATA_DIR: dir }, dir)).toThrow(/SESSION_MAX_HOURS/);
      });

      it('the idle limit fits within the absolute one, and an access token never outlives the idle limit', () => {
        expect(configError(() => loadConfig({ SESSION_IDLE_MINUTES: '120', SESSION_MAX_HOURS: '1', DATA_DIR: dir }, dir)).problems).toEqual([
          'SESSION_IDLE_MINUTES (120) must not exceed SESSION_MAX_HOURS (1 hours)',
        ]);
        expect(configError(() => loadConfig({ JWT_TTL_SECONDS: '3600', DATA_DIR: dir }, dir)).problems).toEqual([
          expect.stringContaining('JWT_TTL_SECONDS (3600) must not exceed SESSION_IDLE_MINUTES (30 minutes)'),
        ]);
        expect(loadConfig({ JWT_TTL_SECONDS: '3600', SESSION_IDLE_MINUTES: '60', DATA_DIR: dir }, dir).jwtTtlSeconds).toBe(3600);
      });

      it('the refresh cookie is Secure in production, not by default elsewhere; COOKIE_SECURE decides outside production', () => {
        expect(loadConfig({ DATA_DIR: dir }, dir).cookieSecure).toBe(false);
        expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, DATA_DIR: dir }, dir).cookieSecure).toBe(true);
        expect(loadConfig({ COOKIE_SECURE: 'true', DATA_DIR: dir }, dir).cookieSecure).toBe(true);
        expect(configError(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, COOKIE_SECURE: 'false', DATA_DIR: dir }, dir)).problems).toEqual([
          expect.stringContaining('COOKIE_SECURE cannot be false when NODE_ENV=production'),
        ]);
      });
    });

    it('PDF_RENDER_THREADS between 1 and 16, PDF_RENDER_QUEUE between 0 and 1000', () => {
      expect(() => loadConfig({ PDF_RENDER_THREADS: '0', DATA_DIR: dir }, dir)).toThrow(/PDF_RENDER_THREADS/);
      expect(() => loadConfig({ PDF_RENDER_THREADS: '17', DATA_DIR: dir }, dir)).toThrow(/PDF_RENDER_THREADS/);
      expect(() => loadConfig({ PDF_RENDER_QUEUE: '-1', DATA_DIR: dir }, dir)).toThrow(/PDF_RENDER_QUEUE/);
      expect(loadConfig({ PDF_RENDER_THREADS: '4', PDF_RENDER_QUEUE: '0', DATA_DIR: dir }, dir).pdfRender).toEqual({ threads: 4, queue: 0 });
    });

    it('by default two PDF render threads, leaving a core for the event loop: one on two cores, never none', () => {
      expect([1, 2, 3, 4, 64].map((cores) => defaultRenderThreads(cores))).toEqual([1, 1, 2, 2, 2]);
    });

    it('DEMO_PASSWORD of at least 8 characters', () => {
      expect(() => loadConfig({ DEMO_PASSWORD: 'short', DATA_DIR: dir }, dir)).toThrow(ConfigError);
      expect(loadConfig({ DEMO_PASSWORD: 'long enough', DATA_DIR: dir }, dir).demoPassword).toBe('long enough');
    });

    it.each<[string, false | number | string]>([
      ['1', 1],
      ['2', 2],
      ['10.0.0.1', '10.0.0.1'],
      ['10.0.0.0/8, 192.168.1.1', '10.0.0.0/8, 192.168.1.1'],
      ['false', false],
      ['no', false],
      ['0', false],
    ])('TRUST_PROXY=%s → %s', (TRUST_PROXY, value) => {
      expect(loadConfig({ TRUST_PROXY, DATA_DIR: dir }, dir).trustProxy).toBe(value);
    });

    it.each(['true', 'YES', 'everyone'])('refuses TRUST_PROXY=%s: trusting every X-Forwarded-For lets a client claim any address', (TRUST_PROXY) => {
      expect(() => loadConfig({ TRUST_PROXY, DATA_DIR: dir }, dir)).toThrow(/TRUST_PROXY/);
    });

    it('SERVE_WEB=false turns the web application off (an API-only deployment); production serves it too', () => {
      expect(loadConfig({ SERVE_WEB: 'false', DATA_DIR: dir }, dir).serveWeb).toBe(false);
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, DATA_DIR: dir }, dir).serveWeb).toBe(true);
      expect(configError(() => loadConfig({ SERVE_WEB: 'off', DATA_DIR: dir }, dir)).problems).toEqual(['SERVE_WEB must be true or false (got "off")']);
    });

    it('refuses a boolean that is not one', () => {
      expect(configError(() => loadConfig({ SWAGGER_ENABLED: 'maybe', DATA_DIR: dir }, dir)).problems).toEqual([
        'SWAGGER_ENABLED must be true or false (got "maybe")',
      ]);
    });

    it('reports every problem at once', () => {
      const error = configError(() => loadConfig({ NODE_ENV: 'production', PORT: 'x', JWT_TTL_SECONDS: '1', DATA_DIR: dir }, dir));
      expect(error.problems).toHaveLength(3);
    });
  });

  describe('persistentSecret', () => {
    it('keeps the first secret written, and the next call reads it', () => {
      mkdirSync(join(dir, 'd'));
      const first = persistentSecret(join(dir, 'd'), 'postgres-password');
      expect(persistentSecret(join(dir, 'd'), 'postgres-password')).toBe(first);
      expect(persistentSecret(join(dir, 'd'), 'other')).not.toBe(first);
    });
  });
});
