import { readFileSync } from 'node:fs';
import { XlsxPackage } from '../../../src/node/xlsx/package/package';
import { readSheetValues } from '../../../src/node/xlsx/package/sheet-read';
import { readDirectory, rewriteZip } from '../../../src/node/xlsx/zip';
import { demoBook, ensureBuilt, tempDir } from '../helpers';

/** A sheet part big enough (over 1 MiB compressed) that it is read slice by slice. */
function bigSheet(rows: number): Buffer {
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647).toFixed(9);
  const out = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'];
  out.push('<sheetData>');
  for (let r = 1; r <= rows; r++)
    out.push(
      `<row r="${r}"><c r="A${r}"><v>${rand()}</v></c><c r="B${r}" t="inlineStr"><is><t>客户 ${rand()}</t></is></c></row>`,
    );
  out.push('</sheetData></worksheet>');
  return Buffer.from(out.join(''), 'utf8');
}

describe('reading a big sheet part slice by slice', () => {
  const tmp = tempDir();
  let demo: Buffer;
  let part: string;
  beforeAll(async () => {
    ensureBuilt();
    demo = readFileSync(await demoBook(tmp.dir, 3));
    part = new XlsxPackage(demo).sheets[0].part;
  }, 60_000);
  afterAll(() => tmp.cleanup());

  const ctx = { strings: () => [], isDateStyle: () => false, date1904: false };

  it('gives the same values as reading the part whole', () => {
    const xml = bigSheet(60_000);
    const book = new XlsxPackage(rewriteZip(demo, new Map([[part, xml]])));
    const entry = readDirectory(book.bytes).find((e) => e.name === part);
    expect(entry?.compressedSize).toBeGreaterThan(1 << 20);
    const sliced = readSheetValues(() => book.slices(part), part, ctx);
    const whole = readSheetValues(book.part(part), part, ctx);
    expect(sliced.lastRow).toBe(60_000);
    expect(sliced.grid).toEqual(whole.grid);
    expect(Buffer.concat([...book.slices(part)]).equals(xml)).toBe(true);
  });

  it('refuses a part that unpacks to more than its directory declares, naming it', () => {
    const bytes = Buffer.from(rewriteZip(demo, new Map([[part, bigSheet(60_000)]])));
    const entry = readDirectory(bytes).find((e) => e.name === part);
    if (!entry) throw new Error('no entry');
    // Lower the declared size in the central directory record of that entry.
    const name = Buffer.from(part);
    for (let at = bytes.indexOf(name); at !== -1; at = bytes.indexOf(name, at + 1))
      if (bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(1000, at - 46 + 24);
    const book = new XlsxPackage(bytes);
    expect(() => [...book.slices(part)]).toThrow(
      new RegExp(`^${part.replace(/\./g, '\\.')}: unpacks to more than the 1,000 bytes declared`),
    );
  });
});
