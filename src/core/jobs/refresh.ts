import type { Day } from '../calendar/day';
import { computeMetrics } from '../engine/compute';
import { pick, type Locale } from '../i18n/locale';
import { formatCount, message } from '../i18n/messages';
import type { Runner } from '../issues/hints';
import { issueText, type DataIssue } from '../issues/issue';
import type { AccountMetrics } from '../model/metrics';
import type { DashboardWriter } from '../ports/dashboard';
import type { Clock, Notifier } from '../ports/host';
import type { LookerWarehouse } from '../ports/warehouse';
import type { WorkbookStore } from '../ports/workbook';
import { RISK_FLAGS, CHURN_RISKS, RFM_SEGMENTS, SEVERITIES, optionLabel } from '../schema/enums';
import { sheetDef } from '../schema/sheets';
import { dateCell, instantCell, type CellValue, type Grid } from '../values/cell';
import { BudgetExceededError, UserFacingError } from './errors';
import {
  readWorkbook,
  withTransactions,
  type ExternalTransactions,
  type WorkbookRead,
} from './read';
import { planLookerOutputs, writeLookerOutputs } from './outputs';
import { dashboardContent } from './rebuild-dashboard';
import { recipientIssues, recycleIssues } from './recipients';

/**
 * Apps Script stops an execution at 6 minutes, wherever it is. No write starts after 5, so the
 * stop never lands inside a write; writing starts only before 4, so that the writes normally
 * finish in the same execution.
 */
export const REFRESH_BUDGET_MS = 5 * 60 * 1000;
/** Time kept for the writes: reading and computing must be done this long before the budget. */
export const REFRESH_WRITE_RESERVE_MS = 60 * 1000;

export interface RefreshResult {
  readonly accounts: number;
  readonly issues: readonly DataIssue[];
  readonly errors: number;
  readonly locale: Locale;
  readonly today: Day;
  readonly read: WorkbookRead;
  readonly metrics: readonly AccountMetrics[];
}

