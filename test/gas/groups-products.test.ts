import { lookerReady } from '../../src/core/outputs/ready';
import { sheetDef } from '../../src/core/schema/sheets';
import type { Grid } from '../../src/core/values/cell';
import { SpreadsheetDates } from '../../src/gas/dates';
import { handleRefresh, handleSetup } from '../../src/gas/handlers';
import { fromSheetGrid } from '../../src/gas/values';
import { fixSystemTime } from '../support/clock';
import type { Gas } from '../fakes/index';
import { installGas, runTime } from './seed';

fixSystemTime(() => runTime(2026, 11, 23));

const day = (y: number, m: number, d: number): Date =>
  new Date(Date.UTC(y, m - 1, d) - 8 * 3_600_000);

function fromSheet(gas: Gas, name: string): Grid {
  return fromSheetGrid(gas.control.sheetValues(name), new SpreadsheetDates('Asia/Shanghai'));
}

/** A group of three (HQ → East → East Plant), two standalone accounts, products on every row. */
function seedGroupBook(gas: Gas, locale: 'en' | 'zh' = 'en'): void {
  const zh = locale === 'zh';
  gas.control.setSheetValues(zh ? '客户' : 'Accounts', [
    zh
      ? ['客户编号', '客户名称', '上级客户编号', '行业', '负责人邮箱']
      : ['Account ID', 'Account Name', 'Parent Account ID', 'Industry', 'Owner Email'],
    ['HQ', 'Group HQ', '', 'Machinery', 'a@example.com'],
    ['E1', 'East', 'HQ', 'Machinery', 'b@example.com'],
    ['E2', 'East Plant', 'E1', 'Machinery', 'b@example.com'],
    ['S1', 'Solo', '', 'Machinery', 'c@example.com'],
    ['S2', 'Solo Two', '', 'Retail', 'c@example.com'],
  ]);
  gas.control.setSheetValues(zh ? '交易记录' : 'Transactions', [
    zh ? ['交易日期', '客户编号', '产品', '金额'] : ['Date', 'Account ID', 'Product', 'Amount'],
    [day(2026, 10, 1), 'HQ', 'Valve', 1000],
    [day(2026, 10, 2), 'E1', 'Valve', 300],
    [day(2026, 10, 3), 'E2', 'Pump', 200],
    [day(2026, 10, 3), 'E2', 'Pump', -50],
    [day(2026, 9, 1), 'S1', 'Seal', 400],
    [day(2026, 8, 1), 'S2', '=cmd()', 100],
  ]);
}

describe('groups and products in Sheets', () => {
  it('writes Looker-ready Groups and Products sheets and the group_id / cross_sell columns', () => {
    const gas = installGas();
    seedGroupBook(gas);
    handleRefresh(true);
    const groups = fromSheet(gas, 'Groups');
    const gDef = sheetDef('groups').columns;
    expect(groups[0]).toEqual(gDef.map((c) => c.key));
    expect(
      lookerReady(groups[0], groups.slice(1), {
        columns: gDef,
        formulas: gas.control.sheetFormulas('Groups'),
      }),
    ).toEqual([]);
    expect(groups.slice(1).map((r) => r.slice(1, 5))).toEqual([['HQ', 'Group HQ', 3, 1450]]);
    expect(groups[1][9]).toBe('a@example.com, b@example.com');

    const products = fromSheet(gas, 'Products');
    const pDef = sheetDef('products').columns;
    expect(products[0]).toEqual(pDef.map((c) => c.key));
    expect(
      lookerReady(products[0], products.slice(1), {
        columns: pDef,
        formulas: gas.control.sheetFormulas('Products'),
      }),
    ).toEqual([]);
    expect(products.slice(1).map((r) => r.slice(1, 5))).toEqual([
      ['HQ', 'Valve', 1000, 1],
      ['E1', 'Valve', 300, 1],
      ['E2', 'Pump', 150, 1],
      ['S1', 'Seal', 400, 1],
      ['S2', '=cmd()', 100, 1],
    ]);
    // A product that looks like a formula is text, never run.
    expect(
      gas.control
        .sheetFormulas('Products')
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);

    const summary = fromSheet(gas, 'Summary');
    const at = (k: string) => summary[0].indexOf(k);
    expect(summary.slice(1).map((r) => [r[1], r[at('group_id')]])).toEqual([
      ['HQ', 'HQ'],
      ['E1', 'HQ'],
      ['E2', 'HQ'],
      ['S1', 'S1'],
      ['S2', 'S2'],
    ]);
    // Four Machinery accounts: under whitespace_min_accounts (5), so no suggestions.
    expect(summary.slice(1).every((r) => r[at('cross_sell')] === null)).toBe(true);
  });

  it('never rewrites a sheet of the team’s own that carries the name of a Looker sheet', () => {
    const gas = installGas();
    seedGroupBook(gas);
    const catalogue = [
      ['SKU', 'Product', 'List price'],
      ['V-1', 'Valve', 120],
      ['P-1', 'Pump', 2400],
    ];
    gas.control.setSheetValues('Products', catalogue);
    // A Summary written by an older version, with English headers: still ours.
    gas.control.setSheetValues('Summary', [
      ['Snapshot Date', 'Account ID'],
      ['old', 'row'],
    ]);
    handleRefresh(true);
    expect(gas.control.sheetValues('Products')).toEqual(catalogue);
    const issues = gas.control.sheetValues('Data Issues');
    const notOurs = issues.filter((r) => r[0] === 'Products');
    expect(notOurs).toHaveLength(1);
    expect(notOurs[0][4]).toBe(
      'Sheet "Products" has the name of the script\'s products sheet but is not the script\'s (its first cell is "SKU"), so it was left as it is and products was not written. Rename your sheet; the next refresh then creates products.',
    );
    expect(notOurs[0][5]).toBe('error');
    expect(gas.control.sheetValues('Summary')[0][0]).toBe('snapshot_date');
    expect(gas.control.sheetValues('Summary')).toHaveLength(6);

    // Renamed, the next refresh creates the Looker sheet.
    gas.control.spreadsheet.getSheetByName('Products')!.setName('Price list');
    handleRefresh(true);
    expect(gas.control.sheetValues('Price list')).toEqual(catalogue);
    expect(gas.control.sheetValues('Products')[0][0]).toBe('snapshot_date');
  });

  it('a Chinese workbook: its own 集团 sheet is kept, 产品 is written', () => {
    const gas = installGas({ locale: 'zh_CN' });
    seedGroupBook(gas, 'zh');
    handleSetup();
    const own = [
      ['集团名称', '备注'],
      ['华东集团', '重点'],
    ];
    gas.control.setSheetValues('集团', own);
    handleRefresh(true);
    expect(gas.control.sheetValues('集团')).toEqual(own);
    expect(gas.control.sheetValues('产品')[0][0]).toBe('snapshot_date');
    const issue = gas.control.sheetValues('数据问题').find((r) => r[0] === '集团');
    expect(issue?.[4]).toBe(
      '工作表「集团」与脚本的 groups 表同名，但不是脚本写入的（其第一个单元格为「集团名称」），因此保持原样，未写入 groups。请重命名您的工作表，下次刷新时会创建 groups。',
    );
  });
});
