import type { ChartTable } from '../dashboard/tables';
import type { Locale } from '../i18n/locale';

/** The dashboard as a job hands it to a host: what to show, never how to draw it. */
export interface DashboardContent {
  /** The dashboard sheet: its name in this workbook, or the name to create it under. */
  readonly sheet: string;
  /** The small tables the charts are drawn from, in the workbook's language. */
  readonly tables: readonly ChartTable[];
  readonly locale: Locale;
  /**
   * The chart titles in the other language: a host that draws charts recognises the ones it
   * drew before the workbook's language changed by them, and replaces them.
   */
  readonly otherTitles: readonly string[];
}

export interface DashboardWritten {
  /** The sheet written. */
  readonly sheet: string;
  /** Charts on it made by the script; null for a host that cannot draw charts (.xlsx). */
  readonly charts: number | null;
}

/**
 * Writes the dashboard sheet: in Sheets the tables and native charts drawn from them, in an
 * .xlsx file the tables alone at the same cells. Both the refresh and Rebuild dashboard call it,
 * once per run, after every check has passed.
 */
export interface DashboardWriter {
  write(content: DashboardContent): DashboardWritten;
}
