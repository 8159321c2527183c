import { mergeHistory } from '../../../src/core/outputs/history';
import { SUMMARY_COLUMNS } from '../../../src/core/schema/sheets';
import { dateCell, isDateCell, type CellValue, type Grid } from '../../../src/core/values/cell';
import { TODAY } from './fixtures';

const HEADER = SUMMARY_COLUMNS.map((c) => c.key);
/** A summary row for one account on one day (other columns blank). */
function row(day: number, id: string, revenue = 1): CellValue[] {
  const r: CellValue[] = SUMMARY_COLUMNS.map(() => null);
  r[0] = dateCell(day);
  r[1] = id;
  r[10] = revenue;
  return r;
}
const days = (g: Grid) => g.map((r) => (isDateCell(r[0]) ? r[0].day - TODAY : NaN));

describe('mergeHistory', () => {
  it('appends one block per day over three days', () => {
    let sheet: Grid = [];
    for (let i = 2; i >= 0; i--) {
      const today = TODAY - i;
      const m = mergeHistory(sheet, today, 400, [row(today, 'A1'), row(today, 'A2')]);
      sheet = [HEADER, ...m.rows];
    }
    expect(sheet).toHaveLength(1 + 6);
    expect(days(sheet.slice(1))).toEqual([-2, -2, -1, -1, 0, 0]);
  });

  it("replaces today's block when run twice on a day", () => {
    const first = mergeHistory([HEADER, row(TODAY - 1, 'A1')], TODAY, 400, [row(TODAY, 'A1', 1)]);
    const second = mergeHistory([HEADER, ...first.rows], TODAY, 400, [
      row(TODAY, 'A1', 2),
      row(TODAY, 'A2', 3),
    ]);
    expect(second.replaced).toBe(1);
    expect(second.rows.map((r) => [r[1], r[10]])).toEqual([
      ['A1', 1],
      ['A1', 2],
      ['A2', 3],
    ]);
  });

  it('drops blocks older than the retention and keeps the one exactly at it', () => {
    const old = [HEADER, row(TODAY - 31, 'A1'), row(TODAY - 30, 'A1'), row(TODAY - 29, 'A1')];
    const m = mergeHistory(old, TODAY, 30, [row(TODAY, 'A1')]);
    expect(m.expired).toBe(1);
    expect(days(m.rows)).toEqual([-30, -29, 0]);
  });

  it('maps old rows by header name, skips blank rows, drops rows without a date, and sorts by day', () => {
    const reordered = ['account_id', 'revenue_12m', 'snapshot_date', 'gone_column'];
    const old: Grid = [
      reordered,
      ['A9', 5, '2026-11-20', 'x'],
      [null, null, null, null],
      ['A8', 6, 'soon', 'y'],
      ['A7', 7, dateCell(TODAY - 5), null],
    ];
    const m = mergeHistory(old, TODAY, 400, [row(TODAY, 'A1')]);
    expect(m.unreadable).toBe(1);
    expect(m.rows.map((r) => r[1])).toEqual(['A7', 'A9', 'A1']);
    expect(m.rows[1][10]).toBe(5);
    expect(isDateCell(m.rows[1][0])).toBe(true);
    m.rows.forEach((r) => expect(r).toHaveLength(SUMMARY_COLUMNS.length));
  });

  it('starts from an empty sheet', () => {
    expect(mergeHistory([], TODAY, 400, [row(TODAY, 'A1')]).rows).toHaveLength(1);
  });
});
