import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * Small helpers over the XML of a package part. Parts are parsed with saxes (a conforming,
 * streaming parser: a malformed part fails with its line and column, which the runner names);
 * parts that kam rewrites are cut by byte offsets so that whatever it does not own is copied as
 * the bytes it was.
 */

/** An element's name without its namespace prefix (`x:row` → `row`). */
export function localName(name: string): string {
  const at = name.indexOf(':');
  return at === -1 ? name : name.slice(at + 1);
}

/**
 * A part kam cannot use: its XML is not well-formed or not what its content type promises
 * (`xml`), or its compressed bytes do not unpack as the zip directory says (`zip`: the file
 * itself is damaged, which Excel would report too).
 */
export class PartError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
    readonly kind: 'xml' | 'zip' = 'xml',
  ) {
    super(`${part}: ${detail}`);
    this.name = 'PartError';
  }
}

export interface SaxHandlers {
  open(tag: SaxesTagPlain): void;
  close?(tag: SaxesTagPlain): void;
  text?(text: string): void;
}

const CHUNK = 1 << 20;

/** Streams `xml` through saxes in 1 MiB slices (never a whole 100 MB part as one string). */
export function parseXml(
  xml: Buffer | (() => Iterable<Buffer>),
  part: string,
  on: SaxHandlers,
  position = false,
): void {
  // Tracking lines and columns costs a third of the parse: it is turned on only to name the
  // place of an error, by parsing the failed part again.
  const parser = new SaxesParser({ position });
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (t) => on.open(t as SaxesTagPlain));
  if (on.close) parser.on('closetag', (t) => on.close?.(t as SaxesTagPlain));
  if (on.text) {
    parser.on('text', (t) => on.text?.(t));
    parser.on('cdata', (t) => on.text?.(t));
  }
  const decoder = new StringDecoder('utf8');
  let first = true;
  for (const slice of typeof xml === 'function' ? xml() : [xml]) {
    // A byte-order mark is allowed before the declaration; saxes wants the text after it.
    const start = first && slice[0] === 0xef && slice[1] === 0xbb && slice[2] === 0xbf ? 3 : 0;
    first = false;
    for (let at = start; at < slice.length && failure === null; at += CHUNK)
      parser.write(decoder.write(slice.subarray(at, Math.min(slice.length, at + CHUNK))));
    if (failure !== null) break;
  }
  if (failure === null) parser.write(decoder.end()).close();
  if (failure === null) return;
  if (!position) parseXml(xml, part, { open: () => undefined }, true);
  throw new PartError(part, firstLine(failure));
}

function firstLine(e: Error): string {
  // saxes prefixes `line:column: `; keep it, it is what a person needs to find the spot.
  return e.message.split('\n')[0].slice(0, 200);
}

/** The attributes of an open tag written as `<name a="1" b='2'>`. */
export function attributesOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m !== null; m = re.exec(tag))
    out.set(m[1], decodeEntities(m[3] ?? m[4] ?? ''));
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (all, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? all;
  });
}

/**
 * Text for an element or attribute. Characters XML 1.0 cannot hold (control characters, lone
 * surrogates) are written as Excel's `_xHHHH_` escapes, as are literal `_xHHHH_` sequences
 * (their `_` as `_x005F_`), so every string reads back as it was written.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(
      // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 refuses
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    )
    .replace(/[&<>"]/g, (c) =>
      c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
    );
}

/** Reverses the `_xHHHH_` escapes of a cell text (ECMA-376 Part 1, ST_Xstring). */
export function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/**
 * A string that holds its own characters. Text saxes hands over may be a slice of the 1 MiB
 * chunk it was parsed from, and V8 keeps the whole chunk alive for as long as the slice lives:
 * kept in a grid, the slices of a 60 MB sheet held more than twice the memory of their text.
 * Slices shorter than 13 characters are copies already.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}
