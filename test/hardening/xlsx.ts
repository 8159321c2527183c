/**
 * The `kam` side of the hardening suite: writes a generated workbook to a real .xlsx file with
 * ExcelJS (as a person's Excel file would hold it), runs the built CLI on it, and reads back
 * what is in the file afterwards.
 *
 * The CLI runs in this process: `main()` of out/node/kam.cjs, the very bundle bin/kam.js runs
 * (the bundle's own directory holds the mail worker it starts), with its output captured. That
 * saves a Node start-up per command, which is most of a small run; test/node spawns bin/kam.js
 * itself.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook, type CellValue } from 'exceljs';
import { plain } from './checks';
import type { GeneratedWorkbook } from './generate';
import { ensureBuilt, ROOT } from '../node/helpers';

type KamMain = (argv: readonly string[]) => Promise<number>;

let kamMain: KamMain | null = null;

function loadKam(): KamMain {
  if (kamMain === null) {
    ensureBuilt();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CLI bundle is CommonJS
    kamMain = (require(join(ROOT, 'out', 'node', 'kam.cjs')) as { main: KamMain }).main;
  }
  return kamMain;
}

export interface KamResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `kam …args` in this process; stdout and stderr are captured, not printed. */
export async function kam(...args: string[]): Promise<KamResult> {
  const main = loadKam();
  const out: string[] = [];
  const err: string[] = [];
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'kam', ...args]);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
}

/**
 * The generated workbook as an .xlsx file: sheets in their order, a `Date` as the date cell it
 * stands for (ExcelJS writes its UTC wall time, see generate.ts), null as no cell at all. The
 * spreadsheet locale goes where `kam` reads it (the workbook's language property).
 */
export async function writeXlsx(wb: GeneratedWorkbook, path: string): Promise<void> {
  const book = new Workbook();
  (book as { language?: string }).language = wb.locale;
  for (const sheet of wb.sheets) {
    const ws = book.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
}

export interface XlsxSheet {
  /** Values as compared (`plain`: a Date as `Date(ms)`), '' for an empty cell. */
  readonly values: unknown[][];
  /** Number formats of the cells that hold something ('' elsewhere). */
  readonly formats: string[][];
  /** `R1C1: formula` of every formula cell. */
  readonly formulas: string[];
}

function valueOf(v: CellValue): { value: unknown; formula: string | null } {
  if (v === null || v === undefined) return { value: '', formula: null };
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v || 'sharedFormula' in v)
      return { value: '', formula: String((v as { formula?: string }).formula ?? 'shared') };
    if ('richText' in v) return { value: v.richText.map((t) => t.text).join(''), formula: null };
    return { value: JSON.stringify(v), formula: null };
  }
  return { value: plain(v), formula: null };
}

/** Every sheet of an .xlsx file as it reads back. */
export async function readXlsx(path: string): Promise<Map<string, XlsxSheet>> {
  const book = new Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const sheets = new Map<string, XlsxSheet>();
  for (const ws of book.worksheets) {
    const values: unknown[][] = [];
    const formats: string[][] = [];
    const formulas: string[] = [];
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const line: unknown[] = Array.from({ length: width }, () => '');
      const fmt: string[] = Array.from({ length: width }, () => '');
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const { value, formula } = valueOf(cell.value);
        if (formula !== null) formulas.push(`R${r}C${c}: ${formula}`);
        line[c - 1] = value;
        fmt[c - 1] = value === '' ? '' : (cell.numFmt ?? '');
      });
      values[r - 1] = line;
      formats[r - 1] = fmt;
    });
    for (let r = 0; r < values.length; r++) {
      values[r] ??= Array.from({ length: width }, () => '');
      formats[r] ??= Array.from({ length: width }, () => '');
    }
    sheets.set(ws.name, { values, formats, formulas });
  }
  return sheets;
}

/** The first of `names` the file has, or null. */
export function sheetOf(
  book: ReadonlyMap<string, XlsxSheet>,
  names: readonly string[],
): XlsxSheet | null {
  for (const n of names) {
    const s = book.get(n);
    if (s) return s;
  }
  return null;
}

/** The .eml files in an outbox folder (none when it does not exist). */
export function outboxFiles(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
}
