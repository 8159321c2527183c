import { dayFromYmd, ymdFromDay, type Day } from '../calendar/day';
import { pipelineFigures, type ForecastMonth, type StageTotal } from '../rules/opportunities';
import type { AccountMetrics, RiskCode } from '../model/metrics';
import type { KamModel } from '../model/records';
import { normalizeEmail, type SheetLinks } from './plan';
import { riskReasons, type RiskReason } from './risk';

/**
 * The weekly manager digest (docs/reminders.md "Manager digest"). Pure: the remind job reads the
 * workbook, `history` and `reminder_log` and passes in what this needs.
 *
 * Choices the rules leave open:
 * - Exempt accounts (Lost, or reminders paused) are left out, as in the owner digests.
 * - Accounts without an owner are counted under "(no owner)", so a manager sees them.
 * - Overdue actions are counted under the person the owner digest sends them to: the action's
 *   own `owner_email`, else the account's owner.
 * - Every manager gets the same content; it is sent even in a quiet week (all counts 0), so a
 *   missing email means something went wrong, not that nothing happened.
 */

/** Largest flagged accounts listed. */
export const MANAGER_TOP_ACCOUNTS = 20;
/** Days back that "raised in the last 7 days" looks. */
export const RAISED_WINDOW_DAYS = 7;

/** An ISO 8601 week: its Monday, and its label `2026-W49`. */
export interface IsoWeek {
  readonly monday: Day;
  readonly label: string;
}

/** ISO weekday of a day, 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The ISO week a day falls in (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: Day): IsoWeek {
  const monday = day - (isoWeekday(day) - 1);
  const thursday = monday + 3;
  const { y } = ymdFromDay(thursday);
  const week = Math.floor((thursday - dayFromYmd(y, 1, 1)) / 7) + 1;
  return { monday, label: `${y}-W${week < 10 ? `0${week}` : week}` };
}

/**
 * Whether a run on `today` sends this week's manager digest: on or after `manager_digest_weekday`
 * in today's ISO week (so a digest deferred by the quota on its day goes out the next day), and
 * not already final for this week (`reminder_log`, checked by the caller).
 */
export function managerDigestDue(today: Day, weekday: number): boolean {
  return isoWeekday(today) >= weekday;
}

export interface OwnerCounts {
  /** Normalized owner email; '' for accounts without one. */
  readonly owner: string;
  readonly staleAccounts: number;
  readonly riskAccounts: number;
  readonly overdueActions: number;
}

export interface ManagerRiskItem {
  readonly accountId: string;
  readonly accountName: string;
  readonly owner: string;
  readonly revenue12m: number;
  readonly reasons: readonly RiskReason[];
  readonly link: string;
}

export interface RaisedItem {
  readonly accountId: string;
  readonly accountName: string;
  readonly owner: string;
  readonly reason: RiskReason;
  /** The first snapshot day on which it was seen raised after being clear; today when today. */
  readonly raisedOn: Day;
  readonly link: string;
}

export type { ForecastMonth, StageTotal };

/** The manager digest's pipeline: stages without opportunities left out. */
function openPipeline(
  model: KamModel,
  exempt: ReadonlySet<string>,
  today: Day,
): { pipeline: StageTotal[]; forecast: ForecastMonth[] } {
  const f = pipelineFigures(model, exempt, today);
  return { pipeline: f.pipeline.filter((t) => t.count > 0), forecast: f.forecast };
}

export interface ManagerDigest {
  readonly week: IsoWeek;
  readonly owners: readonly OwnerCounts[];
  readonly totals: Omit<OwnerCounts, 'owner'>;
  readonly topAtRisk: readonly ManagerRiskItem[];
  /** null when `history` has no snapshot in the last 7 days to compare with. */
  readonly raised: readonly RaisedItem[] | null;
  /** Open stages in pipeline order; stages without opportunities left out. */
  readonly pipeline: readonly StageTotal[];
  /** FORECAST_MONTHS months from this one, each listed (0 when none). */
  readonly forecast: readonly ForecastMonth[];
  readonly currency: string;
}

/**
 * Flags per account in each `history` snapshot of the window (today excluded: today's flags are
 * computed fresh). `snapshots` maps a snapshot day to its accounts' flags.
 */
export type FlagSnapshots = ReadonlyMap<Day, ReadonlyMap<string, readonly RiskCode[]>>;

/**
 * The day a flag raised today was raised, if within the last RAISED_WINDOW_DAYS days: the first
 * snapshot after the latest one in the window where the account was clear of it (or absent),
 * or today when that latest clear snapshot is the newest. null when every snapshot in the
 * window already had it.
 */
