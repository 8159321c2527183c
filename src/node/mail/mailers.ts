import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Mailer, OutgoingMail } from '../../core/ports/mailer';
import { headerSafe } from '../../core/text/plain';
import { SyncMailChannel } from './sync-channel';

/** The worker is a file of its own next to the CLI bundle (rollup.node.config.mjs builds both). */
export function mailWorkerScript(): string {
  const path = join(__dirname, 'mail-worker.cjs');
  if (!existsSync(path))
    throw new Error(`mail worker not found at ${path}; run \`npm run build:node\``);
  return path;
}

/** `2026-03-02 li.wei@example.com.eml`: sorted by day, one per owner, safe on every file system. */
export function emlFileName(runDate: string, owner: string): string {
  return `${runDate} ${owner.replace(/[^A-Za-z0-9@._+-]/g, '_')}.eml`;
}

/**
 * One .eml file per digest in an outbox folder (To, Subject, multipart/alternative), composed by
 * nodemailer, so any mail program opens it. There is no daily quota.
 */
export class EmlMailer implements Mailer {
  readonly written: string[] = [];
  private readonly channel: SyncMailChannel;

  constructor(
    readonly dir: string,
    private readonly runDate: string,
    private readonly from: string,
  ) {
    this.channel = new SyncMailChannel(mailWorkerScript(), { kind: 'eml', dir });
  }

  remainingQuota(): number {
    return Infinity;
  }

  send(mail: OutgoingMail): void {
    this.written.push(
      this.channel.deliver({
        // A line break or bidi override typed in Settings must not reach a header.
        mail: headerSafe(mail),
        from: this.from,
        fileName: emlFileName(this.runDate, mail.to),
      }),
    );
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}

/** Sends through an SMTP server (`smtp://user:pass@host:587`, `smtps://…:465`) with nodemailer. */
export class SmtpMailer implements Mailer {
  sent = 0;
  private readonly channel: SyncMailChannel;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.channel = new SyncMailChannel(mailWorkerScript(), { kind: 'smtp', url });
  }

  remainingQuota(): number {
    return Infinity;
  }

  send(mail: OutgoingMail): void {
    this.channel.deliver({ mail: headerSafe(mail), from: this.from });
    this.sent += 1;
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
