import { anniversaryIn, ymdFromDay, type Day } from '../calendar/day';
import type { Locale } from '../i18n/locale';
import type { AbcClass, AccountMetrics, StaleReason } from '../model/metrics';
import type { AccountRecord, KamModel, MonthDay, StageCode } from '../model/records';
import { daysInStage, isOverdueClose, isStalled, rotDays } from '../rules/opportunities';
import { dueForListing, riskReasons, type LastListed, type RiskReason } from './risk';

/**
 * What goes in each owner's digest (docs/reminders.md). Pure: today, settings and the sheet links come in
 * as arguments; rendering and sending are elsewhere (render.ts, the remind job).
 *
 * Choices the rules leave open:
 * - Exempt accounts (Lost, or paused until today or later) get no reminders at all: no stale
 *   item, and none of their actions, contact birthdays or plan reviews. Pausing an account
 *   pauses everything about it.
 * - Accounts without an owner email are in no digest (see `unroutedAccountIds`), except that an
 *   action naming its own `owner_email` still reaches that person: the action's owner is
 *   responsible for it whoever owns the account.
 * - `escalate`: the account is stale because it is over its threshold and its days since
 *   activity are ≥ 2× the threshold. An account with no activity recorded at all is *not*
 *   escalated (it may have been added yesterday; there is no duration to measure) — it is
 *   still listed as stale, and flagged `recycle` when the 公海 rule is on.
 * - `recycle` is a flag on listed (stale or due-soon) accounts only.
 * - The backup owner gets nothing; the rules route reminders to the owner only.
 */

export interface SheetLinks {
  readonly accounts: (row: number) => string;
  readonly actions: (row: number) => string;
  readonly contacts: (row: number) => string;
  readonly plans: (row: number) => string;
  readonly opportunities: (row: number) => string;
}

export interface PlanInput {
  readonly model: KamModel;
  /** One per account, in the same order as `model.accounts`. */
  readonly metrics: readonly AccountMetrics[];
  readonly today: Day;
  /** The workbook language. Planning is language-neutral; rendering takes the locale too. */
  readonly locale: Locale;
  readonly sheetLinks: SheetLinks;
  /**
   * When each flag was last listed to its owner (from `reminder_log`); without it every raised
   * flag is listed (a first run, or a caller that keeps no log).
   */
  readonly lastListed?: LastListed;
}

/** A stale reason from the rules, or `due_soon` for an account that is about to go stale. */
export type StaleItemReason = StaleReason | 'due_soon';

export interface StaleAccountItem {
  readonly accountId: string;
  readonly accountName: string;
  readonly row: number;
  readonly abcClass: AbcClass;
  /** Null when the account has no activity at all. */
  readonly daysSinceActivity: number | null;
  readonly threshold: number;
  /** True when stale; false when only due soon. */
  readonly stale: boolean;
  readonly reasons: readonly StaleItemReason[];
  /** Shown with the `next_action_passed` reason. */
  readonly nextActionDate: Day | null;
  readonly escalate: boolean;
  readonly recycle: boolean;
  readonly link: string;
}

export interface ActionItem {
  readonly task: string;
  readonly row: number;
  /** '' when the action names no account. */
  readonly accountId: string;
  readonly accountName: string;
  readonly dueDate: Day;
  /** Due date − today: negative when overdue, 0 when due today. */
  readonly daysLeft: number;
  readonly overdue: boolean;
  readonly link: string;
}

export interface CareItem {
  readonly contactName: string;
  readonly row: number;
  readonly accountId: string;
  readonly accountName: string;
  /** The coming birthday (28 Feb for a 29 Feb birthday in a common year). */
  readonly date: Day;
  readonly daysUntil: number;
  readonly link: string;
}

export interface ReviewItem {
  readonly accountId: string;
  readonly accountName: string;
  readonly row: number;
  readonly period: string;
  readonly date: Day;
  /** Review date − today: negative when the review date has passed. */
  readonly daysUntil: number;
  readonly link: string;
}

/** An account at risk: the flags listed today, each with its reason. */
export interface RiskItem {
  readonly accountId: string;
  readonly accountName: string;
  readonly row: number;
  readonly abcClass: AbcClass;
  readonly revenue12m: number;
  /** Only the flags due for listing today (risk.ts `dueForListing`), in `risk_flags` order. */
  readonly reasons: readonly RiskReason[];
  readonly link: string;
}

