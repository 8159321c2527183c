import { recordEdit } from '../../../src/core/jobs/edit-trail';
import type { EditedRange, SheetEdit } from '../../../src/core/ports/edit';
import { dayFromYmd } from '../../../src/core/calendar/day';
import { dateCell, instantCell, type CellValue, type Grid } from '../../../src/core/values/cell';

const NOW = Date.UTC(2026, 10, 23, 2, 30);
const TODAY = dayFromYmd(2026, 11, 23);

/** An edit of an in-memory workbook, logging which of the port's moves the job made. */
class FakeEdit implements SheetEdit {
  readonly asked: string[] = [];
  readonly written: { row: number; col: number; values: Grid }[] = [];
  readonly logged: { name: string; rows: Grid }[] = [];
  constructor(
    private readonly sheets: Record<string, Grid>,
    private readonly edited: string,
    private readonly at: EditedRange,
    private readonly values: Grid,
    readonly oldValue: CellValue | undefined = undefined,
  ) {}
  sheetNames() {
    return Object.keys(this.sheets);
  }
  readSheet(name: string) {
    this.asked.push(`read ${name}`);
    return this.sheets[name] ?? null;
  }
  sheetName() {
    return this.edited;
  }
  range() {
    this.asked.push('range');
    return this.at;
  }
  readTop(rows: number) {
    this.asked.push(`top ${rows}`);
    return this.sheets[this.edited].slice(0, rows);
  }
  newValues() {
    this.asked.push('values');
    return this.values;
  }
  user() {
    return 'li@example.com';
  }
  today() {
    this.asked.push('today');
    return TODAY;
  }
  write(row: number, col: number, values: Grid) {
    this.written.push({ row, col, values });
  }
  appendLog(name: string, rows: Grid) {
    this.logged.push({ name, rows });
  }
}

const HEADER = ['Account ID', 'Account Name', 'Tier', 'Updated At', 'Updated By'];
const book = (): Record<string, Grid> => ({
  Accounts: [HEADER, ['A1', 'Acme', 'Key', null, null]],
  'Change Log': [['At', 'By', 'Sheet', 'Cell', 'Column', 'Old', 'New']],
  Transactions: [['Date', 'Account ID', 'Amount']],
});
const clock = { nowMs: () => NOW };

describe('edit-trail', () => {
  it('stamps the edited row and logs a watched column with its old and new value', () => {
    const edit = new FakeEdit(
      book(),
      'Accounts',
      { row: 2, col: 3, numRows: 1, numCols: 1 },
      [['Strategic']],
      'Key',
    );
    const plan = recordEdit(edit, clock);
    expect(edit.written).toEqual([
      { row: 2, col: 4, values: [[instantCell(NOW), 'li@example.com']] },
    ]);
    expect(edit.logged).toEqual([
      {
        name: 'Change Log',
        rows: [[instantCell(NOW), 'li@example.com', 'Accounts', 'C2', 'Tier', 'Key', 'Strategic']],
      },
    ]);
    expect(plan.stamps).toHaveLength(1);
    // One read of the rows down to the header, nothing more.
    expect(edit.asked).toEqual(['range', 'top 2', 'values']);
  });

  it('only stamps an edit of a column nobody watches, without asking for its values', () => {
    const edit = new FakeEdit(book(), 'Accounts', { row: 2, col: 2, numRows: 1, numCols: 1 }, [
      ['Acme Ltd'],
    ]);
    recordEdit(edit, clock);
    expect(edit.written).toHaveLength(1);
    expect(edit.logged).toEqual([]);
    expect(edit.asked).not.toContain('values');
  });

  it('leaves every other sheet alone at the cost of the sheet names', () => {
    const edit = new FakeEdit(book(), 'Transactions', { row: 2, col: 1, numRows: 1, numCols: 1 }, [
      ['x'],
    ]);
    expect(recordEdit(edit, clock)).toEqual({ stamps: [], changeLog: [] });
    expect(edit.asked).toEqual([]);
  });

  it('finds a team’s own accounts sheet through Column Map, reading it once', () => {
    const sheets: Record<string, Grid> = {
      台账: [
        ['代码', '等级（KA）', '更新时间', '更新人'],
        ['A1', '重点', null, null],
      ],
      列映射: [
        ['工作表', '表头', '对应', '备注'],
        ['台账', '', 'accounts', ''],
        ['台账', '代码', 'account_id', ''],
        ['台账', '等级（KA）', 'tier', ''],
      ],
    };
    const edit = new FakeEdit(
      sheets,
      '台账',
      { row: 2, col: 2, numRows: 1, numCols: 1 },
      [['战略']],
      '重点',
    );
    recordEdit(edit, clock);
    expect(edit.asked.filter((a) => a.startsWith('read'))).toEqual(['read 列映射']);
    expect(edit.written).toEqual([
      { row: 2, col: 3, values: [[instantCell(NOW), 'li@example.com']] },
    ]);
    // No Change Log sheet in this workbook: the stamp is written, the log is not.
    expect(edit.logged).toEqual([]);
  });
});

