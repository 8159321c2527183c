import { IssueList } from '../../../src/core/issues/issue';
import { readCell } from '../../../src/core/parse/cells';
import { readTable } from '../../../src/core/parse/table';
import { sheetDef } from '../../../src/core/schema/sheets';
import { dateCell } from '../../../src/core/values/cell';

const columns = sheetDef('transactions').columns;

describe('readTable', () => {
  // Amount before Date, no Quantity/Unit Price/Notes columns, a user column in between.
  const grid = {
    name: 'Transactions',
    values: [
      [
        'Amount',
        'Account ID',
        'Mine',
        'Date',
        'Currency',
        'Product',
        'Payment Due Date',
        'Paid Date',
      ],
      [120, 'A1', 'x', dateCell(20_000), null, ' Widget ', null, null],
      [null, null, 'only my column', null, '  ', null, null, null],
      ['lots', 'A2', null, 'not a date', 'USD', null, null, null],
    ],
  };
  const issues = new IssueList();
  const table = readTable(grid, columns, issues);

  it('gives every row every column key: found ones in column order, then missing ones as null', () => {
    const keys = columns.map((c) => c.key);
    const found = keys.filter((k) => !['quantity', 'unit_price', 'notes'].includes(k));
    for (const r of table.rows)
      expect(Object.keys(r.fields)).toEqual([...found, 'quantity', 'unit_price', 'notes']);
    expect(table.rows[0].fields).toEqual({
      date: 20_000,
      account_id: 'A1',
      product: 'Widget',
      quantity: null,
      unit_price: null,
      amount: 120,
      currency: null,
      payment_due_date: null,
      paid_date: null,
      notes: null,
    });
    expect(table.rows[0].bad).toBeNull();
  });

  it('skips rows blank in every known column and reports each unreadable cell once, in column order', () => {
    expect(table.rows.map((r) => r.row)).toEqual([2, 4]);
    const bad = table.rows[1];
    expect(bad.fields.amount).toBeNull();
    expect(bad.fields.date).toBeNull();
    expect([...(bad.bad ?? [])].sort()).toEqual(['amount', 'date']);
    expect(issues.items.map((i) => [i.row, i.column, i.value, i.code])).toEqual([
      [4, 'Date', 'not a date', 'not_a_date'],
      [4, 'Amount', 'lots', 'not_a_number'],
    ]);
  });

  it('reads each cell as readCell does', () => {
    for (const [v, col] of [
      ['lots', 'amount'],
      ['not a date', 'date'],
      [120, 'amount'],
      [' Widget ', 'product'],
    ] as const) {
      const def = columns.find((c) => c.key === col)!;
      const res = readCell(def, v);
      const row = table.rows.find((r) => grid.values[r.row - 1].includes(v))!;
      expect(row.fields[col]).toEqual(res.ok ? res.value : null);
    }
  });
});