/** An open opportunity that has stalled in its stage or passed its expected close. */
export interface OpportunityItem {
  readonly id: string;
  readonly name: string;
  readonly row: number;
  readonly accountId: string;
  readonly accountName: string;
  /** null when the stage is blank (counted as a lead). */
  readonly stage: StageCode | null;
  readonly amountHome: number;
  readonly currency: string;
  /** Days since `stage_changed_date` when stalled; null otherwise. */
  readonly stalledDays: number | null;
  /** The stall limit of its stage. */
  readonly rotDays: number;
  /** The expected close when it has passed; null otherwise. */
  readonly overdueClose: Day | null;
  readonly link: string;
}

/** Counts for `reminder_log` and the subject line. */
export interface DigestCounts {
  /** Listed accounts that are stale (not only due soon). */
  readonly staleAccounts: number;
  readonly staleA: number;
  readonly dueSoonAccounts: number;
  readonly overdueActions: number;
  readonly dueSoonActions: number;
  readonly careItems: number;
  readonly reviews: number;
  /** Accounts in the at-risk section. */
  readonly riskAccounts: number;
  /** Stalled or overdue-close opportunities. */
  readonly opportunities: number;
}

export interface Digest {
  /** Lower-case, trimmed owner email; not validated here (the sender checks it). */
  readonly owner: string;
  readonly staleAccounts: readonly StaleAccountItem[];
  readonly actions: readonly ActionItem[];
  readonly care: readonly CareItem[];
  readonly reviews: readonly ReviewItem[];
  readonly risks: readonly RiskItem[];
  readonly opportunities: readonly OpportunityItem[];
  /** `escalation_cc` when some listed account has `escalate` and the setting is not blank. */
  readonly escalationCc: string | null;
  /** Number of stale A accounts: digests are sent in descending priority (docs/reminders.md quota). */
  readonly priority: number;
  readonly counts: DigestCounts;
}

interface Bucket {
  stale: StaleAccountItem[];
  actions: ActionItem[];
  care: CareItem[];
  reviews: ReviewItem[];
  risks: RiskItem[];
  opportunities: OpportunityItem[];
}

interface AccountEntry {
  readonly account: AccountRecord;
  readonly metrics: AccountMetrics;
  /** Normalized owner email, null when blank. */
  readonly owner: string | null;
}

/** Lower-case, trimmed; null when blank. */
export function normalizeEmail(email: string | null | undefined): string | null {
  const e = (email ?? '').trim().toLowerCase();
  return e === '' ? null : e;
}

function indexAccounts(
  model: KamModel,
  metrics: readonly AccountMetrics[],
): Map<string, AccountEntry> {
  if (metrics.length !== model.accounts.length) {
    throw new Error(
      `planDigests: ${metrics.length} metrics for ${model.accounts.length} accounts; they must match one to one`,
    );
  }
  const byId = new Map<string, AccountEntry>();
  model.accounts.forEach((account, i) => {
    const m = metrics[i];
    if (m.accountId !== account.id) {
      throw new Error(
        `planDigests: metrics[${i}] is for ${m.accountId}, expected ${account.id} (same order as accounts)`,
      );
    }
    if (!byId.has(account.id)) {
      byId.set(account.id, { account, metrics: m, owner: normalizeEmail(account.ownerEmail) });
    }
  });
  return byId;
}

/** The coming occurrence of a birthday on or after today, and how many days away it is. */
export function nextBirthday(birthday: MonthDay, today: Day): { date: Day; daysUntil: number } {
  const { y } = ymdFromDay(today);
  let date = anniversaryIn(y, birthday.month, birthday.day);
  if (date < today) date = anniversaryIn(y + 1, birthday.month, birthday.day);
  return { date, daysUntil: date - today };
}

function isReportable(m: AccountMetrics): boolean {
  return !m.exempt && (m.stale || m.dueSoon);
}

