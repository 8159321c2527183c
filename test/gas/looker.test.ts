import { dayFromYmd } from '../../src/core/calendar/day';
import { lookerReady } from '../../src/core/outputs/ready';
import { SUMMARY_COLUMNS, sheetDef } from '../../src/core/schema/sheets';
import { isDateCell, type Grid } from '../../src/core/values/cell';
import { SpreadsheetDates } from '../../src/gas/dates';
import { handleRefresh, handleSetup } from '../../src/gas/handlers';
import { fromSheetGrid } from '../../src/gas/values';
import { FakeRange } from '../fakes/spreadsheet';
import type { Gas } from '../fakes/index';
import { installGas, runTime, seedMessy, seedPortfolio } from './seed';
import { fixSystemTime } from '../support/clock';

/** A sheet as Looker Studio reads it: values (dates as calendar days) and formulas. */
function sheetTable(
  gas: Gas,
  name: string,
): { header: Grid[number]; rows: Grid; formulas: string[][] } {
  const grid = fromSheet(gas, name);
  return { header: grid[0], rows: grid.slice(1), formulas: gas.control.sheetFormulas(name) };
}
/** Read back with the adapter's own reader, as the next refresh would. */
function fromSheet(gas: Gas, name: string): Grid {
  return fromSheetGrid(gas.control.sheetValues(name), new SpreadsheetDates('Asia/Shanghai'));
}
const col = (key: string) => SUMMARY_COLUMNS.findIndex((c) => c.key === key);
const daysOf = (rows: Grid) => [...new Set(rows.map((r) => (isDateCell(r[0]) ? r[0].day : NaN)))];

fixSystemTime(() => runTime(2026, 11, 23));

