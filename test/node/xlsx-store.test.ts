import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook, ValueType, type Worksheet } from 'exceljs';
import { dayFromYmd } from '../../src/core/calendar/day';
import { resolveSheets } from '../../src/core/schema/match';
import { buildLayout } from '../../src/core/setup/layout';
import { sheetDef } from '../../src/core/schema/sheets';
import { dateCell, instantCell, type CellValue, type Grid } from '../../src/core/values/cell';
import { Journal, JournaledStore, journalPath, sha256 } from '../../src/node/xlsx/journal';
import { lightNames } from '../../src/node/xlsx/names';
import { XlsxWorkbookStore } from '../../src/node/xlsx/store';
import { compactValidations, validationModel } from '../../src/node/xlsx/validations';
import { dateCellOf, localWallClock } from '../../src/node/xlsx/values';
import { tempDir } from './helpers';

const INFO = { path: '/tmp/book.xlsx', fallbackLocale: 'en_US' };

function newStore(): XlsxWorkbookStore {
  const wb = new Workbook();
  lightNames(wb);
  return new XlsxWorkbookStore(wb, INFO);
}

async function roundTrip(store: XlsxWorkbookStore): Promise<XlsxWorkbookStore> {
  const bytes = Buffer.from(await store.workbook.xlsx.writeBuffer());
  const wb = new Workbook();
  lightNames(wb);
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return new XlsxWorkbookStore(wb, INFO);
}

