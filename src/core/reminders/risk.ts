import type { Day } from '../calendar/day';
import type { AccountMetrics, ChurnCode, CreditRating, RiskCode } from '../model/metrics';
import { expectedByToday, planOf } from '../rules/risk/plan-behind';
import { RISK_CODES } from '../rules/risk/flags';
import type { Settings } from '../settings/model';

/**
 * The owner digest's fifth section, "accounts at risk" (docs/reminders.md): each raised flag with
 * the figures that raised it, so the email can say why in words. Pure; the remind job passes in
 * when each flag was last listed, read from `reminder_log`.
 */

/** A flag still raised is listed again once this many days have passed since it was listed. */
export const RISK_RELIST_DAYS = 7;

/** One raised flag and the figures behind it (amounts in the home currency). */
export type RiskReason =
  | {
      readonly code: 'churn';
      readonly churnRisk: ChurnCode;
      readonly daysSinceOrder: number | null;
    }
  | {
      readonly code: 'revenue_drop';
      readonly currency: string;
      readonly revenue12m: number;
      readonly revenuePrev12m: number;
      /** Whole percent the revenue fell, e.g. 42. */
      readonly dropPct: number;
    }
  | { readonly code: 'credit'; readonly rating: CreditRating }
  | {
      readonly code: 'complaint';
      readonly since: Day;
      readonly daysOpen: number;
      readonly slaDays: number;
    }
  | {
      readonly code: 'plan_behind';
      readonly currency: string;
      readonly period: string;
      readonly periodRevenue: number;
      readonly target: number;
      /** Target × elapsed share × (1 − plan_tolerance): the line the revenue is under. */
      readonly expected: number;
    }
  | { readonly code: 'single_threaded'; readonly contacts: number };

/** The reasons of every flag the account has raised, in `risk_flags` order. */
export function riskReasons(m: AccountMetrics, settings: Settings, today: Day): RiskReason[] {
  const currency = settings.homeCurrency;
  return m.riskFlags.map((code): RiskReason => {
    switch (code) {
      case 'churn':
        return {
          code,
          churnRisk: m.churnRisk,
          daysSinceOrder: m.lastOrderDate === null ? null : today - m.lastOrderDate,
        };
      case 'revenue_drop':
        return {
          code,
          currency,
          revenue12m: m.revenue12m,
          revenuePrev12m: m.revenuePrev12m,
          dropPct: Math.round((1 - m.revenue12m / m.revenuePrev12m) * 100),
        };
      case 'credit':
        // The flag is raised only on a C or D rating, so there is one.
        return { code, rating: m.creditRating ?? 'D' };
      case 'complaint': {
        const since = m.oldestOpenComplaint ?? today;
        return { code, since, daysOpen: today - since, slaDays: settings.complaintSlaDays };
      }
      case 'plan_behind': {
        const target = m.planTarget ?? 0;
        const plan = m.planPeriod === null ? null : planOf(m.planPeriod, target);
        return {
          code,
          currency,
          period: m.planPeriod?.label ?? '',
          periodRevenue: m.periodRevenue ?? 0,
          target,
          expected: plan === null ? 0 : (expectedByToday(plan, today, settings.planTolerance) ?? 0),
        };
      }
      case 'single_threaded':
        return { code, contacts: m.contactsCount };
    }
  });
}

/**
 * When a flag of an account was last listed in a digest that reached this owner, before today;
 * null when it was not listed in the days the caller looked at.
 */
export type LastListed = (owner: string, accountId: string, code: RiskCode) => Day | null;

/**
 * A raised flag is listed on the first day it is raised and then at most once every
 * RISK_RELIST_DAYS days while it stays raised: it is due when it was never listed, or listed
 * RISK_RELIST_DAYS or more days ago. A flag cleared and raised again within a week of being
 * listed waits for the week to pass, so no flag reaches its owner twice in 7 days.
 */
export function dueForListing(lastListed: Day | null, today: Day): boolean {
  return lastListed === null || today - lastListed >= RISK_RELIST_DAYS;
}

/** The flags a digest listed, per account, as `reminder_log` keeps them (`risk_items`). */
export type ListedRisks = ReadonlyMap<string, readonly RiskCode[]>;

/**
 * `risk_items` of a log row: JSON, `{"KA-0001":["churn","credit"]}`, so an account ID with any
 * punctuation reads back exactly. '' when nothing was listed.
 */
export function formatRiskItems(items: ListedRisks): string {
  if (items.size === 0) return '';
  const o: Record<string, readonly RiskCode[]> = {};
  for (const [id, codes] of items) o[id] = codes;
  return JSON.stringify(o);
}

const CODES: ReadonlySet<string> = new Set<string>(RISK_CODES);

/**
 * Reads `risk_items` back; anything unreadable (a cell someone edited) lists nothing, which at
 * worst lists a flag again a week early rather than never.
 */
export function parseRiskItems(text: unknown): Map<string, RiskCode[]> {
  const out = new Map<string, RiskCode[]>();
  if (typeof text !== 'string' || text.trim() === '') return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return out;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return out;
  for (const [id, codes] of Object.entries(parsed as Record<string, unknown>)) {
    if (!Array.isArray(codes)) continue;
    const valid = codes.filter((c): c is RiskCode => typeof c === 'string' && CODES.has(c));
    if (valid.length > 0) out.set(id, valid);
  }
  return out;
}
