import { dayFromYmd } from '../../../src/core/calendar/day';
import { issueText } from '../../../src/core/issues/issue';
import { parseWorkbook } from '../../../src/core/parse/workbook';
import { dateCell, type CellValue } from '../../../src/core/values/cell';
import { coreGrids, on } from '../../support/workbook-spec';

const TODAY = dayFromYmd(2026, 11, 23);
const d = (y: number, m: number, day: number) => dateCell(dayFromYmd(y, m, day));

function grids(overrides: Record<string, CellValue[][]> = {}) {
  const base: Record<string, CellValue[][]> = coreGrids({
    settings: [
      ['setting', 'value', 'description'],
      ['home_currency', 'CNY', null],
      ['stale_days_a', '10', null],
      ['no_such_setting', 1, null],
      ['warning_days', 'soon', null],
      [null, null, null],
      ['Currency', 'Rate to Home Currency'],
      ['USD', 7],
      ['EUR', 'abc'],
    ],
    accounts: [
      [
        '客户名称',
        'My own column',
        '客户编号',
        '负责人邮箱',
        '客户级别',
        '上级客户编号',
        '信用额度',
      ],
      ['Acme', 'x', 'A1', 'li@example.com', '战略', null, '1,000'],
      ['Beta', 'y', 'A2', 'not-an-email', 'Key', 'A3', -5],
      ['Gamma', null, 'A3', null, 'Gold', 'A2', null],
      ['Dup', null, 'A1', null, null, null, null],
      [null, 'only a user note', null, null, null, null, null],
      ['No id', null, null, null, null, 'ZZ', null],
    ],
    transactions: [
      ['Date', 'Account ID', 'Amount', 'Currency', 'Quantity', 'Unit Price'],
      [on(2026, 1, 5), 'A1', 100, null, null, null],
      ['2026/2/30', 'A1', 100, null, null, null],
      ['2026-03-01', 'NOPE', 100, null, null, null],
      ['2026年3月2日', 'A2', null, 'USD', 2, 5],
      [on(2026, 3, 3), 'A2', 50, 'JPY', null, null],
      [on(2027, 1, 1), 'A2', 50, null, null, null],
      [on(2026, 3, 4), 'A2', '¥1,2', null, null, null],
      [on(2026, 3, 5), 'A3', null, null, null, null],
    ],
    interactions: [
      ['Date', 'Account ID', 'Complaint', 'Satisfaction'],
      [on(2026, 11, 1), 'A1', '是', 4],
      [on(2026, 11, 2), 'A1', 'maybe', 9],
    ],
  });
  return Object.fromEntries(
    Object.entries({ ...base, ...overrides }).map(([k, v]) => [
      k,
      { name: k === 'accounts' ? '客户' : k, values: v },
    ]),
  );
}

