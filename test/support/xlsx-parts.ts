/**
 * Reading an .xlsx package part by part, for the fixture gallery (xlsx-gallery.ts) and its test.
 * Deliberately independent of src/node/xlsx: the code under test must not also be the judge of
 * what it wrote. jszip unpacks; the XML is scanned as text, because the checks compare bytes and
 * a parser would normalise exactly the differences they are looking for.
 */
import JSZip from 'jszip';

/** Part name (no leading slash) → its bytes, in the order of the zip directory. */
export type Parts = Map<string, Buffer>;

export async function unzipParts(bytes: Buffer): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const file of Object.values(zip.files))
    if (!file.dir) parts.set(file.name, await file.async('nodebuffer'));
  return parts;
}

/** A fixed time for every entry, so a fixture built twice from the same base is the same file. */
const ENTRY_DATE = new Date(Date.UTC(2025, 0, 1));

export async function zipParts(parts: Parts): Promise<Buffer> {
  const zip = new JSZip();
  // Excel and LibreOffice write [Content_Types].xml first; some readers sniff for it there.
  const names = [...parts.keys()].sort(
    (a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'),
  );
  for (const name of names) zip.file(name, parts.get(name) as Buffer, { date: ENTRY_DATE });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (k in named) return named[k];
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : Number(k.slice(1)));
  });
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An attribute of one start tag, decoded; `name` may carry a prefix (`r:id`). */
export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2]) : null;
}

export function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

export interface XmlElement {
  /** Local name (prefix removed). */
  readonly name: string;
  /** The start tag, e.g. `<c r="A1" t="s">`. */
  readonly open: string;
  /** The whole element, byte for byte as it stands in its part. */
  readonly xml: string;
}

// Tags, with quoted attribute values that may hold `>`; comments, PIs and CDATA are skipped.
const SKIPPED = String.raw`<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>`;
const TAG = String.raw`<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>`;
const TOKEN = new RegExp(`${SKIPPED}|${TAG}`, 'g');

/** The outermost element of `xml` (a whole part or one element cut from it). */
export function rootElement(xml: string): XmlElement {
  const [el] = elementsAtDepth(xml, 0);
  if (!el) throw new Error('no XML element');
  return el;
}

/** The child elements of the outermost element of `xml`, in document order. */
export function children(xml: string): XmlElement[] {
  return elementsAtDepth(xml, 1);
}

function elementsAtDepth(xml: string, depth: number): XmlElement[] {
  const found: XmlElement[] = [];
  let level = 0;
  let start = -1;
  let open = '';
  let name = '';
  for (const m of xml.matchAll(TOKEN)) {
    if (m[2] === undefined) continue;
    const at = m.index ?? 0;
    if (m[1] === '/') {
      level--;
      if (level === depth && start >= 0) {
        found.push({ name, open, xml: xml.slice(start, at + m[0].length) });
        start = -1;
      }
    } else if (m[4] === '/') {
      if (level === depth) found.push({ name: localName(m[2]), open: m[0], xml: m[0] });
    } else {
      if (level === depth) {
        start = at;
        open = m[0];
        name = localName(m[2]);
      }
      level++;
    }
  }
  return found;
}

/** The first child named `name` (local name), or null. */
export function child(xml: string, name: string): XmlElement | null {
  return children(xml).find((c) => c.name === name) ?? null;
}

