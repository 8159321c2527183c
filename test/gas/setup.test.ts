import { handleOpen, handleSetup } from '../../src/gas/handlers';
import { columnLetter } from '../../src/core/schema/match';
import { seedFake } from '../support/workbook-spec';
import { SHEETS } from '../../src/core/schema/sheets';
import { SETTING_DEFS } from '../../src/core/settings/definitions';
import { snapshotSpreadsheet, userCells } from '../support/snapshot';
import { installGas } from './seed';

describe('Set up workbook against the fake', () => {
  it('on an empty spreadsheet creates every sheet in English with headers, settings and rates', () => {
    const gas = installGas({ locale: 'en_US' });
    handleSetup();
    const names = gas.control.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(['Sheet1', ...SHEETS.map((s) => s.en)]);
    expect(gas.control.sheetValues('Accounts')[0]).toEqual(SHEETS[0].columns.map((c) => c.en));
    expect(gas.control.sheetValues('Summary')[0][0]).toBe('snapshot_date');
    const settings = gas.control.sheetValues('Settings');
    expect(settings[0]).toEqual(['Setting', 'Value', 'Description']);
    expect(settings.slice(1, 1 + SETTING_DEFS.length).map((r) => r[0])).toEqual(
      SETTING_DEFS.map((d) => d.key),
    );
    const rateHeader = settings.findIndex((r) => r[0] === 'Currency');
    expect(rateHeader).toBe(SETTING_DEFS.length + 2);
    expect(settings[rateHeader + 1]).toEqual(['CNY', 1, '']);
    // Header look: script columns grey, frozen header row, warning-only protection.
    const sheet = gas.control.sheet('Accounts');
    expect(sheet._frozenRows).toBe(1);
    expect(gas.control.format('Accounts', 'A1', 'background')).toBe('#e8f0fe');
    const staleCol = SHEETS[0].columns.findIndex((c) => c.key === 'stale') + 1;
    expect(sheet._format('background', 1, staleCol)).toBe('#d9d9d9');
    const prot = gas.control.spreadsheet._protections.filter((p) => p._sheet._name === 'Accounts');
    expect(prot.length).toBeGreaterThan(0);
    expect(prot.every((p) => p._warningOnly)).toBe(true);
    expect(gas.control.spreadsheet._namedRanges.has('kam_accounts')).toBe(true);
    expect(gas.control.toasts.at(-1)?.msg).toMatch(/Workbook ready/);
  });

  it('shades Accounts rows with risk flags (orange) after the stale rule, once however often it runs', () => {
    const gas = installGas({ locale: 'en_US' });
    handleSetup();
    const cols = SHEETS[0].columns;
    const letter = (key: string) => columnLetter(cols.findIndex((c) => c.key === key));
    const rules = gas.control.sheet('Accounts')._conditionalFormatRules;
    const conditions = rules.map((r) => [r._values[0], r._format.background]);
    const stale = conditions.findIndex(([f]) => String(f).includes(`$${letter('stale')}2=TRUE`));
    const risk = conditions.findIndex(([f]) => String(f).includes(`$${letter('risk_flags')}2<>""`));
    expect(stale).toBeGreaterThanOrEqual(0);
    expect(risk).toBeGreaterThan(stale);
    expect(conditions[risk][1]).toBe('#fde7c8');
    // The whole row of the table, from row 2.
    expect(rules[risk]._ranges.map((r) => r.getA1Notation())).toEqual([
      `A2:${columnLetter(cols.length - 1)}1000`,
    ]);
    // Set up again: the same rules, not a second copy.
    handleSetup();
    expect(gas.control.sheet('Accounts')._conditionalFormatRules).toHaveLength(rules.length);
  });

  it('makes the sheets only the script fills as wide as they need (empty cells count towards the 10M limit)', () => {
    const gas = installGas({ locale: 'en_US' });
    handleSetup();
    const width = (name: string) => gas.control.sheet(name)._maxCols;
    expect(width('Monthly')).toBe(SHEETS.find((s) => s.key === 'monthly')?.columns.length);
    expect(width('Data Issues')).toBe(7);
    expect(width('Reminder Log')).toBe(11);
    // Sheets people fill in keep the usual 26 columns, room for their own.
    expect(width('Transactions')).toBe(26);
    expect(width('Dashboard')).toBe(26);
  });

  it('validation: dropdowns in the workbook language that still accept the other language', () => {
    const gas = installGas({ locale: 'zh_CN' });
    handleSetup();
    const accounts = gas.control.sheet('客户');
    const tierCol = SHEETS[0].columns.findIndex((c) => c.key === 'tier') + 1;
    const v = accounts._format('dataValidation', 2, tierCol) as {
      _values: unknown[];
      _allowInvalid: boolean;
    };
    expect(v._values[0]).toEqual(['战略', '重点', '普通', '潜在']);
    expect(v._allowInvalid).toBe(true);
    expect(accounts._format('dataValidation', 1, tierCol)).toBeNull();
  });

  it('uses Chinese for a zh_CN spreadsheet, and the Settings language when it is set', () => {
    const zh = installGas({ locale: 'zh_CN' });
    handleSetup();
    expect(zh.control.spreadsheet.getSheets().map((s) => s.getName())).toContain('客户');
    expect(zh.control.sheetValues('设置')[1][2]).toBe('auto（跟随表格区域设置）、en 或 zh-CN');

    const en = installGas({ locale: 'zh_CN' });
    en.control.setSheetValues('Settings', [
      ['setting', 'value', 'description'],
      ['language', 'en', ''],
    ]);
    handleSetup();
    expect(en.control.spreadsheet.getSheets().map((s) => s.getName())).toContain('Accounts');
    handleOpen();
    expect(en.control.menus.at(-1)?.title).toBe('Key Accounts');
  });

  it('keeps user data in shuffled Chinese columns and only appends what is missing', () => {
    const gas = installGas({ locale: 'en_US' });
    seedFake(gas.control, {
      客户: [
        ['负责人邮箱', '我的备注', '客户名称', '客户编号', '', '状态'],
        ['li@example.com', 'keep me', 'Acme', 'A1', 'orphan value', '合作中'],
        ['wang@example.com', '=1+1', 'Beta', '00123', '', 'Active'],
      ],
      Transactions: [
        ['Account ID', 'Date', 'Amount'],
        ['A1', '2026-01-02', 5],
      ],
    });
    const before = userCells(gas.control, ['客户', 'Transactions']);
    handleSetup();
    const after = userCells(gas.control, ['客户', 'Transactions']);
    for (const [cell, value] of before) expect([cell, after.get(cell)]).toEqual([cell, value]);
    const header = gas.control.sheetValues('客户')[0];
    // The new headers start right of every used column, never over the orphan value in E.
    expect(header.slice(0, 6)).toEqual([
      '负责人邮箱',
      '我的备注',
      '客户名称',
      '客户编号',
      '',
      '状态',
    ]);
    expect(header[6]).toBe('Parent Account ID');
    expect(header).toContain('Stale');
    expect(header.filter((h) => h === 'Account ID' || h === '客户编号')).toHaveLength(1);
    // No second Accounts sheet was made: 客户 is the accounts sheet.
    expect(gas.control.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('Accounts');
  });

  it('gives date columns a date format on blank cells only: a number or a date display the user chose stays as it was', () => {
    const gas = installGas({ locale: 'en_US' });
    gas.control.setSheetValues('Transactions', [
      ['Date', 'Account ID', 'Amount'],
      [45000, 'A1', 5],
      ['', 'A1', 6],
      [new Date(2026, 0, 2), 'A1', 7],
    ]);
    const sheet = gas.control.sheet('Transactions');
    sheet.getRange('A4').setNumberFormat('d mmm yyyy');
    gas.control.resetCalls();
    handleSetup();
    const dateCol = 1;
    expect(sheet._format('numberFormat', 2, dateCol)).toBe('0.###############');
    expect(sheet._format('numberFormat', 3, dateCol)).toBe('yyyy-mm-dd');
    expect(sheet._format('numberFormat', 4, dateCol)).toBe('d mmm yyyy');
    expect(sheet._format('numberFormat', sheet._maxRows, dateCol)).toBe('yyyy-mm-dd');
    // One RangeList call for the column's blank runs instead of one range.
    expect(gas.control.calls['Sheet.getRangeList']).toBe(1);
    expect(gas.control.calls['RangeList.setNumberFormat']).toBe(1);
  });

  it('running it twice changes nothing the second time, cell by cell', () => {
    for (const locale of ['en_US', 'zh_CN']) {
      const gas = installGas({ locale });
      gas.control.setSheetValues('Accounts', [
        ['Account Name', 'Account ID', 'Extra'],
        ['Acme', 'A1', 'x'],
      ]);
      handleSetup();
      const first = snapshotSpreadsheet(gas.control);
      handleSetup();
      expect(snapshotSpreadsheet(gas.control)).toEqual(first);
      expect(gas.control.toasts.at(-1)?.msg).toMatch(/already set up|已初始化/);
    }
  });

  it('adds a missing setting without disturbing the rate table below', () => {
    const gas = installGas();
    gas.control.setSheetValues('Settings', [
      ['setting', 'value', 'description'],
      ['home_currency', 'USD', 'mine'],
      ['', '', ''],
      ['Currency', 'Rate to Home Currency'],
      ['CNY', 0.14],
    ]);
    handleSetup();
    const rows = gas.control.sheetValues('Settings');
    expect(rows[1]).toEqual(['home_currency', 'USD', 'mine']);
    const rate = rows.findIndex((r) => r[0] === 'Currency');
    expect(rows[rate + 1]).toEqual(['CNY', 0.14, '']);
    expect(rows[rate - 1]).toEqual(['', '', '']);
    expect(
      rows
        .slice(1, rate - 1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(SETTING_DEFS.map((d) => d.key).sort());
    // Only one rate table.
    expect(rows.filter((r) => r[0] === 'Currency')).toHaveLength(1);
  });

  it('leaves a team’s own Products, Summary and Dashboard as they are, and says so', () => {
    const gas = installGas();
    gas.control.setSheetValues('Accounts', [
      ['Account ID', 'Account Name'],
      ['A1', 'Acme'],
    ]);
    gas.control.setSheetValues('Products', [
      ['SKU', 'Product', '', ''],
      ['V-1', 'Valve', '', 'note'],
    ]);
    gas.control.setSheetValues('Summary', [
      ['Region', 'Target'],
      ['East', 5],
    ]);
    gas.control.setSheetValues('Dashboard', [
      ['', 'KPI'],
      ['a', 1],
    ]);
    gas.control.sheet('Products').setFrozenRows(0);
    const own = (snapshotSpreadsheet(gas.control) as { sheets: { name: string }[] }).sheets.filter(
      (x) => x.name !== 'Accounts',
    );
    handleSetup();
    const after = (snapshotSpreadsheet(gas.control) as { sheets: { name: string }[] }).sheets;
    for (const sheet of own) expect(after.find((x) => x.name === sheet.name)).toEqual(sheet);
    expect(gas.control.alerts.at(-1)?.prompt).toBe(
      [
        'Summary: Sheet "Summary" has the name of the script\'s summary sheet but is not the script\'s (its first cell is "Region"), so it was left as it is and summary was not written. Rename your sheet; the next refresh then creates summary.',
        'Products: Sheet "Products" has the name of the script\'s products sheet but is not the script\'s (its first cell is "SKU"), so it was left as it is and products was not written. Rename your sheet; the next refresh then creates products.',
        'Dashboard: Sheet "Dashboard" has the name of the script\'s dashboard sheet but is not the script\'s (its first cell is "KPI"), so it was left as it is and dashboard was not written. Rename your sheet; the next refresh then creates dashboard.',
      ].join('\n'),
    );
    // The other sheets were made as usual.
    expect(gas.control.sheetValues('Monthly')[0][0]).toBe('month');
  });

  it('reports a duplicated header instead of writing a second one', () => {
    const gas = installGas();
    gas.control.setSheetValues('Accounts', [['Account ID', '客户编号', 'Account Name']]);
    handleSetup();
    const header = gas.control.sheetValues('Accounts')[0];
    expect(header.filter((h) => h === 'Account ID' || h === '客户编号')).toHaveLength(2);
    expect(gas.control.alerts.at(-1)?.prompt).toBe(
      'Accounts: Column "客户编号" appears twice (columns A and B); only the first is read. Rename or delete one.',
    );
  });
});
