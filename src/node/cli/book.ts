import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Workbook } from 'exceljs';
import type { Locale } from '../../core/i18n/locale';
import { workbookLocale } from '../../core/i18n/workbook-locale';
import {
  assertWritable,
  loadBook,
  loadPackage,
  partProblem,
  saveBookAtomic,
  writeBookAtomic,
} from '../xlsx/file';
import { PackageWorkbookStore } from '../xlsx/package/store';
import { Journal, journalPath, sha256 } from '../xlsx/journal';
import { assertNotOpenElsewhere, withWorkbookLock } from '../xlsx/lock';
import { CELL_LIMIT_MARKER } from '../xlsx/cell-limit';
import { XlsxWorkbookStore } from '../xlsx/store';
import { removeStaleTemps } from '../xlsx/temp-files';
import { bookLocale } from './context';
import { machineLocale } from './locale';
import { readDirectory } from '../xlsx/zip';
import { CliError, cliText } from './messages';
import type { Progress } from './terminal';

/**
 * How a command holds a workbook: as its package (check, refresh, remind, report, map: sheets
 * streamed when read, only kam's parts rewritten), or as an ExcelJS model (kam init, which lays
 * sheets out: validations, formats, protections, inserted rows).
 */
export type BookStore = PackageWorkbookStore | XlsxWorkbookStore;

/** A workbook file as a command works on it. */
export interface Book<S extends BookStore = BookStore> {
  /** As the user typed it, for messages. */
  readonly shown: string;
  readonly path: string;
  readonly store: S;
  /** The file's bytes when it was read (journal and tests compare them). */
  readonly bytes: Buffer;
}

/** A workbook opened for update, with the remind journal a stopped run may have left. */
export interface BookUpdate<S extends BookStore = PackageWorkbookStore> extends Book<S> {
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

/** Opens a workbook as its package; sheets are read (and ticked on the bar) as jobs ask. */
export async function openBook(
  file: string,
  locale: Locale,
  progress: Progress,
): Promise<Book<PackageWorkbookStore>> {
  const path = resolve(file);
  progress.start(cliText('step_read', locale), 1);
  const { pkg, bytes } = await loadPackage(path, file, locale);
  progress.tick();
  progress.stop();
  const store = new PackageWorkbookStore(pkg, { path, fallbackLocale: machineLocale() });
  store.onPartError = (e) => {
    throw partProblem(e, file, bookLocaleSafe(store, locale));
  };
  return { shown: file, path, bytes, store };
}

/** The workbook's language when it can be told without reading a broken part. */
function bookLocaleSafe(store: PackageWorkbookStore, fallback: Locale): Locale {
  try {
    return store.locale().trim() === ''
      ? fallback
      : workbookLocale({ spreadsheetLocale: store.locale() });
  } catch {
    return fallback;
  }
}

/**
 * Parts ExcelJS does not model and so would leave out of the file it writes (or fail on): a
 * workbook holding one is never given to it.
 */
const EXCELJS_DROPS =
  /^xl\/(charts|chartsheets|pivotTables|pivotCache|slicers|slicerCaches|timelines|timelineCaches|externalLinks|activeX|ctrlProps|embeddings)\/|^xl\/vbaProject\.bin$/i;

function partExcelJsDrops(bytes: Buffer): string | null {
  return readDirectory(bytes).find((e) => EXCELJS_DROPS.test(e.name))?.name ?? null;
}

/** Opens a workbook as an ExcelJS model (kam init). */
export async function openExcelBook(
  file: string,
  locale: Locale,
  progress: Progress,
): Promise<Book<XlsxWorkbookStore>> {
  const path = resolve(file);
  const { workbook, bytes } = await loadBook(path, file, locale, (wb, data) => {
    const lost = partExcelJsDrops(data);
    if (lost !== null) throw new CliError(cliText('init_would_drop', locale, { file, part: lost }));
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
  const store = book.store;
  if (store instanceof PackageWorkbookStore)
    await writeBookAtomic(store.serialize(), book.path, book.shown, locale);
  else await saveBookAtomic(store.workbook, book.path, book.shown, locale, store.styles);
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
export function updateBook<T>(
  file: string,
  locale: Locale,
  progress: Progress,
  job: (book: BookUpdate) => Promise<{ save: boolean; result: T }>,
  opts: { readOnly?: boolean } = {},
): Promise<T> {
  return updateWith(openBook, file, locale, progress, job, opts);
}

/** `updateBook` on the ExcelJS model (kam init). */
export function updateExcelBook<T>(
  file: string,
  locale: Locale,
  progress: Progress,
  job: (book: BookUpdate<XlsxWorkbookStore>) => Promise<{ save: boolean; result: T }>,
): Promise<T> {
  return updateWith(openExcelBook, file, locale, progress, job, {});
}

async function updateWith<S extends BookStore, T>(
  open: (file: string, locale: Locale, progress: Progress) => Promise<Book<S>>,
  file: string,
  locale: Locale,
  progress: Progress,
  job: (book: BookUpdate<S>) => Promise<{ save: boolean; result: T }>,
  opts: { readOnly?: boolean },
): Promise<T> {
  const path = resolve(file);
  if (!opts.readOnly) await assertWritable(path, file, locale);
  const run = async (): Promise<T> => {
    if (!opts.readOnly) await removeStaleTemps(path);
    const book = await open(file, locale, progress);
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
