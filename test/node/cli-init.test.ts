import { columnLetter } from '../../src/core/schema/match';
import { readFileSync } from 'node:fs';
import { writeXlsx } from '../support/workbook-spec';
import { join } from 'node:path';
import { ValueType, type Worksheet } from 'exceljs';
import { SHEETS } from '../../src/core/schema/sheets';
import { ensureBuilt, kam, readBook, sheetRows, tempDir, TODAY } from './helpers';

function validations(ws: Worksheet): Record<string, { type: string; formulae?: unknown[] }> {
  return (
    ws as unknown as {
      dataValidations: { model: Record<string, { type: string; formulae?: unknown[] }> };
    }
  ).dataValidations.model;
}

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** `kam init` and `kam refresh`: .xlsx written, read back and compared. */
describe('kam init and refresh', () => {
  const tmp = tempDir();
  beforeAll(() => ensureBuilt());
  afterAll(() => tmp.cleanup());

  it('creates every sheet with headers, dropdowns, formats and frozen headers (English)', async () => {
    const path = join(tmp.dir, 'en.xlsx');
    const r = await kam(['init', path, '--locale', 'en'], tmp.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Created .*en\.xlsx \(18 sheets\)/);
    const wb = await readBook(path);
    // Excel reserves "History": the runner names it History_, which still matches the key.
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      SHEETS.map((s) => (s.en === 'History' ? 'History_' : s.en)),
    );
    const accounts = wb.getWorksheet('Accounts') as Worksheet;
    expect(sheetRows(wb, 'Accounts')[0]).toContain('Account ID');
    expect(accounts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = accounts.getRow(1).values as unknown[];
    const col = (name: string): string => columnLetter(header.indexOf(name) - 1);
    // ExcelJS reads a validation range back as one entry per cell.
    for (const row of [2, 1000])
      expect(validations(accounts)[`${col('Tier')}${row}`]).toMatchObject({
        type: 'list',
        formulae: ['"Strategic,Key,Standard,Potential"'],
      });
    expect(validations(accounts)[`${col('Tier')}1001`]).toBeUndefined();
    expect(validations(accounts)[`${col('Next Action Date')}2`]).toMatchObject({ type: 'date' });
    expect(accounts.getColumn(header.indexOf('Next Action Date')).numFmt).toBe('yyyy-mm-dd');
    // Script columns have the grey header.
    expect(accounts.getRow(1).getCell(header.indexOf('Stale')).fill).toMatchObject({
      fgColor: { argb: 'FFD9D9D9' },
    });
    expect(wb.definedNames.getRanges('kam_accounts').ranges[0]).toMatch(
      /Accounts'?!\$A\$1:\$[A-Z]+\$1000/,
    );
    const settings = sheetRows(wb, 'Settings');
    expect(settings.map((r) => r[0])).toContain('allowed_recipient_domains');

    // Running it again adds nothing and leaves the file alone.
    const before = readFileSync(path);
    const again = await kam(['init', path], tmp.dir);
    expect(again.stdout).toMatch(/already set up/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('writes Chinese sheet names and headers with --locale zh-CN', async () => {
    const path = join(tmp.dir, 'zh.xlsx');
    expect((await kam(['init', path, '--locale', 'zh-CN'], tmp.dir)).code).toBe(0);
    const wb = await readBook(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS.map((s) => s.zh));
    expect(sheetRows(wb, '客户')[0].slice(0, 3)).toEqual(['客户编号', '客户名称', '上级客户编号']);
    const ws = wb.getWorksheet('客户') as Worksheet;
    expect(
      Object.values(validations(ws)).some(
        (v) => v.type === 'list' && String(v.formulae?.[0]).includes('战略'),
      ),
    ).toBe(true);
  });

  it('refreshes a workbook a person filled in: script columns, summary and data issues, with a .bak', async () => {
    const path = join(tmp.dir, 'book.xlsx');
    expect((await kam(['init', path, '--locale', 'en'], tmp.dir)).code).toBe(0);
    const wb = await readBook(path);
    const accounts = wb.getWorksheet('Accounts') as Worksheet;
    accounts.getRow(2).values = [
      'KA-1',
      'Acme',
      null,
      'Retail',
      'East',
      '=cmd|calc',
      'li@example.com',
      null,
      'Key',
      'Active',
      1000,
    ];
    accounts.getRow(3).values = [
      '00123',
      '+Beta',
      null,
      null,
      null,
      '@home',
      'li@example.com',
      null,
      'Standard',
      'Active',
    ];
    const tx = wb.getWorksheet('Transactions') as Worksheet;
    tx.getRow(2).values = [utc(2025, 11, 1), 'KA-1', 'Sensor', 2, 100];
    tx.getRow(3).values = ['2025/11/10', 'KA-1', 'Pump', null, null, '¥ 1,500'];
    tx.getRow(4).values = ['2025/13/45', 'KA-1', 'Bad date', 1, 1];
    await wb.xlsx.writeFile(path);
    const original = readFileSync(path);

    const r = await kam(['refresh', path, '--today', TODAY], tmp.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Refreshed 2 accounts/);
    expect(readFileSync(`${path}.bak`).equals(original)).toBe(true);

    const after = await readBook(path);
    const rows = sheetRows(after, 'Accounts');
    const h = rows[0] as string[];
    const acme = rows[1];
    expect(acme[h.indexOf('Revenue (12m)')]).toBe(1700);
    expect(acme[h.indexOf('Last Activity')]).toEqual(utc(2025, 11, 10));
    expect(acme[h.indexOf('Days Since Activity')]).toBe(10);
    expect(typeof acme[h.indexOf('Stale')]).toBe('boolean');
    // Text that looks like a formula, a number or a sign stays text.
    const ws = after.getWorksheet('Accounts') as Worksheet;
    expect(ws.getRow(2).getCell(h.indexOf('Address') + 1).type).toBe(ValueType.String);
    expect(ws.getRow(3).getCell(1).value).toBe('00123');
    expect(ws.getRow(3).getCell(2).value).toBe('+Beta');
    expect(ws.getRow(3).getCell(6).value).toBe('@home');

    const summary = sheetRows(after, 'Summary');
    expect(summary[0].slice(0, 3)).toEqual(['snapshot_date', 'account_id', 'account_name']);
    expect(summary).toHaveLength(3);
    expect(summary[1][0]).toEqual(utc(2025, 11, 20));
    expect(sheetRows(after, 'History_')).toHaveLength(3);
    const issues = sheetRows(after, 'Data Issues');
    expect(issues.some((row) => row[0] === 'Transactions' && row[1] === 4)).toBe(true);

    // Every write goes through a new file: the .bak is always the version before this run.
    const second = readFileSync(path);
    expect((await kam(['refresh', path, '--today', TODAY], tmp.dir)).code).toBe(0);
    expect(readFileSync(`${path}.bak`).equals(second)).toBe(true);
    expect(sheetRows(await readBook(path), 'History_')).toHaveLength(3);
  });

  it('reads a workbook made elsewhere: headers in any order, an existing History tab, user columns', async () => {
    const path = join(tmp.dir, 'theirs.xlsx');
    await writeXlsx(path, {
      客户: [
        ['My column', '负责人邮箱', '客户名称', '客户编号'],
        ['keep me', 'wang@example.com', '华东精密', 'KA-9'],
      ],
    });
    const r = await kam(['refresh', path, '--today', TODAY], tmp.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已刷新 1 个客户/);
    const after = await readBook(path);
    const rows = sheetRows(after, '客户');
    expect(rows[1].slice(0, 4)).toEqual(['keep me', 'wang@example.com', '华东精密', 'KA-9']);
    expect(after.getWorksheet('汇总')).toBeDefined();
  });
});
