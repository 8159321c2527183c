import type { Day } from '../calendar/day';
import type { Settings } from '../settings/model';
import type { TransactionFacts } from '../engine/facts';

/**
 * Typed records parsed from the user sheets. `row` is the sheet row number as the user sees it
 * (header = 1), so every result and message can point back to the cell. Enum fields hold stable
 * codes (see schema/enums.ts); text fields are trimmed strings ('' when blank).
 */
export interface AccountRecord {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly industry: string;
  readonly region: string;
  readonly address: string;
  readonly ownerEmail: string | null;
  readonly backupOwnerEmail: string | null;
  readonly tier: string | null;
  readonly status: string | null;
  /** null (blank) or 0 means no limit is set. */
  readonly creditLimit: number | null;
  readonly nextActionDate: Day | null;
  readonly remindersPausedUntil: Day | null;
  readonly notes: string;
}

export interface TransactionRecord {
  readonly row: number;
  readonly date: Day;
  readonly accountId: string;
  readonly product: string;
  /** Amount in the home currency (converted with rate_to_home); negative = return or credit. */
  readonly amount: number;
  /** Upper-case currency code as given (home currency when blank). */
  readonly currency: string;
  readonly paymentDueDate: Day | null;
  readonly paidDate: Day | null;
}

export interface InteractionRecord {
  readonly row: number;
  readonly date: Day;
  readonly accountId: string;
  readonly type: string | null;
  readonly ownerEmail: string | null;
  readonly summary: string;
  readonly nextStep: string;
  readonly satisfaction: number | null;
  readonly complaint: boolean;
  readonly complaintStatus: 'open' | 'closed' | null;
}

export interface ActionRecord {
  readonly row: number;
  readonly task: string;
  readonly accountId: string | null;
  readonly ownerEmail: string | null;
  readonly startDate: Day | null;
  readonly dueDate: Day | null;
  readonly status: string | null;
  readonly completedDate: Day | null;
  readonly outcome: string;
}

/** A birthday whose year may be unknown. */
export interface MonthDay {
  readonly month: number;
  readonly day: number;
  readonly year: number | null;
}

export interface ContactRecord {
  readonly row: number;
  readonly accountId: string | null;
  readonly name: string;
  readonly title: string;
  readonly email: string | null;
  readonly phone: string;
  readonly role: string | null;
  readonly influence: number | null;
  readonly relationship: number | null;
  readonly birthday: MonthDay | null;
}

export interface PlanRecord {
  readonly row: number;
  readonly accountId: string;
  readonly period: string;
  readonly challenges: string;
  readonly goals: string;
  readonly specialRequirements: string;
  readonly valueProposition: string;
  readonly revenueTarget: number | null;
  readonly nextReviewDate: Day | null;
  /** Months between reviews (`review_cadence_months`); 3 when blank or unreadable. */
  readonly reviewCadenceMonths: number;
}

/** Opportunity stage codes (schema/enums.ts OPPORTUNITY_STAGES), in pipeline order. */
export type StageCode = 'lead' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost';

/** A row of `opportunities` (docs/workbook.md), valued in the home currency. */
export interface OpportunityRecord {
  readonly row: number;
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  /** The row's own owner; null = the account's owner. */
  readonly ownerEmail: string | null;
  /** null when blank: an open opportunity at no stage yet. */
  readonly stage: StageCode | null;
  /** As typed, in `currency`; null when blank. */
  readonly amount: number | null;
  /** Upper-case currency code (the home currency when blank). */
  readonly currency: string;
  /** `amount` × the currency's rate; 0 when blank. */
  readonly amountHome: number;
  /** 0–100: as typed, or the stage's default when blank. */
  readonly probability: number;
  readonly expectedCloseDate: Day | null;
  readonly stageChangedDate: Day | null;
  readonly closedDate: Day | null;
  readonly lostReason: string;
  readonly product: string;
  readonly nextStep: string;
}

/**
 * Everything the rules need, after parsing and validation: only records that are safe to use
 * in the figures (rows with unreadable required values, unknown accounts, unknown currencies or
 * future dates are already left out and reported as data issues).
 */
export interface KamModel {
  readonly accounts: readonly AccountRecord[];
  readonly contacts: readonly ContactRecord[];
  readonly transactions: readonly TransactionRecord[];
  readonly interactions: readonly InteractionRecord[];
  readonly actions: readonly ActionRecord[];
  readonly plans: readonly PlanRecord[];
  readonly opportunities: readonly OpportunityRecord[];
  readonly settings: Settings;
  /**
   * Set when a SQL engine summed the transactions (`kam refresh --transactions`): the rules then
   * take them from here and `transactions` is empty (engine/facts.ts).
   */
  readonly facts?: TransactionFacts;
}