/** Builds one digest per owner with something to report, in send order (highest priority first). */
export function planDigests(input: PlanInput): Digest[] {
  const { model, today, sheetLinks } = input;
  const settings = model.settings;
  const accounts = indexAccounts(model, input.metrics);
  const buckets = new Map<string, Bucket>();
  const bucket = (owner: string): Bucket => {
    let b = buckets.get(owner);
    if (!b) {
      b = { stale: [], actions: [], care: [], reviews: [], risks: [], opportunities: [] };
      buckets.set(owner, b);
    }
    return b;
  };

  // 1. Stale and due-soon accounts.
  for (const { account, metrics: m, owner } of accounts.values()) {
    if (!owner || !isReportable(m)) continue;
    const days = m.daysSinceActivity;
    const reasons: StaleItemReason[] = m.stale ? [...m.staleReasons] : [];
    if (m.dueSoon) reasons.push('due_soon');
    const escalate =
      m.stale &&
      m.staleReasons.includes('over_threshold') &&
      days !== null &&
      days >= 2 * m.staleThreshold;
    const recycle =
      settings.recycleAfterDays > 0 && (days === null || days >= settings.recycleAfterDays);
    bucket(owner).stale.push({
      accountId: account.id,
      accountName: account.name,
      row: account.row,
      abcClass: m.abcClass,
      daysSinceActivity: days,
      threshold: m.staleThreshold,
      stale: m.stale,
      reasons,
      nextActionDate: account.nextActionDate,
      escalate,
      recycle,
      link: sheetLinks.accounts(account.row),
    });
  }

  // 2. Open actions overdue or due within due_soon_days.
  const dueLimit = today + settings.dueSoonDays;
  for (const action of model.actions) {
    if (action.status === 'done' || action.dueDate === null || action.dueDate > dueLimit) continue;
    const entry = action.accountId ? accounts.get(action.accountId) : undefined;
    if (entry?.metrics.exempt) continue;
    const owner = normalizeEmail(action.ownerEmail) ?? entry?.owner ?? null;
    if (!owner) continue;
    const daysLeft = action.dueDate - today;
    bucket(owner).actions.push({
      task: action.task,
      row: action.row,
      accountId: action.accountId ?? '',
      accountName: entry?.account.name ?? '',
      dueDate: action.dueDate,
      daysLeft,
      overdue: daysLeft < 0,
      link: sheetLinks.actions(action.row),
    });
  }

  // 3. Contact birthdays within care_days_ahead (today included).
  for (const contact of model.contacts) {
    if (!contact.birthday || !contact.accountId) continue;
    const entry = accounts.get(contact.accountId);
    if (!entry || !entry.owner || entry.metrics.exempt) continue;
    const { date, daysUntil } = nextBirthday(contact.birthday, today);
    if (daysUntil > settings.careDaysAhead) continue;
    bucket(entry.owner).care.push({
      contactName: contact.name,
      row: contact.row,
      accountId: entry.account.id,
      accountName: entry.account.name,
      date,
      daysUntil,
      link: sheetLinks.contacts(contact.row),
    });
  }

  // 4. Plan reviews due within due_soon_days, or passed.
  for (const plan of model.plans) {
    if (plan.nextReviewDate === null || plan.nextReviewDate > dueLimit) continue;
    const entry = accounts.get(plan.accountId);
    if (!entry || !entry.owner || entry.metrics.exempt) continue;
    bucket(entry.owner).reviews.push({
      accountId: entry.account.id,
      accountName: entry.account.name,
      row: plan.row,
      period: plan.period,
      date: plan.nextReviewDate,
      daysUntil: plan.nextReviewDate - today,
      link: sheetLinks.plans(plan.row),
    });
  }

  // 5. Accounts at risk: flags raised today or still raised a week after they were last listed.
  for (const { account, metrics: m, owner } of accounts.values()) {
    if (!owner || m.exempt || m.riskFlags.length === 0) continue;
    const last = input.lastListed;
    const reasons = riskReasons(m, settings, today).filter((r) =>
      dueForListing(last ? last(owner, account.id, r.code) : null, today),
    );
    if (reasons.length === 0) continue;
    bucket(owner).risks.push({
      accountId: account.id,
      accountName: account.name,
      row: account.row,
      abcClass: m.abcClass,
      revenue12m: m.revenue12m,
      reasons,
      link: sheetLinks.accounts(account.row),
    });
  }

  // 6. Open opportunities stalled in their stage or past their expected close, to the
  // opportunity's own owner, else the account's (docs/reminders.md).
  for (const o of model.opportunities) {
    const entry = accounts.get(o.accountId);
    if (!entry || entry.metrics.exempt) continue;
    const owner = normalizeEmail(o.ownerEmail) ?? entry.owner;
    if (!owner) continue;
    const stalled = isStalled(o, settings, today);
    const overdue = isOverdueClose(o, today);
    if (!stalled && !overdue) continue;
    bucket(owner).opportunities.push({
      id: o.id,
      name: o.name,
      row: o.row,
      accountId: entry.account.id,
      accountName: entry.account.name,
      stage: o.stage,
      amountHome: o.amountHome,
      currency: settings.homeCurrency,
      stalledDays: stalled ? daysInStage(o, today) : null,
      rotDays: rotDays(o.stage, settings),
      overdueClose: overdue ? o.expectedCloseDate : null,
      link: sheetLinks.opportunities(o.row),
    });
  }

  const cc = settings.escalationCc.trim();
  const digests: Digest[] = [];
  for (const [owner, b] of buckets) {
    b.stale.sort(compareStale);
    b.actions.sort(
      (x, y) => x.dueDate - y.dueDate || cmp(x.accountId, y.accountId) || x.row - y.row,
    );
    b.care.sort(
      (x, y) => x.daysUntil - y.daysUntil || cmp(x.accountId, y.accountId) || x.row - y.row,
    );
    b.reviews.sort((x, y) => x.date - y.date || cmp(x.accountId, y.accountId) || x.row - y.row);
    // Largest first: the deals most worth a call.
    b.opportunities.sort((x, y) => y.amountHome - x.amountHome || cmp(x.id, y.id));
    b.risks.sort(
      (x, y) =>
        CLASS_ORDER[x.abcClass] - CLASS_ORDER[y.abcClass] ||
        y.revenue12m - x.revenue12m ||
        cmp(x.accountId, y.accountId),
    );
    const staleOnly = b.stale.filter((s) => s.stale);
    const counts: DigestCounts = {
      staleAccounts: staleOnly.length,
      staleA: staleOnly.filter((s) => s.abcClass === 'A').length,
      dueSoonAccounts: b.stale.length - staleOnly.length,
      overdueActions: b.actions.filter((a) => a.overdue).length,
      dueSoonActions: b.actions.filter((a) => !a.overdue).length,
      careItems: b.care.length,
      reviews: b.reviews.length,
      riskAccounts: b.risks.length,
      opportunities: b.opportunities.length,
    };
    const wantsCc = cc !== '' && cc.toLowerCase() !== owner && b.stale.some((s) => s.escalate);
    digests.push({
      owner,
      staleAccounts: b.stale,
      actions: b.actions,
      care: b.care,
      reviews: b.reviews,
      risks: b.risks,
      opportunities: b.opportunities,
      escalationCc: wantsCc ? cc : null,
      priority: counts.staleA,
      counts,
    });
  }
  return digests.sort(compareDigests);
}

