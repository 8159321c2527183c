import type { Day } from '../calendar/day';
import { computeMetrics } from '../engine/compute';
import type { SheetGrid } from '../parse/table';
import { parseWorkbook } from '../parse/workbook';
import type { Clock, DocumentLock } from '../ports/host';
import type { WorkbookStore } from '../ports/workbook';
import type { SheetKey } from '../schema/types';
import { account360, type Account360View } from '../sidebar/account360';
import type { WorkbookRead } from './read';

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
  return { ...read, grids, parsed: parseWorkbook(grids, today, read.map) };
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
