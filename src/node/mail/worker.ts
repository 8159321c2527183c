/**
 * The mail worker thread (built as out/node/mail-worker.cjs). nodemailer only works
 * asynchronously, while the Mailer port's `send` is synchronous, as MailApp is: the remind job
 * logs each outcome before it moves on. So the main thread posts one mail and blocks on a shared
 * flag (see sync-mailer.ts); this thread sends or writes it and wakes it up with the result.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import nodemailer from 'nodemailer';
import type { MailReply, MailRequest, MailTarget } from './protocol';

const data = workerData as { target: MailTarget; port: MessagePort; signal: SharedArrayBuffer };
const flag = new Int32Array(data.signal);

const transport =
  data.target.kind === 'smtp'
    ? nodemailer.createTransport({
        url: data.target.url,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      })
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

async function deliver(req: MailRequest): Promise<string> {
  const m = req.mail;
  const message = {
    from: { name: m.senderName, address: req.from },
    to: m.to,
    cc: m.cc.length > 0 ? [...m.cc] : undefined,
    subject: m.subject,
    text: m.text,
    html: m.html,
  };
  const info = (await transport.sendMail(message)) as {
    message?: Buffer;
    messageId?: string;
    response?: string;
    rejected?: unknown[];
    rejectedErrors?: { message?: string }[];
  };
  if (data.target.kind === 'smtp') {
    // A server that refuses one recipient (550 at RCPT) still takes the message for the others:
    // the owner would miss it while the log says sent. Any refusal fails the digest.
    const refused = (info.rejected ?? []).map(String);
    if (refused.length > 0) {
      const why = (info.rejectedErrors ?? []).map((e) => e.message ?? '').filter(Boolean);
      throw new Error(
        `the SMTP server refused ${refused.join(', ')}${why.length > 0 ? ` (${why.join('; ')})` : ''}`,
      );
    }
    return info.response ?? info.messageId ?? '';
  }
  const path = join(data.target.dir, req.fileName ?? 'digest.eml');
  // Written under a temporary name first, so a crash never leaves half a message behind.
  const tmp = `${path}.tmp`;
  await fs.writeFile(tmp, info.message ?? Buffer.alloc(0));
  await fs.rename(tmp, path);
  return path;
}

function reply(r: MailReply): void {
  data.port.postMessage(r);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

parentPort?.on('message', (req: MailRequest | 'close' | 'ping') => {
  if (req === 'ping') {
    reply({ ok: true, detail: 'ready' });
    return;
  }
  if (req === 'close') {
    transport.close();
    reply({ ok: true, detail: 'closed' });
    return;
  }
  deliver(req).then(
    (detail) => reply({ ok: true, detail }),
    (e: unknown) => reply({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
