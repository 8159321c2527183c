import { isDateCell, type CellValue } from '../../../core/values/cell';
import { DATE_FORMAT, DATETIME_FORMAT } from '../values';
import { columnName, columnOf, rowOf, serialOf } from './cells';
import type { PackageStyles } from './styles';
import { attributeIn } from './sheet-read';
import { attributesOf, escapeXml, PartError } from './xml';

/** Cells written to one sheet: row number → values by column (index col − 1; undefined: kept). */
export type SheetOverlay = ReadonlyMap<number, readonly (CellValue | undefined)[]>;

export interface SheetWriteContext {
  readonly styles: PackageStyles;
  readonly date1904: boolean;
}

export interface RewrittenSheet {
  readonly bytes: Buffer;
  /** A cell that held a formula was overwritten (the calculation chain must be dropped). */
  readonly removedFormula: boolean;
}

/** Collects the new part: raw slices of the old one, and new text, without copying twice. */
class PartWriter {
  readonly chunks: Buffer[] = [];
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly source: Buffer) {}

  raw(from: number, to: number): void {
    if (to <= from) return;
    this.flush();
    this.chunks.push(this.source.subarray(from, to));
  }

  /** Text taken from the latin1 view of the source: its bytes as they were. */
  sourceText(text: string): void {
    this.flush();
    this.chunks.push(Buffer.from(text, 'latin1'));
  }

  text(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 1 << 16) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.pendingLength = 0;
  }

  done(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }
}

/** Index of the next `<prefix+name` start tag at or after `from` (not `<rowBreaks` for `row`). */
function findTag(s: string, tag: string, from: number, to: number): number {
  for (let at = s.indexOf(tag, from); at !== -1 && at < to; at = s.indexOf(tag, at + 1)) {
    const next = s.charCodeAt(at + tag.length);
    // space, tab, CR, LF, '>' or '/'
    if (next === 32 || next === 9 || next === 10 || next === 13 || next === 62 || next === 47)
      return at;
  }
  return -1;
}

/** The end (exclusive) of the element starting at `at`, whose open tag ends at `openEnd`. */
function elementEnd(s: string, name: string, openEnd: number, part: string): number {
  if (s.charCodeAt(openEnd - 1) === 47) return openEnd + 1;
  const close = s.indexOf(`</${name}>`, openEnd);
  if (close === -1) throw new PartError(part, `<${name}> is not closed`);
  return close + name.length + 3;
}

/**
 * The worksheet part with `overlay` written into its cells. Rows and cells kam does not write
 * are copied byte for byte, and so is everything outside `<sheetData>` except the dimension
 * (its extent grows with the cells written). Rows and cells are kept in ascending order, as
 * Excel requires; a written row loses only its optional `spans` hint.
 */
