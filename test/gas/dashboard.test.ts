import { DASHBOARD_CHARTS_PROPERTY, handleRebuildDashboard } from '../../src/gas/dashboard';
import { handleRefresh } from '../../src/gas/handlers';
import { MENU_ITEMS } from '../../src/gas/menu';
import type { Gas } from '../fakes/index';
import type { FakeEmbeddedChart } from '../fakes/spreadsheet';
import { installGas, runTime, seedPortfolio } from './seed';
import { fixSystemTime } from '../support/clock';

/** What a person sees of each chart: type, title, place and data. */
function charts(gas: Gas, sheet = 'Dashboard'): string[] {
  return gas.control.sheet(sheet)._charts.map((c: FakeEmbeddedChart) => {
    const p = c._position;
    const ranges = c._ranges.map((r) => gas.control.a1(r)).join(',');
    return `${c._type}|${String(c._options.get('title'))}|${p.anchorRow}:${p.anchorColumn}|${ranges}`;
  });
}

/** A person's own chart on the dashboard sheet, optionally on one of the script's anchor cells. */
function addUserChart(gas: Gas, title: string, row = 70, column = 2): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Dashboard')!;
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.PIE)
    .addRange(sheet.getRange('P2:Q10'))
    .setOption('title', title)
    .setPosition(row, column, 0, 0)
    .build();
  sheet.insertChart(chart);
  void gas;
}

fixSystemTime(() => runTime(2026, 11, 23));

