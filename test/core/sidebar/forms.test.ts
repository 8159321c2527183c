import fc from 'fast-check';
import { dayFromYmd, formatDay } from '../../../src/core/calendar/day';
import { IssueList } from '../../../src/core/issues/issue';
import { readCell } from '../../../src/core/parse/cells';
import { readTable } from '../../../src/core/parse/table';
import { parseColumnMap } from '../../../src/core/schema/column-map';
import { parseWorkbook } from '../../../src/core/parse/workbook';
import { columnDef, sheetDef } from '../../../src/core/schema/sheets';
import {
  applyWrites,
  planStatusChange,
  validateAction,
  validateInteraction,
  writeBlocks,
  type FormContext,
} from '../../../src/core/sidebar/forms';
import { dateCell, type Grid } from '../../../src/core/values/cell';
import { TODAY } from './fixtures';

const ctx = (locale: 'en' | 'zh-CN' = 'en'): FormContext => ({
  today: TODAY,
  locale,
  user: 'Me@Example.com',
  accountIds: new Set(['A1', '00123']),
});

/** A user's Interactions sheet: reordered columns, a column of their own, no Complaint Status. */
const interactions = (): { name: string; values: Grid } => ({
  name: '互动记录',
  values: [
    [
      '摘要',
      'My notes',
      '客户编号',
      'Date',
      '类型',
      'Complaint',
      'Satisfaction',
      'Recorded By',
      'Next Step',
    ],
  ],
});

