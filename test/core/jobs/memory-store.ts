import type { SheetLayout } from '../../../src/core/setup/layout';
import type { WorkbookStore } from '../../../src/core/ports/workbook';
import type { Clock, DocumentLock, Notifier, RunState } from '../../../src/core/ports/host';
import { LockBusyError } from '../../../src/core/ports/host';
import type { Day } from '../../../src/core/calendar/day';
import type { CellValue, Grid } from '../../../src/core/values/cell';

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === '';

/** One write the store was asked for, so a test can say which cells a job touched. */
export interface StoreWrite {
  readonly op: 'write' | 'replace' | 'append' | 'create' | 'insert';
  readonly sheet: string;
  readonly row?: number;
  readonly col?: number;
  readonly values?: Grid;
}

/**
 * A whole WorkbookStore in memory, for core job tests: sheets are grids (header first), reads
 * give the data range as Sheets does (up to the last row and column with content, rectangular),
 * writes land where a spreadsheet would put them and are recorded in `writes`.
 */
export class MemoryStore implements WorkbookStore {
  readonly sheets = new Map<string, CellValue[][]>();
  readonly writes: StoreWrite[] = [];
  readonly layouts: string[] = [];
  /** The sheets read, in order. */
  readonly read: string[] = [];
  get reads(): number {
    return this.read.length;
  }

  constructor(
    sheets: Record<string, Grid> = {},
    private readonly spreadsheetLocale = 'en_US',
  ) {
    for (const [name, grid] of Object.entries(sheets))
      this.sheets.set(
        name,
        grid.map((r) => [...r]),
      );
  }

  /** The sheet's data range, as `readSheet` gives it (for assertions). */
  grid(name: string): Grid {
    const rows = this.sheets.get(name);
    if (!rows) throw new Error(`no sheet named ${name}`);
    let lastRow = 0;
    let lastCol = 0;
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (blank(v)) return;
        lastRow = Math.max(lastRow, i + 1);
        lastCol = Math.max(lastCol, j + 1);
      }),
    );
    return rows
      .slice(0, lastRow)
      .map((r) => Array.from({ length: lastCol }, (_, j) => (blank(r[j]) ? null : r[j])));
  }

  sheetNames(): readonly string[] {
    return [...this.sheets.keys()];
  }

  readSheet(name: string): Grid {
    this.read.push(name);
    return this.grid(name);
  }

  private put(name: string, row: number, col: number, values: Grid): void {
    const rows = this.sheets.get(name);
    if (!rows) throw new Error(`no sheet named ${name}`);
    values.forEach((v, r) =>
      v.forEach((x, c) => {
        const target = (rows[row - 1 + r] ??= []);
        for (let k = target.length; k < col - 1 + c; k++) target[k] = null;
        target[col - 1 + c] = x;
      }),
    );
    for (let k = 0; k < rows.length; k++) rows[k] ??= [];
  }

  writeRange(name: string, row: number, col: number, values: Grid): void {
    this.writes.push({ op: 'write', sheet: name, row, col, values });
    this.put(name, row, col, values);
  }

  replaceBody(name: string, rows: Grid, width: number, header?: readonly CellValue[]): void {
    this.writes.push({ op: 'replace', sheet: name, values: rows });
    const grid = this.sheets.get(name) ?? [];
    if (header) this.put(name, 1, 1, [[...header]]);
    for (let r = 1; r < grid.length; r++)
      for (let c = 0; c < width; c++) if (grid[r]) grid[r][c] = null;
    this.put(name, 2, 1, rows);
  }

  appendRows(name: string, rows: Grid): void {
    this.writes.push({ op: 'append', sheet: name, values: rows });
    this.put(name, this.grid(name).length + 1, 1, rows);
  }

  insertRowsAfter(name: string, afterRow: number, count: number): void {
    this.writes.push({ op: 'insert', sheet: name, row: afterRow });
    const rows = this.sheets.get(name) ?? [];
    rows.splice(afterRow, 0, ...Array.from({ length: count }, () => []));
  }

  createSheet(name: string): void {
    this.writes.push({ op: 'create', sheet: name });
    this.sheets.set(name, []);
  }

  applyLayout(name: string, _layout: SheetLayout): void {
    this.layouts.push(name);
  }

  sheetId(name: string): number {
    return this.sheetNames().indexOf(name);
  }

  rowLink(name: string, row: number): string {
    return `memory://${name}#${row}`;
  }

  locale(): string {
    return this.spreadsheetLocale;
  }

  title(): string {
    return 'Memory';
  }

  url(): string {
    return 'memory://book';
  }
}

/** A clock stopped at `today` (noon UTC of it). */
export function fixedClock(today: Day): Clock {
  return { nowMs: () => today * 86_400_000 + 43_200_000, today: () => today, elapsedMs: () => 0 };
}

/** Collects what a job says. */
export class MemoryNotifier implements Notifier {
  readonly said: string[] = [];
  progress(message: string): void {
    this.said.push(`progress: ${message}`);
  }
  done(message: string): void {
    this.said.push(`done: ${message}`);
  }
  problem(message: string): void {
    this.said.push(`problem: ${message}`);
  }
}

/** A document lock that counts its runs; `busy` makes it refuse as a held lock does. */
export class MemoryLock implements DocumentLock {
  runs = 0;
  held = false;
  constructor(public busy = false) {}
  run<T>(_waitMs: number, job: () => T): T {
    if (this.busy) throw new LockBusyError('busy');
    this.runs++;
    this.held = true;
    try {
      return job();
    } finally {
      this.held = false;
    }
  }
}

export class MemoryState implements RunState {
  readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
}
