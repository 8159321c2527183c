import { parseIsoDay, type Day } from '../../../../src/core/calendar/day';
import {
  currentPlan,
  planAttainment,
  planBehindFlag,
  type PlanInput,
} from '../../../../src/core/rules/risk/plan-behind';

const D = (s: string): Day => parseIsoDay(s) as Day;
const plan = (period: string, revenueTarget: number | null): PlanInput => ({
  period,
  revenueTarget,
});
/** Is an account with this one plan behind on `today` with this period revenue? */
const behind = (p: PlanInput, today: string, revenue: number, tolerance = 0.1) =>
  planBehindFlag(currentPlan([p], D(today)), revenue, D(today), tolerance);

describe('plan_behind: worked example (2026-04, target 30,000, plan_tolerance 0.1)', () => {
  const april = plan('2026-04', 30_000);

  it('on 15 April (15 of 30 days) expects 30,000 × 15/30 × 0.9 = 13,500', () => {
    expect(behind(april, '2026-04-15', 13_500)).toBe(false);
    expect(behind(april, '2026-04-15', 13_499.99)).toBe(true);
    expect(behind(april, '2026-04-15', 20_000)).toBe(false);
  });

  it('the same 13,000 is on plan on 14 April (line 12,600), behind on 15 April', () => {
    expect(behind(april, '2026-04-14', 13_000)).toBe(false);
    expect(behind(april, '2026-04-15', 13_000)).toBe(true);
  });

  it('plan_tolerance boundary: 13,500 on 15 April with 0.09 / 0.1 / 0.11', () => {
    expect(behind(april, '2026-04-15', 13_500, 0.09)).toBe(true); // line 13,650
    expect(behind(april, '2026-04-15', 13_500, 0.1)).toBe(false); // line 13,500
    expect(behind(april, '2026-04-15', 13_500, 0.11)).toBe(false); // line 13,350
    expect(behind(april, '2026-04-15', 14_999.99, 0)).toBe(true); // line 15,000
  });

  it('first day expects one day: 30,000 × 1/30 × 0.9 = 900; last day 27,000', () => {
    expect(behind(april, '2026-04-01', 900)).toBe(false);
    expect(behind(april, '2026-04-01', 899.99)).toBe(true);
    expect(behind(april, '2026-04-30', 27_000)).toBe(false);
    expect(behind(april, '2026-04-30', 26_999.99)).toBe(true);
  });

  it('the day before and after the period: no current plan, never behind', () => {
    expect(currentPlan([april], D('2026-03-31'))).toBeNull();
    expect(currentPlan([april], D('2026-05-01'))).toBeNull();
    expect(behind(april, '2026-03-31', 0)).toBe(false);
    expect(behind(april, '2026-05-01', 0)).toBe(false);
  });

  it('plan_attainment = period revenue ÷ target, 2 decimals', () => {
    const p = currentPlan([april], D('2026-04-15'));
    expect(planAttainment(p, 13_500)).toBe(0.45);
    expect(planAttainment(p, 10_001)).toBe(0.33);
    expect(planAttainment(p, 31_000)).toBe(1.03);
    expect(planAttainment(null, 13_500)).toBeNull();
  });
});

describe('plan_behind: period edges', () => {
  it('YYYY: 2026, target 365,000 — 1 January expects 900, 31 December 328,500', () => {
    const y = plan('2026', 365_000);
    expect(behind(y, '2026-01-01', 900)).toBe(false);
    expect(behind(y, '2026-01-01', 899.99)).toBe(true);
    expect(behind(y, '2026-12-31', 328_500)).toBe(false);
    expect(behind(y, '2026-12-31', 328_499.99)).toBe(true);
  });

  it('YYYY-Qn: 2026-Q4, target 92,000 — 15 Nov (46/92) expects 41,400, 31 Dec 82,800', () => {
    const q = plan('2026-Q4', 92_000);
    expect(behind(q, '2026-11-15', 41_400)).toBe(false);
    expect(behind(q, '2026-11-15', 41_399.99)).toBe(true);
    expect(behind(q, '2026-12-31', 82_800)).toBe(false);
    expect(behind(q, '2026-12-31', 82_799.99)).toBe(true);
    expect(currentPlan([q], D('2027-01-01'))).toBeNull();
  });

  it('YYYY-MM: 2024-02 (29 days), target 29,000 — 28 Feb expects 25,200, 29 Feb 26,100', () => {
    const feb = plan('2024-02', 29_000);
    expect(behind(feb, '2024-02-28', 25_200)).toBe(false);
    expect(behind(feb, '2024-02-28', 25_199.99)).toBe(true);
    expect(behind(feb, '2024-02-29', 26_100)).toBe(false);
    expect(behind(feb, '2024-02-29', 26_099.99)).toBe(true);
    expect(currentPlan([feb], D('2024-03-01'))).toBeNull();
  });
});

describe('currentPlan: which plan counts', () => {
  const today = D('2026-05-10');

  it('ignores plans without a readable period or not containing today', () => {
    expect(currentPlan([plan('FY26', 1000), plan('2026-Q1', 1000)], today)).toBeNull();
  });

  it('a plan without a target (blank or 0) is current but never behind', () => {
    for (const t of [null, 0]) {
      const p = currentPlan([plan('2026-05', t)], today);
      expect(p?.target).toBeNull();
      expect(planBehindFlag(p, 0, today, 0.1)).toBe(false);
      expect(planAttainment(p, 0)).toBeNull();
    }
  });

  it('prefers a target, then the shorter period, then the larger target, whatever the row order', () => {
    const year = plan('2026', 120_000);
    const quarter = plan('2026-Q2', 40_000);
    const month = plan('2026-05', null);
    expect(currentPlan([year, quarter, month], today)?.target).toBe(40_000);
    expect(currentPlan([quarter, year], today)?.target).toBe(40_000);
    expect(currentPlan([plan('2026-Q2', 1), plan('2026-Q2', 2)], today)?.target).toBe(2);
    expect(currentPlan([plan('2026-Q2', 2), plan('2026-Q2', 1)], today)?.target).toBe(2);
  });
});