describe('XlsxWorkbookStore', () => {
  it('writes and reads back every kind of value, text that looks like a formula as text', async () => {
    const day = dayFromYmd(2024, 2, 29);
    const ms = Date.UTC(2025, 10, 20, 9, 30, 0);
    const row: CellValue[] = [
      '=1+1',
      '+86 21 5555',
      '-5 left',
      '@home',
      '00123',
      'TRUE',
      12.5,
      true,
      null,
      dateCell(day),
      dateCell(day, 13 * 3600 + 5 * 60),
      instantCell(ms),
    ];
    const store = newStore();
    store.createSheet('S');
    store.writeRange('S', 1, 1, [row]);
    const back = await roundTrip(store);
    const [read] = back.readSheet('S');
    const wall = localWallClock(ms);
    expect(read).toEqual([...row.slice(0, 11), dateCellOf(wall)]);
    const ws = back.workbook.getWorksheet('S');
    for (let c = 1; c <= 6; c++) expect(ws?.getRow(1).getCell(c).type).toBe(ValueType.String);
    expect(ws?.getRow(1).getCell(10).numFmt).toBe('yyyy-mm-dd');
    expect(ws?.getRow(1).getCell(11).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('reads dates as calendar days whatever the serial noise, formulas by their result', () => {
    expect(dateCellOf(new Date(Date.UTC(2025, 0, 1) - 1))).toEqual({
      kind: 'date',
      day: dayFromYmd(2025, 1, 1),
      seconds: 0,
    });
    const store = newStore();
    store.createSheet('F');
    const row = (store.workbook.getWorksheet('F') as Worksheet).getRow(1);
    row.getCell(1).value = { formula: 'A2*2', result: 4 };
    row.getCell(2).value = { richText: [{ text: 'Ac' }, { text: 'me' }] };
    row.getCell(3).value = { text: 'link', hyperlink: 'https://example.com' };
    row.getCell(4).value = { error: '#N/A' } as never;
    expect(store.readSheet('F')).toEqual([[4, 'Acme', 'link', '#N/A']]);
  });

  it('keeps track of the last row through appends, blanks and body replacements', () => {
    const store = newStore();
    store.createSheet('Log');
    store.writeRange('Log', 1, 1, [['a', 'b']]);
    store.appendRows('Log', [['1', 'x']], 2);
    store.appendRows('Log', [['2', 'y']], 2);
    expect(store.lastRow('Log')).toBe(3);
    store.replaceBody('Log', [['only', 'row']], 2);
    expect(store.readSheet('Log')).toEqual([
      ['a', 'b'],
      ['only', 'row'],
    ]);
    store.appendRows('Log', [['next', 'z']], 2);
    expect(store.readSheet('Log')[2]).toEqual(['next', 'z']);
    store.replaceBody('Log', [], 2, ['h1', 'h2']);
    expect(store.readSheet('Log')).toEqual([['h1', 'h2']]);
  });

  it('creates the history sheet as History_, which Excel accepts and which still matches', () => {
    const store = newStore();
    store.createSheet('History');
    store.writeRange('History', 1, 1, [['snapshot_date']]);
    expect(store.sheetNames()).toEqual(['History_']);
    expect(resolveSheets(store.sheetNames()).sheets.get('history')).toBe('History_');
    expect(store.readSheet('History')).toEqual([['snapshot_date']]);
  });

  it('applies a layout idempotently, keeps user rules, and stores the named range as a range', async () => {
    const store = newStore();
    store.createSheet('Accounts');
    const def = sheetDef('accounts');
    store.writeRange('Accounts', 1, 1, [def.columns.map((c) => c.en)]);
    const positions = new Map(def.columns.map((c, i) => [c.key, i + 1]));
    const layout = buildLayout(def, positions, def.columns.length, 'en');
    const ws = store.workbook.getWorksheet('Accounts');
    ws?.addConditionalFormatting({
      ref: 'A2:A10',
      rules: [{ type: 'expression', priority: 1, formulae: ['A2="x"'], style: {} }],
    });
    store.applyLayout('Accounts', layout);
    store.applyLayout('Accounts', layout);
    const back = await roundTrip(store);
    back.applyLayout('Accounts', layout);
    const sheet = back.workbook.getWorksheet('Accounts') as unknown as {
      conditionalFormattings: unknown[];
    };
    expect(sheet.conditionalFormattings).toHaveLength(1 + layout.conditional.length);
    const names = back.workbook.definedNames.model.filter((n) => n.name === 'kam_accounts');
    expect(names).toEqual([{ name: 'kam_accounts', ranges: ["'Accounts'!$A$1:$AA$1000"] }]);
    const model = validationModel(back.workbook.getWorksheet('Accounts') as never);
    expect(Object.keys(model).filter((k) => k.startsWith('I')).length).toBe(1);
  });

  it('gives date columns a date format on blank cells only, so a number typed there stays a number', async () => {
    const store = newStore();
    store.createSheet('Transactions');
    const def = sheetDef('transactions');
    const header = def.columns.map((c) => c.en);
    const dateAt = header.indexOf('Date') + 1;
    const row = (v: CellValue): CellValue[] => header.map((_, i) => (i === dateAt - 1 ? v : null));
    const grid: Grid = [header, row(45000), row(null), row(dateCell(dayFromYmd(2026, 1, 2)))];
    store.writeRange('Transactions', 1, 1, grid);
    const ws = store.workbook.getWorksheet('Transactions') as Worksheet;
    // New style objects: ExcelJS cells of a row may share one, and numFmt= would change them all.
    for (const [r, numFmt] of [
      [4, 'd mmm yyyy'],
      [3, '0.00'],
    ] as const)
      ws.getCell(r, dateAt).style = { ...ws.getCell(r, dateAt).style, numFmt };
    const positions = new Map(def.columns.map((c, i) => [c.key, i + 1]));
    store.applyLayout('Transactions', buildLayout(def, positions, header.length, 'en', grid));
    const back = await roundTrip(store);
    const cells = back.workbook.getWorksheet('Transactions') as Worksheet;
    expect(cells.getCell(2, dateAt).value).toBe(45000);
    expect(cells.getCell(3, dateAt).numFmt).toBe('yyyy-mm-dd');
    expect(cells.getCell(4, dateAt).numFmt).toBe('d mmm yyyy');
    expect(back.readSheet('Transactions')[1][dateAt - 1]).toBe(45000);
  });

  it('folds per-cell validations back into ranges before writing', () => {
    const store = newStore();
    store.createSheet('V');
    const ws = store.workbook.getWorksheet('V') as never;
    const model = validationModel(ws);
    const dv = { type: 'list' as const, formulae: ['"a,b"'] };
    for (let r = 2; r <= 500; r++) model[`B${r}`] = dv;
    model.B700 = dv;
    compactValidations(ws);
    expect(Object.keys(model).sort()).toEqual(['B2:B500', 'B700']);
  });
});

describe('the remind journal', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('replays the log rows of a run that stopped before saving, and drops a stale journal', () => {
    const book = join(tmp.dir, 'book.xlsx');
    const base = sha256(Buffer.from('the workbook as on disk'));
    const path = journalPath(book);
    const crashed = newStore();
    crashed.createSheet('Reminder Log');
    const journal = new Journal(path, base);
    const store = new JournaledStore(crashed, journal);
    const rows: Grid = [[instantCell(1), dateCell(20000), 'a@example.com', 1, 0, 0, 0, 'sent', '']];
    store.writeRange('Reminder Log', 1, 1, [['sent_at', 'run_date', 'owner_email']]);
    store.appendRows('Reminder Log', rows, 9);
    journal.close();
    // A torn last line (the process died while writing it) is ignored.
    writeFileSync(path, '{"op":"append","sheet":"Rem', { flag: 'a' });

    const next = newStore();
    next.createSheet('Reminder Log');
    expect(Journal.recover(path, base, next)).toBe(2);
    const [header, logged] = next.readSheet('Reminder Log');
    expect(header.slice(0, 3)).toEqual(['sent_at', 'run_date', 'owner_email']);
    expect(logged.slice(1, 8)).toEqual([dateCell(20000), 'a@example.com', 1, 0, 0, 0, 'sent']);

    const saved = newStore();
    expect(Journal.recover(path, sha256(Buffer.from('saved since')), saved)).toBe(0);
    expect(existsSync(path)).toBe(false);
  });
});
