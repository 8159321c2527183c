import type { Day } from '../calendar/day';
import { computeMetrics } from '../engine/compute';
import type { SheetGrid } from '../parse/table';
import { parseWorkbook } from '../parse/workbook';
import type { Clock, DocumentLock } from '../ports/host';
import type { WorkbookStore } from '../ports/workbook';
import type { SheetKey } from '../schema/types';
import { account360, type Account360View } from '../sidebar/account360';
import type { WorkbookRead } from './read';
import { UserFacingError } from './errors';
import { message } from '../i18n/messages';

/**
 * What the sidebars' form jobs (append-record, move-action, save-settings) share: the ports
 * they run against and how a written row is shown without reading the sheet again.
 */

/** How long a form's write waits for a refresh or a reminder run before it says "busy". */
export const FORM_LOCK_MS = 10_000;

export interface FormDeps {
  readonly store: WorkbookStore;
  readonly clock: Clock;
  /** Writes happen under the document lock, like every job, so they never interleave with a refresh. */
  readonly lock: DocumentLock;
  /** Who uses the form ('' when the host may not tell): asked only when a rule needs it. */
  readonly user: () => string;
}

/** A read with one sheet replaced by what was just written, so no second read is needed. */
export function withGrid(
  read: WorkbookRead,
  key: SheetKey,
  grid: SheetGrid,
  today: Day,
): WorkbookRead {
  const grids = { ...read.grids, [key]: { ...grid, map: read.map } };
  const parsed = parseWorkbook(grids, today, read.map);
  // Transactions summed outside the workbook (BigQuery) are not in a grid: keep their facts.
  const facts = read.parsed.model.facts;
  return {
    ...read,
    grids,
    parsed:
      facts === undefined
        ? parsed
        : { ...parsed, model: { ...parsed.model, transactions: [], facts } },
  };
}

/**
 * The sheet a form appends a row to, and its grid as read (null when the sheet is missing).
 * When the rows were read from a table outside the workbook (Settings
 * `bigquery_interactions_table`), a row appended to the sheet would never be read: the form
 * says where to add it instead.
 */
export function sheetToAppend(
  read: WorkbookRead,
  key: SheetKey,
): { name: string | null; target: SheetGrid | null } {
  const name = read.names.get(key) ?? null;
  const grid = read.grids[key];
  if (grid !== undefined && grid.name !== name)
    throw new UserFacingError(
      message('bigquery_interactions_form', read.locale, { table: grid.name }),
    );
  return { name, target: name ? (grid ?? null) : null };
}

/** Account 360 of `accountId` (null: none chosen) as the read shows it today. */
export function account360View(
  deps: Pick<FormDeps, 'user'>,
  read: WorkbookRead,
  today: Day,
  accountId: string | null,
): Account360View {
  return account360(read, computeMetrics(read.parsed.model, today), accountId, today, {
    user: deps.user(),
  });
}

/** An account ID the form sent, trimmed; null when there is none. */
export const idOf = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
