import type { Workbook } from './exceljs';
import { readDirectory, readEntry, rewriteZip } from './zip';

/**
 * What ExcelJS loses between reading and writing a workbook, carried over at the package level:
 * the workbook's protection (`workbookProtection`, which ExcelJS does not model) and each sheet's
 * `sheetProtection` with its password hash (ExcelJS keeps the flags but drops the hash, so the
 * sheet came back protected without a password). The elements are copied byte for byte.
 */
interface Kept {
  readonly workbook: string | null;
  /** Sheet name → its `sheetProtection` element. */
  readonly sheets: ReadonlyMap<string, string>;
}

const kept = new WeakMap<Workbook, Kept>();

const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : Number(k.slice(1)));
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2]) : null;
}

/** The first element `<(prefix:)?name …/>` or `<name …>…</name>`, prefix removed. */
function element(xml: string, name: string): string | null {
  const m = new RegExp(
    `<(?:[\\w.-]+:)?${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?${name}\\s*>)`,
  ).exec(xml);
  return m ? m[0].replace(/^<[\w.-]+:/, '<').replace(/<\/[\w.-]+:/, '</') : null;
}

/** Sheet name → part name, from the workbook part and its relationships. */
function sheetParts(workbookXml: string, relsXml: string): Map<string, string> {
  const parts = new Map<string, string>();
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target)
      targets.set(
        id,
        target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`,
      );
  }
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const id = attr(m[0], 'r:id') ?? attr(m[0], '[\\w]+:id');
    const target = id ? targets.get(id) : undefined;
    if (name !== null && target) parts.set(name, target);
  }
  return parts;
}

/**
 * Notes, part by part as the file read is unpacked (each part once, see package-guard.ts), what
 * ExcelJS will drop; `keepFor` ties the notes to the workbook ExcelJS made from that file.
 */
export class PackageNotes {
  private workbookXml = '';
  private relsXml = '';
  /** Part name → its `sheetProtection` element. */
  private readonly protections = new Map<string, string>();

  see(name: string, data: Buffer): void {
    if (name === WORKBOOK_PART) this.workbookXml = data.toString('utf8');
    else if (name === WORKBOOK_RELS) this.relsXml = data.toString('utf8');
    else if (name.endsWith('.xml')) {
      // The element follows the sheet's data, most of the part: search bytes, decode little.
      let at = data.indexOf('<sheetProtection');
      if (at === -1) at = data.indexOf(':sheetProtection ');
      if (at === -1) return;
      const from = data.lastIndexOf('<', at);
      const text = data.toString('utf8', from, Math.min(data.length, at + 4096));
      const el = element(text, 'sheetProtection');
      if (el) this.protections.set(name, el);
    }
  }

  keepFor(workbook: Workbook): void {
    const workbookProtection = element(this.workbookXml, 'workbookProtection');
    const sheets = new Map<string, string>();
    if (this.protections.size > 0)
      for (const [name, part] of sheetParts(this.workbookXml, this.relsXml)) {
        const el = this.protections.get(part);
        if (el) sheets.set(name, el);
      }
    if (workbookProtection || sheets.size > 0)
      kept.set(workbook, { workbook: workbookProtection, sheets });
  }
}

function putWorkbookProtection(xml: string, el: string): string {
  const existing = element(xml, 'workbookProtection');
  if (existing)
    return xml.replace(
      /<workbookProtection\b[^>]*?(?:\/>|>[\s\S]*?<\/workbookProtection\s*>)/,
      () => el,
    );
  // Schema order: fileVersion, fileSharing, workbookPr, workbookProtection, bookViews, sheets.
  for (const next of ['<bookViews', '<sheets'])
    if (xml.includes(next)) return xml.replace(next, () => `${el}${next}`);
  return xml;
}

function putSheetProtection(xml: string, el: string): string {
  const pattern = /<sheetProtection\b[^>]*?(?:\/>|>[\s\S]*?<\/sheetProtection\s*>)/;
  if (pattern.test(xml)) return xml.replace(pattern, () => el);
  // Schema order: sheetData, sheetCalcPr, sheetProtection.
  const calc = /<sheetCalcPr\b[^>]*\/>/.exec(xml);
  if (calc) return xml.replace(calc[0], () => `${calc[0]}${el}`);
  if (xml.includes('</sheetData>')) return xml.replace('</sheetData>', () => `</sheetData>${el}`);
  return xml.replace(/<sheetData\s*\/>/, (m) => `${m}${el}`);
}

/** The package ExcelJS wrote, with what `PackageNotes` noted put back. */
export function restorePackage(workbook: Workbook, data: Buffer): Buffer {
  const k = kept.get(workbook);
  if (!k) return data;
  const byName = new Map(readDirectory(data).map((e) => [e.name, e]));
  const replace = new Map<string, Buffer>();
  const wb = byName.get(WORKBOOK_PART);
  if (k.workbook && wb) {
    const xml = readEntry(data, wb).toString('utf8');
    const next = putWorkbookProtection(xml, k.workbook);
    if (next !== xml) replace.set(WORKBOOK_PART, Buffer.from(next, 'utf8'));
  }
  const rels = byName.get(WORKBOOK_RELS);
  const parts =
    wb && rels
      ? sheetParts(readEntry(data, wb).toString('utf8'), readEntry(data, rels).toString('utf8'))
      : new Map<string, string>();
  for (const [name, part] of parts) {
    const el = k.sheets.get(name);
    const entry = byName.get(part);
    if (!el || !entry) continue;
    const xml = readEntry(data, entry).toString('utf8');
    const next = putSheetProtection(xml, el);
    if (next !== xml) replace.set(part, Buffer.from(next, 'utf8'));
  }
  return replace.size > 0 ? rewriteZip(data, replace) : data;
}
