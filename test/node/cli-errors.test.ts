import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { demoBook, ensureBuilt, kam, tempDir, TODAY } from './helpers';

/**
 * Every way a workbook can be unusable gets one line naming the file, exit code 2, and the
 * file byte-for-byte as it was (docs/cli.md).
 */
describe('kam on files it cannot use', () => {
  const tmp = tempDir();
  const good = join(tmp.dir, 'good.xlsx');

  beforeAll(async () => {
    ensureBuilt();
    copyFileSync(await demoBook(tmp.dir, 10), good);
  });
  afterAll(() => tmp.cleanup());

  async function expectRefused(
    file: string,
    pattern: RegExp,
    args: string[] = ['refresh'],
  ): Promise<void> {
    const before = existsSync(file) ? readFileSync(file) : null;
    const r = await kam([...args, file, '--today', TODAY], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    if (before) expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}.bak`)).toBe(false);
    // No temporary file or lock is left behind.
    expect(
      readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.kam-lock')),
    ).toEqual([]);
  }

  function copy(name: string): string {
    const path = join(tmp.dir, name);
    copyFileSync(good, path);
    return path;
  }

  it('a missing file', async () => {
    await expectRefused(join(tmp.dir, 'nope.xlsx'), /nope\.xlsx: no such file/);
  });

  it('a file that is not a workbook', async () => {
    const path = join(tmp.dir, 'notes.xlsx');
    writeFileSync(path, 'account_id,name\nKA-1,Acme\n');
    await expectRefused(path, /notes\.xlsx: not an \.xlsx workbook/);
    const zip = join(tmp.dir, 'doc.xlsx');
    // A zip that is not a workbook (a renamed .docx has no xl/workbook.xml either).
    writeFileSync(zip, Buffer.from('504b0304', 'hex'));
    await expectRefused(zip, /doc\.xlsx: not an \.xlsx workbook/);
  });

  it('a corrupt workbook', async () => {
    const path = join(tmp.dir, 'broken.xlsx');
    const bytes = readFileSync(good);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(path, /broken\.xlsx: (the workbook is damaged|not an \.xlsx)/);
  });

  it('a workbook open in Excel or LibreOffice', async () => {
    const path = copy('open.xlsx');
    writeFileSync(join(tmp.dir, '~$open.xlsx'), 'owner');
    await expectRefused(
      path,
      /open\.xlsx: the workbook is open in another program \(lock file ~\$open\.xlsx\)/,
    );
    rmSync(join(tmp.dir, '~$open.xlsx'));
    writeFileSync(join(tmp.dir, '.~lock.open.xlsx#'), 'owner');
    await expectRefused(path, /open in another program/, ['remind']);
    rmSync(join(tmp.dir, '.~lock.open.xlsx#'));
  });

  it('a workbook another kam run is updating', async () => {
    const path = copy('busy.xlsx');
    // pid 1 is alive on every machine: the lock is not stale.
    writeFileSync(`${path}.kam-lock`, '1');
    const before = readFileSync(path);
    const r = await kam(['refresh', path, '--today', TODAY], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/another kam run is updating this workbook/);
    expect(readFileSync(path).equals(before)).toBe(true);
    rmSync(`${path}.kam-lock`);
  });

  it('a missing sheet or a missing required header', async () => {
    const wb = new Workbook();
    // Neither a name nor an alias of any sheet, and no header of ours.
    wb.addWorksheet('Scratch').addRow(['whatever']);
    const noSheet = join(tmp.dir, 'nosheet.xlsx');
    await wb.xlsx.writeFile(noSheet);
    await expectRefused(noSheet, /nosheet\.xlsx: sheet "Accounts" is missing; `kam init/);

    const wb2 = new Workbook();
    // Without an ID column the name keys the accounts; without a name there is nothing to key.
    wb2.addWorksheet('Accounts').addRow(['Account ID', 'Owner Email']).commit();
    wb2.getWorksheet('Accounts')?.addRow(['A1', 'a@example.com']);
    const noHeader = join(tmp.dir, 'noheader.xlsx');
    await wb2.xlsx.writeFile(noHeader);
    await expectRefused(noHeader, /noheader\.xlsx: .*Accounts.*Account Name/);
  });

  it('reminders with no allowed_recipient_domains name the setting', async () => {
    const path = join(tmp.dir, 'noallow.xlsx');
    const init = await kam(['init', path], tmp.dir);
    expect(init.code).toBe(0);
    await expectRefused(path, /noallow\.xlsx: .*allowed_recipient_domains/, ['remind']);
  });

  it('bad usage', async () => {
    const r1 = await kam(['refresh', good, '--today', '2025-02-30'], tmp.dir);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/--today must be a real date/);
    const r2 = await kam(['refresh', good, '--bogus'], tmp.dir);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/unknown option/);
    const r3 = await kam(['frobnicate'], tmp.dir);
    expect(r3.code).toBe(2);
    const r4 = await kam(['remind', good, '--smtp', 'http://x', '--today', TODAY], tmp.dir);
    expect(r4.code).toBe(2);
    const r5 = await kam(['--help'], tmp.dir);
    expect(r5.code).toBe(0);
    expect(r5.stdout).toMatch(/demo.*\n.*init/s);
  });
});
