import type { WorkbookStore } from '../../../core/ports/workbook';
import { appendRows, replaceBody } from '../body';
import type { SheetLayout } from '../../../core/setup/layout';
import type { CellValue, Grid } from '../../../core/values/cell';
import { cutToCell, fitsInCell } from '../cell-limit';
import { packPart, type PackedPart } from '../zip';
import {
  bookTitle,
  bookUrl,
  isReservedName,
  localeOf,
  xlsxSheetName,
  type XlsxBookInfo,
} from '../store';
import { columnName } from './cells';
import type { XlsxPackage } from './package';
import { savePackage, type NewSheet } from './save';
import { readSharedStrings } from './shared-strings';
import { NEW_SHEET_XML, rewriteSheet, type SheetOverlay } from './sheet-write';
import { lastValueRow, readSheetValues, rectangle, type SheetReadContext } from './sheet-read';
import { PackageStyles } from './styles';
import { REL_TYPE } from './relationships';
import { PartError } from './xml';

interface SheetState {
  readonly name: string;
  /** The worksheet part; for a sheet this run created, the part it will get. */
  readonly part: string;
  readonly sheetId: number;
  readonly created: boolean;
  readonly overlay: Map<number, (CellValue | undefined)[]>;
  lastRow: number | null;
}

/**
 * The workbook port over the .xlsx package itself: a sheet is read by streaming its part when a
 * job asks for it, writes are kept as cells over the parts, and saving rewrites only the parts
 * kam owns — the sheets it wrote to (cells it did not write copied byte for byte), the sheets it
 * created, styles it added, the workbook's sheet list — and copies every other part as it was:
 * charts, pivot tables, images, comments, tables, and whatever a later Excel adds.
 */
export class PackageWorkbookStore implements WorkbookStore {
  readonly runner = 'cli' as const;
  /** Cells whose text was cut to Excel's limit (`Sheet!A1`), for the run's message. */
  readonly truncatedCells: string[] = [];
  private readonly sheets = new Map<string, SheetState>();
  private readonly order: string[] = [];
  /** Rows written as the job's own arrays (never changed here; copied before a change). */
  private readonly borrowed = new WeakSet<object>();
  private strings: readonly string[] | null = null;
  private styleBook: PackageStyles | null = null;
  private stylesExisted = false;
  /** Called once per sheet part read (the progress bar). */
  onSheetRead: () => void = () => undefined;
  /** Turns a part kam cannot parse into the runner's message (it names the file). */
  onPartError: (e: PartError) => never = (e) => {
    throw e;
  };

  constructor(
    readonly pkg: XlsxPackage,
    readonly info: XlsxBookInfo,
  ) {
    for (const s of pkg.sheets) {
      this.sheets.set(s.name, {
        name: s.name,
        part: s.part,
        sheetId: s.sheetId,
        created: false,
        overlay: new Map(),
        lastRow: null,
      });
      this.order.push(s.name);
    }
  }

  private state(name: string): SheetState {
    const found =
      this.sheets.get(name) ??
      (isReservedName(name) ? this.sheets.get(xlsxSheetName(name)) : undefined);
    if (!found) throw new Error(`Sheet "${name}" not found`);
    return found;
  }

  private get styles(): PackageStyles {
    if (this.styleBook === null) {
      const part = this.pkg.related(REL_TYPE.styles);
      this.stylesExisted = part !== null && this.pkg.has(part);
      this.styleBook = new PackageStyles(this.stylesExisted && part ? this.pkg.text(part) : null);
    }
    return this.styleBook;
  }

  private readContext(): SheetReadContext {
    return {
      strings: () => {
        if (this.strings === null) {
          const part = this.pkg.related(REL_TYPE.sharedStrings);
          this.strings =
            part !== null && this.pkg.has(part) ? readSharedStrings(this.pkg.part(part), part) : [];
        }
        return this.strings;
      },
      isDateStyle: (s) => this.styles.isDate(s),
      date1904: this.pkg.date1904,
    };
  }

  sheetNames(): readonly string[] {
    return this.order;
  }

  readSheet(name: string): Grid {
    const st = this.state(name);
    const base = st.created ? { grid: [] as Grid, lastRow: 0 } : this.parsed(st.part);
    this.onSheetRead();
    if (st.overlay.size === 0) {
      st.lastRow = base.lastRow;
      return base.grid;
    }
    const rows: (CellValue | undefined)[][] = base.grid.map((r) => [...r]);
    for (const [row, values] of st.overlay) {
      const target = (rows[row - 1] ??= []);
      for (let c = 0; c < values.length; c++) if (values[c] !== undefined) target[c] = values[c];
    }
    const merged = rectangle(
      rows.map((r) => r ?? []),
      0,
    );
    st.lastRow = merged.lastRow;
    return merged.grid;
  }

  private parsed(part: string): { grid: Grid; lastRow: number } {
    try {
      return readSheetValues(() => this.pkg.slices(part), part, this.readContext());
    } catch (e) {
      if (e instanceof PartError) this.onPartError(e);
      throw e;
    }
  }

  /** 1-based number of the last row with a value (0 for an empty sheet). */
  lastRow(name: string): number {
    const st = this.state(name);
    if (st.lastRow === null && st.overlay.size === 0 && !st.created)
      st.lastRow = this.scannedLastRow(st.part);
    if (st.lastRow === null) this.readSheet(name);
    return st.lastRow ?? 0;
  }

