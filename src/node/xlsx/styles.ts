import type { Style, Workbook } from 'exceljs';

type CellStyle = Partial<Style>;

/**
 * One shared style object per distinct style. ExcelJS gives cells read from a file the same
 * style object per style id, so a setter such as `cell.numFmt = …` (which changes the object in
 * place) would reformat every cell that shares it: the runner therefore never mutates a style,
 * it assigns a new one. And ExcelJS's writer recognises a style it has seen by object identity
 * only; every new cell otherwise carries its own `{}` and is serialised and hashed on its own
 * (15 s of a 60 s refresh of 200k transactions). Styles are keyed by their number format and the
 * identity of their parts, which cells of one style share.
 */
export class StyleCache {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private readonly shared = new Map<string, CellStyle>();

  private id(part: object | undefined): number {
    if (!part) return 0;
    let id = this.ids.get(part);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(part, id);
    }
    return id;
  }

  canonical(style: CellStyle | undefined): CellStyle {
    const s = style ?? {};
    const key = `${s.numFmt ?? ''}\u0000${this.id(s.font)}.${this.id(s.alignment)}.${this.id(s.border)}.${this.id(s.fill)}.${this.id(s.protection)}`;
    let found = this.shared.get(key);
    if (!found) {
      found = s;
      this.shared.set(key, found);
    }
    return found;
  }

  /** The style with another number format, as a shared object; `style` is left unchanged. */
  withNumFmt(style: CellStyle | undefined, numFmt: string): CellStyle {
    return this.canonical({ ...(style ?? {}), numFmt });
  }
}

/**
 * Gives every cell of the workbook its shared style before writing. Cells read from a file
 * without a style each got a new `{}` from ExcelJS; shared, the writer looks each style up once
 * and the garbage collector has millions fewer objects to trace.
 */
export function shareStyles(wb: Workbook, styles: StyleCache): void {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cell.style = styles.canonical(cell.style);
      });
    });
  }
}