/**
 * Send order: most stale A accounts first, then most stale accounts, then owner email ascending
 * (so the order is stable from run to run).
 */
export function compareDigests(x: Digest, y: Digest): number {
  return (
    y.priority - x.priority ||
    y.counts.staleAccounts - x.counts.staleAccounts ||
    cmp(x.owner, y.owner)
  );
}

const CLASS_ORDER: Readonly<Record<AbcClass, number>> = { A: 0, B: 1, C: 2 };

/** ABC class, then days since activity descending (no activity at all first), then ID. */
function compareStale(x: StaleAccountItem, y: StaleAccountItem): number {
  return (
    CLASS_ORDER[x.abcClass] - CLASS_ORDER[y.abcClass] ||
    daysKey(y.daysSinceActivity) - daysKey(x.daysSinceActivity) ||
    cmp(x.accountId, y.accountId)
  );
}

function daysKey(days: number | null): number {
  return days === null ? Number.MAX_SAFE_INTEGER : days;
}

/** Code-unit order: deterministic in every runtime (no locale-dependent collation). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * IDs of accounts that would be listed (stale or due soon, not exempt) but have no owner email,
 * for the caller to report: their items reach nobody.
 */
export function unroutedAccountIds(model: KamModel, metrics: readonly AccountMetrics[]): string[] {
  const ids: string[] = [];
  for (const { account, metrics: m, owner } of indexAccounts(model, metrics).values()) {
    if (!owner && isReportable(m)) ids.push(account.id);
  }
  return ids;
}
