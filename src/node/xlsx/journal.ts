import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SheetLayout } from '../../core/setup/layout';
import type { WorkbookStore } from '../../core/ports/workbook';
import type { CellValue, Grid } from '../../core/values/cell';

/** One change to the workbook, as the remind job made it. */
type Entry =
  | { readonly op: 'create'; readonly sheet: string }
  | {
      readonly op: 'write';
      readonly sheet: string;
      readonly row: number;
      readonly col: number;
      readonly values: Grid;
    }
  | { readonly op: 'append'; readonly sheet: string; readonly rows: Grid; readonly width: number }
  | {
      readonly op: 'replace';
      readonly sheet: string;
      readonly rows: Grid;
      readonly width: number;
      readonly header?: readonly CellValue[];
    };

export function journalPath(bookPath: string): string {
  return join(dirname(bookPath), `.${basename(bookPath)}.kam-journal`);
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Makes "logged before the run moves on" (docs/design.md) hold on a PC too. The workbook is written
 * once, at the end of a run; if the process dies after emailing some owners but before that
 * write, their `reminder_log` rows would be lost and the next run would email them again. So
 * every change the remind job makes is also appended to a journal beside the workbook and
 * flushed to disk before the job goes on. The next run replays a journal whose `base` is the
 * workbook as it still is on disk, and a successful save deletes the journal; a journal whose
 * base no longer matches (the save did happen) is stale and dropped.
 */
export class Journal {
  private fd: number | null = null;

  /** `append`: continue a journal that was just replayed, so its entries survive this run too. */
  constructor(
    readonly path: string,
    private readonly base: string,
    private readonly append = false,
  ) {}

  /** Replays a journal left by a run that stopped before saving; returns the entries applied. */
  static recover(path: string, base: string, store: WorkbookStore): number {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return 0;
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const head = lines.length > 0 ? (JSON.parse(lines[0]) as { base?: string }) : {};
    if (head.base !== base) {
      rmSync(path, { force: true });
      return 0;
    }
    let applied = 0;
    for (const line of lines.slice(1)) {
      let e: Entry;
      try {
        e = JSON.parse(line) as Entry;
      } catch {
        break; // A torn last line: the change it describes was never acted on.
      }
      if (e.op === 'create') {
        if (!store.sheetNames().includes(e.sheet)) store.createSheet(e.sheet);
      } else if (e.op === 'write') store.writeRange(e.sheet, e.row, e.col, e.values);
      else if (e.op === 'append') store.appendRows(e.sheet, e.rows, e.width);
      else store.replaceBody(e.sheet, e.rows, e.width, e.header);
      applied++;
    }
    return applied;
  }

  record(entry: Entry): void {
    if (this.fd === null) {
      this.fd = openSync(this.path, this.append ? 'a' : 'w');
      if (!this.append) writeSync(this.fd, `${JSON.stringify({ base: this.base })}\n`);
    }
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(this.fd);
  }

  /** After the workbook is saved (or when nothing was recorded). */
  discard(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.path, { force: true });
  }

  /** Keeps the journal for the next run (the save did not happen). */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** The store with every change also written to the journal first. */
export class JournaledStore implements WorkbookStore {
  constructor(
    private readonly inner: WorkbookStore,
    private readonly journal: Journal,
  ) {}

  sheetNames(): readonly string[] {
    return this.inner.sheetNames();
  }
  readSheet(name: string): Grid {
    return this.inner.readSheet(name);
  }
  writeRange(name: string, row: number, col: number, values: Grid): void {
    this.journal.record({ op: 'write', sheet: name, row, col, values });
    this.inner.writeRange(name, row, col, values);
  }
  replaceBody(name: string, rows: Grid, width: number, header?: readonly CellValue[]): void {
    this.journal.record({ op: 'replace', sheet: name, rows, width, header });
    this.inner.replaceBody(name, rows, width, header);
  }
  appendRows(name: string, rows: Grid, width: number): void {
    this.journal.record({ op: 'append', sheet: name, rows, width });
    this.inner.appendRows(name, rows, width);
  }
  insertRowsAfter(name: string, afterRow: number, count: number): void {
    this.inner.insertRowsAfter(name, afterRow, count);
  }
  createSheet(name: string): void {
    this.journal.record({ op: 'create', sheet: name });
    this.inner.createSheet(name);
  }
  applyLayout(name: string, layout: SheetLayout): void {
    this.inner.applyLayout(name, layout);
  }
  sheetId(name: string): number {
    return this.inner.sheetId(name);
  }
  rowLink(name: string, row: number): string {
    return this.inner.rowLink(name, row);
  }
  locale(): string {
    return this.inner.locale();
  }
  title(): string {
    return this.inner.title();
  }
  url(): string {
    return this.inner.url();
  }
}