describe('refresh writes Looker-ready sheets', () => {
  it('reads Opportunities (a team’s own names, Chinese stages) into the summary and a Looker-ready Pipeline', () => {
    const gas = installGas();
    seedMessy(gas);
    gas.control.setSheetValues('商机', [
      ['商机编号', '客户编号', '销售阶段', '商机金额', '成交概率', '阶段变更日期', '预计成交'],
      [
        'OP-1',
        'A1',
        '方案',
        100000,
        '',
        new Date(Date.UTC(2026, 9, 1)),
        new Date(Date.UTC(2026, 11, 20)),
      ],
      ['OP-2', 'A1', '赢单', 30000, '', '', ''],
      ['OP-3', 'NOPE', 'Lead', 5, '', '', ''],
    ]);
    handleRefresh(true);
    const summary = sheetTable(gas, 'Summary');
    const a1 = summary.rows.find((r) => r[col('account_id')] === 'A1')!;
    expect(a1[col('open_pipeline')]).toBe(100000);
    expect(a1[col('weighted_pipeline')]).toBe(50000);
    expect(a1[col('stalled_opportunities')]).toBe(1);
    const pipeline = sheetTable(gas, 'Pipeline');
    const columns = sheetDef('pipeline').columns;
    expect(pipeline.header).toEqual(columns.map((c) => c.key));
    expect(
      lookerReady(pipeline.header, pipeline.rows, { columns, formulas: pipeline.formulas }),
    ).toEqual([]);
    expect(pipeline.rows.map((r) => [r[1], r[6]])).toEqual([
      ['OP-1', 'proposal'],
      ['OP-2', 'won'],
    ]);
    // The unknown account is a data issue on the team's sheet, named as they named it.
    expect(gas.control.sheetValues('Data Issues').some((r) => r[0] === '商机' && r[1] === 4)).toBe(
      true,
    );
  });

  it('the summary of a messy workbook passes lookerReady, with user text kept as text', () => {
    const gas = installGas();
    seedMessy(gas);
    handleRefresh(true);
    const { header, rows, formulas } = sheetTable(gas, 'Summary');
    expect(header).toEqual(SUMMARY_COLUMNS.map((c) => c.key));
    expect(lookerReady(header, rows, { columns: SUMMARY_COLUMNS, formulas })).toEqual([]);
    expect(rows.map((r) => r[col('account_id')])).toEqual(['A1', '00123', 'A3', 'A4']);
    expect(rows[0][col('account_name')]).toBe('=HYPERLINK("http://evil")');
    expect(rows[1][col('industry')]).toBe('-minus');
    expect(rows[1][col('region')]).toBe('@north');
    expect(rows[2][col('industry')]).toBe('TRUE');
    expect(rows[0][col('tier')]).toBe('strategic');
    expect(typeof rows[0][col('rfm_score')]).toBe('string');
    expect(typeof rows[0][col('is_stale')]).toBe('boolean');
    const snap = rows[0][col('snapshot_date')];
    expect(isDateCell(snap) && snap.day === dayFromYmd(2026, 11, 23) && snap.seconds === 0).toBe(
      true,
    );
  });

  it('creates missing script sheets with their header; monthly and history are Looker-ready too', () => {
    const gas = installGas();
    seedMessy(gas);
    handleRefresh(true);
    const names = gas.control.spreadsheet._sheets.map((s) => s.getName());
    expect(names).toEqual(
      expect.arrayContaining(['Summary', 'History', 'Monthly', 'Data Issues', 'Dashboard']),
    );
    const monthly = sheetTable(gas, 'Monthly');
    expect(monthly.header).toEqual([
      'month',
      'account_id',
      'owner_email',
      'abc_class',
      'revenue',
      'orders',
    ]);
    expect(
      lookerReady(monthly.header, monthly.rows, {
        columns: sheetDef('monthly').columns,
        formulas: monthly.formulas,
      }),
    ).toEqual([]);
    expect(monthly.rows.length).toBeGreaterThan(2);
    const history = sheetTable(gas, 'History');
    expect(
      lookerReady(history.header, history.rows, {
        columns: SUMMARY_COLUMNS,
        formulas: history.formulas,
      }),
    ).toEqual([]);
    expect(history.rows).toEqual(sheetTable(gas, 'Summary').rows);
  });

  it('keeps snake_case keys and stable codes in a Chinese workbook', () => {
    const gas = installGas({ locale: 'zh_CN' });
    seedMessy(gas);
    handleRefresh(true);
    const { header, rows, formulas } = sheetTable(gas, '汇总');
    expect(header[0]).toBe('snapshot_date');
    expect(lookerReady(header, rows, { columns: SUMMARY_COLUMNS, formulas })).toEqual([]);
    expect(rows[1][col('status')]).toBe('active');
    expect([
      'champions',
      'loyal_customers',
      'potential_loyalists',
      'new_customers',
      'promising',
      'need_attention',
      'about_to_sleep',
      'at_risk',
      'cant_lose_them',
      'hibernating',
      'no_purchases',
    ]).toContain(rows[0][col('rfm_segment')]);
  });

  it('history over three days: one block per day, a second run replaces the day, retention drops the oldest', () => {
    const gas = installGas();
    seedMessy(gas, 1);
    const day = (d: number) => dayFromYmd(2026, 11, d);
    jest.setSystemTime(runTime(2026, 11, 21));
    handleRefresh(false);
    expect(daysOf(sheetTable(gas, 'History').rows)).toEqual([day(21)]);
    jest.setSystemTime(runTime(2026, 11, 22));
    handleRefresh(false);
    expect(daysOf(sheetTable(gas, 'History').rows)).toEqual([day(21), day(22)]);
    jest.setSystemTime(runTime(2026, 11, 23));
    handleRefresh(false);
    const once = sheetTable(gas, 'History');
    // retention 1 day: the 21st is 2 days old and dropped, the 22nd is kept.
    expect(daysOf(once.rows)).toEqual([day(22), day(23)]);
    expect(once.rows).toHaveLength(8);
    handleRefresh(false);
    const twice = sheetTable(gas, 'History');
    expect(twice.rows).toEqual(once.rows);
    expect(
      lookerReady(twice.header, twice.rows, { columns: SUMMARY_COLUMNS, formulas: twice.formulas }),
    ).toEqual([]);
    // The grid shrinks with the retention, so a daily trigger never grows it past it.
    expect(gas.control.sheet('History').getMaxRows()).toBe(9);
  });

  it('writes each Looker sheet in one setValues, header included', () => {
    const gas = installGas();
    seedPortfolio(gas, 30);
    handleRefresh(true);
    const spy = jest.spyOn(FakeRange.prototype, 'setValues');
    handleRefresh(true);
    const sheets = spy.mock.contexts.map((r) => (r as FakeRange)._sheet.getName());
    spy.mockRestore();
    for (const name of ['Summary', 'History', 'Monthly'])
      expect(sheets.filter((s) => s === name)).toHaveLength(1);
  });

  it('a refresh makes the same number of Spreadsheet calls for 10 and 1,000 accounts', () => {
    const count = (n: number): number => {
      const gas = installGas();
      handleSetup();
      seedPortfolio(gas, n);
      handleRefresh(true);
      gas.control.resetCalls();
      handleRefresh(true);
      const summary = sheetTable(gas, 'Summary');
      expect(summary.rows).toHaveLength(n);
      // Set up workbook's formats and protection do not change what Looker reads.
      expect(
        lookerReady(summary.header, summary.rows, {
          columns: SUMMARY_COLUMNS,
          formulas: summary.formulas,
        }),
      ).toEqual([]);
      return gas.control.spreadsheetCalls();
    };
    const small = count(10);
    expect(count(1000)).toBe(small);
    // About 335: a constant per sheet (twelve input and output sheets, twelve charts).
    expect(small).toBeLessThan(350);
  });

  it('warns in data_issues and in the toast when the workbook passes 80 % of the cell limit', () => {
    const gas = installGas();
    seedPortfolio(gas, 10);
    gas.control.setSheetValues('Archive', [['old']]);
    gas.control.sheet('Archive').insertRowsAfter(1, 320_000);
    handleRefresh(true);
    const issues = gas.control.sheetValues('Data Issues');
    const row = issues.find((r) => String(r[4]).includes('10,000,000-cell limit'));
    expect(row?.[0]).toBe('Archive');
    expect(row?.[5]).toBe('warning');
    expect(gas.control.toasts.map((t) => t.msg).join('\n')).toMatch(/Trim Archive/);
  });

  it('at the 10-million-cell limit: the refresh finishes, leaves the sheets that would need to grow as they were, and says so', () => {
    const gas = installGas();
    seedPortfolio(gas, 10);
    handleRefresh(true);
    const history = gas.control.sheetValues('History');
    // Another sheet takes all the room but a few hundred cells; tomorrow's snapshot needs more.
    const ss = gas.control.spreadsheet;
    const used = ss._sheets.reduce((n, sh) => n + sh._maxRows * sh._maxCols, 0);
    gas.control.setSheetValues('Archive', [['old']]);
    const archive = gas.control.sheet('Archive');
    archive._maxRows =
      Math.floor((10_000_000 - used - archive._maxCols * 1000) / archive._maxCols) + 1000 - 10;
    jest.setSystemTime(Date.now() + 86_400_000);
    try {
      handleRefresh(true);
    } finally {
      jest.setSystemTime(Date.now() - 86_400_000);
    }
    expect(gas.control.alerts).toEqual([]);
    expect(gas.control.sheetValues('History')).toEqual(history);
    const issue = gas.control
      .sheetValues('Data Issues')
      .find((r) => String(r[4]).includes('were not updated'));
    expect(issue?.[5]).toBe('error');
    expect(String(issue?.[4])).toMatch(
      /these sheets were not updated this time: History\. Trim Archive/,
    );
    expect(gas.control.toasts.at(-1)?.msg).toMatch(/were not updated/);
    // The scores themselves were refreshed: they need no new cells.
    expect(gas.control.sheetValues('Accounts')[1].some((v) => v !== '')).toBe(true);
  });

  it('does not warn for an ordinary workbook', () => {
    const gas = installGas();
    seedPortfolio(gas, 10);
    handleRefresh(true);
    expect(
      gas.control.sheetValues('Data Issues').some((r) => String(r[4]).includes('cell limit')),
    ).toBe(false);
  });
});
