import type { CellValue, Grid } from '../../../core/values/cell';
import { columnOf, dateFromIso, dateFromSerial, rowOf } from './cells';
import { localName, parseXml, unescapeXstring } from './xml';

export interface SheetReadContext {
  readonly strings: () => readonly string[];
  readonly isDateStyle: (s: number) => boolean;
  readonly date1904: boolean;
}

export interface SheetValues {
  /** A rectangle like Sheets' data range: header row first, blanks null. */
  readonly grid: Grid;
  /** 1-based last row holding a value (0 for an empty sheet). */
  readonly lastRow: number;
}

/**
 * The values of one worksheet part, streamed: formulas count by their cached result, rich text
 * by its text, errors as `#N/A`, dates by their cell style, and only the top-left cell of a
 * merged range holds a value, as Sheets' `getValues` returns them.
 */
export function readSheetValues(xml: Buffer, part: string, ctx: SheetReadContext): SheetValues {
  const rows: CellValue[][] = [];
  let width = 0;
  let rowNum = 0;
  let col = 0;
  let type = 'n';
  let style = 0;
  let text: string[] | null = null;
  let inline: string[] | null = null;
  let inValue = false;
  let inInlineText = false;
  let phonetic = 0;
  let hasValue = false;
  const merges: string[] = [];

  const put = (value: CellValue): void => {
    if (value === null || rowNum < 1 || col < 1) return;
    (rows[rowNum - 1] ??= [])[col - 1] = value;
    if (col > width) width = col;
  };

  const valueOf = (): CellValue => {
    const v = text === null ? '' : text.join('');
    switch (type) {
      case 's': {
        if (!hasValue) return null;
        const s = ctx.strings()[Number(v)];
        return s === undefined || s === '' ? null : s;
      }
      case 'inlineStr': {
        const s = inline === null ? (hasValue ? v : '') : unescapeXstring(inline.join(''));
        return s === '' ? null : s;
      }
      case 'str':
        return v === '' ? null : unescapeXstring(v);
      case 'b':
        return hasValue ? v.trim() === '1' || v.trim() === 'true' : null;
      case 'e':
        return v === '' ? null : v;
      case 'd':
        return v === '' ? null : dateFromIso(v.trim());
      default: {
        if (!hasValue || v.trim() === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return null;
        return ctx.isDateStyle(style) ? dateFromSerial(n, ctx.date1904) : n;
      }
    }
  };

  parseXml(xml, part, {
    open(tag) {
      const name = localName(tag.name);
      const a = tag.attributes;
      switch (name) {
        case 'row':
          rowNum = a.r !== undefined ? Number(a.r) : rowNum + 1;
          col = 0;
          break;
        case 'c':
          col = a.r !== undefined ? columnOf(a.r) : col + 1;
          if (a.r !== undefined) {
            const r = rowOf(a.r);
            if (r > 0) rowNum = r;
          }
          type = a.t ?? 'n';
          style = a.s !== undefined ? Number(a.s) : 0;
          text = null;
          inline = null;
          hasValue = false;
          if (tag.isSelfClosing) put(null);
          break;
        case 'v':
          inValue = !tag.isSelfClosing;
          hasValue = true;
          text = [];
          break;
        case 'is':
          inline = [];
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          inInlineText = inline !== null && phonetic === 0 && !tag.isSelfClosing;
          break;
        case 'mergeCell':
          if (a.ref) merges.push(a.ref);
          break;
      }
    },
    close(tag) {
      const name = localName(tag.name);
      if (name === 'v') inValue = false;
      else if (name === 't') inInlineText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') put(valueOf());
    },
    text(t) {
      if (inValue) text?.push(t);
      else if (inInlineText) inline?.push(t);
    },
  });

  // Cells under a merge other than its top-left one read as blank, whatever the file holds.
  for (const ref of merges) {
    const [from, to = from] = ref.split(':');
    const r1 = rowOf(from);
    const c1 = columnOf(from);
    const r2 = rowOf(to);
    const c2 = columnOf(to);
    for (let r = r1; r <= r2; r++) {
      const row = rows[r - 1];
      if (!row) continue;
      for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) delete row[c - 1];
    }
  }
  return rectangle(rows, width);
}

/** Sparse rows → a rectangle, trimmed to the last row and column holding a value. */
export function rectangle(rows: (CellValue | undefined)[][], knownWidth: number): SheetValues {
  let last = 0;
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let any = false;
    for (let c = row.length - 1; c >= 0; c--)
      if (row[c] !== undefined && row[c] !== null) {
        any = true;
        if (c + 1 > width) width = c + 1;
        break;
      }
    if (any) last = r + 1;
  }
  width = Math.min(width, Math.max(width, knownWidth));
  const grid: Grid = new Array(last);
  for (let r = 0; r < last; r++) {
    const src = rows[r];
    const row: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = src?.[c] ?? null;
    grid[r] = row;
  }
  return { grid, lastRow: last };
}