  /** A sheet only written to (summary, history, logs) is scanned for its end, not read. */
  private scannedLastRow(part: string): number | null {
    try {
      return lastValueRow(this.pkg.part(part), this.readContext().strings);
    } catch (e) {
      if (e instanceof PartError) this.onPartError(e);
      throw e;
    }
  }

  writeRange(name: string, row: number, col: number, values: Grid): void {
    if (values.length === 0 || values[0].length === 0) return;
    const st = this.state(name);
    const last = this.lastRow(name);
    let written = 0;
    for (let r = 0; r < values.length; r++) {
      const src = values[r];
      let target = st.overlay.get(row + r);
      // A whole row from column A is kept as the job's own array, not copied (the summary,
      // history and monthly rows of a 50k-account refresh are millions of cells); it is copied
      // only if a later write changes it.
      if (!target && col === 1 && borrowable(src)) {
        st.overlay.set(row + r, src as CellValue[]);
        this.borrowed.add(src);
        if (src.some((v) => v !== null && v !== '')) written = row + r;
        continue;
      }
      if (!target) st.overlay.set(row + r, (target = []));
      else if (this.borrowed.has(target)) st.overlay.set(row + r, (target = target.slice()));
      let any = false;
      for (let c = 0; c < src.length; c++) {
        let v = src[c] ?? null;
        if (typeof v === 'string' && !fitsInCell(v)) {
          v = cutToCell(v);
          this.truncatedCells.push(`${st.name}!${columnName(col + c)}${row + r}`);
        }
        target[col - 1 + c] = v;
        if (v !== null && v !== '') any = true;
      }
      if (any) written = row + r;
    }
    if (written >= last) st.lastRow = written;
    // Blanks written over the last row may move the end up: find it again when next needed.
    else if (row <= last && last <= row + values.length - 1) st.lastRow = null;
  }

  replaceBody(name: string, rows: Grid, width: number, header?: readonly CellValue[]): void {
    replaceBody(this, name, rows, width, header);
  }

  appendRows(name: string, rows: Grid, _width: number): void {
    appendRows(this, name, rows);
  }

  /** Only `kam init` inserts rows or lays sheets out, and it works on the ExcelJS store. */
  insertRowsAfter(name: string): void {
    throw new Error(`Inserting rows into "${name}" is done by kam init, not by this command`);
  }

  applyLayout(name: string, _layout: SheetLayout): void {
    throw new Error(`Laying out "${name}" is done by kam init, not by this command`);
  }

  createSheet(name: string): void {
    const sheetName = xlsxSheetName(name);
    if (this.sheets.has(sheetName)) throw new Error(`Sheet "${sheetName}" exists`);
    const taken = new Set([...this.sheets.values()].map((s) => s.part));
    const maxId = Math.max(0, ...[...this.sheets.values()].map((s) => s.sheetId));
    this.sheets.set(sheetName, {
      name: sheetName,
      part: this.pkg.freeSheetPart(taken),
      sheetId: maxId + 1,
      created: true,
      overlay: new Map(),
      lastRow: 0,
    });
    this.order.push(sheetName);
  }

  sheetId(name: string): number {
    return this.state(name).sheetId;
  }

  rowLink(name: string, row: number): string {
    return `${this.url()}#${encodeURIComponent(`'${name}'!A${row}`)}`;
  }

  locale(): string {
    return localeOf(this.pkg.language(), this.sheetNames(), this.info.fallbackLocale);
  }

  title(): string {
    return bookTitle(this.info.path);
  }

  url(): string {
    return bookUrl(this.info.path);
  }

  /** Whether any cell was written or any sheet created (nothing to save otherwise). */
  get changed(): boolean {
    for (const st of this.sheets.values()) if (st.created || st.overlay.size > 0) return true;
    return false;
  }

  /** The new package: only the parts kam owns are rewritten. The store's last use. */
  serialize(): Buffer {
    try {
      return this.build();
    } catch (e) {
      if (e instanceof PartError) this.onPartError(e);
      throw e;
    }
  }

  private build(): Buffer {
    const parts = new Map<string, PackedPart>();
    const newSheets: NewSheet[] = [];
    let dropCalcChain = false;
    const ctx = { styles: this.styles, date1904: this.pkg.date1904 };
    for (const st of this.sheets.values()) {
      if (!st.created && st.overlay.size === 0) continue;
      const source = st.created ? NEW_SHEET_XML : this.pkg.part(st.part);
      const out = rewriteSheet(source, st.part, st.overlay as SheetOverlay, ctx);
      if (out.removedFormula) dropCalcChain = true;
      // Deflated at once, so only one sheet's uncompressed XML is alive at a time; the cells
      // written are let go too (saving is the store's last use).
      const packed = packPart(out.bytes);
      st.overlay.clear();
      if (st.created) newSheets.push({ name: st.name, part: st.part, bytes: packed });
      else parts.set(st.part, packed);
    }
    const styles = this.styles.changed
      ? { xml: this.styles.serialize(), created: !this.stylesExisted }
      : null;
    return savePackage(this.pkg, { parts, newSheets, styles, dropCalcChain });
  }
}

/** A row that can be kept as it is: every cell given, and no text over Excel's cell limit. */
function borrowable(row: readonly CellValue[]): boolean {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === undefined || (typeof v === 'string' && !fitsInCell(v))) return false;
  }
  return true;
}