export interface RefreshDeps {
  readonly store: WorkbookStore;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly budgetMs?: number;
  /** Where reminders may go when `allowed_recipient_domains` is blank (null: nowhere). */
  readonly defaultAllowList?: readonly string[] | null;
  /**
   * Writes the dashboard after the Looker sheets, under the same budget rules; none: the refresh
   * leaves the dashboard alone.
   */
  readonly dashboard?: DashboardWriter;
  /**
   * What happens after a stop for time, in the workbook's language (a continuation, or why
   * there is none); appended to the stop message.
   */
  readonly afterBudget?: (locale: Locale) => string;
  /**
   * Outputs (accounts, summary, history, monthly, dashboard) that the run this one continues
   * wrote whole minutes ago: left as they are, so a continuation does only the rest.
   * `data_issues` is always written, last, so a refresh is only finished when it is.
   */
  readonly alreadyWritten?: ReadonlySet<string>;
  /**
   * Transactions summed outside the workbook (`kam refresh --transactions FILE`, by DuckDB):
   * used instead of the transactions sheet, whose rows and issues are then left aside.
   */
  readonly transactions?: ExternalTransactions;
  /**
   * Where the Looker tables also go outside the workbook (Sheets: BigQuery tables Settings
   * name). Written after the sheets and the dashboard, before data_issues; its problems are
   * data issues, never a failed refresh.
   */
  readonly warehouse?: LookerWarehouse;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The value of one refreshed script column for one account, in the workbook's language. */
function scriptValue(key: string, m: AccountMetrics, locale: Locale): CellValue {
  switch (key) {
    case 'last_activity_date':
      return m.lastActivityDate === null ? null : dateCell(m.lastActivityDate);
    case 'days_since_activity':
      return m.daysSinceActivity;
    case 'revenue_12m':
      return round2(m.revenue12m);
    case 'abc_class':
      return m.abcClass;
    case 'rfm_score':
      return m.rfm ? m.rfm.score : null;
    case 'rfm_segment':
      return optionLabel(RFM_SEGMENTS, m.rfmSegment, locale);
    case 'churn_risk':
      return optionLabel(CHURN_RISKS, m.churnRisk, locale);
    case 'health_score':
      return m.healthScore;
    case 'credit_rating':
      return m.creditRating;
    case 'stale':
      return m.stale;
    case 'risk_flags':
      return m.riskFlags.length === 0
        ? null
        : m.riskFlags
            .map((f) => optionLabel(RISK_FLAGS, f, locale))
            .join(locale === 'zh-CN' ? '、' : ', ');
    default:
      return null;
  }
}

/** Groups sorted 1-based columns into runs of adjacent columns. */
export function contiguousBlocks(cols: readonly number[]): number[][] {
  const sorted = [...cols].sort((a, b) => a - b);
  const blocks: number[][] = [];
  for (const c of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else blocks.push([c]);
  }
  return blocks;
}

/** What identifies an issue row: sheet, row, column, value, problem and severity as shown. */
function issueKey(row: readonly CellValue[]): string {
  // As text: a blank cell reads back as null, a number-like value may come back as a number.
  return JSON.stringify(
    row.slice(0, 6).map((v) => (v === null ? '' : typeof v === 'object' ? v : String(v))),
  );
}

/**
 * Rows of `data_issues` in the workbook's language (docs/workbook.md). `detected_at` is when the issue
 * was first seen: an issue already in `previous` (the sheet as it was, header first) keeps its
 * time, so an unchanged workbook refreshes to the very same sheet and a person sees how long a
 * problem has been waiting.
 */
export function issueRows(
  issues: readonly DataIssue[],
  locale: Locale,
  nowMs: number,
  previous: Grid = [],
  runner: Runner = 'sheets',
): Grid {
  // Whole seconds: what a cell shows and gives back, so a kept time compares equal.
  const detected = instantCell(Math.floor(nowMs / 1000) * 1000);
  const seen = new Map<string, CellValue>();
  for (const row of previous.slice(1)) {
    const at = row[6] ?? null;
    if (at !== null && at !== '') seen.set(issueKey(row), at);
  }
  return issues.map((i) => {
    const row: CellValue[] = [
      i.sheet,
      i.row,
      i.column,
      i.value,
      issueText(i, locale, runner),
      optionLabel(SEVERITIES, i.severity, locale),
    ];
    row.push(seen.get(issueKey(row)) ?? detected);
    return row;
  });
}

/**
 * Refresh scores (docs/rules.md): read each sheet once, compute, then write every refreshed script
 * column of `accounts` (one write per block of adjacent script columns) and rewrite
 * `data_issues`. Nothing is written when the time budget is already spent, so a run that is
 * stopped never leaves half-written columns. User columns are never written.
 */
export function refresh(deps: RefreshDeps): RefreshResult {
  const { store, clock, notifier } = deps;
  const budget = deps.budgetMs ?? REFRESH_BUDGET_MS;
  const today = clock.today();
  const read = withTransactions(
    readWorkbook(store, today, undefined, ['accounts']),
    deps.transactions,
  );
  const { locale } = read;
  const written: string[] = [];
  const writtenKeys: string[] = [];
  const skip = deps.alreadyWritten ?? new Set<string>();
  const minutes = Math.round(budget / 60000);
  // Checked after reading, after computing and before every write, so a stop never lands in a
  // write; once something is written the message names it.
  const checkTime = (reserveMs: number): void => {
    if (clock.elapsedMs() <= budget - reserveMs) return;
    const stop =
      written.length === 0
        ? message('refresh_budget', locale, { minutes })
        : message('refresh_budget_partial', locale, { minutes, sheets: written.join(', ') });
    const next = deps.afterBudget?.(locale);
    throw new BudgetExceededError(next ? `${stop} ${next}` : stop, writtenKeys);
  };
  checkTime(REFRESH_WRITE_RESERVE_MS);
  notifier.progress(message('refresh_start', locale));
  const metrics = computeMetrics(read.parsed.model, today);
  const model = read.parsed.model;
  const accountsName = read.names.get('accounts') as string;
  const table = read.parsed.accountsTable;
  if (!table || table.header.issues.some((i) => i.code === 'header_missing')) {
    const problem = table?.header.issues.find((i) => i.code === 'header_missing');
    writeIssues(store, read, read.issues, clock.nowMs());
    throw new UserFacingError(
      message('broken_header', locale, {
        sheet: accountsName,
        problem: problem ? issueText(problem, locale, store.runner) : '',
      }),
    );
  }

  const ownerLabel = table.header.label.get('owner_email') ?? 'owner_email';
  const allowList =
    model.settings.allowedRecipientDomains.length > 0
      ? model.settings.allowedRecipientDomains
      : (deps.defaultAllowList ?? []);
  const found = [
    ...read.issues,
    ...recipientIssues(
      model,
      metrics,
      allowList,
      accountsName,
      ownerLabel,
      new Set(table.rows.filter((r) => r.bad?.has('owner_email')).map((r) => r.row)),
    ),
    ...recycleIssues(
      model,
      metrics,
      accountsName,
      table.header.label.get('last_activity_date') ?? ownerLabel,
    ),
  ];
  const byRow = new Map<number, AccountMetrics>();
  read.parsed.model.accounts.forEach((a, i) => byRow.set(a.row, metrics[i]));
  const grid = read.grids.accounts?.values ?? [];
  // Below the header, which a title block may push down from row 1.
  const first = table.headerRow + 1;
  const bodyRows = Math.max(grid.length - table.headerRow, 0);
  const refreshed = sheetDef('accounts').columns.filter((c) => c.owner === 'script' && c.refreshed);
  const colKey = new Map<number, string>();
  for (const c of refreshed) {
    const at = table.header.index.get(c.key);
    if (at !== undefined) colKey.set(at + 1, c.key);
  }
  const blocks = bodyRows > 0 ? contiguousBlocks([...colKey.keys()]) : [];
  const writes = blocks.map((block) => {
    const values: Grid = new Array(bodyRows);
    for (let r = 0; r < bodyRows; r++) {
      const m = byRow.get(r + first);
      values[r] = block.map((c) => (m ? scriptValue(colKey.get(c) as string, m, locale) : null));
    }
    return { col: block[0], values };
  });

  // Looker sheets and the cell budget are computed before the budget check, written after it.
  const looker = planLookerOutputs(store, read, metrics, today, found.length);
  const issues = [...found, ...looker.issues];
  const nowMs = clock.nowMs();
  checkTime(REFRESH_WRITE_RESERVE_MS);
  // The script columns of accounts are one unit: a stop never leaves some of them refreshed.
  if (!skip.has('accounts')) {
    for (const w of writes) store.writeRange(accountsName, first, w.col, w.values);
    if (writes.length > 0) written.push(accountsName);
    writtenKeys.push('accounts');
  }
  writeLookerOutputs(
    store,
    { ...looker, writes: looker.writes.filter((w) => !skip.has(w.key)) },
    (w) => {
      checkTime(0);
      written.push(w.name);
      writtenKeys.push(w.key);
    },
  );
  if (deps.dashboard && !skip.has('dashboard')) {
    checkTime(0);
    // A dashboard that would need cells past Sheets' limit stays as it was, and a team's own
    // sheet of that name is never written.
    if (!looker.refused.has(looker.dashboard) && !looker.dashboardForeign)
      written.push(deps.dashboard.write(dashboardContent(read, looker.tables)).sheet);
    writtenKeys.push('dashboard');
  }
  if (deps.warehouse && !skip.has('warehouse')) {
    checkTime(0);
    const out = deps.warehouse.write({
      rows: looker.summary,
      today,
      settings: model.settings,
      locale,
      remainingMs: budget - clock.elapsedMs(),
    });
    written.push(...out.written);
    writtenKeys.push('warehouse');
    // First: when Sheets' cell limit caps data_issues, these must not be the rows cut.
    issues.unshift(...out.issues);
  }
  checkTime(0);
  writeIssues(store, read, issues, nowMs, looker.issueRoom);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const done = message('refresh_done', locale, {
    accounts: formatCount(metrics.length),
    issues: formatCount(issues.length),
  });
  notifier.done(looker.notice ? `${done} · ${looker.notice}` : done);
  return { accounts: metrics.length, issues, errors, locale, today, read, metrics };
}

/**
 * Rewrites `data_issues`. With `room` (Sheets may not grow it: its cell limit) only that many
 * rows are written, the cell-limit error first, and a missing sheet is not created.
 */
function writeIssues(
  store: WorkbookStore,
  read: WorkbookRead,
  all: readonly DataIssue[],
  nowMs: number,
  room: number | null = null,
): void {
  const def = sheetDef('data_issues');
  const name =
    read.names.get('data_issues') ??
    (store.sheetNames().includes(pick(def, read.locale)) ? pick(def, read.locale) : null);
  if (room !== null && name === null) return;
  const issues =
    room === null
      ? all
      : [
          ...all.filter((i) => i.code === 'cell_limit'),
          ...all.filter((i) => i.code !== 'cell_limit'),
        ].slice(0, room);
  const previous = name === null ? [] : store.readSheet(name);
  if (name === null) {
    store.createSheet(pick(def, read.locale), def.columns.length);
    store.writeRange(pick(def, read.locale), 1, 1, [def.columns.map((c) => pick(c, read.locale))]);
  }
  store.replaceBody(
    name ?? pick(def, read.locale),
    issueRows(issues, read.locale, nowMs, previous, store.runner),
    def.columns.length,
  );
}
