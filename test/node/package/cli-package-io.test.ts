import { chmodSync, copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDirectory, readEntry, rewriteZip } from '../../../src/node/xlsx/zip';
import { demoBook, ensureBuilt, kam, tempDir, TODAY } from '../helpers';

function parts(bytes: Buffer): Map<string, Buffer> {
  return new Map(readDirectory(bytes).map((e) => [e.name, readEntry(bytes, e)]));
}

const text = (bytes: Buffer, name: string): string =>
  parts(bytes).get(name)?.toString('utf8') ?? '';

/** The demo with one more user sheet, "Notes", whose part is `notes` (as given, even broken). */
function withNotesSheet(
  book: Buffer,
  notes: string,
  extra: Map<string, Buffer> = new Map(),
): Buffer {
  const wb = text(book, 'xl/workbook.xml').replace(
    '</sheets>',
    '<sheet name="Notes" sheetId="99" r:id="rIdNotes"/></sheets>',
  );
  const rels = text(book, 'xl/_rels/workbook.xml.rels').replace(
    '</Relationships>',
    '<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/notes.xml"/></Relationships>',
  );
  const types = text(book, '[Content_Types].xml').replace(
    '</Types>',
    '<Override PartName="/xl/worksheets/notes.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  return rewriteZip(
    book,
    new Map([
      ['xl/workbook.xml', Buffer.from(wb)],
      ['xl/_rels/workbook.xml.rels', Buffer.from(rels)],
      ['[Content_Types].xml', Buffer.from(types)],
    ]),
    new Map([['xl/worksheets/notes.xml', Buffer.from(notes)], ...extra]),
  );
}

describe('kam on the package: what it reads, what it refuses', () => {
  const tmp = tempDir();
  let demo: Buffer;
  beforeAll(async () => {
    ensureBuilt();
    demo = readFileSync(await demoBook(tmp.dir, 12));
  });
  afterAll(() => tmp.cleanup());

  it('reads only the sheets a command needs: a part it never needs may even be unreadable', async () => {
    const broken = '<worksheet><sheetData><row></worksheet>';
    const junk = Buffer.from('<c:chartSpace><not closed');
    const book = withNotesSheet(demo, broken, new Map([['xl/charts/chart9.xml', junk]]));
    const path = join(tmp.dir, 'lazy.xlsx');
    writeFileSync(path, book);
    for (const args of [
      ['check', path, '--today', TODAY],
      ['refresh', path, '--today', '2025-12-01'],
      ['remind', path, '--today', '2025-12-01', '--dry-run'],
    ]) {
      const r = await kam(args, tmp.dir);
      expect(r.stderr).toBe('');
      expect([0, 1]).toContain(r.code);
    }
    const after = parts(readFileSync(path));
    expect(after.get('xl/worksheets/notes.xml')?.toString()).toBe(broken);
    expect(after.get('xl/charts/chart9.xml')?.equals(junk)).toBe(true);
  });

  it('names the part it cannot parse, never calls the file damaged, and changes nothing', async () => {
    const wb = text(demo, 'xl/workbook.xml');
    const rels = text(demo, 'xl/_rels/workbook.xml.rels');
    const id = /<sheet [^>]*name="Accounts"[^>]*r:id="([^"]+)"/.exec(wb)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    const accounts = `xl/${target}`;
    const bad = text(demo, accounts).replace(
      '</sheetData>',
      '<row r="9999"><c r="A9999"></sheetData>',
    );
    const path = join(tmp.dir, 'bad.xlsx');
    const book = rewriteZip(demo, new Map([[accounts, Buffer.from(bad)]]));
    writeFileSync(path, book);
    const r = await kam(['refresh', path, '--today', TODAY], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`kam cannot read ${accounts} in this workbook`);
    expect(r.stderr).not.toMatch(/damaged/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(path).equals(book)).toBe(true);
  });

  it('refuses a read-only workbook with exit 2 and leaves it as it was; check still reads it', async () => {
    const path = join(tmp.dir, 'readonly.xlsx');
    writeFileSync(path, demo);
    chmodSync(path, 0o444);
    for (const args of [
      ['refresh', path, '--today', '2025-12-01'],
      ['remind', path, '--today', '2025-12-01'],
    ]) {
      const r = await kam(args, tmp.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('readonly.xlsx: the workbook is read-only');
    }
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(readFileSync(path).equals(demo)).toBe(true);
    const check = await kam(['check', path, '--today', TODAY], tmp.dir);
    expect([0, 1]).toContain(check.code);
  });

  it('kam init refuses a workbook whose charts ExcelJS would drop, and changes nothing', async () => {
    const chart = Buffer.from(
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
    const book = rewriteZip(demo, new Map(), new Map([['xl/charts/chart1.xml', chart]]));
    const path = join(tmp.dir, 'charted.xlsx');
    writeFileSync(path, book);
    const r = await kam(['init', path], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'kam init would rewrite the whole workbook and could not keep xl/charts/chart1.xml',
    );
    expect(readFileSync(path).equals(book)).toBe(true);
    const refresh = await kam(['refresh', path, '--today', '2025-12-01'], tmp.dir);
    expect(refresh.code).toBe(0);
    expect(parts(readFileSync(path)).get('xl/charts/chart1.xml')?.equals(chart)).toBe(true);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const path = join(tmp.dir, 'mode.xlsx');
    copyFileSync(join(tmp.dir, 'demo-en-12', 'kam-demo.xlsx'), path);
    chmodSync(path, 0o640);
    const r = await kam(['refresh', path, '--today', '2025-12-01'], tmp.dir);
    expect(r.code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });
});
