import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Workbook } from 'exceljs';
import type { Locale } from '../../core/i18n/locale';
import { loadBook, saveBookAtomic } from '../xlsx/file';
import { Journal, journalPath, sha256 } from '../xlsx/journal';
import { assertNotOpenElsewhere, withWorkbookLock } from '../xlsx/lock';
import { CELL_LIMIT_MARKER } from '../xlsx/cell-limit';
import { XlsxWorkbookStore } from '../xlsx/store';
import { removeStaleTemps } from '../xlsx/temp-files';
import { bookLocale } from './context';
import { machineLocale } from './locale';
import { cliText } from './messages';
import type { Progress } from './terminal';

/** A workbook file as a command works on it. */
export interface Book {
  /** As the user typed it, for messages. */
  readonly shown: string;
  readonly path: string;
  readonly store: XlsxWorkbookStore;
  /** The file's bytes when it was read (journal and tests compare them). */
  readonly bytes: Buffer;
}

/** A workbook opened for update, with the remind journal a stopped run may have left. */
export interface BookUpdate extends Book {
  readonly journal: { readonly path: string; readonly base: string; readonly recovered: number };
}

type ProcessEntry = (...args: unknown[]) => Promise<unknown>;

/**
 * Ticks the bar once per worksheet parsed. ExcelJS has no progress events; its loader calls
 * `_processWorksheetEntry` once per sheet, so that method is wrapped when it exists (it does in
 * the pinned 4.4.0) and the bar simply jumps to the end otherwise.
 */
function withSheetTicks(workbook: Workbook, progress: Progress): void {
  const xlsx = workbook.xlsx as unknown as { _processWorksheetEntry?: ProcessEntry };
  const original = xlsx._processWorksheetEntry;
  if (typeof original !== 'function') return;
  xlsx._processWorksheetEntry = async function (this: unknown, ...args: unknown[]) {
    const r = await original.apply(this, args);
    progress.tick();
    return r;
  };
}

/** Worksheets in the zip: each entry name appears twice (local header and central directory). */
function countSheets(bytes: Buffer): number {
  let n = 0;
  for (
    let at = bytes.indexOf('xl/worksheets/sheet');
    at !== -1;
    at = bytes.indexOf('xl/worksheets/sheet', at + 1)
  )
    n++;
  return Math.max(1, Math.round(n / 2));
}

export async function openBook(file: string, locale: Locale, progress: Progress): Promise<Book> {
  const path = resolve(file);
  const { workbook, bytes } = await loadBook(path, file, locale, (wb, data) => {
    progress.start(cliText('step_read', locale), countSheets(data));
    withSheetTicks(wb, progress);
  });
  progress.stop();
  return {
    shown: file,
    path,
    bytes,
    store: new XlsxWorkbookStore(workbook, { path, fallbackLocale: machineLocale() }),
  };
}

export async function saveBook(book: Book, locale: Locale, progress: Progress): Promise<void> {
  progress.start(cliText('step_write', locale), 1);
  await saveBookAtomic(book.store.workbook, book.path, book.shown, locale, book.store.styles);
  progress.tick();
  progress.stop();
}

/**
 * Runs a command that updates a workbook: refuses when another program has it open, holds the
 * runner's lock, reads it, replays the journal of a remind run that stopped before saving (see
 * xlsx/journal.ts; every command that saves keeps those log rows), runs `job` on the in-memory
 * workbook and writes the file atomically only when `job` returns `save: true` (then the journal
 * is done with). Any exception leaves the file byte for byte as it was.
 *
 * `readOnly` (a dry run) writes nothing, so it needs neither the lock nor a writable folder: it
 * reads the file as it is on disk (a run saving meanwhile replaces it in one rename) and never
 * saves, whatever `job` returns.
 */
export async function updateBook<T>(
  file: string,
  locale: Locale,
  progress: Progress,
  job: (book: BookUpdate) => Promise<{ save: boolean; result: T }>,
  opts: { readOnly?: boolean } = {},
): Promise<T> {
  const path = resolve(file);
  const run = async (): Promise<T> => {
    if (!opts.readOnly) await removeStaleTemps(path);
    const book = await openBook(file, locale, progress);
    const jpath = journalPath(book.path);
    const base = sha256(book.bytes);
    const recovered = recoverJournal(jpath, base, book, opts.readOnly === true);
    try {
      const { save, result } = await job({ ...book, journal: { path: jpath, base, recovered } });
      if (save && !opts.readOnly) {
        await saveBook(book, locale, progress);
        rmSync(jpath, { force: true });
        reportTruncatedCells(book);
      }
      return result;
    } finally {
      progress.stop();
    }
  };
  if (opts.readOnly) return run();
  await assertNotOpenElsewhere(path, file, locale);
  return withWorkbookLock(path, file, locale, run);
}

/** A dry run shows what a stopped run's journal holds, but a stale journal it cannot remove is
 * no reason to stop it. */
function recoverJournal(path: string, base: string, book: Book, readOnly: boolean): number {
  try {
    return Journal.recover(path, base, book.store);
  } catch (e) {
    if (readOnly) return 0;
    throw e;
  }
}

/** Said once the file is saved, in the workbook's language, on stderr: the run still succeeded. */
function reportTruncatedCells(book: Book): void {
  const cut = book.store.truncatedCells;
  if (cut.length === 0) return;
  process.stderr.write(
    `kam: ${cliText('cells_truncated', bookLocale(book), {
      file: book.shown,
      count: cut.length,
      marker: CELL_LIMIT_MARKER,
      first: cut[0],
    })}\n`,
  );
}

/** `updateBook` for a dry run: the same job, read-only (no lock, nothing saved). */
export function previewBook<T>(
  file: string,
  locale: Locale,
  progress: Progress,
  job: (book: BookUpdate) => Promise<{ save: boolean; result: T }>,
): Promise<T> {
  return updateBook(file, locale, progress, job, { readOnly: true });
}
