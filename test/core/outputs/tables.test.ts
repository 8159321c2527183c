import { dayFromYmd } from '../../../src/core/calendar/day';
import { tablePlacements, tablesGrid, dashboardGridSize } from '../../../src/core/dashboard/layout';
import { dashboardTables } from '../../../src/core/dashboard/tables';
import { computeMetrics } from '../../../src/core/engine/compute';
import { generateModel } from '../../../src/core/sample-data/generate-model';

const TODAY = dayFromYmd(2026, 11, 23);
const model = generateModel({ accounts: 60, transactions: 1500, seed: 7, today: TODAY });
const metrics = computeMetrics(model, TODAY);

describe('dashboardTables', () => {
  const en = dashboardTables(model, metrics, TODAY, 'en');
  const zh = dashboardTables(model, metrics, TODAY, 'zh-CN');
  const byId = Object.fromEntries(en.map((t) => [t.id, t]));

  it('gives the twelve charts, in order, titled in the workbook language', () => {
    expect(en.map((t) => `${t.id}:${t.kind}`)).toEqual([
      'revenue_by_quarter:column',
      'abc_pareto:combo',
      'rfm_segments:bar',
      'stale_by_owner:bar',
      'monthly_orders:line',
      'health_vs_revenue:scatter',
      'health_bands:pie',
      'risk_flags:bar',
      'pipeline_by_stage:column',
      'forecast_by_month:column',
      'top_groups:bar',
      'seasonality:line',
    ]);
    expect(en[0].title).toBe('Revenue by quarter (CNY)');
    expect(zh[0].title).toBe('季度收入 (CNY)');
    expect(zh[2].rows.map((r) => r[0])).toContain('重要价值客户');
    for (const t of en) for (const r of t.rows) expect(r).toHaveLength(t.header.length);
  });

  it('health bands and risk flags count every account, every band and flag listed', () => {
    expect(byId.health_bands.rows.map((r) => r[0])).toEqual(['Green', 'Yellow', 'Red']);
    expect(byId.health_bands.rows.reduce((s, r) => s + Number(r[1]), 0)).toBe(metrics.length);
    for (const b of ['green', 'yellow', 'red'])
      expect(
        byId.health_bands.rows.find((r) => r[0] === b[0].toUpperCase() + b.slice(1))?.[1],
      ).toBe(metrics.filter((m) => m.healthBand === b).length);
    expect(byId.risk_flags.rows.map((r) => r[1])).toEqual(
      ['churn', 'revenue_drop', 'credit', 'complaint', 'plan_behind', 'single_threaded'].map(
        (c) => metrics.filter((m) => m.riskFlags.includes(c as never)).length,
      ),
    );
    expect(zh.find((t) => t.id === 'risk_flags')?.rows[0][0]).toBe('流失预警');
  });

  it('the health/revenue scatter keeps the 1,000 accounts with the most revenue', () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({
      ...metrics[0],
      accountId: `X${i}`,
      revenue12m: i,
      healthScore: i % 100,
    }));
    const scatter = dashboardTables(model, many, TODAY, 'en').find(
      (t) => t.id === 'health_vs_revenue',
    )!;
    expect(scatter.rows).toHaveLength(1000);
    expect(Math.min(...scatter.rows.map((r) => Number(r[1])))).toBe(500);
  });

  it('revenue by quarter and orders by month cover fixed, consecutive periods up to today', () => {
    expect(byId.revenue_by_quarter.rows.map((r) => r[0])).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(byId.monthly_orders.rows).toHaveLength(24);
    expect(byId.monthly_orders.rows[23][0]).toBe('2026-11');
    const orders = model.transactions.filter(
      (t) => t.amount > 0 && t.date >= dayFromYmd(2024, 12, 1),
    ).length;
    expect(byId.monthly_orders.rows.reduce((s, r) => s + (r[1] as number), 0)).toBe(orders);
  });

  it('the Pareto ends at 100 % and counts every account once; RFM bars add up to all accounts', () => {
    const pareto = byId.abc_pareto.rows;
    expect(pareto.map((r) => String(r[0])[0])).toEqual(['A', 'B', 'C']);
    expect(pareto[2][2]).toBe(100);
    const counts = pareto.map((r) => Number(/\((\d+)\)/.exec(String(r[0]))![1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
    expect(byId.rfm_segments.rows).toHaveLength(11);
    expect(byId.rfm_segments.rows.reduce((s, r) => s + (r[1] as number), 0)).toBe(60);
  });

  it('stale by owner counts stale accounts, most first; scatter has a point per account', () => {
    const stale = metrics.filter((m) => m.stale).length;
    const rows = byId.stale_by_owner.rows;
    expect(rows.reduce((s, r) => s + (r[1] as number), 0)).toBe(stale);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1][1]).toBeGreaterThanOrEqual(rows[i][1] as number);
    expect(byId.health_vs_revenue.rows).toHaveLength(60);
  });

  it('is never empty, even for an empty portfolio', () => {
    const empty = dashboardTables({ ...model, accounts: [], transactions: [] }, [], TODAY, 'en');
    for (const t of empty) expect(t.rows.length).toBeGreaterThan(0);
    expect(empty[3].rows).toEqual([['No stale accounts', 0]]);
    expect(empty[10].rows).toEqual([['No groups', 0]]);
    expect(empty[11].header).toEqual(['Month', 'No products']);
    expect(empty[11].rows).toHaveLength(12);
  });

  it('lays the tables side by side without overlap, in one rectangle', () => {
    const p = tablePlacements(en);
    for (let i = 1; i < p.length; i++)
      expect(p[i].col).toBeGreaterThan(p[i - 1].col + p[i - 1].width - 1);
    const grid = tablesGrid(en);
    expect(grid).toHaveLength(2 + 60);
    expect(grid[0][0]).toBe(en[0].title);
    expect(grid[1].slice(0, 2)).toEqual(en[0].header);
    expect(dashboardGridSize(en)).toEqual({ rows: 62, cols: 15 + grid[0].length });
    expect(new Set(p.map((x) => `${x.anchorRow}:${x.anchorCol}`)).size).toBe(12);
  });
});
