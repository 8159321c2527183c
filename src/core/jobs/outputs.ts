import type { Day } from '../calendar/day';
import { dashboardGridSize } from '../dashboard/layout';
import { dashboardTables, type ChartTable } from '../dashboard/tables';
import { inBoth } from '../i18n/catalogue';
import { pick, type Bilingual } from '../i18n/locale';
import { formatCount } from '../i18n/messages';
import { issueText, type DataIssue } from '../issues/issue';
import {
  budgetIssue,
  cellBudget,
  refusedGrowth,
  SHEETS_CELL_LIMIT,
  type CellBudget,
  type PlannedSheet,
} from '../outputs/budget';
import { mergeHistory, type HistoryMerge } from '../outputs/history';
import { monthlyRows } from '../outputs/monthly';
import { groupRows } from '../outputs/groups';
import { pipelineRows } from '../outputs/pipeline';
import { productRows } from '../outputs/products';
import { groupRollups } from '../rules/groups';
import { summaryHeader, summaryRows } from '../outputs/summary';
import type { AccountMetrics } from '../model/metrics';
import type { WorkbookStore } from '../ports/workbook';
import { sheetDef } from '../schema/sheets';
import type { SheetKey } from '../schema/types';
import type { Grid } from '../values/cell';
import type { WorkbookRead } from './read';
import { dashboardSheetName, foreignDashboard } from './rebuild-dashboard';
import { notOursIssue, ownSheet } from '../outputs/ownership';

/** One Looker sheet, rewritten whole: header and body in one write. */
export interface LookerSheetWrite {
  readonly key: 'summary' | 'history' | 'monthly' | 'pipeline' | 'groups' | 'products';
  readonly name: string;
  readonly create: boolean;
  readonly header: readonly string[];
  readonly rows: Grid;
  /** Delete the grid rows below the body (history only, and only without user columns). */
  readonly trim: boolean;
}

export interface LookerPlan {
  readonly writes: readonly LookerSheetWrite[];
  /** Today's summary rows, also when the summary sheet is not written (for a warehouse). */
  readonly summary: Grid;
  readonly history: HistoryMerge;
  readonly budget: CellBudget;
  /** The cell-budget warning in the workbook's language, for the end-of-run toast; null when fine. */
  readonly notice: string | null;
  /**
   * Sheets left as they were because Sheets would refuse to grow them past its cell limit: any
   * of summary, history, monthly, pipeline, groups, products and the dashboard. Data issues is never left out: see
   * `issueRoom`.
   */
  readonly refused: ReadonlySet<string>;
  /**
   * How many issue rows `data_issues` can take when it may not grow (its grid's rows but the
   * header); null when every issue fits. The cell-limit error is then the first row.
   */
  readonly issueRoom: number | null;
  /** The cell-budget warning, for `data_issues`; empty when the workbook has room. */
  readonly issues: readonly DataIssue[];
  /**
   * The dashboard tables: made here for the cell budget, drawn from the same tables after the
   * Looker sheets (each is a pass over every transaction, so they are made once per run).
   */
  readonly tables: readonly ChartTable[];
  /** The dashboard sheet's name (in `refused` when it may not grow). */
  readonly dashboard: string;
  /** The dashboard sheet is a team's own that shares the name: the refresh leaves it alone. */
  readonly dashboardForeign: boolean;
}

/** The sheet's name in this workbook, or the name to create it under. */
function sheetName(
  store: WorkbookStore,
  read: WorkbookRead,
  key: SheetKey,
): { name: string; create: boolean } {
  const found = read.names.get(key);
  if (found !== undefined) return { name: found, create: false };
  const name = pick(sheetDef(key), read.locale);
  return { name, create: !store.sheetNames().includes(name) };
}

/**
 * The order the Looker sheets get room under the cell limit: the account figures first, then
 * history; pipeline, groups and products last (one Looker sheet each, less looked at).
 */
const PRIORITY: readonly LookerSheetWrite['key'][] = [
  'summary',
  'monthly',
  'history',
  'pipeline',
  'groups',
  'products',
];

function byPriority(writes: readonly LookerSheetWrite[]): LookerSheetWrite[] {
  return [...writes].sort((a, b) => PRIORITY.indexOf(a.key) - PRIORITY.indexOf(b.key));
}

/**
 * Everything the refresh writes for Looker Studio, computed before anything is
 * written so that a run stopped by its time budget writes nothing: `summary`, the next
 * `history` (one read of the old one), `monthly`, and the cell budget of the workbook as it will
 * be. `issueCount` is the number of data issues found so far; a budget warning comes back in
 * the plan's `issues`, for `data_issues`.
 */
