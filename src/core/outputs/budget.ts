import { inBoth, text } from '../i18n/catalogue';
import { bilingual, pick, type Bilingual } from '../i18n/locale';
import { formatCount } from '../i18n/messages';
import type { DataIssue } from '../issues/issue';
import type { SheetSize } from '../ports/workbook';

/** Google Sheets holds at most 10 million cells per spreadsheet, empty cells of every grid included. */
export const SHEETS_CELL_LIMIT = 10_000_000;
/** Warn early enough that a daily history still has room to grow while the team reacts. */
export const CELL_BUDGET_WARN_SHARE = 0.8;
/** A sheet Sheets creates with `insertSheet` is 1000 rows × 26 columns. */
export const NEW_SHEET_SIZE = { rows: 1000, cols: 26 } as const;

/** What a job will write to a sheet: the grid must hold at least rows × cols afterwards. */
export interface PlannedSheet extends SheetSize {
  /** The job deletes surplus rows, so the grid ends with exactly `rows` rows. */
  readonly exactRows?: boolean;
}

export interface CellBudget {
  /** Every sheet's grid after the job, largest first. */
  readonly sheets: readonly SheetSize[];
  readonly total: number;
  /** total / SHEETS_CELL_LIMIT */
  readonly share: number;
  readonly overWarning: boolean;
}

/**
 * Cells the workbook will hold once the planned writes are done: writes only grow a grid
 * (Sheets never shrinks one on its own), a sheet that does not exist yet starts at Sheets'
 * default size, and a sheet written with `exactRows` is trimmed to what it holds.
 */
export function cellBudget(
  current: readonly SheetSize[],
  planned: readonly PlannedSheet[],
): CellBudget {
  const after = new Map<string, SheetSize>(current.map((s) => [s.name, s]));
  for (const p of planned) {
    const now = after.get(p.name) ?? { name: p.name, ...NEW_SHEET_SIZE };
    const rows = p.exactRows ? p.rows : Math.max(now.rows, p.rows);
    after.set(p.name, { name: p.name, rows, cols: Math.max(now.cols, p.cols) });
  }
  const sheets = [...after.values()].sort((a, b) => b.rows * b.cols - a.rows * a.cols);
  const total = sheets.reduce((s, x) => s + x.rows * x.cols, 0);
  const share = total / SHEETS_CELL_LIMIT;
  return { sheets, total, share, overWarning: share > CELL_BUDGET_WARN_SHARE };
}

export interface HistoryFacts {
  /** Name of the history sheet, to recognise it as the largest sheet. */
  readonly name: string;
  readonly retentionDays: number;
  /** Rows added per day (one per account) and columns per row. */
  readonly rowsPerDay: number;
  readonly cols: number;
}

/**
 * The `cell_budget` warning when the workbook passes CELL_BUDGET_WARN_SHARE of the
 * limit, naming the largest sheet. When that is `history`, it suggests the longest
 * `history_retention_days` that brings the workbook back under the warning line, because that is
 * the one change that shrinks it for good; any other sheet gets the generic advice. With
 * `skipped` (sheets left unwritten because Sheets would refuse to grow them past the limit) it is
 * the `cell_limit` error instead, naming them.
 */
export function budgetIssue(
  budget: CellBudget,
  history: HistoryFacts | null,
  skipped: readonly (string | Bilingual)[] = [],
): DataIssue | null {
  if (!budget.overWarning && skipped.length === 0) return null;
  const largest = budget.sheets[0];
  const percent = Math.round(budget.share * 1000) / 10;
  let hint = inBoth('issue_part.trim_hint');
  if (history && largest.name === history.name && history.rowsPerDay > 0) {
    const room =
      CELL_BUDGET_WARN_SHARE * SHEETS_CELL_LIMIT - (budget.total - largest.rows * largest.cols);
    const days = Math.max(1, Math.floor(room / (history.rowsPerDay * history.cols)) - 2);
    const suggested = Math.min(days, Math.max(1, history.retentionDays - 1));
    hint = inBoth('issue_part.history_hint', { suggested, current: history.retentionDays });
  }
  return {
    sheet: largest.name,
    row: null,
    column: '',
    value: `${formatCount(budget.total)} / ${formatCount(SHEETS_CELL_LIMIT)}`,
    ...(skipped.length > 0
      ? { code: 'cell_limit' as const, severity: 'error' as const }
      : { code: 'cell_budget' as const, severity: 'warning' as const }),
    params: {
      cells: formatCount(budget.total),
      percent,
      sheet: largest.name,
      hint,
      skipped: bilingual((locale) =>
        skipped
          .map((x) => (typeof x === 'string' ? x : pick(x, locale)))
          .join(text('issue_part.list_separator', locale)),
      ),
    },
  };
}

/**
 * Which planned sheets may grow within Sheets' limit, given in the order they matter most (the
 * sheet that reports problems first). Each sheet's growth is granted while the cells left under
 * the limit cover it; a sheet whose growth does not fit is refused and keeps its grid. A sheet
 * that needs no new cells is always granted, so what fits is still written.
 */
export function refusedGrowth(
  current: readonly SheetSize[],
  planned: readonly PlannedSheet[],
  limit: number = SHEETS_CELL_LIMIT,
): Set<string> {
  const sizes = new Map<string, SheetSize>(current.map((s) => [s.name, s]));
  let room = limit - current.reduce((n, s) => n + s.rows * s.cols, 0);
  const refused = new Set<string>();
  for (const p of planned) {
    const was = sizes.get(p.name);
    const base = was ?? { name: p.name, rows: 0, cols: 0 };
    const start = was ?? { name: p.name, ...NEW_SHEET_SIZE };
    // Writes grow a grid first; a trim that gives cells back comes after the write.
    const grown = Math.max(start.rows, p.rows) * Math.max(start.cols, p.cols);
    const cost = grown - base.rows * base.cols;
    if (cost <= 0) continue;
    if (cost > room) {
      refused.add(p.name);
      continue;
    }
    room -= cost;
  }
  return refused;
}
