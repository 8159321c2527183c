import { issueText } from '../../../src/core/issues/issue';
import {
  budgetIssue,
  cellBudget,
  refusedGrowth,
  SHEETS_CELL_LIMIT,
} from '../../../src/core/outputs/budget';

describe('cellBudget', () => {
  it('grows grids to what is written, starts new sheets at 1000 × 26, trims exact ones', () => {
    const b = cellBudget(
      [
        { name: 'accounts', rows: 1000, cols: 26 },
        { name: 'history', rows: 50_000, cols: 33 },
      ],
      [
        { name: 'summary', rows: 1500, cols: 33 },
        { name: 'history', rows: 2, cols: 33, exactRows: true },
        { name: 'accounts', rows: 10, cols: 5 },
      ],
    );
    expect(b.total).toBe(1000 * 26 + 1500 * 33 + 2 * 33);
    expect(b.sheets[0].name).toBe('summary');
    expect(b.overWarning).toBe(false);
    expect(budgetIssue(b, null)).toBeNull();
  });

  it('warns past 80 % and suggests a retention that fits when history is the largest sheet', () => {
    const b = cellBudget(
      [{ name: 'accounts', rows: 2000, cols: 30 }],
      [{ name: 'history', rows: 1 + 400 * 700, cols: 33, exactRows: true }],
    );
    expect(b.share).toBeGreaterThan(0.8);
    const issue = budgetIssue(b, {
      name: 'history',
      retentionDays: 400,
      rowsPerDay: 700,
      cols: 33,
    });
    expect(issue).toMatchObject({ sheet: 'history', code: 'cell_budget', severity: 'warning' });
    const en = issueText(issue!, 'en');
    const suggested = Number(/history_retention_days to (\d+)/.exec(en)![1]);
    expect(2000 * 30 + (1 + suggested * 700) * 33).toBeLessThanOrEqual(0.8 * SHEETS_CELL_LIMIT);
    expect(suggested).toBeGreaterThan(300);
    expect(en).toMatch(/Trim history/);
    expect(issueText(issue!, 'zh-CN')).toMatch(/history_retention_days 改为 \d+/);
  });

  it('names another sheet with generic advice when that one is the largest', () => {
    const b = cellBudget([{ name: 'transactions', rows: 400_000, cols: 26 }], []);
    const issue = budgetIssue(b, { name: 'history', retentionDays: 400, rowsPerDay: 10, cols: 33 });
    expect(issue?.sheet).toBe('transactions');
    expect(issueText(issue!, 'en')).toMatch(/Trim transactions — delete rows/);
  });
});

describe('budgetIssue past the limit', () => {
  it('is the cell_limit error naming the sheets left as they were', () => {
    const b = cellBudget(
      [{ name: 'Archive', rows: 400_000, cols: 26 }],
      [{ name: 'History', rows: 5000, cols: 33 }],
    );
    expect(b.total).toBeGreaterThan(SHEETS_CELL_LIMIT);
    const issue = budgetIssue(b, null, ['Summary', 'History']);
    expect(issue).toMatchObject({ sheet: 'Archive', code: 'cell_limit', severity: 'error' });
    expect(issueText(issue!, 'en')).toMatch(
      /so these sheets were not updated this time: Summary, History\./,
    );
    expect(issueText(issue!, 'zh-CN')).toContain('因此本次未更新这些工作表：Summary、History。');
  });
});

describe('refusedGrowth', () => {
  it('grants growth in the order given while the cells left cover it, and never refuses a sheet that needs none', () => {
    const current = [
      { name: 'Archive', rows: 9_999_000, cols: 1 },
      { name: 'Data Issues', rows: 10, cols: 7 },
      { name: 'Summary', rows: 100, cols: 2 },
    ];
    // 10,000,000 − 9,999,000 − 70 − 200 = 730 cells left.
    const refused = refusedGrowth(current, [
      { name: 'Data Issues', rows: 60, cols: 7 }, // +350
      { name: 'Dashboard', rows: 5, cols: 5 }, // new sheet: 1,000 × 26
      { name: 'Summary', rows: 300, cols: 2 }, // +400, only 380 left
      { name: 'Monthly', rows: 3, cols: 2 }, // new sheet, refused
      { name: 'Archive', rows: 10, cols: 1 }, // needs nothing
    ]);
    expect([...refused]).toEqual(['Dashboard', 'Summary', 'Monthly']);
    expect(refusedGrowth(current, [{ name: 'Summary', rows: 300, cols: 2 }]).size).toBe(0);
  });
});
