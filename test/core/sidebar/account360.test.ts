import { dayFromYmd } from '../../../src/core/calendar/day';
import {
  account360,
  accountAtRow,
  currentPlan,
  lastMonths,
  periodRange,
} from '../../../src/core/sidebar/account360';
import type { PlanRecord } from '../../../src/core/model/records';
import { ago, readOf, sampleSheets, TODAY } from './fixtures';
import type { Grid } from '../../../src/core/values/cell';

describe('account360 view model', () => {
  const { read, metrics } = readOf(sampleSheets());

  it('is plain JSON (google.script.run carries no Dates, Maps or undefined in arrays)', () => {
    const view = account360(read, metrics, 'A1', TODAY, { user: 'me@example.com' });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('shows the badges the refresh computes, with stable codes and labels', () => {
    const view = account360(read, metrics, 'A1', TODAY);
    const a = view.account!;
    const m = metrics[0];
    expect(a.badges.abc).toEqual({ code: m.abcClass, label: m.abcClass });
    expect(a.badges.rfm.code).toBe(m.rfmSegment);
    expect(a.badges.rfm.score).toBe(m.rfm?.score ?? null);
    expect(a.badges.health).toEqual({
      code: m.healthBand,
      label: expect.any(String),
      score: m.healthScore,
    });
    expect(a.badges.churn.code).toBe(m.churnRisk);
    expect(a.revenue12m).toBe(Math.round(m.revenue12m * 100) / 100);
    expect(a.profile.map((p) => p.key)).toEqual([
      'industry',
      'owner_email',
      'tier',
      'status',
      'credit_limit',
    ]);
    expect(a.profile.find((p) => p.key === 'tier')!.value).toBe('Strategic');
    expect(a.profile.find((p) => p.key === 'credit_limit')!.value).toBe('1,000');
    // Lost accounts are never stale: the badge says so instead of "stale".
    expect(account360(read, metrics, 'B2', TODAY).account!.badges.activity.code).toBe('exempt');
  });

  it('has a 24-month revenue sparkline ending with this month, returns and other currencies included', () => {
    const s = account360(read, metrics, 'A1', TODAY).account!.sparkline;
    expect(s.months).toHaveLength(24);
    expect(s.months[0]).toBe('2024-12');
    expect(s.months[23]).toBe('2026-11');
    // Transactions on the 15th of each month from 2024-06 (100, 200, …): 2024-12 is the 7th.
    expect(s.values[0]).toBe(700);
    // 2026-10: 2,900 plus 10 USD at 7; 2026-11: 3,000 − 50; the future row is not counted.
    expect(s.values[22]).toBe(2900 + 70);
    expect(s.values[23]).toBe(3000 - 50);
  });

  it('lists the last 10 interactions newest first, contacts by influence, open actions by due date', () => {
    const a = account360(read, metrics, 'A1', TODAY).account!;
    expect(a.interactions).toHaveLength(10);
    expect(a.interactions.map((i) => i.summary)).toEqual([
      'note 0',
      'note 1',
      'note 2',
      'note 3',
      'note 4',
      'note 5',
      'note 6',
      'note 7',
      'note 8',
      'note 9',
    ]);
    expect(a.interactions[0].type).toEqual({ code: 'visit', label: 'Visit' });
    expect(a.interactions[5].complaint).toBe(true);
    expect(a.interactions[5].complaintStatus).toEqual({ code: 'open', label: 'Open' });
    expect(a.contacts.map((c) => c.name)).toEqual(['High', 'Low']);
    expect(a.contacts[0].role).toEqual({ code: 'decision_maker', label: 'Decision maker' });
    expect(a.openActions.map((x) => [x.task, x.status.code, x.overdue])).toEqual([
      ['Overdue', 'in_progress', true],
      ['Later', 'not_started', false],
      ['No date', 'not_started', false],
    ]);
  });

  it('picks the plan in force today: the narrowest period that contains it', () => {
    const a = account360(read, metrics, 'A1', TODAY).account!;
    expect(a.plan!.period).toBe('2026-Q4');
    expect(a.plan!.fields).toEqual([
      { key: 'goals', label: 'Goals', value: 'this quarter' },
      { key: 'revenue_target', label: 'Revenue Target', value: '5' },
    ]);
  });

  it('speaks Chinese in a Chinese workbook', () => {
    const zh = readOf(sampleSheets(), 'zh_CN');
    const v = account360(zh.read, zh.metrics, 'A1', TODAY);
    expect(v.locale).toBe('zh-CN');
    expect(v.labels.log_title).toBe('记录互动');
    expect(v.fields.date).toBe('日期');
    expect(v.options.types[0]).toEqual({ code: 'visit', label: '拜访' });
    expect(v.account!.interactions[0].type!.label).toBe('拜访');
    expect(v.account!.profile.find((p) => p.key === 'tier')!.label).toBe('客户级别');
  });

  it('has no account, with a hint, when none is selected or the ID is unknown', () => {
    expect(account360(read, metrics, null, TODAY)).toMatchObject({ account: null, notFound: null });
    expect(account360(read, metrics, 'NOPE', TODAY)).toMatchObject({
      account: null,
      notFound: 'NOPE',
    });
  });
});

describe('accountAtRow: the selected row names an account', () => {
  const { read } = readOf(sampleSheets());
  it.each([
    ['Accounts', 3, 'B2'],
    ['Accounts', 1, null],
    ['Interactions', 2, 'A1'],
    ['Action Plan', 6, 'B2'],
    ['Action Plan', 7, null],
    ['Settings', 2, null],
    ['Accounts', 99, null],
  ])('%s row %d → %s', (sheet, row, id) => {
    expect(accountAtRow(read, sheet, row)).toBe(id);
  });
});

describe('plan periods', () => {
  it.each([
    ['2026', [2026, 1, 1], [2026, 12, 31]],
    ['2026年', [2026, 1, 1], [2026, 12, 31]],
    ['2026-Q4', [2026, 10, 1], [2026, 12, 31]],
    ['2026 q1', [2026, 1, 1], [2026, 3, 31]],
    ['Q2 2026', [2026, 4, 1], [2026, 6, 30]],
    ['2026年第3季度', [2026, 7, 1], [2026, 9, 30]],
    ['2026-H2', [2026, 7, 1], [2026, 12, 31]],
    ['2024-02', [2024, 2, 1], [2024, 2, 29]],
  ])('%s', (text, from, to) => {
    expect(periodRange(text)).toEqual([
      dayFromYmd(from[0], from[1], from[2]),
      dayFromYmd(to[0], to[1], to[2]),
    ]);
  });

  it('does not guess at other text', () => {
    expect(periodRange('FY26')).toBeNull();
    expect(periodRange('2026-13')).toBeNull();
  });

  const plan = (row: number, period: string): PlanRecord => ({
    row,
    accountId: 'A',
    period,
    challenges: '',
    goals: '',
    specialRequirements: '',
    valueProposition: '',
    revenueTarget: null,
    nextReviewDate: null,
    reviewCadenceMonths: 3,
  });
  it('falls back to the latest started period, then to the last row', () => {
    expect(currentPlan([plan(2, '2024'), plan(3, '2025-H1'), plan(4, '2030')], TODAY)!.row).toBe(3);
    expect(currentPlan([plan(2, 'FY26'), plan(3, 'next year')], TODAY)!.row).toBe(3);
    expect(currentPlan([], TODAY)).toBeNull();
  });

  it('lists months across a year boundary', () => {
    expect(lastMonths(dayFromYmd(2026, 2, 28), 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});

describe('account360: group and cross-sell', () => {
  // Six Machinery accounts; M1 is the group company of M2 and (through M2) M3.
  const accounts: Grid = [
    ['Account ID', 'Account Name', 'Parent Account ID', 'Industry', 'Owner Email'],
    ['M1', 'Group HQ', '', 'Machinery', 'a@example.com'],
    ['M2', 'Sub East', 'M1', 'Machinery', 'b@example.com'],
    ['M3', 'Sub East Plant', 'M2', 'machinery', 'b@example.com'],
    ['M4', 'Other 4', '', 'Machinery', 'c@example.com'],
    ['M5', 'Other 5', '', 'Machinery', 'c@example.com'],
    ['M6', 'Other 6', '', 'Machinery', 'c@example.com'],
  ];
  const tx: Grid = [['Date', 'Account ID', 'Product', 'Amount']];
  for (const id of ['M2', 'M3', 'M4', 'M5']) tx.push([ago(10), id, 'Valves', 100]);
  for (const id of ['M4', 'M5']) tx.push([ago(10), id, 'Pumps', 100]);
  tx.push([ago(10), 'M1', 'Seals', 1000]);
  const { read, metrics } = readOf({ Accounts: accounts, Transactions: tx });

  it('shows the group with its members, largest first, and the whitespace suggestions', () => {
    const view = account360(read, metrics, 'M3', TODAY);
    const g = view.account?.group;
    expect(g?.id).toBe('M1');
    expect(g?.name).toBe('Group HQ');
    expect(g?.summary).toBe('3 accounts · revenue (12m) 1,200 · group ABC A');
    expect(g?.members.map((m) => [m.id, m.current, m.top])).toEqual([
      ['M1', false, true],
      ['M2', false, false],
      ['M3', true, false],
    ]);
    expect(g?.more).toBe(0);
    // Valves: 4 of 6 buy it (M3 too); Pumps: 2 of 6 (33 %); Seals: 1 of 6.
    expect(view.account?.crossSell).toEqual(['Pumps']);
    expect(account360(read, metrics, 'M1', TODAY).account?.crossSell).toEqual(['Valves', 'Pumps']);
    expect(account360(read, metrics, 'M4', TODAY).account?.group).toBeNull();
    expect(account360(read, metrics, 'M4', TODAY).labels.cross_sell).toBe('Cross-sell suggestions');
  });
});
