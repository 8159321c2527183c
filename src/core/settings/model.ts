import type { Locale } from '../i18n/locale';

/** The six factors of the health score, in the order the rules document them. */
export const HEALTH_FACTORS = [
  'recency',
  'trend',
  'satisfaction',
  'complaints',
  'actions',
  'contacts',
] as const;
export type HealthFactor = (typeof HEALTH_FACTORS)[number];

/** How much each factor counts in the health score (Settings `health_weight_*`). */
export type HealthWeights = Readonly<Record<HealthFactor, number>>;

/** Parsed settings (docs/workbook.md). Every rule takes these as an argument. */
export interface Settings {
  readonly language: 'auto' | Locale;
  readonly homeCurrency: string;
  readonly analysisWindowMonths: number;
  readonly abcCutoffA: number;
  readonly abcCutoffB: number;
  readonly staleDays: { readonly A: number; readonly B: number; readonly C: number };
  readonly warningDays: number;
  readonly dueSoonDays: number;
  readonly careDaysAhead: number;
  readonly reminderHour: number;
  /** Lower-case domains (`example.com`) or full addresses (`me@gmail.com`); empty = host default. */
  readonly allowedRecipientDomains: readonly string[];
  readonly reminderSenderName: string;
  readonly escalationCc: string;
  readonly recycleAfterDays: number;
  readonly historyRetentionDays: number;
  readonly healthWeights: HealthWeights;
  /** `revenue_drop` flag: revenue_12m below (1 − this) × revenue_prev_12m (docs/rules.md). */
  readonly revenueDropPct: number;
  /** `complaint` flag: an open complaint older than this many days. */
  readonly complaintSlaDays: number;
  /** `plan_behind` flag: how far below the pro-rata target revenue may be (0.1 = 10 %). */
  readonly planTolerance: number;
  /** Lower-case addresses of the managers' digest; empty = off. */
  readonly managerEmails: readonly string[];
  /** Day of the week of the managers' digest: 1 = Monday … 7 = Sunday. */
  readonly managerDigestWeekday: number;
  /** Days an open opportunity may stay in a stage before it is stalled (`stage_rot_days_*`). */
  readonly stageRotDays: {
    readonly lead: number;
    readonly qualified: number;
    readonly proposal: number;
    readonly negotiation: number;
  };
  /** Where the refresh reads transactions (docs/outgrow.md). */
  readonly dataSource: 'sheet' | 'bigquery';
  /** The BigQuery table of transactions when `dataSource` is `bigquery`. */
  readonly bigQuery: {
    readonly project: string;
    readonly dataset: string;
    readonly transactionsTable: string;
    /** Tables the refresh writes the Looker summary and history to; '' = not written. */
    readonly summaryTable: string;
    readonly historyTable: string;
    /** The BigQuery table of interactions, read instead of the Interactions sheet; '' = the sheet. */
    readonly interactionsTable: string;
  };
  /** Cross-sell: share of an industry's accounts that bought a product (0.3 = 30 %). */
  readonly whitespaceMinShare: number;
  /** Cross-sell: fewest accounts of an industry before it gives suggestions. */
  readonly whitespaceMinAccounts: number;
  /** Upper-case currency code → rate to home currency. The home currency is always 1. */
  readonly rates: ReadonlyMap<string, number>;
}

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  homeCurrency: 'CNY',
  analysisWindowMonths: 12,
  abcCutoffA: 0.8,
  abcCutoffB: 0.95,
  staleDays: { A: 14, B: 30, C: 60 },
  warningDays: 3,
  dueSoonDays: 7,
  careDaysAhead: 7,
  reminderHour: 8,
  allowedRecipientDomains: [],
  reminderSenderName: 'Key Account Reminders',
  escalationCc: '',
  recycleAfterDays: 0,
  historyRetentionDays: 400,
  healthWeights: {
    recency: 30,
    trend: 20,
    satisfaction: 20,
    complaints: 10,
    actions: 10,
    contacts: 10,
  },
  revenueDropPct: 0.3,
  complaintSlaDays: 7,
  planTolerance: 0.1,
  managerEmails: [],
  managerDigestWeekday: 1,
  stageRotDays: { lead: 14, qualified: 21, proposal: 30, negotiation: 21 },
  dataSource: 'sheet',
  bigQuery: {
    project: '',
    dataset: '',
    transactionsTable: 'transactions',
    summaryTable: '',
    historyTable: '',
    interactionsTable: '',
  },
  whitespaceMinShare: 0.3,
  whitespaceMinAccounts: 5,
  rates: new Map([['CNY', 1]]),
};