describe('Dashboard / 仪表板', () => {
  it('a refresh builds ten native charts from small tables on the dashboard sheet', () => {
    const gas = installGas();
    seedPortfolio(gas, 40);
    handleRefresh(true);
    const list = charts(gas);
    expect(list.map((c) => c.split('|')[0])).toEqual([
      'COLUMN',
      'COMBO',
      'BAR',
      'BAR',
      'LINE',
      'SCATTER',
      'PIE',
      'BAR',
      'COLUMN',
      'COLUMN',
      'BAR',
      'LINE',
    ]);
    expect(list.map((c) => c.split('|')[1])).toEqual([
      'Revenue by quarter (CNY)',
      'Accounts and revenue by ABC class',
      'Accounts by RFM segment',
      'Stale accounts by owner',
      'Monthly orders',
      'Health score vs revenue (12m) (CNY)',
      'Accounts by health band',
      'Accounts by risk flag',
      'Open pipeline by stage (CNY)',
      'Weighted forecast by expected close month (CNY)',
      'Top groups by revenue (12m) (CNY)',
      'Seasonality: revenue by month of year, top 5 products (CNY)',
    ]);
    // Each chart reads its own table: header row 2, from column P rightwards.
    expect(list[0].split('|')[3]).toBe('P2:Q10');
    expect(list[5].split('|')[3]).toMatch(/^AF2:AG42$/);
    const values = gas.control.sheetValues('Dashboard');
    expect(values[0][15]).toBe('Revenue by quarter (CNY)');
    expect(values[1].slice(15, 17)).toEqual(['Quarter', 'Revenue']);
    expect(values[2][15]).toBe('2025-Q1');
    // The Pareto line sits on a second axis.
    const combo = gas.control.sheet('Dashboard')._charts[1];
    expect(combo._options.get('series')).toEqual({
      1: expect.objectContaining({ type: 'line', targetAxisIndex: 1 }),
    });
    expect(
      JSON.parse(gas.control.properties.document.get(DASHBOARD_CHARTS_PROPERTY) ?? '[]'),
    ).toHaveLength(12);
    // The health bands are a pie, green/yellow/red; the flags one bar per code, zeros included.
    const pie = gas.control.sheet('Dashboard')._charts[6];
    expect(list[6].split('|')[3]).toBe('AI2:AJ5');
    expect(pie._options.get('slices')).toEqual({
      0: { color: '#34a853' },
      1: { color: '#fbbc04' },
      2: { color: '#ea4335' },
    });
    expect(values[1].slice(34, 36)).toEqual(['Health band', 'Accounts']);
    expect(values.slice(2, 5).map((r) => r[34])).toEqual(['Green', 'Yellow', 'Red']);
    expect(values.slice(2, 5).reduce((s, r) => s + Number(r[35]), 0)).toBe(40);
    expect(values.slice(2, 8).map((r) => r[37])).toEqual([
      'Churn warning',
      'Revenue drop',
      'Credit risk',
      'Complaint overdue',
      'Behind plan',
      'Single-threaded',
    ]);
  });

  it('rebuilt twice leaves the same charts, and a user chart on the sheet survives', () => {
    const gas = installGas();
    seedPortfolio(gas, 40);
    handleRefresh(true);
    addUserChart(gas, 'My pie');
    addUserChart(gas, 'Mine, on an anchor cell', 1, 8);
    handleRebuildDashboard();
    const first = charts(gas);
    handleRebuildDashboard();
    expect(charts(gas)).toEqual(first);
    expect(first).toHaveLength(14);
    expect(
      first.filter((c) => c.includes('My pie') || c.includes('Mine, on an anchor cell')),
    ).toHaveLength(2);
    expect(gas.control.toasts.map((t) => t.msg)).toContain(
      'Dashboard rebuilt: 12 charts on "Dashboard".',
    );
  });

  it('recognises its charts even when the record of their ids is lost (a copied spreadsheet)', () => {
    const gas = installGas();
    seedPortfolio(gas, 20);
    handleRefresh(true);
    addUserChart(gas, 'My pie');
    gas.control.properties.document.delete(DASHBOARD_CHARTS_PROPERTY);
    handleRebuildDashboard();
    expect(charts(gas)).toHaveLength(13);
  });

  it('titles the charts in the workbook language and shrinks old tables away', () => {
    const gas = installGas({ locale: 'zh_CN' });
    seedPortfolio(gas, 60);
    handleRefresh(true);
    expect(charts(gas, '仪表板').map((c) => c.split('|')[1])).toEqual([
      '季度收入 (CNY)',
      'ABC分类客户数与收入',
      'RFM分群客户数',
      '各负责人停滞客户数',
      '月度订单数',
      '健康度与近12个月收入 (CNY)',
      '各健康等级客户数',
      '各风险标记客户数',
      '按阶段的在途商机 (CNY)',
      '按预计成交月份的加权预测 (CNY)',
      '收入最高的集团（近12个月） (CNY)',
      '季节性：前5大产品各月收入 (CNY)',
    ]);
    seedPortfolio(gas, 5);
    handleRebuildDashboard();
    // The scatter table now has 5 points; nothing is left of the 60 below it.
    expect(gas.control.sheetValues('仪表板')).toHaveLength(2 + 24);
  });

  it('makes the same number of Spreadsheet calls for 10 and 1,000 accounts', () => {
    const count = (n: number): number => {
      const gas = installGas();
      seedPortfolio(gas, n);
      handleRebuildDashboard();
      gas.control.resetCalls();
      handleRebuildDashboard();
      return gas.control.spreadsheetCalls();
    };
    expect(count(1000)).toBe(count(10));
  });

  it('a team’s own "Dashboard" (or 看板) keeps every cell and gets no chart; the issue says why', () => {
    const own = Array.from({ length: 12 }, (_, r) =>
      Array.from({ length: 22 }, (_, c) => ((r + c) % 3 === 0 ? `kpi ${r}-${c}` : '')),
    );
    for (const name of ['Dashboard', '看板']) {
      const gas = installGas();
      seedPortfolio(gas, 20);
      gas.control.setSheetValues(name, own);
      const before = gas.control.sheetValues(name);
      handleRefresh(true);
      expect(gas.control.sheetValues(name)).toEqual(before);
      expect(gas.control.sheet(name)._charts).toHaveLength(0);
      const issue = gas.control.sheetValues('Data Issues').find((r) => r[0] === name);
      expect(issue?.[4]).toBe(
        `Sheet "${name}" has the name of the script's dashboard sheet but is not the script's (its first cell is "kpi 0-0"), so it was left as it is and dashboard was not written. Rename your sheet; the next refresh then creates dashboard.`,
      );
      // The refresh itself is done: Summary is written.
      expect(gas.control.sheetValues('Summary').length).toBe(21);

      handleRebuildDashboard();
      expect(gas.control.alerts.at(-1)?.prompt).toContain(`Sheet "${name}" has the name`);
      expect(gas.control.sheetValues(name)).toEqual(before);
      expect(gas.control.sheet(name)._charts).toHaveLength(0);
    }
  });

  it('its own dashboard stays its own: another language or currency in the titles, an empty sheet', () => {
    const gas = installGas({ locale: 'zh_CN' });
    seedPortfolio(gas, 10);
    handleRefresh(true);
    expect(charts(gas, '仪表板')).toHaveLength(12);
    // The workbook switches to English and another home currency: the same sheet is redrawn.
    gas.control.setSheetValues('Settings', [
      ['setting', 'value'],
      ['language', 'en'],
      ['home_currency', 'USD'],
    ]);
    handleRebuildDashboard();
    expect(charts(gas, '仪表板').map((c) => c.split('|')[1])[0]).toBe('Revenue by quarter (USD)');
    expect(charts(gas, '仪表板')).toHaveLength(12);
    // An empty sheet of that name (made by hand, or by Set up) is filled.
    const other = installGas();
    seedPortfolio(other, 10);
    other.control.setSheetValues('Dashboard', []);
    handleRefresh(true);
    expect(charts(other)).toHaveLength(12);
  });

  it('is on the menu as Rebuild dashboard, with an entry point', () => {
    expect(MENU_ITEMS).toContainEqual(['menu_dashboard', 'kamRebuildDashboard']);
  });
});
