import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { demoBook, ensureBuilt, kam, KAM, readBook, sheetRows, tempDir } from './helpers';

/**
 * Reminders arrive once and are never lost, whatever happens to `kam remind`: killed with
 * SIGKILL at any moment, refused by the SMTP server for one recipient, started twice at once
 * beside a lock a dead run left, or mailing owners whose addresses make awkward file names.
 * Every test runs the real CLI as a child process. KAM_KILL_RUNS sets the kills per transport
 * (`npm run soak` runs 200).
 */
// One kill per transport in `npm test` (at a random moment each run); the soak runs 200.
const KILLS = Math.max(1, Number(process.env.KAM_KILL_RUNS ?? 1));
const DAY = '2025-11-21';
const DOMAIN = 'acme-industrial.example';
const ENV = { TZ: 'Asia/Shanghai', LANG: 'en_US.UTF-8' };
/** Time for a test of `runs` kill-and-rerun cycles on a busy machine. */
const budget = (runs: number): number => 60_000 + runs * 10_000;

interface Server {
  readonly port: number;
  /** Messages accepted (250 after DATA), per recipient address. */
  readonly accepted: Map<string, number>;
  close(): Promise<void>;
}

function smtpServer(refuse: (address: string) => boolean = () => false): Promise<Server> {
  const accepted = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse(address.address)) {
        const err = new Error('5.1.1 mailbox unavailable') as Error & { responseCode: number };
        err.responseCode = 550;
        callback(err);
      } else callback();
    },
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo)
          accepted.set(r.address, (accepted.get(r.address) ?? 0) + 1);
        callback();
      });
    },
  });
  // A client killed in the middle of a conversation resets the connection: expected here.
  server.on('error', () => undefined);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.server.address() as AddressInfo).port,
        accepted,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

/** Gives the accounts of the demo workbook to `owners` in turn, so each has a digest. */
async function withOwners(from: string, to: string, owners: readonly string[]): Promise<void> {
  const wb = await readBook(from);
  const ws = wb.getWorksheet('Accounts')!;
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = header.indexOf('Owner Email');
  let i = 0;
  ws.eachRow((row, r) => {
    if (r > 1) row.getCell(col).value = owners[i++ % owners.length];
  });
  await wb.xlsx.writeFile(to);
}

/** The last status per owner of DAY in Reminder Log (a later row wins), and every row. */
async function logOf(book: string): Promise<{ last: Map<string, string>; rows: unknown[][] }> {
  const rows = sheetRows(await readBook(book), 'Reminder Log')
    .slice(1)
    .filter((r) => r[1] instanceof Date && r[1].toISOString().startsWith(DAY));
  const last = new Map<string, string>();
  for (const r of rows) last.set(String(r[2]), String(r[7]));
  return { last, rows };
}

