import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { EmailText } from './notification.rules';

/**
 * SMTP (nodemailer) to `SMTP_URL`. No SMTP_URL: e-mail is off — said once at start-up — and
 * nothing is queued for e-mail; in-app notifications work as ever (docs/notifications.md).
 */
@Injectable()
export class Mailer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('E-mail');
  private transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.email.smtpUrl);
  }

  onModuleInit(): void {
    if (!this.config.email.smtpUrl) {
      this.logger.log('e-mail is off (no SMTP_URL): notifications are in the application only');
      return;
    }
    // One connection per message, none kept open: a restart or a test's close leaves nothing behind.
    this.transport = createTransport(this.config.email.smtpUrl, { from: this.config.email.from });
    this.logger.log(`e-mail is on, from ${this.config.email.from}`);
  }

  /** After the job queue has stopped (onModuleDestroy) and its last deliveries finished: closing earlier could fail a message the server had accepted, and send it again. */
  onApplicationShutdown(): void {
    this.transport?.close();
  }

  /** Sends one e-mail as plain text; rejects with the server's answer when it refuses. */
  async send(to: string, email: EmailText): Promise<void> {
    if (!this.transport) throw new Error('e-mail is off');
    await this.transport.sendMail({ to, subject: email.subject, text: email.body });
  }
}