export function raisedOn(
  snapshots: FlagSnapshots,
  days: readonly Day[],
  today: Day,
  accountId: string,
  code: RiskCode,
): Day | null {
  let lastClear = -1;
  for (let i = 0; i < days.length; i++) {
    const flags = snapshots.get(days[i])?.get(accountId);
    if (flags === undefined || !flags.includes(code)) lastClear = i;
  }
  if (lastClear < 0) return null;
  return lastClear + 1 < days.length ? days[lastClear + 1] : today;
}

export interface ManagerPlanInput {
  readonly model: KamModel;
  readonly metrics: readonly AccountMetrics[];
  readonly today: Day;
  readonly sheetLinks: SheetLinks;
  readonly snapshots: FlagSnapshots;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The week's manager digest, the same for every manager. */
export function planManagerDigest(input: ManagerPlanInput): ManagerDigest {
  const { model, metrics, today, sheetLinks, snapshots } = input;
  const settings = model.settings;
  const counts = new Map<string, { stale: number; risk: number; overdue: number }>();
  const countsOf = (owner: string) => {
    let c = counts.get(owner);
    if (!c) {
      c = { stale: 0, risk: 0, overdue: 0 };
      counts.set(owner, c);
    }
    return c;
  };
  const days = [...snapshots.keys()]
    .filter((d) => d >= today - RAISED_WINDOW_DAYS && d < today)
    .sort((a, b) => a - b);
  const atRisk: ManagerRiskItem[] = [];
  const raised: RaisedItem[] = [];
  const byId = new Map<string, { owner: string; exempt: boolean }>();
  model.accounts.forEach((account, i) => {
    const m = metrics[i];
    const owner = normalizeEmail(account.ownerEmail) ?? '';
    if (!byId.has(account.id)) byId.set(account.id, { owner, exempt: m.exempt });
    if (m.exempt) return;
    const c = countsOf(owner);
    if (m.stale) c.stale++;
    if (m.riskFlags.length === 0) return;
    c.risk++;
    const reasons = riskReasons(m, settings, today);
    const link = sheetLinks.accounts(account.row);
    atRisk.push({
      accountId: account.id,
      accountName: account.name,
      owner,
      revenue12m: m.revenue12m,
      reasons,
      link,
    });
    if (days.length === 0) return;
    for (const reason of reasons) {
      const on = raisedOn(snapshots, days, today, account.id, reason.code);
      if (on !== null)
        raised.push({
          accountId: account.id,
          accountName: account.name,
          owner,
          reason,
          raisedOn: on,
          link,
        });
    }
  });
  for (const action of model.actions) {
    if (action.status === 'done' || action.dueDate === null || action.dueDate >= today) continue;
    const entry = action.accountId ? byId.get(action.accountId) : undefined;
    if (entry?.exempt) continue;
    const owner = normalizeEmail(action.ownerEmail) ?? entry?.owner ?? '';
    countsOf(owner).overdue++;
  }
  const owners: OwnerCounts[] = [...counts.entries()]
    .map(([owner, c]) => ({
      owner,
      staleAccounts: c.stale,
      riskAccounts: c.risk,
      overdueActions: c.overdue,
    }))
    .filter((o) => o.staleAccounts + o.riskAccounts + o.overdueActions > 0)
    .sort(
      (x, y) =>
        y.riskAccounts - x.riskAccounts ||
        y.staleAccounts - x.staleAccounts ||
        y.overdueActions - x.overdueActions ||
        // "(no owner)" last among equals.
        Number(x.owner === '') - Number(y.owner === '') ||
        cmp(x.owner, y.owner),
    );
  const totals = owners.reduce(
    (t, o) => ({
      staleAccounts: t.staleAccounts + o.staleAccounts,
      riskAccounts: t.riskAccounts + o.riskAccounts,
      overdueActions: t.overdueActions + o.overdueActions,
    }),
    { staleAccounts: 0, riskAccounts: 0, overdueActions: 0 },
  );
  atRisk.sort((x, y) => y.revenue12m - x.revenue12m || cmp(x.accountId, y.accountId));
  raised.sort(
    (x, y) =>
      y.raisedOn - x.raisedOn || cmp(x.accountId, y.accountId) || cmp(x.reason.code, y.reason.code),
  );
  const exempt = new Set(model.accounts.filter((_, i) => metrics[i].exempt).map((a) => a.id));
  return {
    week: isoWeek(today),
    owners,
    totals,
    topAtRisk: atRisk.slice(0, MANAGER_TOP_ACCOUNTS),
    raised: days.length === 0 ? null : raised,
    ...openPipeline(model, exempt, today),
    currency: settings.homeCurrency,
  };
}
