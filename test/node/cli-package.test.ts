import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDirectory, readEntry, rewriteZip } from '../../src/node/xlsx/zip';
import { demoBook, ensureBuilt, kam, readBook, tempDir, TODAY } from './helpers';

function part(bytes: Buffer, name: string): string {
  const entry = readDirectory(bytes).find((e) => e.name === name);
  if (!entry) throw new Error(`no part ${name}`);
  return readEntry(bytes, entry).toString('utf8');
}

/** Sheet name → part, the way a reader of the package finds it. */
function sheetPart(bytes: Buffer, sheet: string): string {
  const wb = part(bytes, 'xl/workbook.xml');
  const rels = part(bytes, 'xl/_rels/workbook.xml.rels');
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`no sheet ${sheet}`);
  return `xl/${target}`;
}

const WORKBOOK_PROTECTION =
  '<workbookProtection workbookAlgorithmName="SHA-512" ' +
  'workbookHashValue="kqJ8nW3C1Rl4t0v9bqfXlP1h3Pq2vQ0wqkJc6m9nT0D3S7F0p2p8s5r1yQeGm0zJ0mUe0YxkQwV6wq7s5q0v1A==" ' +
  'workbookSaltValue="x6Yl4QmU3pYt0zq2bFh8xA==" workbookSpinCount="100000" lockStructure="1"/>';
const SHEET_PROTECTION =
  '<sheetProtection algorithmName="SHA-512" ' +
  'hashValue="b0Tm2YbH8hQ2m6Yh6vJ9S2xk6jX0p5ZC3K5xY2Qy7n7bX1K2m0N8b8ZP0eG9yQ8rV3a0Qm0nF3q5f7mX1b2c3d==" ' +
  'saltValue="Qm9vZ2llV29vZ2llMTIzNA==" spinCount="100000" sheet="1" objects="1" scenarios="1" ' +
  'formatColumns="0" autoFilter="0"/>';
/** The legacy 16-bit hash older Excel and WPS still write. */
const LEGACY_PROTECTION = '<sheetProtection password="CC3D" sheet="1" objects="1"/>';

describe('kam keeps what ExcelJS would drop from the package', () => {
  const tmp = tempDir();
  let good: Buffer;

  beforeAll(async () => {
    ensureBuilt();
    good = readFileSync(await demoBook(tmp.dir, 10));
  });
  afterAll(() => tmp.cleanup());

  it('workbook protection and sheet passwords come back exactly as they were', async () => {
    const accounts = sheetPart(good, 'Accounts');
    const settings = sheetPart(good, 'Settings');
    const withProtection = (xml: string, el: string): Buffer =>
      Buffer.from(xml.replace('</sheetData>', `</sheetData>${el}`), 'utf8');
    const wbXml = part(good, 'xl/workbook.xml').replace(
      '<sheets>',
      `${WORKBOOK_PROTECTION}<sheets>`,
    );
    expect(wbXml).toContain(WORKBOOK_PROTECTION);
    const protectedBook = rewriteZip(
      good,
      new Map([
        ['xl/workbook.xml', Buffer.from(wbXml, 'utf8')],
        [accounts, withProtection(part(good, accounts), SHEET_PROTECTION)],
        [settings, withProtection(part(good, settings), LEGACY_PROTECTION)],
      ]),
    );
    const path = join(tmp.dir, 'protected.xlsx');
    writeFileSync(path, protectedBook);
    // The fixture is a workbook ExcelJS reads.
    expect((await readBook(path)).getWorksheet('Accounts')).toBeDefined();

    // A later day, so the refresh really writes (days since contact, a new history block).
    const r = await kam(['refresh', path, '--today', '2025-12-01'], tmp.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const after = readFileSync(path);
    expect(after.equals(protectedBook)).toBe(false);
    const element = (xml: string, name: string) =>
      new RegExp(`<${name}\\b[^>]*/>`).exec(xml)?.[0] ?? null;
    expect(element(part(after, 'xl/workbook.xml'), 'workbookProtection')).toBe(WORKBOOK_PROTECTION);
    expect(element(part(after, sheetPart(after, 'Accounts')), 'sheetProtection')).toBe(
      SHEET_PROTECTION,
    );
    expect(element(part(after, sheetPart(after, 'Settings')), 'sheetProtection')).toBe(
      LEGACY_PROTECTION,
    );
    // A sheet that had no protection gets none.
    expect(element(part(after, sheetPart(after, 'Transactions')), 'sheetProtection')).toBeNull();
    // The refresh did its work, and the result still opens.
    const wb = await readBook(path);
    expect(wb.getWorksheet('Accounts')?.rowCount).toBeGreaterThan(1);
  });

  it('refuses a package that declares a huge part, before unpacking it, naming the part', async () => {
    // The central directory of a real workbook, edited to declare 1.5 GiB of shared strings:
    // nothing that size is ever allocated.
    const bomb = Buffer.from(good);
    const entry = readDirectory(bomb).find((e) => e.name === 'xl/sharedStrings.xml');
    expect(entry).toBeDefined();
    let at = bomb.lastIndexOf(Buffer.from('xl/sharedStrings.xml'));
    at -= 46; // the central directory header before the name
    expect(bomb.readUInt32LE(at)).toBe(0x02014b50);
    bomb.writeUInt32LE(1.5 * 2 ** 30, at + 24);
    const path = join(tmp.dir, 'bomb.xlsx');
    writeFileSync(path, bomb);
    const r = await kam(['refresh', path, '--today', TODAY], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /bomb\.xlsx: the workbook unpacks to 1,5\d\d MiB \(xl\/sharedStrings\.xml alone is 1,536 MiB\), over the limit of 1,024 MiB; .*KAM_MAX_UNPACKED_MB/,
    );
    expect(readFileSync(path).equals(bomb)).toBe(true);
  });

  it('refuses a part that unpacks to more than its directory declares, naming it', async () => {
    // A bomb can lie in its directory: unpacking stops at the declared size.
    const liar = Buffer.from(good);
    const at = liar.lastIndexOf(Buffer.from('xl/sharedStrings.xml')) - 46;
    expect(liar.readUInt32LE(at)).toBe(0x02014b50);
    liar.writeUInt32LE(100, at + 24);
    const path = join(tmp.dir, 'liar.xlsx');
    writeFileSync(path, liar);
    const r = await kam(['refresh', path, '--today', TODAY], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(
      /^kam: \S*liar\.xlsx: the workbook is damaged and cannot be read \(xl\/sharedStrings\.xml unpacks to more than the 100 bytes declared\)$/,
    );
    expect(readFileSync(path).equals(liar)).toBe(true);
  });

  it('the limit is KAM_MAX_UNPACKED_MB, and an ordinary workbook is far below the default', async () => {
    const path = join(tmp.dir, 'small.xlsx');
    copyFileSync(join(tmp.dir, 'demo-en-10', 'kam-demo.xlsx'), path);
    const refused = await kam(['check', path, '--today', TODAY], tmp.dir, {
      KAM_MAX_UNPACKED_MB: '0.01',
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /small\.xlsx: the workbook unpacks to .* over the limit of 1 MiB/,
    );
    const r = await kam(['check', path, '--today', TODAY], tmp.dir);
    expect(r.stderr).not.toMatch(/unpacks/);
  });
});