export function planLookerOutputs(
  store: WorkbookStore,
  read: WorkbookRead,
  metrics: readonly AccountMetrics[],
  today: Day,
  issueCount: number,
): LookerPlan {
  const { model } = read.parsed;
  const header = summaryHeader();
  const summary = summaryRows(read, metrics, today);

  const historyAt = sheetName(store, read, 'history');
  const old = historyAt.create ? [] : store.readSheet(historyAt.name);
  const history = mergeHistory(old, today, model.settings.historyRetentionDays, summary);
  // A column right of ours holds a user's data: deleting rows would delete it too.
  const userColumns = old.some(
    (r) => r.length > header.length && r.slice(header.length).some((v) => v !== null && v !== ''),
  );
  const trim = store.deleteRowsBelow !== undefined && !userColumns;

  const monthlyDef = sheetDef('monthly');
  const writes: LookerSheetWrite[] = [
    { key: 'summary', ...sheetName(store, read, 'summary'), header, rows: summary, trim: false },
    { key: 'history', ...historyAt, header, rows: history.rows, trim },
    {
      key: 'monthly',
      ...sheetName(store, read, 'monthly'),
      header: monthlyDef.columns.map((c) => c.key),
      rows: monthlyRows(model, metrics, today),
      trim: false,
    },
  ];
  // `pipeline` only in a workbook that has opportunities (or already a pipeline sheet): an
  // older workbook does not get an empty Looker sheet it never asked for.
  if (read.names.has('opportunities') || read.names.has('pipeline'))
    writes.push({
      key: 'pipeline',
      ...sheetName(store, read, 'pipeline'),
      header: sheetDef('pipeline').columns.map((c) => c.key),
      rows: pipelineRows(model, today),
      trim: false,
    });

  // Groups and products (docs/looker.md): written in every workbook, empty but for the header
  // when no account has children or no transaction names a product.
  for (const key of ['groups', 'products'] as const)
    writes.push({
      key,
      ...sheetName(store, read, key),
      header: sheetDef(key).columns.map((c) => c.key),
      rows:
        key === 'groups'
          ? groupRows(groupRollups(model.accounts, metrics, model.settings), today)
          : productRows(metrics, today),
      trim: false,
    });

  // A sheet that only shares our name is a team's own: left alone, and said in data_issues.
  const foreign: DataIssue[] = [];
  for (let i = writes.length - 1; i >= 0; i--) {
    const w = writes[i];
    if (w.create) continue;
    const row =
      w.key === 'history'
        ? (old[0] ?? [])
        : (store.readHeader?.(w.name) ?? store.readSheet(w.name)[0] ?? []);
    if (ownSheet(w.key, row, () => false)) continue;
    foreign.unshift(notOursIssue(w.name, w.key, row));
    writes.splice(i, 1);
  }

  // The dashboard too: a team's own "Dashboard" keeps its cells and gets no charts.
  const foreignDash = foreignDashboard(store, read);
  if (foreignDash !== null) foreign.push(foreignDash);

  const tables = dashboardTables(model, metrics, today, read.locale);
  const planned: PlannedSheet[] = writes.map((w) => ({
    name: w.name,
    rows: w.trim ? Math.max(2, 1 + w.rows.length) : 1 + w.rows.length,
    cols: w.header.length,
    exactRows: w.trim,
  }));
  const issuesAt = sheetName(store, read, 'data_issues');
  // Header, every issue so far and the cell-budget issue this plan may add.
  const issuesSheet = {
    name: issuesAt.name,
    rows: issueCount + 2,
    cols: sheetDef('data_issues').columns.length,
  };
  const dashboard = {
    name: dashboardSheetName(read),
    ...dashboardGridSize(tables),
  };
  planned.push(issuesSheet);
  if (foreignDash === null) planned.push(dashboard);
  const sizes = store.sheetSizes?.() ?? read.sizes;
  const budget = cellBudget(sizes, planned);
  // A host with the limit (Sheets) would refuse to grow a grid past it and fail the run: the
  // sheets that need more room than is left keep their previous contents instead, and the
  // error says so. The sheet that reports it comes first, then what people look at.
  const refused: Set<string> =
    store.sheetSizes !== undefined && budget.total > SHEETS_CELL_LIMIT
      ? refusedGrowth(sizes, [
          issuesSheet,
          ...(foreignDash === null ? [dashboard] : []),
          ...byPriority(writes).map((w) => planned[writes.indexOf(w)]),
        ])
      : new Set<string>();
  const issueRoom = refused.has(issuesAt.name)
    ? Math.max(0, (sizes.find((x) => x.name === issuesAt.name)?.rows ?? 1) - 1)
    : null;
  const skipped: (string | Bilingual)[] = [...writes.map((w) => w.name), dashboard.name].filter(
    (n) => refused.has(n),
  );
  if (issueRoom !== null)
    skipped.push(
      inBoth('issue_part.issues_cut', {
        sheet: issuesAt.name,
        shown: formatCount(issueRoom),
        total: formatCount(issueCount + 1),
      }),
    );
  const warning = budgetIssue(
    budget,
    {
      name: historyAt.name,
      retentionDays: model.settings.historyRetentionDays,
      rowsPerDay: summary.length,
      cols: header.length,
    },
    skipped,
  );
  return {
    writes: writes.filter((w) => !refused.has(w.name)),
    summary,
    history,
    budget,
    notice: warning ? issueText(warning, read.locale) : null,
    refused,
    issueRoom,
    issues: [...foreign, ...(warning ? [warning] : [])],
    tables,
    dashboard: dashboard.name,
    dashboardForeign: foreignDash !== null,
  };
}

/**
 * Writes the planned Looker sheets: per sheet one write (header and body) and one clear.
 * `before` runs before each sheet (the refresh checks its time budget there).
 */
export function writeLookerOutputs(
  store: WorkbookStore,
  plan: LookerPlan,
  before: (write: LookerSheetWrite) => void = () => undefined,
): void {
  for (const w of plan.writes) {
    before(w);
    if (w.create) store.createSheet(w.name, w.header.length);
    store.replaceBody(w.name, w.rows, w.header.length, w.header);
    if (w.trim) store.deleteRowsBelow?.(w.name, 1 + w.rows.length);
  }
}