describe('edit-trail on the opportunities sheet', () => {
  const OPP = ['Opportunity ID', 'Account ID', 'Stage', 'Amount', 'Stage Changed'];
  const opps = (): Record<string, Grid> => ({
    Accounts: [HEADER, ['A1', 'Acme', 'Key', null, null]],
    Opportunities: [
      OPP,
      ['O1', 'A1', 'Lead', 100, null],
      ['O2', 'A1', 'Proposal', 200, null],
      ['O3', 'A1', '', 300, null],
    ],
    'Change Log': [['At', 'By', 'Sheet', 'Cell', 'Column', 'Old', 'New']],
  });

  it('stamps today in Stage Changed and logs the stage change with its old value', () => {
    const edit = new FakeEdit(
      opps(),
      'Opportunities',
      { row: 2, col: 3, numRows: 1, numCols: 1 },
      [['Qualified']],
      'Lead',
    );
    recordEdit(edit, clock);
    expect(edit.written).toEqual([{ row: 2, col: 5, values: [[dateCell(TODAY)]] }]);
    expect(edit.logged[0].rows).toEqual([
      [instantCell(NOW), 'li@example.com', 'Opportunities', 'C2', 'Stage', 'Lead', 'Qualified'],
    ]);
  });

  it('writes nothing when a single cell keeps its stage, or another column is edited', () => {
    const same = new FakeEdit(
      opps(),
      'Opportunities',
      { row: 2, col: 3, numRows: 1, numCols: 1 },
      [['Lead']],
      'Lead',
    );
    recordEdit(same, clock);
    const amount = new FakeEdit(
      opps(),
      'Opportunities',
      { row: 2, col: 4, numRows: 1, numCols: 1 },
      [[150]],
      100,
    );
    recordEdit(amount, clock);
    expect([...same.written, ...same.logged, ...amount.written, ...amount.logged]).toEqual([]);
    expect(amount.asked).not.toContain('values');
  });

  it('a pasted block: one write for consecutive rows, no stamp on a cleared stage, every change logged', () => {
    const edit = new FakeEdit(opps(), 'Opportunities', { row: 2, col: 3, numRows: 3, numCols: 1 }, [
      ['Won'],
      ['Negotiation'],
      [''],
    ]);
    recordEdit(edit, clock);
    expect(edit.written).toEqual([
      { row: 2, col: 5, values: [[dateCell(TODAY)], [dateCell(TODAY)]] },
    ]);
    expect(edit.logged[0].rows.map((r) => [r[3], r[5], r[6]])).toEqual([
      ['C2', '', 'Won'],
      ['C3', '', 'Negotiation'],
      ['C4', '', ''],
    ]);
  });

  it('keeps the dates of a paste that also fills Stage Changed', () => {
    const edit = new FakeEdit(opps(), 'Opportunities', { row: 2, col: 3, numRows: 1, numCols: 3 }, [
      ['Won', 100, dateCell(TODAY - 5)],
    ]);
    recordEdit(edit, clock);
    expect(edit.written).toEqual([]);
    expect(edit.logged[0].rows).toHaveLength(1);
  });
});
