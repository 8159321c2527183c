import { lookerReady } from '../../../src/core/outputs/ready';
import { SUMMARY_COLUMNS } from '../../../src/core/schema/sheets';
import { dateCell, instantCell } from '../../../src/core/values/cell';

const problems = (...args: Parameters<typeof lookerReady>) =>
  lookerReady(...args).map((p) => p.problem);

describe('lookerReady', () => {
  it('accepts a clean table', () => {
    expect(
      lookerReady(
        ['day', 'n', 'ok', 'name'],
        [
          [dateCell(1), 1.5, true, 'x'],
          [null, null, false, null],
        ],
      ),
    ).toEqual([]);
  });

  it('wants unique snake_case headers', () => {
    expect(problems(['Revenue (12m)', 'a', 'a', '', '1x'], [])).toHaveLength(4);
    expect(problems(['revenue_12m', 'rfm_r'], [])).toEqual([]);
  });

  it('finds blank rows, mixed types, time of day, instants and stray cells', () => {
    const p = problems(
      ['a', 'b'],
      [
        [1, 'x'],
        [null, ''],
        ['2', 'y'],
        [dateCell(3, 60), 'z'],
        [instantCell(0), 'w'],
        [1, 'v', 'extra'],
      ],
    );
    expect(p).toEqual(
      expect.arrayContaining([
        'blank row',
        'text in a number column',
        'date holds a time of day',
        'date in a number column',
        'datetime in a number column',
        'value in column 3, which has no header',
      ]),
    );
  });

  it('finds formula text that a raw writer would run, or real formulas when given', () => {
    for (const t of ['=1+1', '+86', '-x', '@me']) expect(problems(['a'], [[t]])).toHaveLength(1);
    expect(problems(['a'], [['a=b'], ["'=x"]])).toEqual([]);
    expect(problems(['a'], [['=x']], { formulas: [[''], ['']] })).toEqual([]);
    expect(problems(['a'], [[2]], { formulas: [[''], ['=1+1']] })).toEqual(['formula']);
  });

  it('checks declared columns: names, order, types and whole numbers', () => {
    const header = SUMMARY_COLUMNS.map((c) => c.key);
    const row = SUMMARY_COLUMNS.map(() => null) as (string | number | null)[];
    row[1] = 'A1';
    row[21] = 545; // rfm_score is text
    row[17] = 1.5; // rfm_recency_days is an integer
    const p = problems(header, [row], { columns: SUMMARY_COLUMNS });
    expect(p).toEqual(['not a whole number', 'number in a text column']);
    expect(problems([...header].reverse(), [], { columns: SUMMARY_COLUMNS })[0]).toMatch(
      /^header is/,
    );
  });
});
