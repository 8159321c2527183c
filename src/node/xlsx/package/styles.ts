import { attributesOf } from './xml';

/**
 * The built-in number formats that show a date or a time (ECMA-376 Part 1 §18.8.30): 14–22 and
 * 45–47 everywhere, 27–36 and 50–58 the East Asian date formats Chinese, Japanese and Korean
 * Excel use (`yyyy"年"m"月"d"日"`), which no custom `<numFmt>` spells out.
 */
function isBuiltInDate(id: number): boolean {
  return (
    (id >= 14 && id <= 22) ||
    (id >= 27 && id <= 36) ||
    (id >= 45 && id <= 47) ||
    (id >= 50 && id <= 58)
  );
}

/** A custom format shows a date when a date or time letter is left outside quotes and brackets. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

interface Xf {
  readonly numFmtId: number;
  /** The element as it is in the part, to clone for a date variant. */
  readonly xml: string;
}

const XF_RE = /<((?:[\w.-]+:)?xf)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g;

/**
 * The parts of `xl/styles.xml` the runner reads (which cell styles show dates) and adds to (a
 * date variant of a cell's style for the dates it writes). Everything else in the part is kept
 * as it is: new formats and cell styles are inserted before the closing tags of their lists.
 */
export class PackageStyles {
  private readonly formats = new Map<number, string>();
  private readonly xfs: Xf[] = [];
  private readonly added: string[] = [];
  private readonly addedFormats: { id: number; code: string }[] = [];
  private readonly variants = new Map<string, number>();
  private readonly dateXf: boolean[] = [];

  private readonly xml: string;

  /** `source` null: the package has no styles part (one is made if a style is added). */
  constructor(source: string | null) {
    const xml = source ?? MINIMAL_STYLES;
    this.xml = xml;
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b[^>]*>/g)) {
      const a = attributesOf(m[0]);
      const id = Number(a.get('numFmtId'));
      if (Number.isInteger(id)) this.formats.set(id, a.get('formatCode') ?? '');
    }
    const list = /<((?:[\w.-]+:)?cellXfs)\b[^>]*>([\s\S]*?)<\/\1>/.exec(xml);
    if (list)
      for (const m of list[2].matchAll(XF_RE)) {
        const open = /^<[^>]*>/.exec(m[0])?.[0] ?? m[0];
        const id = Number(attributesOf(open).get('numFmtId') ?? 0);
        this.xfs.push({ numFmtId: Number.isInteger(id) ? id : 0, xml: m[0] });
      }
    for (const xf of this.xfs) this.dateXf.push(this.isDateId(xf.numFmtId));
  }

  private isDateId(id: number): boolean {
    const custom = this.formats.get(id);
    return custom !== undefined ? isDateFormatCode(custom) : isBuiltInDate(id);
  }

  /** Whether cells of style `s` (the `s` attribute, 0 when absent) show dates. */
  isDate(s: number): boolean {
    return this.dateXf[s] === true;
  }

  /** Whether anything was added (the part must then be written). */
  get changed(): boolean {
    return this.added.length > 0;
  }

  private formatId(code: string): number {
    for (const [id, c] of this.formats) if (c === code) return id;
    // Custom formats are numbered from 164 (the built-in ids end below it).
    const id = Math.max(163, ...this.formats.keys()) + 1;
    this.formats.set(id, code);
    this.addedFormats.push({ id, code });
    return id;
  }

  /** The cell style index showing `code` with everything else of style `s`. */
  withFormat(s: number, code: string): number {
    const key = `${s}\u0000${code}`;
    const found = this.variants.get(key);
    if (found !== undefined) return found;
    const id = this.formatId(code);
    const base =
      this.xfs[s]?.xml ??
      this.xfs[0]?.xml ??
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const open = /^<[^>]*?(\/?)>/.exec(base);
    const tag = open ? open[0] : base;
    let fresh = tag
      .replace(/\snumFmtId\s*=\s*("[^"]*"|'[^']*')/, '')
      .replace(/\sapplyNumberFormat\s*=\s*("[^"]*"|'[^']*')/, '');
    fresh = fresh.replace(/^<([\w.:-]+)/, `<$1 numFmtId="${id}" applyNumberFormat="1"`);
    const xml = fresh + base.slice(tag.length);
    const index = this.xfs.length;
    this.xfs.push({ numFmtId: id, xml });
    this.dateXf.push(this.isDateId(id));
    this.added.push(xml);
    this.variants.set(key, index);
    return index;
  }

  /** The styles part with what was added, or a minimal part when the package had none. */
  serialize(): string {
    let xml = this.xml;
    if (this.addedFormats.length > 0) {
      const items = this.addedFormats
        .map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`)
        .join('');
      const list = /<((?:[\w.-]+:)?numFmts)\b([^>]*?)(\/?)>/.exec(xml);
      if (list && list[3] === '') {
        const close = xml.indexOf(`</${list[1]}>`, list.index);
        xml = xml.slice(0, close) + items + xml.slice(close);
        xml = setCount(xml, list[1], this.countOf(xml, 'numFmt', list[1]));
      } else {
        const prefix = /<([\w.-]+:)?styleSheet\b/.exec(xml)?.[1] ?? '';
        const fresh = `<${prefix}numFmts count="${this.addedFormats.length}">${items}</${prefix}numFmts>`;
        if (list) xml = xml.slice(0, list.index) + fresh + xml.slice(list.index + list[0].length);
        else xml = xml.replace(/(<(?:[\w.-]+:)?styleSheet\b[^>]*>)/, `$1${fresh}`);
      }
    }
    if (this.added.length > 0) {
      const list = /<((?:[\w.-]+:)?cellXfs)\b[^>]*>/.exec(xml);
      if (list) {
        const close = xml.indexOf(`</${list[1]}>`, list.index);
        xml = xml.slice(0, close) + this.added.join('') + xml.slice(close);
        xml = setCount(xml, list[1], this.xfs.length);
      }
    }
    return xml;
  }

  private countOf(xml: string, element: string, list: string): number {
    const start = xml.indexOf(`<${list}`);
    const end = xml.indexOf(`</${list}>`, start);
    const prefix = list.includes(':') ? list.slice(0, list.indexOf(':') + 1) : '';
    return xml.slice(start, end).split(`<${prefix}${element} `).length - 1;
  }
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function setCount(xml: string, element: string, count: number): string {
  const re = new RegExp(`<${element.replace(/[.]/g, '\\.')}\\b[^>]*>`);
  return xml.replace(re, (tag) =>
    /\scount\s*=/.test(tag)
      ? tag.replace(/\scount\s*=\s*("[^"]*"|'[^']*')/, ` count="${count}"`)
      : tag.replace(/^<([\w.:-]+)/, `<$1 count="${count}"`),
  );
}

/** The styles part of a package that had none: the defaults Excel assumes. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
