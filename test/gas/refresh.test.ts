import { handleRefresh, handleSetup } from '../../src/gas/handlers';
import { fixSystemTime } from '../support/clock';
import { userCells } from '../support/snapshot';
import { installGas, shanghaiDate } from './seed';
import { on, seedFake } from '../support/workbook-spec';

const NOW = new Date(Date.UTC(2026, 10, 23, 4)); // 2026-11-23 12:00 in Shanghai

function messyWorkbook() {
  const gas = installGas({ locale: 'en_US', now: () => new Date(NOW) });
  seedFake(gas.control, {
    客户: [
      ['客户名称', '我的列', '客户编号', '负责人邮箱', '客户级别', '状态', '信用额度'],
      ['Acme', 'x', 'A1', 'li@example.com', '战略', 'Active', 1000],
      ['=HYPERLINK("http://evil")', 'y', '00123', 'bad email', 'Key', '合作中', 'lots'],
      ['', 'only mine', '', '', '', '', ''],
      ['Gamma', '', 'A3', 'wang@example.com', 'Gold', '', ''],
      ['Dup', '', 'A1', '', '', '', ''],
      ['Lost Co', '', 'A4', 'li@example.com', '', 'Lost', ''],
    ],
    Transactions: [
      ['Account ID', 'Notes', 'Date', 'Amount', 'Currency'],
      ['A1', '', on(2026, 10, 1), 1000, ''],
      ['A1', '', '2026/11/20', '¥2,000', ''],
      ['00123', '', '2026年3月2日', 100, 'USD'],
      ['00123', '', on(2026, 3, 3), 50, 'JPY'],
      ['NOPE', '', on(2026, 3, 3), 50, ''],
      ['A3', '', 'yesterday', 50, ''],
      ['A3', '', on(2027, 1, 1), 50, ''],
    ],
    Settings: [
      ['setting', 'value'],
      ['allowed_recipient_domains', 'example.com'],
      [],
      ['Currency', 'Rate to Home Currency'],
      ['USD', 7],
    ],
  });
  const userSheets = ['客户', 'Transactions', 'Settings'];
  handleSetup();
  return { gas, userSheets };
}

