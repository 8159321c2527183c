import {
  MessageChannel,
  Worker,
  receiveMessageOnPort,
  type MessagePort,
} from 'node:worker_threads';
import type { MailReply, MailRequest, MailTarget } from './protocol';

/** Longer than nodemailer's own timeouts (30 s connect, 60 s idle socket), so they speak first. */
const REPLY_TIMEOUT_MS = 3 * 60_000;
/** A worker that cannot start (a broken install) would otherwise block for the full timeout. */
const START_TIMEOUT_MS = 15_000;

/**
 * A synchronous call into the mail worker: post the request, block on a shared flag until the
 * worker has answered, then take the answer off the reply port. The main thread does nothing
 * else meanwhile, which is what the Mailer port promises (`send` returns once the mail is out).
 */
export class SyncMailChannel {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private closed = false;

  constructor(workerScript: string, target: MailTarget) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(workerScript, {
      workerData: { target, port: port2, signal: this.flag.buffer },
      transferList: [port2],
    });
    // The worker must never keep the CLI alive after the job.
    this.worker.unref();
    const hello = this.call('ping', START_TIMEOUT_MS);
    if (!hello.ok) throw new Error(`the mail worker did not start: ${hello.error}`);
  }

  private call(req: MailRequest | 'close' | 'ping', timeoutMs = REPLY_TIMEOUT_MS): MailReply {
    Atomics.store(this.flag, 0, 0);
    this.worker.postMessage(req);
    if (Atomics.wait(this.flag, 0, 0, timeoutMs) === 'timed-out')
      return { ok: false, error: `no answer in ${Math.round(timeoutMs / 1000)} s` };
    const msg = receiveMessageOnPort(this.port);
    return msg
      ? (msg.message as MailReply)
      : { ok: false, error: 'the mail worker did not answer' };
  }

  /** Delivers one mail; throws with the server's or file system's message when it fails. */
  deliver(req: MailRequest): string {
    const r = this.call(req);
    if (!r.ok) throw new Error(r.error);
    return r.detail;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.call('close');
    this.port.close();
    await this.worker.terminate();
  }
}
