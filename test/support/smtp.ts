import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream } from 'smtp-server';

/** One e-mail as the test SMTP server received it. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/**
 * A real SMTP server (smtp-server) on a loopback port inside the test process: what the app
 * sends arrives in `mails`. `refuse(n)` makes it refuse the next n messages (a 451 at DATA),
 * `refuseAll` every one, as a mail server that is down or rejecting would.
 */
export class TestSmtp {
  readonly mails: ReceivedMail[] = [];
  /** Messages refused so far. */
  refused = 0;
  private refuseNext = 0;
  private refuseEvery = false;
  private server?: SMTPServer;
  port = 0;

  static async start(): Promise<TestSmtp> {
    const self = new TestSmtp();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream: SMTPServerDataStream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (self.refuseEvery || self.refuseNext > 0) {
            self.refuseNext = Math.max(0, self.refuseNext - 1);
            self.refused++;
            const error = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              self.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: parsed.subject ?? '', text: parsed.text ?? '', raw });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self.server = server;
    self.port = (server.server.address() as AddressInfo).port;
    return self;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuse(n: number): void {
    this.refuseNext = n;
  }

  refuseAll(on = true): void {
    this.refuseEvery = on;
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/** Waits until `check` holds (polling), or fails with what it last saw. */
export async function eventually<T>(read: () => T | Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms; last seen: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