describe('Refresh scores against the fake', () => {
  fixSystemTime(() => NOW, 'all');

  it('computes the script columns, changes no user cell, and reports every bad cell once', () => {
    const { gas, userSheets } = messyWorkbook();
    const before = userCells(gas.control, userSheets);
    handleRefresh(true);
    const after = userCells(gas.control, userSheets);
    // Every user cell is as it was (script columns of 客户 were blank before, so they are new).
    for (const [cell, v] of before) expect([cell, after.get(cell)]).toEqual([cell, v]);

    const rows = gas.control.sheetValues('客户');
    const h = rows[0] as string[];
    const get = (r: number, name: string) => rows[r][h.indexOf(name)];
    // A1: 1,000 on 2026-10-01 and 2,000 on 2026-11-20 → all the revenue, class A, last activity 3 days ago.
    expect(get(1, 'Revenue (12m)')).toBe(3000);
    expect(get(1, 'ABC Class')).toBe('A');
    expect(get(1, 'Days Since Activity')).toBe(3);
    expect((get(1, 'Last Activity') as Date).toISOString()).toBe(
      shanghaiDate(2026, 11, 20).toISOString(),
    );
    expect(get(1, 'Stale')).toBe(false);
    // 00123: 100 USD × 7 = 700 (the JPY row has no rate and is left out); the ID stays text.
    expect(get(2, '客户编号')).toBe('00123');
    expect(get(2, 'Revenue (12m)')).toBe(700);
    expect(get(2, 'ABC Class')).toBe('B');
    // The blank row, the duplicate and a row whose ID is not an account get blank script columns.
    expect(get(3, 'ABC Class')).toBe('');
    expect(get(5, 'ABC Class')).toBe('');
    // A4 is Lost: never stale.
    expect(get(6, 'Stale')).toBe(false);
    expect(get(4, 'Stale')).toBe(true);

    const issues = gas.control.sheetValues('Data Issues').slice(1);
    const keys = issues.map((r) => `${r[0]}!${r[1]}:${r[2]}:${r[4]}`);
    expect(new Set(keys).size).toBe(keys.length);
    const where = issues.map((r) => `${r[0]}!${r[1]}:${r[2]}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '客户!3:负责人邮箱',
        '客户!3:信用额度',
        '客户!5:客户级别',
        '客户!6:客户编号',
        'Transactions!5:Currency',
        'Transactions!6:Account ID',
        'Transactions!7:Date',
        'Transactions!8:Date',
      ]),
    );
    const future = issues.find((r) => r[0] === 'Transactions' && r[1] === 8);
    expect(future?.[5]).toBe('warning');
    expect(gas.control.toasts.at(-1)?.msg).toBe(
      `Refreshed 4 accounts · ${issues.length} data issues`,
    );
  });

  it('a second refresh, an hour later, changes nothing: an issue keeps the time it was first detected', () => {
    const { gas } = messyWorkbook();
    handleRefresh(true);
    const first = gas.control.sheetValues('客户');
    const firstIssues = gas.control.sheetValues('Data Issues');
    jest.setSystemTime(NOW.getTime() + 3_600_000);
    try {
      handleRefresh(true);
      expect(gas.control.sheetValues('客户')).toEqual(first);
      expect(gas.control.sheetValues('Data Issues')).toEqual(firstIssues);
      // A new problem gets the time of the refresh that found it; the others keep theirs.
      const tx = gas.control.sheetValues('Transactions');
      gas.control.setSheetValues('Transactions', [...tx, ['A1', '', 'soon', 5, '']]);
      handleRefresh(true);
      const issues = gas.control.sheetValues('Data Issues');
      const found = issues.find((r) => r[0] === 'Transactions' && r[1] === tx.length + 1);
      expect((found?.[6] as Date).getTime()).toBe(NOW.getTime() + 3_600_000);
      const old = issues.filter((r) => r !== found && r !== issues[0]);
      expect(old.map((r) => (r[6] as Date).getTime())).toEqual(
        firstIssues.slice(1).map((r) => (r[6] as Date).getTime()),
      );
    } finally {
      jest.setSystemTime(NOW);
    }
  });

  it('what is in script columns is output, not input: typed junk is overwritten, not reported, and a row with only script values is no row', () => {
    const gas = installGas({ locale: 'en_US', now: () => new Date(NOW) });
    gas.control.setSheetValues('Accounts', [
      ['Account ID', 'Account Name', 'Health Score', 'Stale', 'Last Activity', 'Owner Email'],
      ['A1', 'Acme', 'very high', 'maybe', 'last week', 'li@example.com'],
      ['', '', 88, true, shanghaiDate(2026, 1, 1), ''],
    ]);
    handleSetup();
    handleRefresh(true);
    const issues = gas.control.sheetValues('Data Issues').slice(1);
    expect(issues.filter((r) => r[0] === 'Accounts')).toEqual([]);
    const grid = gas.control.sheetValues('Accounts');
    const h = grid[0] as string[];
    expect(grid[1][h.indexOf('Health Score')]).not.toBe('very high');
    expect(grid[1][h.indexOf('Stale')]).toBe(true);
    // The cleared account's old scores are cleared too: the row is empty now.
    expect((grid[2] ?? []).filter((v) => v !== '')).toEqual([]);
  });

  it('a missing required header stops the refresh with a message naming it, and writes no script column', () => {
    const gas = installGas({ locale: 'zh_CN', now: () => new Date(NOW) });
    // Without a name there is nothing to key an account by (without an ID, the name keys it).
    gas.control.setSheetValues('客户', [
      ['客户编号', 'Stale'],
      ['A1', ''],
    ]);
    handleRefresh(true);
    expect(gas.control.alerts.at(-1)?.prompt).toContain('客户名称');
    expect(gas.control.sheetValues('客户')).toEqual([
      ['客户编号', 'Stale'],
      ['A1', ''],
    ]);
  });

  it('over the time budget it writes nothing and schedules a continuation', () => {
    const { gas } = messyWorkbook();
    const before = gas.control.sheetValues('客户');
    // Push the clock past 5 minutes while the refresh reads its sheets.
    let pushed = false;
    gas.control.beforeCall = (key) => {
      if (key === 'Range.getValues' && !pushed) {
        pushed = true;
        jest.setSystemTime(new Date(Date.now() + 6 * 60 * 1000));
      }
    };
    handleRefresh(false);
    gas.control.beforeCall = undefined;
    jest.setSystemTime(NOW);
    expect(gas.control.sheetValues('客户')).toEqual(before);
    expect(gas.control.triggers.map((t) => t.handler)).toContain('kamContinueRefresh');
  });
});

describe('service calls do not grow with the number of rows', () => {
  function bigWorkbook(accounts: number) {
    const gas = installGas({ locale: 'en_US', now: () => new Date(NOW) });
    handleSetup();
    const header = gas.control.sheetValues('Accounts')[0] as string[];
    const rows = [
      header,
      ...Array.from({ length: accounts }, (_, i) =>
        header.map((h) =>
          h === 'Account ID'
            ? `C${i}`
            : h === 'Account Name'
              ? `Co ${i}`
              : h === 'Owner Email'
                ? `o${i % 7}@example.com`
                : '',
        ),
      ),
    ];
    gas.control.setSheetValues('Accounts', rows);
    const tx = [
      ['Date', 'Account ID', 'Amount'],
      ...Array.from({ length: accounts * 2 }, (_, i) => [
        shanghaiDate(2026, 1 + (i % 10), 1 + (i % 27)),
        `C${i % accounts}`,
        (i % 13) * 100 - 50,
      ]),
    ];
    gas.control.setSheetValues('Transactions', tx);
    gas.control.recordLog = false;
    gas.control.resetCalls();
    return gas;
  }

  // Growing or trimming a sheet's grid is one call per sheet written, whatever the row count;
  // it happens only when a sheet must grow past its grid (a new sheet has 1,000 rows).
  const RESIZE = ['Sheet.insertRowsAfter', 'Sheet.deleteRows', 'Sheet.insertColumnsAfter'];

  it('the exact count is the same at 10, 1,000 and 20,000 accounts', () => {
    const counts = [10, 1000, 20000].map((n) => {
      const gas = bigWorkbook(n);
      handleRefresh(false);
      const resize = RESIZE.reduce((sum, k) => sum + (gas.control.calls[k] ?? 0), 0);
      return {
        calls: gas.control.spreadsheetCalls() - resize,
        resize,
        getValues: gas.control.calls['Range.getValues'],
        setValues: gas.control.calls['Range.setValues'],
      };
    });
    expect(counts[1]).toEqual(counts[2]);
    expect({ ...counts[0], resize: 0 }).toEqual({ ...counts[1], resize: 0 });
    // At most one resize per sheet the refresh writes (accounts, summary, history, monthly,
    // data issues): the 10-account run trims the history grid once, larger runs grow them once.
    for (const c of counts) expect(c.resize).toBeLessThanOrEqual(6);
    // One read per input sheet (Opportunities included) plus history and data issues (to keep
    // when each issue was first seen), and row 1 of Summary, Monthly, Pipeline, Groups,
    // Products and the dashboard (a sheet of the team's own under one of those names is never
    // rewritten, nor drawn on); writes: script-column blocks, data issues, Looker sheets.
    expect(counts[0].getValues).toBe(16);
    // Pipeline is the sixth write (the workbook has an Opportunities sheet), Groups and Products
    // the seventh and eighth.
    expect(counts[0].setValues).toBe(8);
  });
});
