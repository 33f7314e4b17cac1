import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/config';
import { Mailer } from './mailer';

/**
 * docs/notifications.md "Configuration": with no `SMTP_URL` e-mail is off, and the start-up log
 * says so (logger `E-mail`); with one, it says e-mail is on and never that it is off.
 */
describe('the mailer at start-up (process.md §6: sent over SMTP, SMTP_URL)', () => {
  let dir: string;
  let logged: Array<{ context: string; message: string }>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'smp-mailer-'));
    logged = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation(function (this: Logger, message: unknown) {
      logged.push({ context: String((this as unknown as { context?: string }).context), message: String(message) });
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The mailer of a configuration read from `env`, started as Nest starts it; what it logged. */
  const startWith = (env: Record<string, string>) => {
    const mailer = new Mailer(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, ...env }, dir));
    mailer.onModuleInit();
    mailer.onApplicationShutdown();
    return { mailer, lines: logged.filter((l) => l.context === 'E-mail').map((l) => l.message) };
  };

  it('SMTP_URL unset: the start-up log says e-mail is off (notifications in the application only), and the mailer sends nothing', async () => {
    const { mailer, lines } = startWith({});
    expect(mailer.enabled).toBe(false);
    expect(lines).toEqual(['e-mail is off (no SMTP_URL): notifications are in the application only']);
    await expect(mailer.send('someone@school.test', { subject: 'A case waits for you', body: 'Open it' })).rejects.toThrow('e-mail is off');
  });

  it('SMTP_URL set: the start-up log says e-mail is on, from whom, and not that it is off', () => {
    const { mailer, lines } = startWith({ SMTP_URL: 'smtp://casework:secret@mail.school.test:587', SMTP_FROM: 'Casework <casework@school.test>' });
    expect(mailer.enabled).toBe(true);
    expect(lines).toEqual(['e-mail is on, from Casework <casework@school.test>']);
    expect(lines.join('\n')).not.toContain('off');
  });
});
