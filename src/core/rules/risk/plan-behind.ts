import type { Day } from '../../calendar/day';
import { sameAmount } from '../amounts';
import { elapsedShare, parsePeriod, periodContains, periodLength, type Period } from './period';

/** The plan the risk flags measure an account against on a given day. */
export interface CurrentPlan {
  readonly period: Period;
  /** The plan's `revenue_target` when above 0, else null (no target). */
  readonly target: number | null;
}

/** A plan row as this rule reads it (`PlanRecord` has these fields). */
export interface PlanInput {
  readonly period: string;
  readonly revenueTarget: number | null;
}

/** A plan over `period` with this `revenue_target`: blank or 0 means no target. */
export function planOf(period: Period, revenueTarget: number | null): CurrentPlan {
  return { period, target: revenueTarget !== null && revenueTarget > 0 ? revenueTarget : null };
}

/**
 * True when plan `a` is preferred to plan `b`, both containing today: one with a target over
 * one without, then the shorter period (a quarter over its year), then the larger target. Never
 * the row order: the hardening order property found two plans of one period with different
 * targets giving different figures when the rows were sorted.
 */
export function preferPlan(a: CurrentPlan, b: CurrentPlan): boolean {
  if ((a.target !== null) !== (b.target !== null)) return a.target !== null;
  const la = periodLength(a.period);
  const lb = periodLength(b.period);
  if (la !== lb) return la < lb;
  return (a.target ?? 0) > (b.target ?? 0);
}

/**
 * The account's current plan (docs/rules.md "Risk flags"): among its plans whose `period`
 * (`YYYY`, `YYYY-Qn`, `YYYY-MM`) contains today, the one `preferPlan` ranks first; null when
 * none does. `plans` are the account's plans in sheet order.
 */
export function currentPlan(plans: readonly PlanInput[], today: Day): CurrentPlan | null {
  let best: CurrentPlan | null = null;
  for (const p of plans) {
    const period = parsePeriod(p.period);
    if (period === null || !periodContains(period, today)) continue;
    const cand = planOf(period, p.revenueTarget);
    if (best === null || preferPlan(cand, best)) best = cand;
  }
  return best;
}

/** What revenue the plan expects by today: target × elapsed share × (1 − plan_tolerance). */
export function expectedByToday(plan: CurrentPlan, today: Day, tolerance: number): number | null {
  if (plan.target === null) return null;
  return plan.target * elapsedShare(plan.period, today) * (1 - tolerance);
}

/**
 * `plan_behind` (docs/rules.md "Risk flags"): the current plan has a target and the revenue
 * since the period's first day (up to today, home currency) is below target × elapsed share ×
 * (1 − `plan_tolerance`). Revenue exactly at that line (within the engine's rounding
 * tolerance) is not behind.
 */
export function planBehindFlag(
  plan: CurrentPlan | null,
  periodRevenue: number,
  today: Day,
  tolerance: number,
): boolean {
  if (plan === null) return false;
  const line = expectedByToday(plan, today, tolerance);
  if (line === null) return false;
  return periodRevenue < line && !sameAmount(periodRevenue, line);
}

/** `plan_attainment`: period revenue ÷ target, 2 decimals; null without a target. */
export function planAttainment(plan: CurrentPlan | null, periodRevenue: number): number | null {
  if (plan === null || plan.target === null) return null;
  return Math.round((periodRevenue / plan.target) * 100) / 100;
}
