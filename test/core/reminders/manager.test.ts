import { dayFromYmd, parseIsoDay, type Day } from '../../../src/core/calendar/day';
import {
  isoWeek,
  isoWeekday,
  managerDigestDue,
  raisedOn,
  type FlagSnapshots,
} from '../../../src/core/reminders/manager';
import { dueForListing, formatRiskItems, parseRiskItems } from '../../../src/core/reminders/risk';
import { formatMoney } from '../../../src/core/text/money';
import { riskSnapshots } from '../../../src/core/outputs/history';
import { dateCell } from '../../../src/core/values/cell';
import { riskReasonText } from '../../../src/core/reminders/render';
import { catalogue } from '../../../src/core/i18n/catalogue';
import type { RiskReason } from '../../../src/core/reminders/risk';

const D = (iso: string): Day => parseIsoDay(iso)!;

describe('ISO weeks', () => {
  it.each([
    ['2026-12-07', 1, '2026-W50'],
    ['2026-12-05', 6, '2026-W49'],
    ['2026-12-06', 7, '2026-W49'],
    ['2026-12-31', 4, '2026-W53'],
    ['2027-01-03', 7, '2026-W53'],
    ['2027-01-04', 1, '2027-W01'],
    ['2024-12-30', 1, '2025-W01'],
    ['2021-01-03', 7, '2020-W53'],
  ])('%s is weekday %i of %s', (iso, weekday, label) => {
    expect(isoWeekday(D(iso))).toBe(weekday);
    expect(isoWeek(D(iso)).label).toBe(label);
    expect(isoWeekday(isoWeek(D(iso)).monday)).toBe(1);
  });

  it('the manager digest is due from its weekday to Sunday', () => {
    expect(managerDigestDue(D('2026-12-07'), 1)).toBe(true);
    expect(managerDigestDue(D('2026-12-08'), 3)).toBe(false);
    expect(managerDigestDue(D('2026-12-09'), 3)).toBe(true);
    expect(managerDigestDue(D('2026-12-13'), 3)).toBe(true);
  });
});

describe('raised in the last 7 days (history snapshots)', () => {
  const today = dayFromYmd(2026, 12, 7);
  const snaps = (byDay: Record<number, Record<string, string[]>>): FlagSnapshots =>
    new Map(
      Object.entries(byDay).map(([d, accounts]) => [
        today - Number(d),
        new Map(Object.entries(accounts)) as Map<string, never[]>,
      ]),
    );
  const days = (s: FlagSnapshots) => [...s.keys()].sort((a, b) => a - b);

  it('raised on the first snapshot after the last clear one', () => {
    const s = snaps({ 7: { K: [] }, 5: { K: [] }, 3: { K: ['churn'] }, 1: { K: ['churn'] } });
    expect(raisedOn(s, days(s), today, 'K', 'churn')).toBe(today - 3);
  });
  it('raised today when the newest snapshot was clear', () => {
    const s = snaps({ 2: { K: ['churn'] }, 1: { K: [] } });
    expect(raisedOn(s, days(s), today, 'K', 'churn')).toBe(today);
  });
  it('not raised this week when every snapshot had it', () => {
    const s = snaps({ 7: { K: ['churn'] }, 1: { K: ['churn', 'credit'] } });
    expect(raisedOn(s, days(s), today, 'K', 'churn')).toBeNull();
  });
  it('an account missing from a snapshot counts as clear (a new account)', () => {
    const s = snaps({ 6: {}, 2: { K: ['credit'] } });
    expect(raisedOn(s, days(s), today, 'K', 'credit')).toBe(today - 2);
  });
});

