import { pick, type Locale } from '../i18n/locale';
import type { WorkbookStore } from '../ports/workbook';
import { headerRowIndex } from '../schema/header-row';
import { columnLetter, matchHeaders } from '../schema/match';
import { sheetDef } from '../schema/sheets';
import { instantCell, isBlank, type CellValue, type Grid } from '../values/cell';
import { displayValue } from '../values/parse';
import { UserFacingError } from './errors';
import { resolveBook } from './recognize';
import { message } from '../i18n/messages';
import { fixHint } from '../issues/hints';

export interface FillIdsResult {
  /** IDs written (one per row that had none). */
  readonly filled: number;
  /** Whether an account_id column was added. */
  readonly addedColumn: boolean;
}

const PATTERN = /^KA-(\d+)$/;

/**
 * Fill missing account IDs: the one job that writes cells people own, and only on this explicit
 * request. Adds an `account_id` column when the accounts sheet has none (to the right of
 * everything), then writes `KA-0001`, `KA-0002`… into the blank ID cells of the rows that hold an
 * account name, never reusing a number already in the column. Each written cell is one
 * `change_log` row. Nothing else is touched; a second run finds nothing to fill.
 */
export function fillAccountIds(
  store: WorkbookStore,
  locale: Locale,
  user: string,
  nowMs: number,
): FillIdsResult {
  const book = resolveBook(store);
  const name = book.sheets.get('accounts');
  if (name === undefined)
    throw new UserFacingError(
      message('sheet_missing', locale, {
        name: pick(sheetDef('accounts'), locale),
        setup: fixHint(store.runner ?? 'sheets', 'setup', locale),
      }),
    );
  const grid = store.readSheet(name) as Grid;
  const def = sheetDef('accounts');
  const top = headerRowIndex(name, grid, def.columns, book.map);
  const header = matchHeaders(name, def.columns, grid[top] ?? [], top + 1, book.map);
  const nameAt = header.index.get('account_name');
  if (nameAt === undefined) return { filled: 0, addedColumn: false };
  let idAt = header.index.get('account_id');
  let label = header.label.get('account_id') ?? '';
  const addedColumn = idAt === undefined;
  if (idAt === undefined) {
    const width = grid.reduce((w, row) => {
      for (let c = row.length - 1; c >= 0; c--)
        if (!isBlank(row[c] ?? null)) return Math.max(w, c + 1);
      return w;
    }, 0);
    idAt = width;
    label = pick(def.columns[0], locale);
    store.writeRange(name, top + 1, idAt + 1, [[label]]);
  }
  let next = 1;
  for (const row of grid.slice(top + 1)) {
    const m = PATTERN.exec(displayValue(row[idAt] ?? null).trim());
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  const now = instantCell(nowMs);
  const log: CellValue[][] = [];
  // One write per run of adjacent rows to fill, so a sheet of blank IDs is one call.
  let run: { row: number; ids: CellValue[][] } | null = null;
  const flush = (): void => {
    if (run) store.writeRange(name, run.row, (idAt as number) + 1, run.ids);
    run = null;
  };
  for (let r = top + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (isBlank(row[nameAt] ?? null) || !isBlank(row[idAt] ?? null)) {
      flush();
      continue;
    }
    const id = `KA-${String(next++).padStart(4, '0')}`;
    if (run === null) run = { row: r + 1, ids: [] };
    run.ids.push([id]);
    log.push([now, user, name, `${columnLetter(idAt)}${r + 1}`, label, '', id]);
  }
  flush();
  const logName = book.sheets.get('change_log');
  if (log.length > 0) {
    const target = logName ?? pick(sheetDef('change_log'), locale);
    if (logName === undefined) {
      const columns = sheetDef('change_log').columns;
      store.createSheet(target, columns.length);
      store.writeRange(target, 1, 1, [columns.map((c) => pick(c, locale))]);
    }
    store.appendRows(target, log, sheetDef('change_log').columns.length);
  }
  return { filled: log.length, addedColumn };
}
