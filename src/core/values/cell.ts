import type { Day } from '../calendar/day';

/**
 * A cell value as core sees it, independent of the host. Hosts convert their date values
 * (Apps Script `Date`s at midnight in the spreadsheet zone, ExcelJS dates) into a `DateCell`
 * holding the calendar day in the spreadsheet's time zone, once per distinct value.
 */
export interface DateCell {
  readonly kind: 'date';
  /** Calendar day in the spreadsheet time zone. */
  readonly day: Day;
  /** Seconds after local midnight when the cell also holds a time; 0 for a plain date. */
  readonly seconds: number;
}

/** An instant, written by the script for time stamps (`updated_at`, `sent_at`). */
export interface InstantCell {
  readonly kind: 'instant';
  /** Epoch milliseconds. */
  readonly ms: number;
}

export type CellValue = string | number | boolean | DateCell | InstantCell | null;

export function dateCell(day: Day, seconds = 0): DateCell {
  return { kind: 'date', day, seconds };
}

export function instantCell(ms: number): InstantCell {
  return { kind: 'instant', ms };
}

export function isDateCell(v: unknown): v is DateCell {
  return typeof v === 'object' && v !== null && (v as DateCell).kind === 'date';
}

export function isInstantCell(v: unknown): v is InstantCell {
  return typeof v === 'object' && v !== null && (v as InstantCell).kind === 'instant';
}

/** Blank: null, undefined or a string of white space only. */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export type Row = CellValue[];
export type Grid = Row[];
