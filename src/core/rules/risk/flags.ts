import type { Day } from '../../calendar/day';
import type { AbcClass, ChurnCode, CreditRating, RiskCode } from '../../model/metrics';
import { churnFlag } from './churn';
import { complaintFlag } from './complaint';
import { creditFlag } from './credit';
import { planBehindFlag, type CurrentPlan } from './plan-behind';
import { revenueDropFlag } from './revenue-drop';
import { singleThreadedFlag } from './single-threaded';

/** The risk-flag codes, in the order `risk_flags` lists them (schema/enums.ts `RISK_FLAGS`). */
export const RISK_CODES: readonly RiskCode[] = [
  'churn',
  'revenue_drop',
  'credit',
  'complaint',
  'plan_behind',
  'single_threaded',
];
export type { RiskCode };

/** The settings the risk flags read. */
export interface RiskSettings {
  readonly revenueDropPct: number;
  readonly complaintSlaDays: number;
  readonly planTolerance: number;
}

/** One account's figures the risk flags read. */
export interface RiskInput {
  readonly churnRisk: ChurnCode;
  readonly abcClass: AbcClass;
  readonly tier: string | null;
  readonly revenue12m: number;
  readonly revenuePrev12m: number;
  readonly creditRating: CreditRating | null;
  /** Interaction date of the oldest open complaint; null when none. */
  readonly oldestOpenComplaint: Day | null;
  readonly plan: CurrentPlan | null;
  /** Revenue from the current plan's first day to today (0 without a plan). */
  readonly periodRevenue: number;
  readonly contactsCount: number;
}

/** The account's risk flags (docs/rules.md "Risk flags"), in `RISK_CODES` order. */
export function riskFlags(x: RiskInput, s: RiskSettings, today: Day): RiskCode[] {
  const out: RiskCode[] = [];
  if (churnFlag(x.churnRisk, x.abcClass, x.tier)) out.push('churn');
  if (revenueDropFlag(x.revenue12m, x.revenuePrev12m, s.revenueDropPct)) out.push('revenue_drop');
  if (creditFlag(x.creditRating)) out.push('credit');
  if (complaintFlag(x.oldestOpenComplaint, today, s.complaintSlaDays)) out.push('complaint');
  if (planBehindFlag(x.plan, x.periodRevenue, today, s.planTolerance)) out.push('plan_behind');
  if (singleThreadedFlag(x.abcClass, x.contactsCount)) out.push('single_threaded');
  return out;
}
