import { recognize, resolveBook } from '../../../src/core/jobs/recognize';
import type { WorkbookStore } from '../../../src/core/ports/workbook';
import type { CellValue } from '../../../src/core/values/cell';

function store(sheets: Record<string, CellValue[][]>): WorkbookStore {
  return {
    sheetNames: () => Object.keys(sheets),
    readSheet: (name: string) => sheets[name] ?? [],
    locale: () => 'en_US',
  } as unknown as WorkbookStore;
}

/**
 * The recognition report names every header of a matched sheet that is neither recognised nor
 * mapped to ignore: with a suggestion when one resembles ours, else as the team's own column.
 */
describe('recognition report for the headers of a matched sheet', () => {
  const accounts: CellValue[][] = [
    ['Account ID', 'Acount Name', 'Favourite Colour'],
    ['A1', 'Acme', 'blue'],
  ];

  it('suggests for a near miss and names the team’s own column once', () => {
    const s = store({ Accounts: accounts });
    const r = recognize(s, resolveBook(s));
    const byColumn = new Map(r.issues.map((i) => [i.column, i.code]));
    expect(byColumn.get('Favourite Colour')).toBe('header_not_ours');
    expect(byColumn.get('Acount Name')).toBe('header_unrecognised');
    expect(r.issues.every((i) => i.severity === 'warning' && i.row === 1)).toBe(true);
  });

  it('says nothing of a column mapped to ignore', () => {
    const s = store({
      Accounts: accounts,
      'Column Map': [
        ['sheet', 'header', 'maps_to', 'note'],
        ['Accounts', 'Favourite Colour', 'ignore', ''],
      ],
    });
    const r = recognize(s, resolveBook(s));
    expect(r.issues.map((i) => i.column)).not.toContain('Favourite Colour');
  });
});