/** Text content of an element: character data with the tags removed, decoded. */
export function textOf(xml: string): string {
  return decodeXml(xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1').replace(/<[^>]*>/g, ''));
}

export function text(parts: Parts, name: string): string {
  const data = parts.get(name);
  if (!data) throw new Error(`no part ${name}`);
  return data.toString('utf8');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The part it points at (internal relationships only). */
  readonly part: string | null;
}

/** The relationships of `source` (`''` for the package's own `_rels/.rels`). */
export function relationships(parts: Parts, source: string): Relationship[] {
  const relsName = source === '' ? '_rels/.rels' : relsPartOf(source);
  const data = parts.get(relsName);
  if (!data) return [];
  const rels: Relationship[] = [];
  for (const m of data.toString('utf8').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const external = attr(m[0], 'TargetMode') === 'External';
    const target = attr(m[0], 'Target') ?? '';
    rels.push({
      id: attr(m[0], 'Id') ?? '',
      type: attr(m[0], 'Type') ?? '',
      target,
      external,
      part: external ? null : resolveTarget(source, target),
    });
  }
  return rels;
}

export const WORKBOOK = 'xl/workbook.xml';

export interface SheetEntry {
  readonly name: string;
  readonly part: string;
  readonly state: string;
  readonly sheetId: string;
}

/** The sheets in workbook order, each with the worksheet part it names through the rels. */
export function sheetEntries(parts: Parts): SheetEntry[] {
  const rels = new Map(relationships(parts, WORKBOOK).map((r) => [r.id, r.part]));
  const sheets = child(text(parts, WORKBOOK), 'sheets');
  return children(sheets?.xml ?? '').map((s) => ({
    name: attr(s.open, 'name') ?? '',
    part: rels.get(attr(s.open, 'r:id') ?? '') ?? '',
    state: attr(s.open, 'state') ?? 'visible',
    sheetId: attr(s.open, 'sheetId') ?? '',
  }));
}

export function sheetPart(parts: Parts, name: string): string {
  const entry = sheetEntries(parts).find((s) => s.name === name);
  if (!entry) throw new Error(`no sheet ${name}`);
  return entry.part;
}

/** The shared-string part the workbook names, if any. */
export function sharedStringsPart(parts: Parts): string | null {
  const rel = relationships(parts, WORKBOOK).find((r) => r.type.endsWith('/sharedStrings'));
  return rel?.part && parts.has(rel.part) ? rel.part : null;
}

/** Each shared string's text (rich-text runs joined, phonetic runs left out). */
export function sharedStrings(parts: Parts): string[] {
  const part = sharedStringsPart(parts);
  if (!part) return [];
  return children(text(parts, part))
    .filter((si) => si.name === 'si')
    .map((si) => stringItemText(si.xml));
}

/** Text of a `<si>` or `<is>`: its `<t>`, or the `<t>` of each `<r>` run. */
export function stringItemText(xml: string): string {
  return children(xml)
    .map((c) =>
      c.name === 't' ? textOf(c.xml) : c.name === 'r' ? textOf(child(c.xml, 't')?.xml ?? '') : '',
    )
    .join('');
}

/** `AB12` → { col: 28, row: 12 } (1-based). */
export function parseRef(ref: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { col, row: Number(m[2]) };
}

export function colName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Every `<c>` element of a worksheet, by its `r` reference. */
export function cells(sheetXml: string): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  const data = child(sheetXml, 'sheetData');
  for (const row of children(data?.xml ?? ''))
    for (const c of children(row.xml)) if (c.name === 'c') out.set(attr(c.open, 'r') ?? '', c);
  return out;
}

/** What a cell shows as text: shared, inline or formula strings, or its raw `<v>`. */
export function cellText(cell: XmlElement, shared: readonly string[]): string | null {
  const t = attr(cell.open, 't');
  if (t === 'inlineStr') return stringItemText(child(cell.xml, 'is')?.xml ?? '<is/>');
  const v = child(cell.xml, 'v');
  if (!v) return null;
  const raw = textOf(v.xml);
  return t === 's' ? (shared[Number(raw)] ?? null) : raw;
}

/** Cells of one sheet as text by reference, for reading fixture data. */
export function sheetTexts(parts: Parts, sheet: string): Map<string, string> {
  const shared = sharedStrings(parts);
  const out = new Map<string, string>();
  for (const [ref, c] of cells(text(parts, sheetPart(parts, sheet)))) {
    const value = cellText(c, shared);
    if (value !== null) out.set(ref, value);
  }
  return out;
}

/** `A1:B3 D5` → rectangles (1-based, inclusive). */
export function parseSqref(
  sqref: string,
): { top: number; left: number; bottom: number; right: number }[] {
  return sqref
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((area) => {
      const [a, b = a] = area.split(':');
      const p = parseRef(a);
      const q = parseRef(b);
      return {
        top: Math.min(p.row, q.row),
        left: Math.min(p.col, q.col),
        bottom: Math.max(p.row, q.row),
        right: Math.max(p.col, q.col),
      };
    });
}

/** The content type the package declares for `part` (Override first, then Default). */
export function contentType(parts: Parts, part: string): string | null {
  const types = text(parts, '[Content_Types].xml');
  for (const m of types.matchAll(/<(?:\w+:)?Override\b[^>]*>/g))
    if ((attr(m[0], 'PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase())
      return attr(m[0], 'ContentType');
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  for (const m of types.matchAll(/<(?:\w+:)?Default\b[^>]*>/g))
    if ((attr(m[0], 'Extension') ?? '').toLowerCase() === ext) return attr(m[0], 'ContentType');
  return null;
}
