import type { Day } from '../calendar/day';
import type { Locale } from '../i18n/locale';
import type { DataIssue } from '../issues/issue';
import type { Settings } from '../settings/model';
import type { Grid } from '../values/cell';

/** What the refresh hands a warehouse: today's summary rows (SUMMARY_COLUMNS order). */
export interface WarehouseInput {
  readonly rows: Grid;
  readonly today: Day;
  readonly settings: Settings;
  readonly locale: Locale;
  /** Milliseconds left of the refresh's budget: the warehouse stops waiting after them. */
  readonly remainingMs: number;
}

export interface WarehouseResult {
  /** Tables written, named for the stop message (`project.dataset.table`). */
  readonly written: readonly string[];
  /** Problems, for data_issues: a table refused or not written never fails the refresh. */
  readonly issues: readonly DataIssue[];
}

/**
 * Where the refresh also sends the Looker tables outside the workbook (Sheets: BigQuery, when
 * Settings name the tables; docs/outgrow.md). Called after the Looker sheets, before data_issues.
 */
export interface LookerWarehouse {
  write(input: WarehouseInput): WarehouseResult;
}
