import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { ensureBuilt, kam, readBook, sheetRows, tempDir, TODAY } from './helpers';

interface Received {
  readonly envelopeTo: string[];
  readonly mail: ParsedMail;
}

/** `kam remind --smtp` against a real SMTP server on 127.0.0.1, messages parsed by mailparser. */
describe('kam remind --smtp', () => {
  const tmp = tempDir();
  const book = join(tmp.dir, 'demo', 'kam-demo.xlsx');
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;
  const logRows = async (): Promise<unknown[][]> =>
    sheetRows(await readBook(book), 'Reminder Log').slice(1);
  /** The last status of each owner on `day`: the log is append-only, a later row wins. */
  const lastStatus = async (day: string): Promise<Map<string, unknown>> => {
    const out = new Map<string, unknown>();
    for (const r of await logRows())
      if (r[1] instanceof Date && r[1].toISOString().startsWith(day)) out.set(String(r[2]), r[7]);
    return out;
  };

  beforeAll(async () => {
    ensureBuilt();
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (e: Error) => callback(e),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
    const r = await kam(
      ['demo', '--out', join(tmp.dir, 'demo'), '--accounts', '24', '--seed', '3', '--today', TODAY],
      tmp.dir,
    );
    expect(r.code).toBe(0);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    tmp.cleanup();
  });

  it('logs failed digests when the server is down and exits 1, then sends them once it is up', async () => {
    const day = '2025-11-24';
    // A port nobody listens on: every digest fails and is retried on the next run.
    const down = await kam(
      ['remind', book, '--today', day, '--smtp', 'smtp://127.0.0.1:1'],
      tmp.dir,
    );
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/could not be sent/);
    const failed = [...(await lastStatus(day))]
      .filter(([, s]) => s === 'failed')
      .map(([owner]) => owner);
    expect(failed.length).toBeGreaterThan(0);

    const up = await kam(
      [
        'remind',
        book,
        '--today',
        day,
        '--smtp',
        `smtp://127.0.0.1:${port}`,
        '--from',
        'kam@acme-industrial.example',
      ],
      tmp.dir,
    );
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    const after = await lastStatus(day);
    for (const owner of failed) expect(after.get(owner)).toBe('sent');
    expect(received.map((r) => r.envelopeTo[0]).sort()).toEqual([...failed].sort());
    for (const { mail, envelopeTo } of received) {
      expect(envelopeTo[0]).toMatch(/@acme-industrial\.example$/);
      expect(mail.from?.value[0]).toEqual({
        name: 'Acme Key Account Reminders',
        address: 'kam@acme-industrial.example',
      });
      expect(mail.subject).toContain(day);
      expect(mail.text).toMatch(/KA-\d+/);
      expect(mail.html).toMatch(/KA-\d+/);
    }
    expect(new Set(received.map((r) => r.envelopeTo[0])).size).toBe(received.length);
  });

  it('sends nothing the second time on the same --today', async () => {
    const count = received.length;
    const rows = (await logRows()).length;
    const again = await kam(
      ['remind', book, '--today', '2025-11-24', '--smtp', `smtp://127.0.0.1:${port}`],
      tmp.dir,
    );
    expect(again.code).toBe(0);
    expect(received.length).toBe(count);
    expect(await logRows()).toHaveLength(rows);
  });
});
