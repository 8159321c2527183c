import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { demoBook, ensureBuilt, kam, readBook, sheetRows, tempDir, TODAY } from './helpers';

/** Every name in `dir` that looks like a temporary file, at any depth. */
function temps(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tmp$/.test(f));
}

/** A compound file as Excel writes one for a workbook with an open password (MS-OFFCRYPTO). */
function encryptedWorkbook(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // the directory starts at sector 1
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  header.writeUInt32LE(0, 76);
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 76 + 4 * i);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const dir = Buffer.alloc(512);
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces'].forEach((name, i) => {
    const at = i * 128;
    dir.write(name, at, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, at + 64);
    dir[at + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, fat, dir]);
}

describe('kam says clearly what is wrong, in the user’s language', () => {
  const tmp = tempDir();
  const demo = join(tmp.dir, 'demo-en-12', 'kam-demo.xlsx');
  const demoZh = join(tmp.dir, 'demo-zh-CN-12', 'kam-demo.xlsx');
  let n = 0;
  /** A fresh copy of the demo workbook in a folder of its own. */
  function copy(from = demo): { dir: string; book: string } {
    const dir = join(tmp.dir, `case${++n}`);
    mkdirSync(dir);
    const book = join(dir, 'book.xlsx');
    copyFileSync(from, book);
    return { dir, book };
  }

  beforeAll(async () => {
    ensureBuilt();
    await demoBook(tmp.dir, 12);
    await demoBook(tmp.dir, 12, 'zh-CN');
  });
  afterAll(() => tmp.cleanup());

  it('a password-encrypted workbook is called that, with what to do', async () => {
    const path = join(tmp.dir, 'secret.xlsx');
    writeFileSync(path, encryptedWorkbook());
    const r = await kam(['refresh', path, '--today', TODAY], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/secret\.xlsx: the workbook is password-protected \(encrypted\)/);
    expect(r.stderr).toMatch(/remove the password/);
    expect(r.stderr).not.toMatch(/97–2003/);
    // An old .xls is still called one.
    const xls = join(tmp.dir, 'old.xls.xlsx');
    writeFileSync(xls, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]));
    const old = await kam(['refresh', xls, '--today', TODAY], tmp.dir);
    expect(old.stderr).toMatch(/old Excel 97–2003 \(\.xls\)/);
  });

  it('report --out an existing folder writes the report inside it and leaves no temporary file', async () => {
    const { dir, book } = copy();
    const out = join(dir, 'reports');
    mkdirSync(out);
    const r = await kam(['report', book, '--out', out, '--today', TODAY], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['book-report.html']);
    expect(r.stdout).toContain(join(out, 'book-report.html'));
    expect(temps(dir)).toEqual([]);
  });

  it('init into a folder that does not exist says so', async () => {
    const r = await kam(['init', join('missing', 'new.xlsx')], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd()).toBe(
      'kam: missing/new.xlsx: the folder missing does not exist; create it first or give another path',
    );
    expect(existsSync(join(tmp.dir, 'missing'))).toBe(false);
  });

  it('a dry run needs no lock and no write access to the folder', async () => {
    const { dir, book } = copy();
    // A lock held by a live process (this test): a real run would wait its turn.
    writeFileSync(`${book}.kam-lock`, String(process.pid));
    const before = readFileSync(book);
    const r = await kam(['remind', book, '--dry-run', '--today', TODAY], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Dry run: nothing was sent/);
    expect(readFileSync(`${book}.kam-lock`, 'utf8')).toBe(String(process.pid));
    expect(readFileSync(book).equals(before)).toBe(true);
    // Permissions do not bind root; elsewhere, a read-only folder.
    if (process.getuid?.() !== 0 && process.platform !== 'win32') {
      const { dir: ro, book: roBook } = copy();
      chmodSync(ro, 0o555);
      try {
        const rr = await kam(['remind', roBook, '--dry-run', '--today', TODAY], ro);
        expect(rr.stderr).toBe('');
        expect(rr.code).toBe(0);
      } finally {
        chmodSync(ro, 0o755);
      }
    }
  });

  it('a temporary file a killed run left is removed by the next run; nothing else is', async () => {
    const { dir, book } = copy();
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: never a live process
    const stale = [`.book.xlsx.${dead}.0123abcd.tmp`, `.book.xlsx.${dead}.89abcdef.tmp`];
    writeFileSync(join(dir, stale[0]), '');
    writeFileSync(join(dir, stale[1]), 'half a workbook');
    const kept = [
      `.book.xlsx.${process.pid}.0badf00d.tmp`, // a live run's
      `.other.xlsx.${dead}.0123abcd.tmp`, // another workbook's
      'notes.tmp',
      '.book.xlsx.tmp',
    ];
    for (const name of kept) writeFileSync(join(dir, name), '');
    const r = await kam(['refresh', book, '--today', TODAY], dir);
    expect(r.code).toBe(0);
    expect(temps(dir).sort()).toEqual([...kept].sort());
  });

  /** Accounts (all, or the first `rows`) owned by three owners outside the allowed domains. */
  async function withOutsiders(book: string, rows = Infinity): Promise<void> {
    const wb = await readBook(book);
    const accounts = wb.worksheets[0];
    const outside = ['x@outside.test', 'y@outside.test', 'z@outside.test'];
    for (let r = 2; r <= Math.min(accounts.rowCount, rows + 1); r++)
      accounts.getCell(`G${r}`).value = outside[r % outside.length];
    await wb.xlsx.writeFile(book);
  }

  it('the dry run gives the same reason as the real run for owners it would not email', async () => {
    const { dir, book } = copy();
    await withOutsiders(book);
    const reasons = (stdout: string) =>
      stdout
        .split('\n')
        .filter((l) => /^\s+(blocked|skipped)\s/.test(l))
        .map((l) => l.trim());
    const dry = await kam(['remind', book, '--dry-run', '--today', TODAY], dir);
    expect(dry.code).toBe(0);
    const real = await kam(['remind', book, '--outbox', join(dir, 'out'), '--today', TODAY], dir);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/blocked 3/);
    expect(dry.stdout).toMatch(/blocked 3/);
    expect(reasons(real.stdout).length).toBeGreaterThanOrEqual(3);
    expect(reasons(dry.stdout)).toEqual(reasons(real.stdout));
    expect(reasons(dry.stdout).join('\n')).toMatch(/outside allowed_recipient_domains/);
  });

  it('status words are Chinese in Chinese output', async () => {
    const { dir, book } = copy(demoZh);
    await withOutsiders(book, 3);
    const r = await kam(['remind', book, '--dry-run', '--today', '2025-11-21'], dir, {
      LANG: 'zh_CN.UTF-8',
    });
    expect(r.code).toBe(0);
    // The demo's director got this week's manager digest when the demo ran: already sent.
    expect(r.stdout).toMatch(/^提醒：本周已发送 1 · 预览 \d+ · 已拦截 \d+$/m);
    expect(r.stdout).toMatch(/^\s+本周已发送\s+\S+@\S+\s+大客户周报 \d{4}-W\d\d：/m);
    expect(r.stdout).toMatch(/^\s+预览\s+\S+@/m);
    expect(r.stdout).toMatch(
      /^\s+已拦截\s+\S+@\S+\s+\S+ 不在 allowed_recipient_domains 允许范围内/m,
    );
    expect(r.stdout).not.toMatch(/\b(preview|blocked|skipped)\b/);
  });

  it('no cell over Excel’s 32,767 characters is written; the user’s own cell is left as it is', async () => {
    const { dir, book } = copy();
    const wb = await readBook(book);
    const long = `Acme ${'x'.repeat(60_000)}`;
    wb.getWorksheet('Accounts')!.getCell('B2').value = long;
    await wb.xlsx.writeFile(book);
    const r = await kam(['refresh', 'book.xlsx', '--today', TODAY], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^kam: book\.xlsx: \d+ cells the script wrote were longer than the 32,767 characters Excel allows in a cell; they were shortened and end in "…\[truncated\]" \(first: \S+!\w+\)/,
    );
    const after = await readBook(book);
    const over: string[] = [];
    after.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && cell.value.length > 32_767)
            over.push(`${ws.name}!${cell.address}`);
        }),
      ),
    );
    expect(over).toEqual(['Accounts!B2']);
    expect(after.getWorksheet('Accounts')!.getCell('B2').value).toBe(long);
    const cut = sheetRows(after, 'Summary')
      .flat()
      .filter((v) => typeof v === 'string' && v.startsWith('Acme x'));
    expect(cut.length).toBeGreaterThan(0);
    for (const v of cut) {
      expect((v as string).length).toBe(32_767);
      expect(v).toMatch(/x…\[truncated\]$/);
    }
  });

  it('a line break in --from is refused', async () => {
    const { dir, book } = copy();
    const r = await kam(
      ['remind', book, '--from', 'kam@example.com\r\nBcc: all@example.com', '--dry-run'],
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--from must be one email address on one line, got "kam@example\.com\\r\\nBcc: all@example\.com"/,
    );
  });

  it('bidirectional controls in workbook text do not reach report.html', async () => {
    const { dir, book } = copy();
    const wb = await readBook(book);
    const accounts = wb.getWorksheet('Accounts')!;
    for (let r = 2; r <= accounts.rowCount; r++)
      accounts.getCell(`B${r}`).value = `Acme ${r} \u202Egnp.exe\u202C Ltd \u2067x\u2069`;
    await wb.xlsx.writeFile(book);
    const r = await kam(['report', book, '--today', TODAY], dir);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'book-report.html'), 'utf8');
    expect(html).toMatch(/Acme \d+ gnp\.exe Ltd x/);
    expect(html).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });
});
