import type { HealthBand, HealthComponents } from '../model/metrics';
import { HEALTH_FACTORS, type HealthWeights } from '../settings/model';

/**
 * The health score (docs/rules.md), 0–100: the weighted mean of six components, each 0–100 and not
 * rounded; only the final score is rounded to an integer. This file is the formula the docs and
 * the sidebar show.
 */
export interface HealthInput {
  /** null when the account has no activity at all. */
  readonly daysSinceActivity: number | null;
  /** stale_days of the account's ABC class. */
  readonly staleThreshold: number;
  /** Revenue of today−89 … today. */
  readonly revenueLast90: number;
  /** Revenue of today−179 … today−90. */
  readonly revenuePrev90: number;
  /** Mean satisfaction (1–5) of interactions in the analysis window; null when none. */
  readonly meanSatisfaction: number | null;
  readonly openComplaints: number;
  readonly overdueActions: number;
  readonly contactsCount: number;
  readonly hasDecisionMaker: boolean;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** No activity → 0; else 100 × clamp01(1 − days / (2 × threshold)); 0 at twice the threshold. */
export function recencyComponent(daysSinceActivity: number | null, staleThreshold: number): number {
  if (daysSinceActivity === null) return 0;
  // A threshold of 0 would divide by zero: activity today is then fully recent, anything older is 0.
  if (staleThreshold <= 0) return daysSinceActivity <= 0 ? 100 : 0;
  return 100 * clamp(1 - daysSinceActivity / (2 * staleThreshold), 0, 1);
}

/** Both ≤ 0 → 50; else 50 + 50 × (cur − prev) / max(|cur|, |prev|), clamped to 0–100. */
export function trendComponent(cur: number, prev: number): number {
  if (cur <= 0 && prev <= 0) return 50;
  return clamp(50 + (50 * (cur - prev)) / Math.max(Math.abs(cur), Math.abs(prev)), 0, 100);
}

/** (mean − 1) / 4 × 100; no rating → 50 (neutral). */
export function satisfactionComponent(meanSatisfaction: number | null): number {
  if (meanSatisfaction === null) return 50;
  return clamp(((meanSatisfaction - 1) / 4) * 100, 0, 100);
}

/** 0 open complaints → 100, 1 → 50, ≥ 2 → 0. */
export function complaintsComponent(openComplaints: number): number {
  return openComplaints <= 0 ? 100 : openComplaints === 1 ? 50 : 0;
}

/** max(0, 100 − 25 × overdue actions). */
export function actionsComponent(overdueActions: number): number {
  return Math.max(0, 100 - 25 * overdueActions);
}

/** min(50, 25 × contacts) + 50 when one of them is a decision maker. */
export function contactsComponent(contactsCount: number, hasDecisionMaker: boolean): number {
  return Math.min(50, 25 * contactsCount) + (hasDecisionMaker ? 50 : 0);
}

export function healthComponents(input: HealthInput): HealthComponents {
  return {
    recency: recencyComponent(input.daysSinceActivity, input.staleThreshold),
    trend: trendComponent(input.revenueLast90, input.revenuePrev90),
    satisfaction: satisfactionComponent(input.meanSatisfaction),
    complaints: complaintsComponent(input.openComplaints),
    actions: actionsComponent(input.overdueActions),
    contacts: contactsComponent(input.contactsCount, input.hasDecisionMaker),
  };
}

const KEYS = HEALTH_FACTORS;

/**
 * round(Σ wᵢ·cᵢ / Σ wᵢ), an integer 0–100; negative weights count as 0; all weights 0 → 50.
 */
export function healthScore(components: HealthComponents, weights: HealthWeights): number {
  let sumW = 0;
  let sum = 0;
  for (const k of KEYS) {
    const w = weights[k] > 0 ? weights[k] : 0;
    sumW += w;
    sum += w * components[k];
  }
  if (sumW === 0) return 50;
  return clamp(Math.round(sum / sumW), 0, 100);
}

/** red < 50 ≤ yellow < 75 ≤ green. */
export function healthBand(score: number): HealthBand {
  return score < 50 ? 'red' : score < 75 ? 'yellow' : 'green';
}
