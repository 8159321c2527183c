import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync } from 'node:fs';
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

/** Characters of the readable part of an .eml name: well under every file system's limit. */
const EML_NAME_CHARS = 60;

/**
 * `2026-03-02 li.wei@example.com 3f9c2a1b.eml`: sorted by day, readable, one per owner and safe
 * on every file system. The readable part replaces what a file name cannot hold and is cut to a
 * bounded length, so two owners may share it (`o'brien@…`, `o_brien@…`, `王伟@…`, `李娜@…`); the
 * hash of the exact address keeps their files apart.
 */
export function emlFileName(runDate: string, owner: string): string {
  const readable = owner.replace(/[^A-Za-z0-9@._+-]/g, '_').slice(0, EML_NAME_CHARS);
  const hash = createHash('sha256').update(owner.toLowerCase()).digest('hex').slice(0, 8);
  return `${runDate} ${readable} ${hash}.eml`;
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

  /** A digest left when its file is in the outbox (it is renamed into place only when whole). */
  deliveredBefore(owner: string): boolean {
    return existsSync(join(this.dir, emlFileName(this.runDate, owner)));
  }

  send(mail: OutgoingMail): void {
    this.written.push(
      this.channel.deliver({
        // A line break or bidi override typed in Settings must not reach a header.
        mail: headerSafe(mail),
        from: this.from,
        fileName: emlFileName(this.runDate, mail.key ?? mail.to),
      }),
    );
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}

/**
 * Sends through an SMTP server (`smtp://user:pass@host:587`, `smtps://…:465`) with nodemailer.
 * Each digest the server accepted is recorded in `acceptedLog` (one line: run date, owner),
 * flushed to disk right after the server's answer, so a run killed after a send knows on the
 * next run that it left. Only a kill between the server's answer and that line can make a digest
 * go twice (at least once, never lost).
 */
export class SmtpMailer implements Mailer {
  sent = 0;
  private readonly channel: SyncMailChannel;

  constructor(
    url: string,
    private readonly from: string,
    private readonly acceptedLog: string,
    private readonly runDate: string,
  ) {
    this.channel = new SyncMailChannel(mailWorkerScript(), { kind: 'smtp', url });
  }

  remainingQuota(): number {
    return Infinity;
  }

  deliveredBefore(owner: string): boolean {
    if (!existsSync(this.acceptedLog)) return false;
    const line = acceptedLine(this.runDate, owner);
    return readFileSync(this.acceptedLog, 'utf8').split('\n').includes(line);
  }

  send(mail: OutgoingMail): void {
    this.channel.deliver({ mail: headerSafe(mail), from: this.from });
    this.sent += 1;
    appendFileSync(this.acceptedLog, `${acceptedLine(this.runDate, mail.key ?? mail.to)}\n`);
    const fd = openSync(this.acceptedLog, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}

function acceptedLine(runDate: string, owner: string): string {
  return `${runDate}\t${owner.toLowerCase()}`;
}

/** The record of digests an SMTP server accepted, beside the workbook. */
export function smtpAcceptedLog(dir: string, bookName: string): string {
  return join(dir, `.${bookName}.kam-smtp-accepted`);
}
