import type { Day } from '../calendar/day';
import type { HealthFactor } from '../settings/model';
import type { Period } from '../rules/risk/period';
import type { ProductFigures } from '../rules/products';

export type AbcClass = 'A' | 'B' | 'C';
export type CreditRating = 'A' | 'B' | 'C' | 'D';
export type SegmentCode =
  | 'champions'
  | 'loyal_customers'
  | 'potential_loyalists'
  | 'new_customers'
  | 'promising'
  | 'need_attention'
  | 'about_to_sleep'
  | 'at_risk'
  | 'cant_lose_them'
  | 'hibernating'
  | 'no_purchases';
export type ChurnCode = 'active' | 'watch' | 'at_risk' | 'churn_warning' | 'insufficient_history';
export type HealthBand = 'green' | 'yellow' | 'red';
/** Risk-flag codes (docs/rules.md "Risk flags"), ordered by `RISK_CODES` in rules/risk/flags.ts. */
export type RiskCode =
  'churn' | 'revenue_drop' | 'credit' | 'complaint' | 'plan_behind' | 'single_threaded';

export interface RfmScore {
  readonly recencyDays: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  /** Three digits R, F, M, e.g. "545". */
  readonly score: string;
}

/** Why an account is stale (an account may have several reasons). */
export type StaleReason = 'no_activity' | 'over_threshold' | 'next_action_passed';

/** Each health factor's score for one account, 0 to 100 (docs/rules.md). */
export type HealthComponents = Readonly<Record<HealthFactor, number>>;

/** Everything the refresh computes for one account (docs/rules.md and docs/looker.md). */
export interface AccountMetrics {
  readonly accountId: string;
  readonly lastActivityDate: Day | null;
  readonly daysSinceActivity: number | null;
  readonly revenue12m: number;
  readonly revenuePrev12m: number;
  readonly orders12m: number;
  readonly lastOrderDate: Day | null;
  readonly abcClass: AbcClass;
  readonly rfm: RfmScore | null;
  readonly rfmSegment: SegmentCode;
  readonly churnRisk: ChurnCode;
  readonly healthScore: number;
  readonly healthBand: HealthBand;
  readonly healthComponents: HealthComponents;
  readonly creditRating: CreditRating | null;
  /** Threshold used for staleness: stale_days_<abc_class>. */
  readonly staleThreshold: number;
  readonly stale: boolean;
  readonly staleReasons: readonly StaleReason[];
  /** Not stale, but days since activity > threshold − warning_days. */
  readonly dueSoon: boolean;
  /** Lost or paused until today or later: never stale, no reminders. */
  readonly exempt: boolean;
  readonly openActions: number;
  readonly overdueActions: number;
  readonly openComplaints: number;
  /** Mean satisfaction in the window, rounded to 2 decimals; null when none. */
  readonly avgSatisfaction: number | null;
  readonly contactsCount: number;
  /** Raised risk flags, in `RISK_CODES` order; empty when none. */
  readonly riskFlags: readonly RiskCode[];
  /** Revenue from the current plan's first day to today; null when no plan's period holds today. */
  readonly periodRevenue: number | null;
  /** The current plan's `revenue_target` (above 0); null without one. */
  readonly planTarget: number | null;
  /** periodRevenue ÷ planTarget, 2 decimals; null without a target. */
  readonly planAttainment: number | null;
  /** The current plan's period; null when no plan's period holds today. */
  readonly planPeriod: Period | null;
  /** Interaction date of the oldest open complaint; null when none is open. */
  readonly oldestOpenComplaint: Day | null;
  /** Open opportunities' amounts (home currency). */
  readonly openPipeline: number;
  /** Open opportunities' amount × probability. */
  readonly weightedPipeline: number;
  /** Won with `closed_date` in the analysis window. */
  readonly won12m: number;
  /** won ÷ (won + lost) closed in the window, 2 decimals; null when none closed. */
  readonly winRate12m: number | null;
  readonly stalledOpportunities: number;
  /** The topmost ancestor's account ID (docs/rules.md "Groups"); the account's own for a top. */
  readonly groupId: string;
  /** Products with transactions in the window, largest revenue first (rules/products.ts). */
  readonly products: readonly ProductFigures[];
  /** Whitespace suggestions, most common in the industry first; empty when none. */
  readonly crossSell: readonly string[];
}