describe('listing rhythm and the log cell', () => {
  it('a flag is due when never listed or listed 7 or more days ago', () => {
    expect(dueForListing(null, 100)).toBe(true);
    expect(dueForListing(94, 100)).toBe(false);
    expect(dueForListing(93, 100)).toBe(true);
    expect(dueForListing(92, 100)).toBe(true);
  });
  it('risk_items reads back exactly, IDs with punctuation included; junk lists nothing', () => {
    const items = new Map([
      ['KA-0001', ['churn', 'credit'] as const],
      ['A "B", C; D', ['plan_behind'] as const],
    ]);
    const text = formatRiskItems(items as never);
    expect(parseRiskItems(text)).toEqual(new Map([...items].map(([k, v]) => [k, [...v]])));
    expect(parseRiskItems('')).toEqual(new Map());
    expect(parseRiskItems('not json')).toEqual(new Map());
    expect(parseRiskItems('{"K":["nope","churn"]}')).toEqual(new Map([['K', ['churn']]]));
    expect(formatRiskItems(new Map())).toBe('');
  });
});

describe('amounts in messages', () => {
  it.each([
    [310000, 'CNY', '¥310,000'],
    [533999.6, 'CNY', '¥534,000'],
    [-1234, 'USD', '-$1,234'],
    [5, 'SGD', 'SGD 5'],
    [999, '', '999'],
    [1234567, 'eur', '€1,234,567'],
  ])('%d %s → %s', (amount, currency, text) => {
    expect(formatMoney(amount, currency)).toBe(text);
  });
});

describe('each flag in words', () => {
  const say = (r: unknown, locale: 'en' | 'zh-CN') =>
    riskReasonText(r as RiskReason, catalogue(locale).email, locale);
  it.each([
    [
      {
        code: 'revenue_drop',
        currency: 'CNY',
        revenue12m: 310000,
        revenuePrev12m: 534000,
        dropPct: 42,
      },
      'Revenue drop: revenue 12m ¥310,000, down 42 % from ¥534,000',
      '收入下滑：近 12 个月收入 ¥310,000，较上一期 ¥534,000 下降 42%',
    ],
    [
      {
        code: 'plan_behind',
        currency: 'CNY',
        period: '2026-Q4',
        periodRevenue: 120000,
        target: 400000,
        expected: 200000,
      },
      'Behind plan: plan 2026-Q4: ¥120,000 of ¥400,000 target (30 %), ¥200,000 expected by today',
      '计划落后：2026-Q4 计划：已完成 ¥120,000，目标 ¥400,000（30%），按进度今天应达 ¥200,000',
    ],
    [
      { code: 'complaint', since: D('2026-11-01'), daysOpen: 34, slaDays: 7 },
      'Complaint overdue: complaint open since 2026-11-01 (34 days; limit 7 days)',
      '投诉超时：投诉自 2026-11-01 起未关闭（已 34 天，时限 7 天）',
    ],
    [{ code: 'credit', rating: 'D' }, 'Credit risk: credit rating D', '信用风险：信用等级 D'],
    [
      { code: 'single_threaded', contacts: 1 },
      'Single-threaded: class A account with 1 contact',
      '单线联系：A 类客户仅有 1 位联系人',
    ],
  ])('%j', (reason, en, zh) => {
    expect(say(reason, 'en')).toBe(en);
    expect(say(reason, 'zh-CN')).toBe(zh);
  });
});

describe('history as snapshots of risk flags', () => {
  it('reads account_id and risk_flags per snapshot_date by header, within the window only', () => {
    const today = D('2026-12-07');
    const date = (d: Day) => dateCell(d);
    const grid = [
      ['account_id', 'risk_flags', 'snapshot_date', 'other'],
      ['K1', 'churn,credit', date(today - 8), 'x'],
      ['K1', 'churn', date(today - 3), 'x'],
      ['K2', '', date(today - 3), 'x'],
      ['K3', 'churn, bogus ,plan_behind', date(today - 1), 'x'],
      ['', 'churn', date(today - 1), 'x'],
      ['K4', 'churn', 'not a date', 'x'],
    ];
    const s = riskSnapshots(grid, today - 7, today - 1);
    expect([...s.keys()].sort()).toEqual([today - 3, today - 1]);
    expect(s.get(today - 3)).toEqual(
      new Map([
        ['K1', ['churn']],
        ['K2', []],
      ]),
    );
    expect(s.get(today - 1)).toEqual(new Map([['K3', ['churn', 'plan_behind']]]));
  });
});
