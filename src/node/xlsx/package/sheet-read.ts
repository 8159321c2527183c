import type { CellValue, Grid } from '../../../core/values/cell';
import { columnOf, dateFromIso, dateFromSerial, rowOf } from './cells';
import { localName, ownString, parseXml, unescapeXstring } from './xml';

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
export function readSheetValues(
  xml: Buffer | (() => Iterable<Buffer>),
  part: string,
  ctx: SheetReadContext,
): SheetValues {
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
  // One string per short text: a sheet of inline strings (as kam and some exporters write
  // them) repeats account IDs, currencies and types on every row, each a new string otherwise.
  const texts = new Map<string, string>();
  const shared = (text: string): string => {
    if (text.length > 40) return ownString(text);
    const known = texts.get(text);
    if (known !== undefined) return known;
    const own = ownString(text);
    texts.set(own, own);
    return own;
  };
  // One object per date: a transactions sheet has 200,000 dates on a few hundred days.
  const dates = new Map<number, CellValue>();
  const dateOf = (serial: number): CellValue => {
    let d = dates.get(serial);
    if (d === undefined) dates.set(serial, (d = dateFromSerial(serial, ctx.date1904)));
    return d;
  };

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
        return s === '' ? null : shared(s);
      }
      case 'str':
        return v === '' ? null : shared(unescapeXstring(v));
      case 'b':
        return hasValue ? v.trim() === '1' || v.trim() === 'true' : null;
      case 'e':
        return v === '' ? null : shared(v);
      case 'd':
        return v === '' ? null : dateFromIso(v.trim());
      default: {
        if (!hasValue || v.trim() === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return null;
        return ctx.isDateStyle(style) ? dateOf(n) : n;
      }
    }
  };

  parseXml(xml, part, {
    open(tag) {
      const name = tag.name.includes(':') ? localName(tag.name) : tag.name;
      const a = tag.attributes;
      switch (name) {
        case 'row':
          rowNum = a.r !== undefined ? Number(a.r) : rowNum + 1;
          col = 0;
          break;
        case 'c':
          col = a.r !== undefined ? columnOf(a.r) : col + 1;
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
      const name = tag.name.includes(':') ? localName(tag.name) : tag.name;
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

/**
 * Sparse rows → a rectangle, trimmed to the last row and column holding a value. The rows are
 * filled in place (no second copy of a 200,000-row sheet).
 */
export function rectangle(rows: (CellValue | undefined)[][], knownWidth: number): SheetValues {
  let last = 0;
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--)
      if (row[c] !== undefined && row[c] !== null) {
        if (c + 1 > width) width = c + 1;
        last = r + 1;
        break;
      }
  }
  width = Math.max(width, Math.min(knownWidth, width));
  const grid = rows as CellValue[][];
  grid.length = last;
  for (let r = 0; r < last; r++) {
    let row = grid[r];
    if (!row) grid[r] = row = new Array<CellValue>(width).fill(null);
    else {
      if (row.length > width) row.length = width;
      for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
    }
  }
  return { grid, lastRow: last };
}

/** The value of attribute `name` in the tag `s[from, to)`, without parsing the others. */
export function attributeIn(s: string, from: number, to: number, name: string): string | undefined {
  const tag = s.slice(from, to);
  let at = tag.indexOf(` ${name}=`);
  // Also after a tab or newline, or with spaces around `=`: writers differ.
  if (at === -1) {
    const m = new RegExp(`\\s${name}\\s*=`).exec(tag);
    if (!m) return undefined;
    at = m.index;
  }
  let open = tag.indexOf('=', at) + 1;
  while (tag.charCodeAt(open) === 32) open++;
  const close = tag.indexOf(tag[open], open + 1);
  return close === -1 ? undefined : tag.slice(open + 1, close);
}

/**
 * The last row holding a value, found by scanning the part from its end, without reading its
 * cells into values: enough to know where rows are appended and which old rows to clear, at a
 * fraction of a full read. Null when rows carry no numbers (then the part must be read).
 */
export function lastValueRow(xml: Buffer, strings: () => readonly string[]): number | null {
  const s = xml.toString('latin1');
  const root = /<([\w.-]+:)?worksheet[\s>]/.exec(s);
  if (!root) return null;
  const p = root[1] ?? '';
  const bodyStart = s.indexOf(`<${p}sheetData`);
  const bodyEnd = s.lastIndexOf(`</${p}sheetData>`);
  if (bodyStart === -1 || bodyEnd === -1) return bodyStart === -1 ? null : 0;
  let end = bodyEnd;
  for (;;) {
    let rowAt = s.lastIndexOf(`<${p}row`, end - 1);
    while (rowAt > bodyStart && !/[\s>/]/.test(s[rowAt + p.length + 4]))
      rowAt = s.lastIndexOf(`<${p}row`, rowAt - 1);
    if (rowAt <= bodyStart) return 0;
    const openEnd = s.indexOf('>', rowAt);
    const r = attributeIn(s, rowAt, openEnd, 'r');
    if (r === undefined) return null;
    if (rowHasValue(s, p, openEnd, end, strings)) return Number(r);
    end = rowAt;
  }
}

function rowHasValue(
  s: string,
  p: string,
  from: number,
  to: number,
  strings: () => readonly string[],
): boolean {
  for (let at = s.indexOf(`<${p}c`, from); at !== -1 && at < to; at = s.indexOf(`<${p}c`, at + 1)) {
    const ch = s[at + p.length + 2];
    if (ch !== ' ' && ch !== '>' && ch !== '/' && ch !== '\t' && ch !== '\n' && ch !== '\r')
      continue;
    const openEnd = s.indexOf('>', at);
    if (s.charCodeAt(openEnd - 1) === 47) continue;
    const close = s.indexOf(`</${p}c>`, openEnd);
    const body = s.slice(openEnd + 1, close === -1 ? to : close);
    const type = attributeIn(s, at, openEnd, 't') ?? 'n';
    if (type === 'inlineStr') {
      if (/<(?:[\w.-]+:)?t(?:\s[^>]*)?>[^<]/.test(body)) return true;
      continue;
    }
    const v = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([^<]*)</.exec(body)?.[1];
    if (v === undefined || v.trim() === '') continue;
    if (type === 's') {
      if ((strings()[Number(v)] ?? '') !== '') return true;
      continue;
    }
    return true;
  }
  return false;
}