/** Starts `kam remind` and kills it with SIGKILL after `ms`; resolves when it is gone. */
function killedRun(args: string[], cwd: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [KAM, ...args], { cwd, env: { ...process.env, ...ENV } });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('kam remind: every digest exactly once', () => {
  const tmp = tempDir();
  let demo = '';
  const owners = Array.from({ length: 12 }, (_, i) => `owner${i}@${DOMAIN}`);
  let book = '';
  let n = 0;
  const fresh = (): { dir: string; book: string } => {
    const dir = join(tmp.dir, `case${++n}`);
    mkdirSync(dir);
    copyFileSync(book, join(dir, 'book.xlsx'));
    return { dir, book: join(dir, 'book.xlsx') };
  };

  beforeAll(async () => {
    ensureBuilt();
    demo = await demoBook(tmp.dir, 40);
    book = join(tmp.dir, 'owners.xlsx');
    await withOwners(demo, book, owners);
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('outbox names are unique per owner and short, however awkward the address', async () => {
    const awkward = [
      `o'brien@${DOMAIN}`,
      `o_brien@${DOMAIN}`,
      `o/brien@${DOMAIN}`,
      `王伟@${DOMAIN}`,
      `李娜@${DOMAIN}`,
      `${'x'.repeat(60)}.${'y'.repeat(60)}@${'d'.repeat(60)}.${'e'.repeat(60)}.${DOMAIN}`,
    ];
    const dir = join(tmp.dir, 'awkward');
    mkdirSync(dir);
    await withOwners(demo, join(dir, 'book.xlsx'), awkward);
    const r = await kam(['remind', 'book.xlsx', '--today', DAY, '--outbox', 'out'], dir, ENV);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { last } = await logOf(join(dir, 'book.xlsx'));
    const sent = [...last].filter(([, s]) => s === 'sent').map(([o]) => o);
    expect(sent.length).toBeGreaterThanOrEqual(5);
    const files = readdirSync(join(dir, 'out'));
    expect(files).toHaveLength(sent.length);
    for (const f of files) expect(Buffer.byteLength(f)).toBeLessThan(120);
  });

  it('a recipient the SMTP server refuses fails the digest, even when the copy got through', async () => {
    // Who gets a copy: one run against a server that refuses nobody.
    const probe = await smtpServer();
    let refused = '';
    try {
      const c = fresh();
      const r = await kam(
        ['remind', 'book.xlsx', '--today', DAY, '--smtp', `smtp://127.0.0.1:${probe.port}`],
        c.dir,
        ENV,
      );
      expect(r.code).toBe(0);
      const { rows } = await logOf(c.book);
      const withCc = rows.find((row) => row[7] === 'sent' && /^cc /.test(String(row[8])));
      expect(withCc).toBeDefined();
      refused = String(withCc![2]);
    } finally {
      await probe.close();
    }
    const server = await smtpServer((a) => a === refused);
    try {
      const c = fresh();
      const r = await kam(
        ['remind', 'book.xlsx', '--today', DAY, '--smtp', `smtp://127.0.0.1:${server.port}`],
        c.dir,
        ENV,
      );
      expect(r.code).not.toBe(2);
      const { last, rows } = await logOf(c.book);
      expect(last.get(refused)).toBe('failed');
      const failed = rows.find((row) => row[2] === refused && row[7] === 'failed')!;
      expect(String(failed[8])).toContain(`refused ${refused}`);
      expect(server.accepted.get(refused)).toBeUndefined();
      // The next run tries that owner again.
      const again = await kam(
        ['remind', 'book.xlsx', '--today', DAY, '--smtp', `smtp://127.0.0.1:${server.port}`],
        c.dir,
        ENV,
      );
      expect(again.code).not.toBe(2);
      expect(
        (await logOf(c.book)).rows.filter((row) => row[2] === refused && row[7] === 'failed'),
      ).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it(
    'three runs started together beside a dead run’s lock: exactly one sends',
    async () => {
      // A race: each try can pass by luck on a lock that is not atomic. test/node/lock.test.ts
      // drives the take-over itself deterministically; here the wiring of the CLI, more in soak.
      for (let i = 0; i < Math.max(2, KILLS); i++) {
        const c = fresh();
        // A pid that no process has: the run that left this lock is gone.
        writeFileSync(`${c.book}.kam-lock`, '2147483646');
        const args = ['remind', 'book.xlsx', '--today', DAY, '--outbox', 'out'];
        const runs = await Promise.all([1, 2, 3].map(() => kam(args, c.dir, ENV)));
        expect(runs.map((r) => r.code).sort()).toEqual([0, 2, 2]);
        expect(runs.map((r) => r.stderr).join('')).toMatch(
          /another kam run is updating this workbook/,
        );
        const { rows } = await logOf(c.book);
        const sentRows = rows.filter((r) => r[7] === 'sent');
        expect(new Set(sentRows.map((r) => r[2])).size).toBe(sentRows.length);
        expect(readdirSync(join(c.dir, 'out'))).toHaveLength(sentRows.length);
        expect(existsSync(`${c.book}.kam-lock`)).toBe(false);
      }
    },
    budget(Math.max(2, KILLS)),
  );

  /** An uninterrupted run: how long it takes (kills are spread over it) and who it mails. */
  async function reference(args: string[]): Promise<{ span: number; due: string[] }> {
    const c = fresh();
    const started = Date.now();
    const r = await kam(args, c.dir, ENV);
    expect(r.code).toBe(0);
    const span = Date.now() - started;
    const { last } = await logOf(c.book);
    const due = [...last].filter(([, s]) => s === 'sent').map(([o]) => o);
    expect(due.length).toBeGreaterThanOrEqual(owners.length);
    return { span, due };
  }

  it(
    `killed with SIGKILL at ${KILLS} random moments: the outbox gets every digest once`,
    async () => {
      const args = ['remind', 'book.xlsx', '--today', DAY, '--outbox', 'out'];
      const { span, due } = await reference(args);
      let lost = 0;
      for (let k = 0; k < KILLS; k++) {
        const c = fresh();
        await killedRun(args, c.dir, Math.floor(Math.random() * span));
        const r = await kam(args, c.dir, ENV);
        expect(r.code).toBe(0);
        const { last, rows } = await logOf(c.book);
        const files = readdirSync(join(c.dir, 'out')).filter((f) => f.endsWith('.eml'));
        for (const o of due) if (last.get(o) !== 'sent') lost++;
        // One file per owner, and one `sent` row per owner: nobody was sent twice.
        expect(files).toHaveLength(due.length);
        expect(rows.filter((r) => r[7] === 'sent')).toHaveLength(due.length);
      }
      expect(lost).toBe(0);
    },
    budget(KILLS),
  );

  it(
    `killed with SIGKILL at ${KILLS} random moments: SMTP loses no digest`,
    async () => {
      const server = await smtpServer();
      try {
        const args = [
          'remind',
          'book.xlsx',
          '--today',
          DAY,
          '--smtp',
          `smtp://127.0.0.1:${server.port}`,
        ];
        const { span, due } = await reference(args);
        let lost = 0;
        let duplicates = 0;
        for (let k = 0; k < KILLS; k++) {
          server.accepted.clear();
          const c = fresh();
          await killedRun(args, c.dir, Math.floor(Math.random() * span));
          const r = await kam(args, c.dir, ENV);
          expect(r.code).toBe(0);
          const { last } = await logOf(c.book);
          for (const o of due) {
            const got = server.accepted.get(o) ?? 0;
            if (got === 0 || last.get(o) !== 'sent') lost++;
            if (got > 1) duplicates += got - 1;
          }
        }
        process.stdout.write(
          `kill -9 during kam remind --smtp: ${KILLS} kills, ${lost} lost, ${duplicates} duplicates\n`,
        );
        expect(lost).toBe(0);
        // At least once: only a kill after the server took the message and before the
        // acceptance record is on disk (a few milliseconds of each send) can send a digest
        // twice: measured 3 in 200 kills. A regression that resends after every kill fails this.
        expect(duplicates).toBeLessThanOrEqual(Math.max(2, Math.ceil(KILLS / 20)));
      } finally {
        await server.close();
      }
    },
    budget(KILLS),
  );
});
