import { Workbook } from 'exceljs';
import { dayFromYmd } from '../../src/core/calendar/day';
import { dateCell, type CellValue } from '../../src/core/values/cell';

/**
 * One way for every test to describe a workbook as people keep it (mixed-language headers, user
 * columns, blank rows, text dates, amounts with currency signs, bad cells): sheet name → rows,
 * header first, with `on(y, m, d)` for a real date cell. The same description then goes into
 * the host the test drives: core grids, the fake spreadsheet, or an .xlsx file.
 */
export interface DayMark {
  readonly kamDay: readonly [number, number, number];
}
/** A `Date` is passed to the host as it is (an .xlsx cell at that UTC wall-clock time). */
export type SpecCell = string | number | boolean | null | Date | DayMark;
export type SpecRow = readonly SpecCell[];
export type WorkbookSpec = Readonly<Record<string, readonly SpecRow[]>>;

/** A date cell on a calendar day. */
export function on(y: number, m: number, d: number): DayMark {
  return { kamDay: [y, m, d] };
}

function isDay(v: SpecCell): v is DayMark {
  return typeof v === 'object' && v !== null && 'kamDay' in v;
}

function mapCells<T>(spec: WorkbookSpec, day: (y: number, m: number, d: number) => T) {
  return Object.fromEntries(
    Object.entries(spec).map(([name, rows]) => [
      name,
      rows.map((row) => row.map((v) => (isDay(v) ? day(...v.kamDay) : v))),
    ]),
  ) as Record<string, (Exclude<SpecCell, DayMark> | T)[][]>;
}

/** The grids core jobs read: dates as date cells. */
export function coreGrids(spec: WorkbookSpec): Record<string, CellValue[][]> {
  const grids = mapCells(spec, (y, m, d) => dateCell(dayFromYmd(y, m, d)));
  return Object.fromEntries(
    Object.entries(grids).map(([name, rows]) => [
      name,
      rows.map((row) =>
        row.map((v) => (v instanceof Date ? dateCell(Math.floor(v.getTime() / 86_400_000)) : v)),
      ),
    ]),
  );
}

/** Midnight of a calendar day in Asia/Shanghai (the fake spreadsheet's default zone). */
export function shanghaiMidnight(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d) - 8 * 3600_000);
}

/** Into the fake spreadsheet, one sheet at a time; dates as Sheets hands them over. */
export function seedFake(
  control: { setSheetValues(name: string, values: unknown[][]): void },
  spec: WorkbookSpec,
  day: (y: number, m: number, d: number) => Date = shanghaiMidnight,
): void {
  for (const [name, rows] of Object.entries(mapCells(spec, day)))
    control.setSheetValues(name, rows);
}

/** An .xlsx file as Excel would have it, written by ExcelJS; `merges` by sheet name. */
export async function writeXlsx(
  path: string,
  spec: WorkbookSpec,
  merges: Readonly<Record<string, string>> = {},
): Promise<void> {
  const wb = new Workbook();
  const sheets = mapCells(spec, (y, m, d) => new Date(Date.UTC(y, m - 1, d)));
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  for (const [name, range] of Object.entries(merges)) wb.getWorksheet(name)?.mergeCells(range);
  await wb.xlsx.writeFile(path);
}