export function rewriteSheet(
  source: Buffer,
  part: string,
  overlay: SheetOverlay,
  ctx: SheetWriteContext,
): RewrittenSheet {
  const s = source.toString('latin1');
  const root = /<([\w.-]+:)?worksheet[\s>]/.exec(s);
  if (!root) throw new PartError(part, 'no <worksheet> element');
  const p = root[1] ?? '';
  const dataAt = findTag(s, `<${p}sheetData`, root.index, s.length);
  if (dataAt === -1) throw new PartError(part, 'no <sheetData> element');
  const dataOpenEnd = s.indexOf('>', dataAt);
  const dataSelfClosing = s.charCodeAt(dataOpenEnd - 1) === 47;
  const bodyStart = dataOpenEnd + 1;
  const bodyEnd = dataSelfClosing ? bodyStart : s.indexOf(`</${p}sheetData>`, bodyStart);
  if (bodyEnd === -1) throw new PartError(part, '<sheetData> is not closed');

  // A new cell takes the style its row or column gives (as when a person types into it): a
  // formatted column of History keeps showing `#,##0.00` on the rows kam adds.
  const columnStyles: { min: number; max: number; style: number }[] = [];
  for (const m of s.slice(root.index, dataAt).matchAll(/<(?:[\w.-]+:)?col\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    const style = Number(a.get('style') ?? 0);
    if (style > 0)
      columnStyles.push({ min: Number(a.get('min') ?? 0), max: Number(a.get('max') ?? 0), style });
  }
  const styleOfColumn = (col: number): number => {
    for (const c of columnStyles) if (col >= c.min && col <= c.max) return c.style;
    return 0;
  };

  const out = new PartWriter(source);
  let removedFormula = false;
  let maxRow = 0;
  let maxCol = 0;
  const pending = [...overlay.keys()].sort((a, b) => a - b);
  let next = 0;

  const cellXml = (ref: string, value: CellValue, baseStyle: number): string => {
    const st = (n: number): string => (n > 0 ? ` s="${n}"` : '');
    if (value === null || value === undefined)
      return baseStyle > 0 ? `<${p}c r="${ref}"${st(baseStyle)}/>` : '';
    if (typeof value === 'string')
      return value === ''
        ? baseStyle > 0
          ? `<${p}c r="${ref}"${st(baseStyle)}/>`
          : ''
        : `<${p}c r="${ref}"${st(baseStyle)} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(value)}</${p}t></${p}is></${p}c>`;
    if (typeof value === 'number')
      return Number.isFinite(value)
        ? `<${p}c r="${ref}"${st(baseStyle)}><${p}v>${String(value)}</${p}v></${p}c>`
        : cellXml(ref, null, baseStyle);
    if (typeof value === 'boolean')
      return `<${p}c r="${ref}"${st(baseStyle)} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
    const serial = serialOf(value, ctx.date1904);
    if (serial === null) return cellXml(ref, null, baseStyle);
    const format = isDateCell(value) && value.seconds === 0 ? DATE_FORMAT : DATETIME_FORMAT;
    const style = ctx.styles.isDate(baseStyle)
      ? baseStyle
      : ctx.styles.withFormat(baseStyle, format);
    return `<${p}c r="${ref}"${st(style)}><${p}v>${String(serial)}</${p}v></${p}c>`;
  };

  // The dimension covers the old one and every cell kam writes a value into; it is known before
  // the rows are written, so the part is written once, front to back.
  for (const [row, values] of overlay)
    for (let c = values.length - 1; c >= 0; c--)
      if (values[c] !== undefined && values[c] !== null && values[c] !== '') {
        if (row > maxRow) maxRow = row;
        if (c + 1 > maxCol) maxCol = c + 1;
        break;
      }

  /** A row only kam writes: its cells, or nothing when they are all blank. */
  const newRow = (row: number): void => {
    const values = overlay.get(row) ?? [];
    let cells = '';
    for (let c = 0; c < values.length; c++)
      if (values[c] !== undefined)
        cells += cellXml(`${columnName(c + 1)}${row}`, values[c] ?? null, styleOfColumn(c + 1));
    if (cells !== '') out.text(`<${p}row r="${row}">${cells}</${p}row>`);
  };

  /** A row in both: the old cells kam does not write as they were, written ones in their place. */
  const mergeRow = (row: number, rowAt: number, openEnd: number, end: number): void => {
    const values = overlay.get(row) ?? [];
    const selfClosing = s.charCodeAt(openEnd - 1) === 47;
    const rowStyle =
      attributeIn(s, rowAt, openEnd, 'customFormat') === '1'
        ? Number(attributeIn(s, rowAt, openEnd, 's') ?? 0) || 0
        : 0;
    const styleOf = (col: number): number => rowStyle || styleOfColumn(col);
    const open = s
      .slice(rowAt, selfClosing ? openEnd - 1 : openEnd)
      .replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, '');
    out.sourceText(`${open}>`);
    const contentEnd = selfClosing ? openEnd + 1 : end - `</${p}row>`.length;
    let at = selfClosing ? contentEnd : openEnd + 1;
    let col = 0;
    let c = 0; // next overlay column index to consider
    const emitUpTo = (limit: number): void => {
      for (; c < values.length && c + 1 < limit; c++)
        if (values[c] !== undefined)
          out.text(cellXml(`${columnName(c + 1)}${row}`, values[c] ?? null, styleOf(c + 1)));
    };
    for (;;) {
      const cellAt = findTag(s, `<${p}c`, at, contentEnd);
      if (cellAt === -1) break;
      const cellOpenEnd = s.indexOf('>', cellAt);
      const cellEnd = elementEnd(s, `${p}c`, cellOpenEnd, part);
      const ref = attributeIn(s, cellAt, cellOpenEnd, 'r');
      col = ref !== undefined ? columnOf(ref) : col + 1;
      out.raw(at, cellAt);
      emitUpTo(col);
      const written = values[col - 1];
      if (written !== undefined) {
        if (s.slice(cellOpenEnd, cellEnd).includes(`<${p}f`)) removedFormula = true;
        const style = Number(attributeIn(s, cellAt, cellOpenEnd, 's') ?? 0) || 0;
        out.text(cellXml(`${columnName(col)}${row}`, written, style));
        c = Math.max(c, col);
      } else {
        out.raw(cellAt, cellEnd);
      }
      at = cellEnd;
    }
    emitUpTo(Number.MAX_SAFE_INTEGER);
    out.raw(at, contentEnd);
    out.text(`</${p}row>`);
  };

  // Everything before the rows, with the dimension grown to the cells written.
  const dimAt = findTag(s, `<${p}dimension`, root.index, dataAt);
  const headEnd = dataSelfClosing ? dataAt : bodyStart;
  if (dimAt !== -1) {
    const dimEnd = s.indexOf('>', dimAt) + 1;
    const tag = s.slice(dimAt, dimEnd);
    const ref = extent(attributesOf(tag).get('ref') ?? null, maxRow, maxCol);
    out.raw(0, dimAt);
    out.sourceText(tag.replace(/\sref\s*=\s*("[^"]*"|'[^']*')/, ` ref="${ref}"`));
    out.raw(dimEnd, headEnd);
  } else out.raw(0, headEnd);
  if (dataSelfClosing) out.text(`<${p}sheetData>`);

  let pos = bodyStart;
  let lastRow = 0;
  for (;;) {
    const rowAt = findTag(s, `<${p}row`, pos, bodyEnd);
    if (rowAt === -1) break;
    const openEnd = s.indexOf('>', rowAt);
    const end = elementEnd(s, `${p}row`, openEnd, part);
    const r = attributeIn(s, rowAt, openEnd, 'r');
    const row = r !== undefined ? Number(r) : lastRow + 1;
    out.raw(pos, rowAt);
    while (next < pending.length && pending[next] < row) newRow(pending[next++]);
    if (next < pending.length && pending[next] === row) {
      next++;
      mergeRow(row, rowAt, openEnd, end);
    } else {
      out.raw(rowAt, end);
    }
    lastRow = row;
    pos = end;
  }
  out.raw(pos, bodyEnd);
  while (next < pending.length) newRow(pending[next++]);
  if (dataSelfClosing) {
    out.text(`</${p}sheetData>`);
    out.raw(dataOpenEnd + 1, s.length);
  } else out.raw(bodyEnd, s.length);

  return { bytes: out.done(), removedFormula };
}

/** The dimension covering the old one and every cell now holding something. */
function extent(old: string | null, maxRow: number, maxCol: number): string {
  const [from, to = from] = (old ?? 'A1').split(':');
  const r2 = Math.max(rowOf(to) || 1, maxRow);
  const c2 = Math.max(columnOf(to) || 1, maxCol);
  const r1 = Math.min(rowOf(from) || 1, r2);
  const c1 = Math.min(columnOf(from) || 1, c2);
  const start = `${columnName(c1)}${r1}`;
  const end = `${columnName(c2)}${r2}`;
  return start === end ? start : `${start}:${end}`;
}

/** The part of a sheet the runner creates (its cells are then written like any other's). */
export const NEW_SHEET_XML = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/><sheetData/>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>',
  'utf8',
);
