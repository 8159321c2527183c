import { posix } from 'node:path';
import { attributesOf, localName, parseXml } from './xml';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  worksheet: `${REL_NS}/worksheet`,
  sharedStrings: `${REL_NS}/sharedStrings`,
  styles: `${REL_NS}/styles`,
  calcChain: `${REL_NS}/calcChain`,
  officeDocument: `${REL_NS}/officeDocument`,
} as const;
/** The same types in Strict OOXML, which Excel can also save. */
const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

export interface Relationship {
  readonly id: string;
  /** The type with the Strict namespace mapped to the transitional one. */
  readonly type: string;
  /** The target part's name inside the package (no leading slash); null for external targets. */
  readonly part: string | null;
}

/** The `_rels/NAME.rels` part that holds a part's relationships. */
export function relsPartOf(part: string): string {
  const dir = posix.dirname(part);
  return posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(part)}.rels`);
}

/** A relationship target resolved against the part that owns it, as a package part name. */
export function resolveTarget(owner: string, target: string): string {
  if (target.startsWith('/')) return posix.normalize(target.slice(1));
  const dir = posix.dirname(owner);
  return posix.normalize(posix.join(dir === '.' ? '' : dir, target));
}

export function parseRelationships(xml: Buffer, relsPart: string, owner: string): Relationship[] {
  const out: Relationship[] = [];
  parseXml(xml, relsPart, {
    open(tag) {
      if (localName(tag.name) !== 'Relationship') return;
      const a = tag.attributes;
      const type = (a.Type ?? '').replace(STRICT_REL_NS, REL_NS);
      const external = (a.TargetMode ?? '') === 'External';
      out.push({
        id: a.Id ?? '',
        type,
        part: external || !a.Target ? null : resolveTarget(owner, decodeURIComponent(a.Target)),
      });
    },
  });
  return out;
}

/** Adds one relationship before the closing tag of a `.rels` part, keeping everything else. */
export function addRelationship(
  xml: string,
  rel: { id: string; type: string; target: string },
): string {
  const element = `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${rel.target}"/>`;
  const close = xml.lastIndexOf('</');
  if (close === -1) {
    // `<Relationships .../>`: open it.
    return xml.replace(/<((?:\w+:)?Relationships)([^>]*?)\/>/, `<$1$2>${element}</$1>`);
  }
  return xml.slice(0, close) + element + xml.slice(close);
}

/** A relationship id not yet used in the part (`rId7`). */
export function freeRelationshipId(rels: readonly Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

export { attributesOf };
