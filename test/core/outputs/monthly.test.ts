import { dayFromYmd } from '../../../src/core/calendar/day';
import { lookerReady } from '../../../src/core/outputs/ready';
import { monthStart, monthlyRows } from '../../../src/core/outputs/monthly';
import { sheetDef } from '../../../src/core/schema/sheets';
import { dateCell } from '../../../src/core/values/cell';
import { TODAY, messyGrids, readOf } from './fixtures';

describe('monthlyRows', () => {
  const { read, metrics } = readOf(messyGrids());
  const rows = monthlyRows(read.parsed.model, metrics, TODAY);

  it('is one row per account and month with a transaction, over the whole history', () => {
    const keys = rows.map((r) => `${(r[0] as { day: number }).day}|${r[1]}`);
    expect(new Set(keys).size).toBe(rows.length);
    expect(rows[0][0]).toEqual(dateCell(dayFromYmd(2025, 6, 1)));
    expect(rows[0].slice(1)).toEqual(['A1', 'li@example.com', metrics[0].abcClass, 400, 1]);
  });

  it('sums returns into revenue but counts only positive amounts as orders', () => {
    const march = rows.filter((r) => (r[0] as { day: number }).day === dayFromYmd(2026, 3, 1));
    expect(march.map((r) => [r[1], r[4], r[5]])).toEqual([
      ['00123', 350, 1],
      ['A1', -30, 0],
    ]);
  });

  it('leaves out future, unknown-currency and unreadable rows, and is Looker-ready', () => {
    expect(rows.some((r) => (r[0] as { day: number }).day > TODAY)).toBe(false);
    const header = sheetDef('monthly').columns.map((c) => c.key);
    expect(header).toEqual([
      'month',
      'account_id',
      'owner_email',
      'abc_class',
      'revenue',
      'orders',
    ]);
    expect(lookerReady(header, rows, { columns: sheetDef('monthly').columns })).toEqual([]);
  });

  it('monthStart is the first day of the month', () => {
    expect(monthStart(dayFromYmd(2024, 2, 29))).toBe(dayFromYmd(2024, 2, 1));
  });
});