describe('validateInteraction', () => {
  it('builds one row in the sheet’s own column order, labels in the workbook language', () => {
    const plan = validateInteraction(
      {
        account_id: 'A1',
        date: '2026-11-20',
        type: 'visit',
        summary: '  =SUM(A1)  ',
        next_step: 'call back',
        satisfaction: '4',
        complaint: true,
      },
      interactions(),
      ctx('zh-CN'),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.row).toEqual([
      '=SUM(A1)',
      null,
      'A1',
      dateCell(dayFromYmd(2026, 11, 20)),
      '拜访',
      '是',
      4,
      'me@example.com',
      'call back',
    ]);
  });

  it('accepts what the refresh accepts: Chinese dates, labels in either language, padded numbers', () => {
    const plan = validateInteraction(
      { account_id: 'A1', date: '2026年11月3日', type: '电话', satisfaction: ' 5 ' },
      interactions(),
      ctx(),
    );
    expect(plan.ok).toBe(true);
    expect(plan.row[3]).toEqual(dateCell(dayFromYmd(2026, 11, 3)));
    expect(plan.row[4]).toBe('Call');
    expect(plan.row[6]).toBe(5);
  });

  it('says what is wrong with each field and plans nothing', () => {
    const plan = validateInteraction(
      {
        account_id: 'ZZ',
        date: formatDay(TODAY + 1),
        type: 'Lunch',
        satisfaction: '6',
        complaint: 'maybe',
      },
      interactions(),
      ctx(),
    );
    expect(plan.ok).toBe(false);
    expect(plan.row).toEqual([]);
    expect(Object.fromEntries(plan.errors.map((e) => [e.field, e.message]))).toEqual({
      account_id: 'Account ZZ is not in Accounts.',
      date: 'The date cannot be in the future.',
      type: expect.stringContaining('Not one of: Visit/拜访'),
      satisfaction: 'Must be between 1 and 5.',
      complaint: 'Use yes or no.',
    });
    expect(validateInteraction({ account_id: 'A1' }, interactions(), ctx()).errors).toEqual([
      { field: 'date', message: 'Required.' },
    ]);
    expect(
      validateInteraction({ account_id: 'A1', date: '2026-02-30' }, interactions(), ctx('zh-CN'))
        .errors[0].message,
    ).toBe('不是有效日期。请使用日期格式或 YYYY-MM-DD。');
  });

  it('needs the sheet, and a column for each value given', () => {
    expect(
      validateInteraction({ account_id: 'A1', date: '2026-11-01' }, null, ctx()).errors,
    ).toEqual([
      {
        field: '',
        message: 'The Interactions sheet is missing. Run Key Accounts → Set up workbook.',
      },
    ]);
    const narrow = { name: 'Interactions', values: [['Date', 'Account ID']] };
    expect(
      validateInteraction({ account_id: 'A1', date: '2026-11-01', summary: 'x' }, narrow, ctx())
        .errors,
    ).toEqual([
      {
        field: 'summary',
        message:
          'The Interactions sheet has no "Summary" column. Run Key Accounts → Set up workbook.',
      },
    ]);
    expect(
      validateInteraction({ account_id: 'A1', date: '2026-11-01' }, narrow, ctx()).row,
    ).toEqual([dateCell(dayFromYmd(2026, 11, 1)), 'A1']);
    expect(
      validateInteraction(
        { account_id: 'A1', date: '2026-11-01' },
        { name: 'Interactions', values: [['Account ID']] },
        ctx(),
      ).ok,
    ).toBe(false);
  });

  it('treats anything but strings, numbers and booleans as blank (never trusts the browser)', () => {
    const plan = validateInteraction(
      {
        account_id: 'A1',
        date: '2026-11-01',
        summary: { toString: 'x' },
        satisfaction: [3],
      } as never,
      interactions(),
      ctx(),
    );
    expect(plan.ok).toBe(true);
    expect(plan.row[0]).toBeNull();
    expect(plan.row[6]).toBeNull();
  });

  it('writes exactly what the refresh reads back, without a data issue (property)', () => {
    const text = fc.string({ maxLength: 30 });
    fc.assert(
      fc.property(
        fc.integer({ min: TODAY - 800, max: TODAY }),
        fc.constantFrom('visit', 'call', 'email', 'meeting', 'chat', 'follow_up', ''),
        text,
        text,
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        fc.boolean(),
        fc.constantFrom<'en' | 'zh-CN'>('en', 'zh-CN'),
        (day, type, summary, next, sat, complaint, locale) => {
          const sheet = interactions();
          const plan = validateInteraction(
            {
              account_id: 'A1',
              date: formatDay(day),
              type,
              summary,
              next_step: next,
              satisfaction: sat === null ? '' : String(sat),
              complaint,
            },
            sheet,
            ctx(locale),
          );
          expect(plan.ok).toBe(true);
          const parsed = parseWorkbook(
            {
              accounts: {
                name: 'Accounts',
                values: [
                  ['Account ID', 'Account Name'],
                  ['A1', 'Acme'],
                ],
              },
              interactions: { name: sheet.name, values: [...sheet.values, plan.row] },
            },
            TODAY,
          );
          expect(parsed.issues).toEqual([]);
          expect(parsed.model.interactions[0]).toMatchObject({
            date: day,
            accountId: 'A1',
            type: type === '' ? null : type,
            summary: summary.trim(),
            nextStep: next.trim(),
            satisfaction: sat,
            complaint,
            ownerEmail: 'me@example.com',
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accepts a satisfaction exactly when the refresh would (property)', () => {
    const col = columnDef('interactions', 'satisfaction');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 6 }),
          fc.integer({ min: -3, max: 9 }).map(String),
          fc.double({ noNaN: true }).map(String),
        ),
        (s) => {
          const plan = validateInteraction(
            { account_id: 'A1', date: '2026-11-01', satisfaction: s },
            interactions(),
            ctx(),
          );
          expect(plan.ok).toBe(readCell(col, s.trim() === '' ? null : s.trim()).ok);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('validateAction', () => {
  const actions = {
    name: 'Action Plan',
    values: [
      [
        'Task',
        'Account ID',
        'Owner Email',
        'Start Date',
        'Due Date',
        'Status',
        'Completed Date',
        'Outcome',
      ],
    ] as Grid,
  };

  it('starts today, defaults to Not started, and checks the due date', () => {
    const plan = validateAction(
      {
        task: 'Send quote',
        account_id: 'A1',
        owner_email: 'LI@example.com',
        due_date: formatDay(TODAY + 7),
      },
      actions,
      ctx(),
    );
    expect(plan.row).toEqual([
      'Send quote',
      'A1',
      'li@example.com',
      dateCell(TODAY),
      dateCell(TODAY + 7),
      'Not started',
      null,
      null,
    ]);
    expect(
      validateAction(
        { task: 'x', account_id: 'A1', due_date: formatDay(TODAY - 1) },
        actions,
        ctx(),
      ).errors,
    ).toEqual([
      {
        field: 'due_date',
        message: `The due date is before the start date (${formatDay(TODAY)}).`,
      },
    ]);
    expect(
      validateAction(
        { task: ' ', account_id: 'A1', owner_email: 'nope' },
        actions,
        ctx(),
      ).errors.map((e) => e.field),
    ).toEqual(['task', 'owner_email']);
  });

  it('an action added as Done is completed today', () => {
    const plan = validateAction(
      { task: 'Called', account_id: 'A1', status: '已完成' },
      actions,
      ctx('zh-CN'),
    );
    expect(plan.row.slice(5, 7)).toEqual(['已完成', dateCell(TODAY)]);
  });

  it('reads back through the refresh’s own table reader without a problem', () => {
    const plan = validateAction(
      { task: '@mention the CFO', account_id: '00123', status: 'blocked' },
      actions,
      ctx(),
    );
    const issues = new IssueList();
    const table = readTable(
      { name: 'Action Plan', values: [...actions.values, plan.row] },
      sheetDef('actions').columns,
      issues,
    );
    expect(issues.items).toEqual([]);
    expect(table.rows[0].fields).toMatchObject({
      task: '@mention the CFO',
      account_id: '00123',
      status: 'blocked',
      start_date: TODAY,
    });
  });
});

describe('planStatusChange', () => {
  const sheet = {
    name: 'Action Plan',
    values: [
      ['Status', 'Task', 'Notes', 'Completed Date', 'Outcome', 'Account ID'],
      ['In progress', 'Call back', '', '', '', 'A1'],
      ['Done', 'Visit', '', dateCell(TODAY - 3), 'ok', 'A1'],
    ] as Grid,
  };

  it('Done writes the status and today as completed date', () => {
    const plan = planStatusChange(
      { row: 2, task: 'Call back', status: 'done', outcome: 'Signed' },
      sheet,
      ctx(),
    );
    expect(plan.writes).toEqual([
      { row: 2, col: 1, value: 'Done' },
      { row: 2, col: 4, value: dateCell(TODAY) },
      { row: 2, col: 5, value: 'Signed' },
    ]);
    expect(writeBlocks(plan.writes)).toEqual([
      { row: 2, col: 1, values: [['Done']] },
      { row: 2, col: 4, values: [[dateCell(TODAY), 'Signed']] },
    ]);
  });

  it('moving a Done action back clears its completed date; the same status writes nothing', () => {
    expect(
      planStatusChange({ row: 3, task: 'Visit', status: '进行中' }, sheet, ctx('zh-CN')).writes,
    ).toEqual([
      { row: 3, col: 1, value: '进行中' },
      { row: 3, col: 4, value: null },
    ]);
    expect(
      planStatusChange({ row: 3, task: 'Visit', status: 'Done' }, sheet, ctx()).writes,
    ).toEqual([]);
  });

  it('refuses a row that no longer holds the task shown, or another account', () => {
    const stale =
      'This action changed in the sheet since it was shown. Click Refresh and try again.';
    expect(
      planStatusChange({ row: 2, task: 'Visit', status: 'done' }, sheet, ctx()).errors[0].message,
    ).toBe(stale);
    expect(planStatusChange({ row: 9, task: 'Visit', status: 'done' }, sheet, ctx()).ok).toBe(
      false,
    );
    expect(planStatusChange({ row: 1, task: 'Status', status: 'done' }, sheet, ctx()).ok).toBe(
      false,
    );
    expect(
      planStatusChange(
        { row: '2', task: 'Call back', status: 'done', accountId: 'B2' },
        sheet,
        ctx(),
      ).errors[0].message,
    ).toBe(stale);
    expect(
      planStatusChange({ row: 2, task: 'Call back', status: 'finished' }, sheet, ctx()).errors[0]
        .field,
    ).toBe('status');
  });

  it('applyWrites gives the grid after the write, for the new state', () => {
    const plan = planStatusChange({ row: 2, task: 'Call back', status: 'done' }, sheet, ctx());
    const after = applyWrites(sheet.values, plan.writes, [['Blocked', 'New']]);
    expect(after[1]).toEqual(['Done', 'Call back', '', dateCell(TODAY), '', 'A1']);
    expect(after[3]).toEqual(['Blocked', 'New']);
    expect(sheet.values[1][0]).toBe('In progress');
  });
});

describe('forms on a team sheet mapped in Column Map', () => {
  it('writes each field under the team’s own header, as the refresh reads it back', () => {
    const map = parseColumnMap('列映射', [
      ['sheet', 'header', 'maps_to'],
      ['跟进', '客户', 'account_id'],
      ['跟进', '时间', 'date'],
      ['跟进', '情况', 'summary'],
    ]);
    const target = { name: '跟进', values: [['情况', '时间', '客户', '自己的列']], map };
    const plan = validateInteraction(
      { account_id: 'A1', date: '2026-11-20', summary: 'visit' },
      target,
      ctx(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.row).toEqual(['visit', dateCell(dayFromYmd(2026, 11, 20)), 'A1']);
    const issues = new IssueList();
    const table = readTable(
      { ...target, values: [...target.values, plan.row as Grid[number]] },
      sheetDef('interactions').columns,
      issues,
    );
    expect(table.rows[0].fields).toMatchObject({ account_id: 'A1', summary: 'visit' });
  });
});
