import { buildLayout, formatRuns } from '../../../src/core/setup/layout';
import { sheetDef } from '../../../src/core/schema/sheets';
import type { Grid } from '../../../src/core/values/cell';

describe('formatRuns: the body rows that get a column number format', () => {
  const def = sheetDef('transactions');
  const header = def.columns.map((c) => c.en);
  const positions = new Map(def.columns.map((c, i) => [c.key, i + 1]));
  const dateAt = header.indexOf('Date');
  const layoutOf = (cells: unknown[]) => {
    const grid: Grid = [
      header,
      ...cells.map((v) => header.map((_, i) => (i === dateAt ? (v as string) : null))),
    ];
    const layout = buildLayout(def, positions, header.length, 'en', grid);
    return layout.columns.find((c) => c.key === 'date')!;
  };

  it('is the whole body when the column is empty', () => {
    expect(formatRuns(layoutOf([null, '', '  ']), 1000)).toEqual([[2, 999]]);
  });

  it('skips every filled cell and joins the blank rows between them', () => {
    const col = layoutOf([45000, null, null, 'x', 'y', null]);
    expect(col.keepFormatRows).toEqual([2, 5, 6]);
    expect(formatRuns(col, 10)).toEqual([
      [3, 2],
      [7, 4],
    ]);
    expect(formatRuns(col, 6)).toEqual([[3, 2]]);
    expect(formatRuns(col, 1)).toEqual([]);
  });

  it('keeps nothing in script columns: the script owns every cell there', () => {
    const layout = buildLayout(
      sheetDef('accounts'),
      new Map(sheetDef('accounts').columns.map((c, i) => [c.key, i + 1])),
      sheetDef('accounts').columns.length,
      'en',
      [
        sheetDef('accounts').columns.map((c) => c.en),
        sheetDef('accounts').columns.map(() => 'typed'),
      ],
    );
    for (const c of layout.columns)
      expect([c.key, c.owner === 'script' ? c.keepFormatRows : 'user']).toEqual([
        c.key,
        c.owner === 'script' ? [] : 'user',
      ]);
    expect(layout.columns.find((c) => c.key === 'next_action_date')?.keepFormatRows).toEqual([2]);
  });
});
