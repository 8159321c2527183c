import { posix } from 'node:path';
import { Inflate } from 'fflate';
import { rawData, readDirectory, readEntry, ZipFormatError, type ZipEntry } from '../zip';
import { parseRelationships, REL_TYPE, relsPartOf, type Relationship } from './relationships';
import { localName, parseXml, PartError } from './xml';

export interface PackageSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** The worksheet part (`xl/worksheets/sheet1.xml`). */
  readonly part: string;
}

/**
 * An .xlsx file as the package it is (ECMA-376 Part 2): the zip directory, the workbook part and
 * its relationships, and each part unpacked only when asked for. Nothing is parsed that the
 * command does not need: `kam check` on a workbook never unpacks its pivot caches or charts.
 */
export class XlsxPackage {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  readonly workbookPart: string;
  readonly workbookRels: readonly Relationship[];
  /** Worksheets in tab order (chart sheets and dialog sheets are not worksheets). */
  readonly sheets: readonly PackageSheet[];
  readonly date1904: boolean;

  constructor(readonly bytes: Buffer) {
    let list: ZipEntry[];
    try {
      list = readDirectory(bytes);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new PartError('(zip directory)', e.message, 'zip');
      throw e;
    }
    const entries = new Map<string, ZipEntry>();
    // Part names are case-insensitive (Part 2 §9.1.1.2); zip names keep the writer's case.
    for (const e of list) entries.set(e.name, e);
    this.entries = entries;
    this.workbookPart = this.findWorkbookPart();
    const relsPart = relsPartOf(this.workbookPart);
    this.workbookRels = this.has(relsPart)
      ? parseRelationships(this.part(relsPart), relsPart, this.workbookPart)
      : [];
    const { sheets, date1904 } = this.readWorkbook();
    this.sheets = sheets;
    this.date1904 = date1904;
  }

  has(name: string): boolean {
    return this.entries.has(name) || this.actualName(name) !== null;
  }

  /** The name a part has in the zip, matched without regard to case. */
  actualName(name: string): string | null {
    if (this.entries.has(name)) return name;
    const lower = name.toLowerCase();
    for (const n of this.entries.keys()) if (n.toLowerCase() === lower) return n;
    return null;
  }

  /** One part's bytes, unpacked (and checked against its declared size). */
  part(name: string): Buffer {
    const actual = this.actualName(name);
    const entry = actual === null ? undefined : this.entries.get(actual);
    if (!entry) throw new PartError(name, 'part missing from the package');
    try {
      return readEntry(this.bytes, entry);
    } catch (e) {
      const tooBig = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      const detail = tooBig
        ? `unpacks to more than the ${entry.size.toLocaleString('en-US')} bytes declared`
        : e instanceof Error
          ? e.message
          : String(e);
      throw new PartError(entry.name, detail, 'zip');
    }
  }

  /**
   * One part unpacked slice by slice (about 1 MiB of XML each), for reading a sheet without
   * holding its whole XML: a million-row transactions part is 300 MB unpacked. Node's zlib has
   * no synchronous streaming inflate, and the jobs read sheets synchronously, so fflate's
   * `Inflate` does it; the total is checked against the declared size as `part` does.
   */
  *slices(name: string): Generator<Buffer> {
    const actual = this.actualName(name);
    const entry = actual === null ? undefined : this.entries.get(actual);
    if (!entry) throw new PartError(name, 'part missing from the package');
    if (entry.method !== 8 || entry.compressedSize < 1 << 20) {
      yield this.part(name);
      return;
    }
    let raw: Buffer;
    try {
      raw = rawData(this.bytes, entry);
    } catch (e) {
      throw new PartError(entry.name, e instanceof Error ? e.message : String(e), 'zip');
    }
    const out: Buffer[] = [];
    let total = 0;
    let failure: string | null = null;
    const inflater = new Inflate((data) => {
      total += data.length;
      if (total > entry.size)
        failure ??= `unpacks to more than the ${entry.size.toLocaleString('en-US')} bytes declared`;
      else out.push(Buffer.from(data.buffer, data.byteOffset, data.length));
    });
    const STEP = 1 << 17;
    for (let at = 0; at < raw.length; at += STEP) {
      try {
        inflater.push(raw.subarray(at, Math.min(raw.length, at + STEP)), at + STEP >= raw.length);
      } catch (e) {
        failure ??= e instanceof Error ? e.message : String(e);
      }
      if (failure !== null) throw new PartError(entry.name, failure, 'zip');
      while (out.length > 0) yield out.shift() as Buffer;
    }
  }

  text(name: string): string {
    return this.part(name).toString('utf8');
  }

  /** The first part the workbook's relationships name with `type`, or null. */
  related(type: string): string | null {
    const rel = this.workbookRels.find((r) => r.type === type && r.part !== null);
    return rel?.part ? (this.actualName(rel.part) ?? rel.part) : null;
  }

  private findWorkbookPart(): string {
    if (this.has('_rels/.rels')) {
      const rels = parseRelationships(this.part('_rels/.rels'), '_rels/.rels', '');
      const main = rels.find((r) => r.type === REL_TYPE.officeDocument && r.part !== null);
      if (main?.part) return this.actualName(main.part) ?? main.part;
    }
    return this.actualName('xl/workbook.xml') ?? 'xl/workbook.xml';
  }

  private readWorkbook(): { sheets: PackageSheet[]; date1904: boolean } {
    const rels = new Map(this.workbookRels.map((r) => [r.id, r]));
    const sheets: PackageSheet[] = [];
    let date1904 = false;
    parseXml(this.part(this.workbookPart), this.workbookPart, {
      open: (tag) => {
        const name = localName(tag.name);
        if (name === 'workbookPr') {
          const v = tag.attributes.date1904;
          date1904 = v === '1' || v === 'true';
        }
        if (name !== 'sheet') return;
        const a = tag.attributes;
        const relId = Object.entries(a).find(([k]) => localName(k) === 'id' && k !== 'id')?.[1];
        const rel = relId === undefined ? undefined : rels.get(relId);
        if (!rel?.part || rel.type !== REL_TYPE.worksheet) return;
        sheets.push({
          name: a.name ?? '',
          sheetId: Number(a.sheetId ?? 0),
          relId: relId ?? '',
          part: this.actualName(rel.part) ?? rel.part,
        });
      },
    });
    return { sheets, date1904 };
  }

  /** `dc:language` of the core properties (the runner records a workbook's language there). */
  language(): string | null {
    const core = this.actualName('docProps/core.xml');
    if (core === null) return null;
    let inLanguage = false;
    let value = '';
    parseXml(this.part(core), core, {
      open: (tag) => {
        inLanguage = localName(tag.name) === 'language';
      },
      close: () => {
        inLanguage = false;
      },
      text: (t) => {
        if (inLanguage) value += t;
      },
    });
    return value.trim() === '' ? null : value.trim();
  }

  /** A worksheet part name not used yet (`xl/worksheets/sheet7.xml`). */
  freeSheetPart(taken: ReadonlySet<string>): string {
    const dir = posix.join(posix.dirname(this.workbookPart), 'worksheets');
    for (let n = this.sheets.length + 1; ; n++) {
      const name = posix.join(dir, `sheet${n}.xml`);
      if (!this.has(name) && !taken.has(name)) return name;
    }
  }
}
