import { posix } from 'node:path';
import { rewriteZip, type PackedPart } from '../zip';
import type { XlsxPackage } from './package';
import { addRelationship, freeRelationshipId, REL_TYPE, relsPartOf } from './relationships';
import { escapeXml } from './xml';

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

export interface NewSheet {
  readonly name: string;
  readonly part: string;
  readonly bytes: PackedPart;
}

export interface PackageChanges {
  /** Rewritten parts by name, deflated as soon as each was made. */
  readonly parts: ReadonlyMap<string, PackedPart>;
  readonly newSheets: readonly NewSheet[];
  /** The styles part, when a style was added; `created` when the package had none. */
  readonly styles: { readonly xml: string; readonly created: boolean } | null;
  /** A formula cell was overwritten: the calculation chain is dropped (Excel rebuilds it). */
  readonly dropCalcChain: boolean;
}

/**
 * The package with kam's changes: rewritten sheets, new sheets registered in the workbook part,
 * its relationships and the content types, added styles. Every other part keeps its bytes.
 */
export function savePackage(pkg: XlsxPackage, changes: PackageChanges): Buffer {
  const replace = new Map<string, Buffer | PackedPart | null>(changes.parts);
  const add = new Map<string, Buffer | PackedPart>();
  const relsPart = relsPartOf(pkg.workbookPart);
  let workbook: string | null = null;
  let rels: string | null = null;
  let types: string | null = null;
  const relsNow = [...pkg.workbookRels];
  const wbText = (): string => (workbook ??= pkg.text(pkg.workbookPart));
  const relsText = (): string =>
    (rels ??= pkg.has(relsPart)
      ? pkg.text(relsPart)
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`);
  const typesText = (): string => (types ??= pkg.text('[Content_Types].xml'));
  const relTarget = (part: string): string =>
    posix.relative(posix.dirname(pkg.workbookPart), part) || part;

  if (changes.newSheets.length > 0) {
    let maxId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
    const elements: string[] = [];
    const wb = wbText();
    const sheetsClose = /<\/((?:[\w.-]+:)?)sheets>/.exec(wb);
    if (!sheetsClose) throw new Error(`${pkg.workbookPart}: no <sheets> list`);
    const prefix = sheetsClose[1];
    const relPrefix =
      /xmlns:([\w.-]+)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.exec(
        wb,
      )?.[1];
    for (const sheet of changes.newSheets) {
      const id = freeRelationshipId(relsNow);
      relsNow.push({ id, type: REL_TYPE.worksheet, part: sheet.part });
      rels = addRelationship(relsText(), {
        id,
        type: REL_TYPE.worksheet,
        target: relTarget(sheet.part),
      });
      const ref = relPrefix
        ? `${relPrefix}:id="${id}"`
        : `r:id="${id}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
      elements.push(
        `<${prefix}sheet name="${escapeXml(sheet.name)}" sheetId="${++maxId}" ${ref}/>`,
      );
      types = addOverride(typesText(), sheet.part, WORKSHEET_TYPE);
      add.set(sheet.part, sheet.bytes);
    }
    workbook = wb.slice(0, sheetsClose.index) + elements.join('') + wb.slice(sheetsClose.index);
  }

  if (changes.styles !== null) {
    const part =
      pkg.related(REL_TYPE.styles) ?? posix.join(posix.dirname(pkg.workbookPart), 'styles.xml');
    const bytes = Buffer.from(changes.styles.xml, 'utf8');
    if (changes.styles.created) {
      const id = freeRelationshipId(relsNow);
      relsNow.push({ id, type: REL_TYPE.styles, part });
      rels = addRelationship(relsText(), { id, type: REL_TYPE.styles, target: relTarget(part) });
      types = addOverride(typesText(), part, STYLES_TYPE);
      add.set(part, bytes);
    } else replace.set(part, bytes);
  }

  const calcChain = pkg.related(REL_TYPE.calcChain);
  if (changes.dropCalcChain && calcChain !== null) {
    replace.set(calcChain, null);
    rels = relsText().replace(/<(?:[\w.-]+:)?Relationship\b[^>]*calcChain[^>]*\/>/g, (tag) =>
      tag.includes(REL_TYPE.calcChain) ? '' : tag,
    );
    types = typesText().replace(
      new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*PartName="/${escapeRe(calcChain)}"[^>]*/>`, 'i'),
      '',
    );
  }

  if (workbook !== null) replace.set(pkg.workbookPart, Buffer.from(workbook, 'utf8'));
  if (rels !== null) {
    if (pkg.has(relsPart))
      replace.set(pkg.actualName(relsPart) ?? relsPart, Buffer.from(rels, 'utf8'));
    else add.set(relsPart, Buffer.from(rels, 'utf8'));
  }
  if (types !== null)
    replace.set(
      pkg.actualName('[Content_Types].xml') ?? '[Content_Types].xml',
      Buffer.from(types, 'utf8'),
    );
  return rewriteZip(pkg.bytes, replace, add);
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function addOverride(types: string, part: string, contentType: string): string {
  const close = /<\/((?:[\w.-]+:)?)Types>/.exec(types);
  if (!close) throw new Error('[Content_Types].xml: no <Types> element');
  const element = `<${close[1]}Override PartName="/${part}" ContentType="${contentType}"/>`;
  return types.slice(0, close.index) + element + types.slice(close.index);
}