describe('parseWorkbook on a messy workbook', () => {
  const parsed = parseWorkbook(grids(), TODAY);
  const codes = parsed.issues.map((i) => `${i.sheet}:${i.row}:${i.code}`);

  it('reads settings, reports unknown and invalid ones, and keeps defaults', () => {
    expect(parsed.model.settings.staleDays.A).toBe(10);
    expect(parsed.model.settings.warningDays).toBe(3);
    expect(parsed.model.settings.rates.get('USD')).toBe(7);
    expect(parsed.model.settings.rates.has('EUR')).toBe(false);
    expect(codes).toEqual(
      expect.arrayContaining([
        'settings:4:unknown_setting',
        'settings:5:invalid_setting',
        'settings:9:invalid_rate',
      ]),
    );
  });

  it('keeps good accounts, reports bad cells, duplicates and parents, and leaves out bad rows', () => {
    expect(parsed.model.accounts.map((a) => a.id)).toEqual(['A1', 'A2', 'A3']);
    const a1 = parsed.model.accounts[0];
    expect(a1).toMatchObject({
      name: 'Acme',
      ownerEmail: 'li@example.com',
      tier: 'strategic',
      creditLimit: 1000,
    });
    expect(codes).toEqual(
      expect.arrayContaining([
        '客户:3:not_an_email',
        '客户:3:below_minimum',
        '客户:4:not_in_list',
        '客户:5:duplicate_id',
        '客户:7:required_missing',
        '客户:3:parent_cycle',
      ]),
    );
    // The row with only a user note is not an account and not an issue.
    expect(codes.some((c) => c.startsWith('客户:6:'))).toBe(false);
  });

  it('names the column as the user wrote it and the row as the user sees it', () => {
    const bad = parsed.issues.find((i) => i.code === 'not_an_email');
    expect(bad).toMatchObject({
      sheet: '客户',
      row: 3,
      column: '负责人邮箱',
      value: 'not-an-email',
      severity: 'error',
    });
    expect(issueText(bad!, 'zh-CN')).toBe('不是有效的邮箱地址。');
  });

  it('transactions: converts currencies, computes quantity × price, and leaves out bad rows', () => {
    expect(parsed.model.transactions.map((t) => [t.row, t.amount])).toEqual([
      [2, 100],
      [5, 70],
    ]);
    expect(codes).toEqual(
      expect.arrayContaining([
        'transactions:3:not_a_date',
        'transactions:4:unknown_account',
        'transactions:6:unknown_currency',
        'transactions:7:future_date',
        'transactions:8:not_a_number',
        'transactions:9:amount_missing',
      ]),
    );
  });

  it('reports every bad cell exactly once', () => {
    const keys = parsed.issues.map((i) => `${i.sheet}|${i.row}|${i.column}|${i.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    const interactionIssues = parsed.issues.filter((i) => i.sheet === 'interactions');
    expect(interactionIssues.map((i) => i.code).sort()).toEqual(['not_yes_no', 'out_of_range']);
  });

  it('a missing required header is one error naming the sheet and header', () => {
    const p = parseWorkbook(grids({ accounts: [['Account ID'], ['x']] }), TODAY);
    const e = p.issues.filter((i) => i.code === 'header_missing');
    expect(e).toHaveLength(1);
    expect(issueText(e[0], 'en')).toContain('"Account Name"');
    expect(issueText(e[0], 'zh-CN')).toContain('「客户名称」');
    expect(p.model.accounts).toEqual([]);
  });

  it('accounts keyed by name: the other sheets name their account by its exact name', () => {
    const p = parseWorkbook(
      grids({
        accounts: [
          ['公司名称', 'Region'],
          ['华为', '华南'],
          ['美的', ''],
          ['华为', 'x'],
        ],
        transactions: [
          ['日期', '客户名称', '金额'],
          [d(2026, 1, 5), '华为', 100],
          [d(2026, 1, 6), '华 为', 5],
        ],
      }),
      TODAY,
    );
    expect(p.model.accounts.map((a) => [a.id, a.name])).toEqual([
      ['华为', '华为'],
      ['美的', '美的'],
    ]);
    expect(p.model.transactions.map((t) => [t.accountId, t.amount])).toEqual([['华为', 100]]);
    const mine = p.issues.filter((i) => ['客户', 'transactions'].includes(i.sheet));
    expect(mine.map((i) => [i.sheet, i.row, i.code])).toEqual([
      ['客户', 4, 'duplicate_id'],
      ['transactions', 3, 'unknown_account'],
    ]);
  });

  it('an ID column with some IDs is not keyed by name: a blank ID is reported', () => {
    const p = parseWorkbook(
      grids({
        accounts: [
          ['Account ID', 'Account Name'],
          ['A1', 'Acme'],
          ['', 'Beta'],
        ],
      }),
      TODAY,
    );
    expect(p.model.accounts.map((a) => a.id)).toEqual(['A1']);
    const mine = p.issues.filter((i) => i.sheet === '客户');
    expect(mine.map((i) => [i.row, i.code])).toEqual([[3, 'required_missing']]);
  });
});
