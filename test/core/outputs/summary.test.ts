import { lookerReady } from '../../../src/core/outputs/ready';
import { summaryHeader, summaryRows } from '../../../src/core/outputs/summary';
import { SUMMARY_COLUMNS } from '../../../src/core/schema/sheets';
import { isDateCell, type CellValue } from '../../../src/core/values/cell';
import { TODAY, messyGrids, readOf } from './fixtures';

const col = (key: string) => SUMMARY_COLUMNS.findIndex((c) => c.key === key);

describe('summaryRows on a messy workbook', () => {
  const { read, metrics } = readOf(messyGrids());
  const rows = summaryRows(read, metrics, TODAY);
  const byId = new Map(rows.map((r) => [r[col('account_id')] as string, r]));

  it('has one row per valid account, in sheet order, docs/looker.md columns in order', () => {
    expect(summaryHeader()).toEqual(SUMMARY_COLUMNS.map((c) => c.key));
    expect(summaryHeader().slice(0, 4)).toEqual([
      'snapshot_date',
      'account_id',
      'account_name',
      'parent_account_id',
    ]);
    expect(summaryHeader()).toHaveLength(45);
    // The risk columns come after home_currency, in the contract's order.
    expect(summaryHeader().slice(32)).toEqual([
      'home_currency',
      'risk_flags',
      'risk_count',
      'period_revenue',
      'plan_target',
      'plan_attainment',
      // Then the pipeline columns (docs/rules.md "Opportunities").
      'open_pipeline',
      'weighted_pipeline',
      'won_12m',
      'win_rate_12m',
      'stalled_opportunities',
      // Then groups and products (docs/rules.md "Groups", "Cross-sell").
      'group_id',
      'cross_sell',
    ]);
    expect(rows.map((r) => r[1])).toEqual(['A1', '00123', 'A3', 'A4']);
    rows.forEach((r) => expect(r).toHaveLength(45));
  });

  it('writes stable codes, not labels, and dates as dates without time', () => {
    const a1 = byId.get('A1') as CellValue[];
    expect(a1[col('tier')]).toBe('strategic');
    expect(a1[col('status')]).toBe('active');
    expect(byId.get('00123')?.[col('status')]).toBe('active');
    expect(byId.get('A4')?.[col('status')]).toBe('lost');
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
    ]).toContain(a1[col('rfm_segment')]);
    expect(['active', 'watch', 'at_risk', 'churn_warning', 'insufficient_history']).toContain(
      a1[col('churn_risk')],
    );
    expect(['green', 'yellow', 'red']).toContain(a1[col('health_band')]);
    const snap = a1[col('snapshot_date')];
    expect(isDateCell(snap) && snap.day === TODAY && snap.seconds === 0).toBe(true);
    expect(isDateCell(a1[col('last_order_date')])).toBe(true);
    expect(a1[col('home_currency')]).toBe('CNY');
  });

  it('leaves empty numbers blank and writes booleans as booleans', () => {
    const a3 = byId.get('A3') as CellValue[];
    expect(a3[col('tier')]).toBeNull(); // "Gold" is not a tier
    for (const k of [
      'rfm_recency_days',
      'rfm_r',
      'rfm_f',
      'rfm_m',
      'rfm_score',
      'last_order_date',
      'avg_satisfaction',
      'owner_email',
      'industry',
    ])
      expect(a3[col(k)]).toBeNull();
    expect(a3[col('rfm_segment')]).toBe('no_purchases');
    expect(typeof a3[col('is_stale')]).toBe('boolean');
    expect(a3[col('revenue_12m')]).toBe(0);
    const a1 = byId.get('A1') as CellValue[];
    expect(a1[col('revenue_12m')]).toBe(100 + 1200 - 30 + 80 + 90);
    expect(a1[col('orders_12m')]).toBe(4);
    expect(a1[col('open_complaints')]).toBe(1);
    expect(a1[col('open_actions')]).toBe(1);
    expect(a1[col('overdue_actions')]).toBe(1);
    expect(a1[col('contacts_count')]).toBe(2);
    expect(typeof a1[col('rfm_score')]).toBe('string');
  });

  it('passes lookerReady except for the user text a raw writer would run as a formula', () => {
    const problems = lookerReady(summaryHeader(), rows, { columns: SUMMARY_COLUMNS });
    expect(problems.map((p) => `${p.row}:${p.column}`).sort()).toEqual(
      ['2:account_name', '2:industry', '3:industry', '3:region'].sort(),
    );
    // The same rows as Sheets stores them after a formula-safe write: no formula anywhere.
    const formulas = [summaryHeader().map(() => ''), ...rows.map((r) => r.map(() => ''))];
    expect(lookerReady(summaryHeader(), rows, { columns: SUMMARY_COLUMNS, formulas })).toEqual([]);
  });
});
