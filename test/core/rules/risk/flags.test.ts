import { parseIsoDay, type Day } from '../../../../src/core/calendar/day';
import { RISK_CODES, riskFlags, type RiskInput } from '../../../../src/core/rules/risk/flags';
import { currentPlan } from '../../../../src/core/rules/risk/plan-behind';
import { RISK_FLAGS } from '../../../../src/core/schema/enums';

const D = (s: string): Day => parseIsoDay(s) as Day;
const today = D('2026-11-23');
const settings = { revenueDropPct: 0.3, complaintSlaDays: 7, planTolerance: 0.1 };
const calm: RiskInput = {
  churnRisk: 'active',
  abcClass: 'B',
  tier: null,
  revenue12m: 100_000,
  revenuePrev12m: 100_000,
  creditRating: 'A',
  oldestOpenComplaint: null,
  plan: null,
  periodRevenue: 0,
  contactsCount: 3,
};

describe('riskFlags', () => {
  it('is empty for a healthy account', () => {
    expect(riskFlags(calm, settings, today)).toEqual([]);
  });

  it('lists every raised flag in the contract order', () => {
    const all: RiskInput = {
      churnRisk: 'churn_warning',
      abcClass: 'A',
      tier: 'key',
      revenue12m: 50_000, // < 0.7 × 100,000
      revenuePrev12m: 100_000,
      creditRating: 'D',
      oldestOpenComplaint: today - 8,
      // 2026-Q4 target 92,000 on 23 Nov (54/92): line 92,000 × 54/92 × 0.9 = 48,600.
      plan: currentPlan([{ period: '2026-Q4', revenueTarget: 92_000 }], today),
      periodRevenue: 48_599,
      contactsCount: 1,
    };
    expect(riskFlags(all, settings, today)).toEqual([...RISK_CODES]);
    expect(riskFlags({ ...all, periodRevenue: 48_600 }, settings, today)).toEqual([
      'churn',
      'revenue_drop',
      'credit',
      'complaint',
      'single_threaded',
    ]);
  });

  it('raises one flag at a time', () => {
    expect(riskFlags({ ...calm, creditRating: 'C' }, settings, today)).toEqual(['credit']);
    expect(riskFlags({ ...calm, churnRisk: 'at_risk' }, settings, today)).toEqual(['churn']);
    expect(riskFlags({ ...calm, oldestOpenComplaint: today - 7 }, settings, today)).toEqual([]);
    expect(riskFlags({ ...calm, revenue12m: 69_999 }, settings, today)).toEqual(['revenue_drop']);
    expect(riskFlags({ ...calm, abcClass: 'A', contactsCount: 2 }, settings, today)).toEqual([]);
  });

  it('has a bilingual label for every code, in the same order', () => {
    expect(RISK_FLAGS.map((o) => o.code)).toEqual([...RISK_CODES]);
    expect(RISK_FLAGS.map((o) => o.zh)).toEqual([
      '流失预警',
      '收入下滑',
      '信用风险',
      '投诉超时',
      '计划落后',
      '单线联系',
    ]);
  });
});
