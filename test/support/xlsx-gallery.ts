/**
 * A gallery of small, valid .xlsx fixtures: each is a kam workbook (the bytes `kam demo` wrote)
 * with ONE feature of real workbooks injected by editing the zip parts, written the way Excel
 * writes it (ECMA-376, 5th edition; clause numbers below are Part 1 unless said otherwise), with
 * the XML kept minimal but schema-valid. They exist to prove that `kam` leaves alone what it does
 * not own: test/node/xlsx-gallery.test.ts refreshes each and compares the packages part by part.
 *
 * One fixture is written by LibreOffice itself (`libreOfficeFixture`): a real client's way of
 * writing a workbook, not ours.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  attr,
  cells,
  cellText,
  child,
  children,
  colName,
  escapeXml,
  parseRef,
  parseSqref,
  relationships,
  rootElement,
  relsPartOf,
  sharedStrings,
  sharedStringsPart,
  sheetEntries,
  sheetPart,
  sheetTexts,
  text,
  unzipParts,
  WORKBOOK,
  zipParts,
  type Parts,
  type XmlElement,
} from './xlsx-parts';

/** A check on a part kam may rewrite: what of the feature must survive the rewrite. */
export interface Keep {
  readonly what: string;
  readonly holds: (after: Parts) => boolean;
}

export interface Fixture {
  readonly name: string;
  /** Where the bytes come from, in one line. */
  readonly origin: string;
  readonly bytes: Buffer;
  /** Facts about the feature inside parts kam owns (workbook.xml, its rewritten sheets). */
  readonly keeps: readonly Keep[];
  /**
   * Sheets whose values the feature changes on purpose, so LibreOffice's CSV of them may differ
   * from the plain fixture's; every other sheet must read exactly as the plain one does.
   */
  readonly differs: readonly string[];
  /** CSV lines LibreOffice must show for a sheet: what it computed from the feature itself. */
  readonly shows: readonly Show[];
}

export interface Show {
  readonly sheet: string;
  readonly line: string;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const REL = (type: string): string => `${NS_R}/${type}`;
const CT = (type: string): string => `application/vnd.openxmlformats-officedocument.${type}`;

/** ECMA-376 §18.3.1.99 (CT_Worksheet): the order the children of `<worksheet>` must keep. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** ECMA-376 §18.2.27 (CT_Workbook): the order of the children of `<workbook>`. */
const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** Inserts `el` among the children of the root of `xml`, at the place `order` gives it. */
function insertChild(xml: string, order: readonly string[], name: string, el: string): string {
  const rank = order.indexOf(name);
  if (rank < 0) throw new Error(`unknown element ${name}`);
  const next = children(xml).find((c) => order.indexOf(c.name) > rank);
  if (next) {
    const at = xml.indexOf(next.xml);
    return xml.slice(0, at) + el + xml.slice(at);
  }
  const close = xml.lastIndexOf('</');
  return xml.slice(0, close) + el + xml.slice(close);
}

function replaceOnce(xml: string, old: string, next: string): string {
  const at = xml.indexOf(old);
  if (at < 0) throw new Error(`not found: ${old.slice(0, 80)}`);
  return xml.slice(0, at) + next + xml.slice(at + old.length);
}

/** Quotes a sheet name for a formula when it needs it (`'Account Plans'!$A$1`). */
function sheetRef(sheet: string, range: string): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${range}`;
}

/** Edits one package in place; every helper keeps the package valid on its own. */
class Book {
  constructor(readonly parts: Parts) {}

  get(name: string): string {
    return text(this.parts, name);
  }

  put(name: string, data: string | Buffer): void {
    this.parts.set(name, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }

  /** A part name not used yet: `xl/charts/chart{n}.xml`. */
  freeName(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.parts.has(pattern(n))) return pattern(n);
  }

  override(part: string, contentType: string): void {
    const types = this.get('[Content_Types].xml');
    if (types.includes(`PartName="/${part}"`)) return;
    const el = `<Override PartName="/${part}" ContentType="${contentType}"/>`;
    this.put('[Content_Types].xml', replaceOnce(types, '</Types>', `${el}</Types>`));
  }

  defaultType(ext: string, contentType: string): void {
    const types = this.get('[Content_Types].xml');
    if (new RegExp(`<Default\\b[^>]*Extension="${ext}"`, 'i').test(types)) return;
    const open = /<Types\b[^>]*>/.exec(types) as RegExpExecArray;
    const el = `<Default Extension="${ext}" ContentType="${contentType}"/>`;
    this.put('[Content_Types].xml', replaceOnce(types, open[0], open[0] + el));
  }

  /** Adds a relationship from `source` and returns its Id. */
  relate(source: string, type: string, target: string, external = false): string {
    const rels = relsPartOf(source);
    const xml = this.parts.has(rels)
      ? this.get(rels)
      : `${XML_DECL}<Relationships xmlns="${NS_PKG_RELS}"></Relationships>`;
    const used = new Set(relationships(this.parts, source).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const mode = external ? ' TargetMode="External"' : '';
    const to = escapeXml(target);
    const el = `<Relationship Id="rId${n}" Type="${REL(type)}" Target="${to}"${mode}/>`;
    this.put(rels, xml.replace(/<\/Relationships>\s*$/, `${el}</Relationships>`));
    return `rId${n}`;
  }

  /** Makes sure the root element of `part` declares `xmlns:prefix`. */
  declare(part: string, prefix: string, uri: string): void {
    const xml = this.get(part);
    const root = rootElement(xml);
    if (root.open.includes(`xmlns:${prefix}=`)) return;
    const open = root.open.replace(/\s*(\/?)>$/, ` xmlns:${prefix}="${uri}"$1>`);
    this.put(part, replaceOnce(xml, root.open, open));
  }

  sheetChild(sheet: string, name: string, el: string): void {
    const part = sheetPart(this.parts, sheet);
    this.put(part, insertChild(this.get(part), WORKSHEET_ORDER, name, el));
  }

  workbookChild(name: string, el: string): void {
    this.put(WORKBOOK, insertChild(this.get(WORKBOOK), WORKBOOK_ORDER, name, el));
  }

  setCell(part: string, ref: string, cellXml: string): void {
    this.setCells(part, new Map([[ref, cellXml]]));
  }

  /**
   * Replaces cells of a sheet part by reference, or adds them in row and column order; every row
   * not named stays byte for byte as it was. One pass, so a column of formulas stays cheap.
   */
  setCells(part: string, updates: ReadonlyMap<string, string>): void {
    let xml = this.get(part);
    if (/<sheetData\s*\/>/.test(xml))
      xml = xml.replace(/<sheetData\s*\/>/, '<sheetData></sheetData>');
    const data = child(xml, 'sheetData') as XmlElement;
    const byRow = new Map<number, Map<number, string>>();
    let maxRow = 0;
    let maxCol = 0;
    for (const [ref, cellXml] of updates) {
      const { row, col } = parseRef(ref);
      if (!byRow.has(row)) byRow.set(row, new Map());
      byRow.get(row)?.set(col, cellXml);
      maxRow = Math.max(maxRow, row);
      maxCol = Math.max(maxCol, col);
    }
    const merge = (open: string, existing: XmlElement[], row: number): string => {
      const byCol = new Map<number, string>();
      for (const c of existing) byCol.set(parseRef(attr(c.open, 'r') ?? 'A1').col, c.xml);
      for (const [col, cellXml] of byRow.get(row) ?? []) byCol.set(col, cellXml);
      const ordered = [...byCol.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
      // `spans` is only a hint for readers, but a wrong one is worse than none.
      const start = open.replace(/\sspans="[^"]*"/, '').replace(/\s*\/>$/, '>');
      return `${start}${ordered.join('')}</row>`;
    };
    const out: string[] = [];
    const seen = new Set<number>();
    const fresh = (before: number): void => {
      for (const r of [...byRow.keys()].sort((a, b) => a - b))
        if (r < before && !seen.has(r)) {
          seen.add(r);
          out.push(merge(`<row r="${r}">`, [], r));
        }
    };
    for (const row of children(data.xml)) {
      const r = Number(attr(row.open, 'r'));
      fresh(r);
      seen.add(r);
      out.push(byRow.has(r) ? merge(row.open, children(row.xml), r) : row.xml);
    }
    fresh(Infinity);
    xml = replaceOnce(xml, data.xml, `${data.open}${out.join('')}</sheetData>`);
    const dim = child(xml, 'dimension');
    const [box] = parseSqref(attr(dim?.open ?? '', 'ref') ?? 'A1');
    if (dim && (maxRow > box.bottom || maxCol > box.right)) {
      const right = colName(Math.max(maxCol, box.right));
      const wider = `${colName(box.left)}${box.top}:${right}${Math.max(maxRow, box.bottom)}`;
      xml = replaceOnce(xml, dim.xml, `<dimension ref="${wider}"/>`);
    }
    this.put(part, xml);
  }

  /** Appends a string item to the shared-string table (created when missing); its index. */
  addSharedString(siInner: string): number {
    let part = sharedStringsPart(this.parts);
    if (!part) {
      part = 'xl/sharedStrings.xml';
      this.put(part, `${XML_DECL}<sst xmlns="${NS_MAIN}" count="0" uniqueCount="0"></sst>`);
      this.relate(WORKBOOK, 'sharedStrings', 'sharedStrings.xml');
      this.override(part, CT('spreadsheetml.sharedStrings+xml'));
    }
    const index = sharedStrings(this.parts).length;
    let xml = this.get(part);
    const root = /<sst\b[^>]*>/.exec(xml) as RegExpExecArray;
    const bump = (open: string, name: string): string =>
      open.replace(
        new RegExp(`\\s${name}="(\\d+)"`),
        (_, n: string) => ` ${name}="${Number(n) + 1}"`,
      );
    xml = replaceOnce(xml, root[0], bump(bump(root[0], 'count'), 'uniqueCount'));
    this.put(part, replaceOnce(xml, '</sst>', `<si>${siInner}</si></sst>`));
    return index;
  }

  /** Adds a worksheet at the end of the workbook; its part name. */
  addSheet(name: string, sheetXml: string, state?: 'hidden' | 'veryHidden'): string {
    const part = this.freeName((n) => `xl/worksheets/sheet${n}.xml`);
    this.put(part, sheetXml);
    this.override(part, CT('spreadsheetml.worksheet+xml'));
    const id = this.relate(WORKBOOK, 'worksheet', part.slice('xl/'.length));
    const sheetId = Math.max(...sheetEntries(this.parts).map((s) => Number(s.sheetId))) + 1;
    const stateAttr = state ? ` state="${state}"` : '';
    const el = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttr} r:id="${id}"/>`;
    this.put(WORKBOOK, replaceOnce(this.get(WORKBOOK), '</sheets>', `${el}</sheets>`));
    return part;
  }

  setSheetState(name: string, state: 'hidden' | 'veryHidden'): void {
    const xml = this.get(WORKBOOK);
    const tag = children(child(xml, 'sheets')?.xml ?? '').find(
      (s) => attr(s.open, 'name') === name,
    ) as XmlElement;
    const next = /\sstate="[^"]*"/.test(tag.open)
      ? tag.open.replace(/\sstate="[^"]*"/, ` state="${state}"`)
      : tag.open.replace(/\s*\/>$/, ` state="${state}"/>`);
    this.put(WORKBOOK, replaceOnce(xml, tag.open, next));
  }

  /** Adds a drawing part to a sheet (ECMA-376 §20.5) holding `anchors`; returns its part name. */
  addDrawing(sheet: string, anchors: (drawingPart: string) => string): string {
    const part = this.freeName((n) => `xl/drawings/drawing${n}.xml`);
    const sheetXmlPart = sheetPart(this.parts, sheet);
    this.put(
      part,
      `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors(part)}</xdr:wsDr>`,
    );
    this.override(part, CT('drawing+xml'));
    const id = this.relate(sheetXmlPart, 'drawing', `../drawings/${basename(part)}`);
    this.declare(sheetXmlPart, 'r', NS_R);
    this.sheetChild(sheet, 'drawing', `<drawing r:id="${id}"/>`);
    return part;
  }
}

/** A two-cell anchor from (col, row) spanning `w` columns and `h` rows (0-based, §20.5.2.33). */
function anchor(col: number, row: number, w: number, h: number, body: string, editAs = ''): string {
  const at = (c: number, r: number): string =>
    `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  const edit = editAs ? ` editAs="${editAs}"` : '';
  return (
    `<xdr:twoCellAnchor${edit}><xdr:from>${at(col, row)}</xdr:from>` +
    `<xdr:to>${at(col + w, row + h)}</xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`
  );
}

// ---------------------------------------------------------------------------------------------
// Charts (§21.2): a chart part, a drawing with a graphic frame pointing at it, the rels and the
// content types. Series carry the caches Excel writes (str/numCache) next to the references.

interface Column {
  readonly sheet: string;
  readonly col: string;
  readonly from: number;
  readonly to: number;
  /** Number format of a numeric category column (dates): Excel then writes a numRef. */
  readonly format?: string;
}

function columnRange(c: Column): string {
  return sheetRef(c.sheet, `$${c.col}$${c.from}:$${c.col}$${c.to}`);
}

function cache(book: Book, c: Column, numeric: boolean, format = 'General'): string {
  const texts = sheetTexts(book.parts, c.sheet);
  const points: string[] = [];
  for (let r = c.from; r <= c.to; r++) {
    const v = texts.get(`${c.col}${r}`);
    if (v === undefined || (numeric && !Number.isFinite(Number(v)))) continue;
    points.push(`<c:pt idx="${r - c.from}"><c:v>${escapeXml(v)}</c:v></c:pt>`);
  }
  const count = `<c:ptCount val="${c.to - c.from + 1}"/>`;
  return numeric
    ? `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode>${count}` +
        `${points.join('')}</c:numCache>`
    : `<c:strCache>${count}${points.join('')}</c:strCache>`;
}

function seriesRefs(book: Book, idx: number, cat: Column, val: Column): string {
  const header: Column = { ...val, from: 1, to: 1 };
  const name = sheetRef(val.sheet, `$${val.col}$1`);
  const tx = `<c:tx><c:strRef><c:f>${name}</c:f>${cache(book, header, false)}</c:strRef></c:tx>`;
  const range = `<c:f>${columnRange(cat)}</c:f>`;
  return (
    `<c:idx val="${idx}"/><c:order val="${idx}"/>${tx}` +
    (cat.format
      ? `<c:cat><c:numRef>${range}${cache(book, cat, true, cat.format)}</c:numRef></c:cat>`
      : `<c:cat><c:strRef>${range}${cache(book, cat, false)}</c:strRef></c:cat>`) +
    `<c:val><c:numRef><c:f>${columnRange(val)}</c:f>${cache(book, val, true)}</c:numRef></c:val>`
  );
}

/** Puts `el` right after the series' `<c:tx>`, where the bar and line series want it. */
function withAfterTx(series: string, el: string): string {
  return series.replace('</c:tx>', () => `</c:tx>${el}`);
}

const NO_MARKER = '<c:marker><c:symbol val="none"/></c:marker>';
const NOT_INVERTED = '<c:invertIfNegative val="0"/>';

function barChart(book: Book, cat: Column, val: Column, axes: [number, number], idx = 0): string {
  return (
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser>${withAfterTx(seriesRefs(book, idx, cat, val), NOT_INVERTED)}</c:ser>` +
    `<c:gapWidth val="150"/><c:axId val="${axes[0]}"/><c:axId val="${axes[1]}"/></c:barChart>`
  );
}

function lineChart(book: Book, cat: Column, val: Column, axes: [number, number], idx = 0): string {
  return (
    '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
    `<c:ser>${withAfterTx(seriesRefs(book, idx, cat, val), NO_MARKER)}<c:smooth val="0"/></c:ser>` +
    `<c:marker val="1"/><c:axId val="${axes[0]}"/><c:axId val="${axes[1]}"/></c:lineChart>`
  );
}

function axes(cat: number, val: number, secondary = false): string {
  const scaling = '<c:scaling><c:orientation val="minMax"/></c:scaling>';
  return (
    `<c:catAx><c:axId val="${cat}"/>${scaling}<c:delete val="${secondary ? 1 : 0}"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${val}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${val}"/>${scaling}<c:delete val="0"/>` +
    `<c:axPos val="${secondary ? 'r' : 'l'}"/>` +
    (secondary ? '' : '<c:majorGridlines/>') +
    '<c:numFmt formatCode="General" sourceLinked="1"/>' +
    `<c:majorTickMark val="${secondary ? 'out' : 'none'}"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${cat}"/>` +
    `<c:crosses val="${secondary ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/**
 * Adds a chart with `plotArea` content, anchored on `sheet` at column `col` (0-based); returns
 * the chart part's name.
 */
function addChart(book: Book, sheet: string, col: number, plot: string): string {
  const chart = book.freeName((n) => `xl/charts/chart${n}.xml`);
  book.put(
    chart,
    `${XML_DECL}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
      '<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/>' +
      `<c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
      '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
      '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>',
  );
  book.override(chart, CT('drawingml.chart+xml'));
  book.addDrawing(sheet, (drawing) => {
    const id = book.relate(drawing, 'chart', `../charts/${basename(chart)}`);
    const frame =
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/>' +
      '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" ` +
      `r:id="${id}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
    return anchor(col, 1, 8, 15, frame);
  });
  return chart;
}

/**
 * A text box and a small logo drawn on a chart, as Excel saves them (§21.3, chart drawings): a
 * `c:userShapes` part among the sheet drawings (xl/drawings/drawingN.xml) with its own
 * relationship to the picture, the chart pointing at it. ExcelJS reads every drawing there as a
 * sheet drawing; this one parses to nothing and, because it has relationships, load() fails with
 * "Cannot read properties of undefined (reading 'anchors')" (exceljs#2591).
 */
function addChartShapes(book: Book, chart: string, label: string): void {
  const shapes = book.freeName((n) => `xl/drawings/drawing${n}.xml`);
  const media = book.freeName((n) => `xl/media/image${n}.png`);
  book.put(media, PNG_1X1);
  book.defaultType('png', 'image/png');
  const NS_CDR = 'http://schemas.openxmlformats.org/drawingml/2006/chartDrawing';
  const at = (x: number, y: number): string => `<cdr:x>${x}</cdr:x><cdr:y>${y}</cdr:y>`;
  const box = (x: number, y: number, w: number, h: number, body: string): string =>
    `<cdr:relSizeAnchor xmlns:cdr="${NS_CDR}"><cdr:from>${at(x, y)}</cdr:from>` +
    `<cdr:to>${at(x + w, y + h)}</cdr:to>${body}</cdr:relSizeAnchor>`;
  const rect =
    '<a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm>' +
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>';
  const image = book.relate(shapes, 'image', `../media/${basename(media)}`);
  book.put(
    shapes,
    `${XML_DECL}<c:userShapes xmlns:c="${NS_C}" xmlns:a="${NS_A}">` +
      box(
        0.55,
        0.02,
        0.3,
        0.1,
        '<cdr:sp macro="" textlink=""><cdr:nvSpPr><cdr:cNvPr id="2" name="TextBox 1"/>' +
          `<cdr:cNvSpPr txBox="1"/></cdr:nvSpPr><cdr:spPr>${rect}</cdr:spPr>` +
          '<cdr:txBody><a:bodyPr wrap="none" rtlCol="0"/><a:lstStyle/><a:p><a:r>' +
          `<a:rPr lang="en-US" sz="1100"/><a:t>${escapeXml(label)}</a:t></a:r></a:p>` +
          '</cdr:txBody></cdr:sp>',
      ) +
      box(
        0.88,
        0.02,
        0.1,
        0.1,
        '<cdr:pic><cdr:nvPicPr><cdr:cNvPr id="3" name="Picture 2" descr="logo"/>' +
          '<cdr:cNvPicPr><a:picLocks noChangeAspect="1"/></cdr:cNvPicPr></cdr:nvPicPr>' +
          `<cdr:blipFill><a:blip xmlns:r="${NS_R}" r:embed="${image}"/>` +
          `<a:stretch><a:fillRect/></a:stretch></cdr:blipFill><cdr:spPr>${rect}</cdr:spPr>` +
          '</cdr:pic>',
      ) +
      '</c:userShapes>',
  );
  book.override(shapes, CT('drawingml.chartshapes+xml'));
  const id = book.relate(chart, 'chartUserShapes', `../drawings/${basename(shapes)}`);
  // CT_ChartSpace: userShapes comes after chart (and printSettings), before extLst.
  const xml = book.get(chart);
  book.put(
    chart,
    replaceOnce(xml, '</c:chartSpace>', `<c:userShapes r:id="${id}"/></c:chartSpace>`),
  );
}

/** Last row of a sheet that has a cell in column A (the data's extent). */
function lastRow(book: Book, sheet: string): number {
  let last = 1;
  for (const ref of sheetTexts(book.parts, sheet).keys())
    if (/^A\d+$/.test(ref)) last = Math.max(last, parseRef(ref).row);
  return last;
}

function addBarChart(book: Book): void {
  const to = lastRow(book, 'Accounts');
  const cat = { sheet: 'Accounts', col: 'B', from: 2, to };
  const val = { sheet: 'Accounts', col: 'K', from: 2, to };
  // Column AB: right of every kam column, as a person places a chart beside the table.
  addChart(book, 'Accounts', 27, barChart(book, cat, val, [50010, 50020]) + axes(50010, 50020));
}

function addLineChart(book: Book): void {
  const to = lastRow(book, 'Transactions');
  const cat = { sheet: 'Transactions', col: 'A', from: 2, to, format: 'yyyy\\-mm\\-dd' };
  const val = { sheet: 'Transactions', col: 'D', from: 2, to };
  addChart(
    book,
    'Transactions',
    11,
    lineChart(book, cat, val, [60010, 60020]) + axes(60010, 60020),
  );
}

function addPieChart(book: Book): void {
  const to = lastRow(book, 'Contacts');
  const cat = { sheet: 'Contacts', col: 'B', from: 2, to };
  const val = { sheet: 'Contacts', col: 'G', from: 2, to };
  const pie =
    `<c:pieChart><c:varyColors val="1"/><c:ser>${seriesRefs(book, 0, cat, val)}</c:ser>` +
    '<c:firstSliceAng val="0"/></c:pieChart>';
  addChart(book, 'Contacts', 11, pie);
}

function addComboChart(book: Book): void {
  const to = lastRow(book, 'Transactions');
  const cat = { sheet: 'Transactions', col: 'B', from: 2, to };
  const bars = { sheet: 'Transactions', col: 'D', from: 2, to };
  const line = { sheet: 'Transactions', col: 'E', from: 2, to };
  // Excel's "clustered column – line on secondary axis": two chart groups, four axes.
  const plot =
    barChart(book, cat, bars, [70010, 70020], 0) +
    lineChart(book, cat, line, [70030, 70040], 1) +
    axes(70010, 70020) +
    axes(70030, 70040, true);
  const chart = addChart(book, 'Transactions', 11, plot);
  addChartShapes(book, chart, 'Unit price: right axis');
}

// ---------------------------------------------------------------------------------------------
// Pivot table (§18.10, parts §12.3.11–13): cache definition and records reachable from the
// workbook (<pivotCaches>), the table on a sheet of its own, reading Transactions!B1:D{n}.

function addPivotTable(book: Book): Show[] {
  const last = lastRow(book, 'Transactions');
  const texts = sheetTexts(book.parts, 'Transactions');
  const rows = Array.from({ length: last - 1 }, (_, i) => i + 2);
  const ids = [...new Set(rows.map((r) => texts.get(`B${r}`) ?? ''))];
  const qty = rows.map((r) => texts.get(`D${r}`));
  const numbers = qty.filter((q) => q !== undefined && Number.isFinite(Number(q))).map(Number);

  const cacheDef = book.freeName((n) => `xl/pivotCache/pivotCacheDefinition${n}.xml`);
  const records = book.freeName((n) => `xl/pivotCache/pivotCacheRecords${n}.xml`);
  const table = book.freeName((n) => `xl/pivotTables/pivotTable${n}.xml`);
  const recordsId = 'rId1';

  const idItems = ids.map((id) => (id === '' ? '<m/>' : `<s v="${escapeXml(id)}"/>`)).join('');
  const blankIds = ids.includes('') ? ' containsBlank="1"' : '';
  const products = rows.map((r) => texts.get(`C${r}`));
  const blankProducts = products.some((p) => p === undefined) ? ' containsBlank="1"' : '';
  const allNumbers = numbers.length === qty.length;
  const integers = numbers.every(Number.isInteger) ? ' containsInteger="1"' : '';
  const qtyItems = allNumbers
    ? `<sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1"${integers} ` +
      `minValue="${Math.min(...numbers)}" maxValue="${Math.max(...numbers)}"/>`
    : `<sharedItems containsMixedTypes="1" containsNumber="1" containsBlank="1"/>`;
  book.put(
    cacheDef,
    `${XML_DECL}<pivotCacheDefinition xmlns="${NS_MAIN}" xmlns:r="${NS_R}" r:id="${recordsId}" ` +
      `refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" ` +
      `recordCount="${rows.length}"><cacheSource type="worksheet">` +
      `<worksheetSource ref="B1:D${last}" sheet="Transactions"/></cacheSource>` +
      `<cacheFields count="3">` +
      `<cacheField name="${escapeXml(texts.get('B1') ?? '')}" numFmtId="0">` +
      `<sharedItems${blankIds} count="${ids.length}">${idItems}</sharedItems></cacheField>` +
      `<cacheField name="${escapeXml(texts.get('C1') ?? '')}" numFmtId="0">` +
      `<sharedItems${blankProducts}/></cacheField>` +
      `<cacheField name="${escapeXml(texts.get('D1') ?? '')}" numFmtId="0">` +
      `${qtyItems}</cacheField>` +
      `</cacheFields></pivotCacheDefinition>`,
  );
  const record = (r: number, i: number): string => {
    const p = texts.get(`C${r}`);
    const q = qty[i];
    const qv =
      q === undefined
        ? '<m/>'
        : Number.isFinite(Number(q))
          ? `<n v="${q}"/>`
          : `<s v="${escapeXml(q)}"/>`;
    const pv = p === undefined ? '<m/>' : `<s v="${escapeXml(p)}"/>`;
    return `<r><x v="${ids.indexOf(texts.get(`B${r}`) ?? '')}"/>${pv}${qv}</r>`;
  };
  book.put(
    records,
    `${XML_DECL}<pivotCacheRecords xmlns="${NS_MAIN}" xmlns:r="${NS_R}" count="${rows.length}">` +
      `${rows.map(record).join('')}</pivotCacheRecords>`,
  );
  book.relate(cacheDef, 'pivotCacheRecords', basename(records));
  book.override(cacheDef, CT('spreadsheetml.pivotCacheDefinition+xml'));
  book.override(records, CT('spreadsheetml.pivotCacheRecords+xml'));

  // The table lists account IDs in sorted order, as Excel shows row labels.
  const sorted = ids.map((id, x) => ({ id, x })).sort((a, b) => (a.id < b.id ? -1 : 1));
  const sums = new Map<string, number>();
  rows.forEach((r, i) => {
    const id = texts.get(`B${r}`) ?? '';
    const q = Number(qty[i]);
    sums.set(id, (sums.get(id) ?? 0) + (Number.isFinite(q) ? q : 0));
  });
  const top = 3;
  const end = top + sorted.length + 1;
  const cell = (ref: string, s: string): string =>
    `<c r="${ref}" t="s"><v>${book.addSharedString(`<t>${escapeXml(s)}</t>`)}</v></c>`;
  const dataName = `Sum of ${texts.get('D1') ?? ''}`;
  const lines = [
    `<row r="${top}">${cell(`A${top}`, 'Row Labels')}${cell(`B${top}`, dataName)}</row>`,
    ...sorted.map(
      ({ id }, i) =>
        `<row r="${top + 1 + i}">${cell(`A${top + 1 + i}`, id || '(blank)')}` +
        `<c r="B${top + 1 + i}"><v>${sums.get(id)}</v></c></row>`,
    ),
    `<row r="${end}">${cell(`A${end}`, 'Grand Total')}` +
      `<c r="B${end}"><v>${numbers.reduce((a, b) => a + b, 0)}</v></c></row>`,
  ];
  const sheet = book.addSheet(
    'Pivot',
    `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
      `<dimension ref="A${top}:B${end}"/>` +
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
      `<sheetFormatPr defaultRowHeight="15"/><sheetData>${lines.join('')}</sheetData>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '</worksheet>',
  );
  const items = sorted.map(({ x }) => `<item x="${x}"/>`).join('');
  const rowItems = sorted
    .map((_, i) => (i === 0 ? '<i><x/></i>' : `<i><x v="${i}"/></i>`))
    .join('');
  book.put(
    table,
    `${XML_DECL}<pivotTableDefinition xmlns="${NS_MAIN}" name="PivotTable1" cacheId="1" ` +
      'applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" ' +
      'applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" ' +
      'dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" ' +
      'itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" ' +
      'multipleFieldFilters="0">' +
      `<location ref="A${top}:B${end}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>` +
      '<pivotFields count="3">' +
      `<pivotField axis="axisRow" showAll="0"><items count="${sorted.length + 1}">${items}` +
      '<item t="default"/></items></pivotField>' +
      '<pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>' +
      '<rowFields count="1"><field x="0"/></rowFields>' +
      `<rowItems count="${sorted.length + 1}">${rowItems}<i t="grand"><x/></i></rowItems>` +
      '<colItems count="1"><i/></colItems>' +
      `<dataFields count="1"><dataField name="${escapeXml(dataName)}" fld="2" baseField="0" ` +
      'baseItem="0"/></dataFields>' +
      '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" ' +
      'showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>',
  );
  book.override(table, CT('spreadsheetml.pivotTable+xml'));
  book.relate(sheet, 'pivotTable', `../pivotTables/${basename(table)}`);
  book.relate(table, 'pivotCacheDefinition', `../pivotCache/${basename(cacheDef)}`);
  const cacheRel = book.relate(WORKBOOK, 'pivotCacheDefinition', cacheDef.slice('xl/'.length));
  book.workbookChild(
    'pivotCaches',
    `<pivotCaches><pivotCache cacheId="1" r:id="${cacheRel}"/></pivotCaches>`,
  );
  // LibreOffice recomputes the table from the cache: these rows prove it read all three parts.
  return sorted.map(({ id }) => ({ sheet: 'Pivot', line: `${id},${sums.get(id)}` }));
}

// ---------------------------------------------------------------------------------------------
// The other features, each on a sheet a person owns.

/** The smallest valid PNG: one transparent pixel (IHDR, IDAT, IEND; CRCs checked). */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kg' +
    'AAAABJRU5ErkJggg==',
  'base64',
);

function addImage(book: Book): void {
  const media = book.freeName((n) => `xl/media/image${n}.png`);
  book.put(media, PNG_1X1);
  book.defaultType('png', 'image/png');
  book.addDrawing('Accounts', (drawing) => {
    const id = book.relate(drawing, 'image', `../media/${basename(media)}`);
    const pic =
      '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Picture 1" descr="team logo"/>' +
      '<xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>' +
      `<xdr:blipFill><a:blip xmlns:r="${NS_R}" r:embed="${id}"/>` +
      '<a:stretch><a:fillRect/></a:stretch></xdr:blipFill>' +
      '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm>' +
      '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>';
    return anchor(27, 1, 2, 5, pic, 'oneCell');
  });
}

/** A note on Accounts!B2 as Excel writes one: comments part (§18.7) and its VML shape. */
function addComments(book: Book): void {
  const sheet = sheetPart(book.parts, 'Accounts');
  const comments = book.freeName((n) => `xl/comments${n}.xml`);
  const vml = book.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
  const font = '<sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/>';
  book.put(
    comments,
    `${XML_DECL}<comments xmlns="${NS_MAIN}"><authors><author>KAM Lead</author></authors>` +
      '<commentList><comment ref="B2" authorId="0"><text>' +
      `<r><rPr><b/>${font}</rPr><t>KAM Lead:</t></r>` +
      `<r><rPr>${font}</rPr><t xml:space="preserve">\nRenewal talks start in Q1.</t></r>` +
      '</text></comment></commentList></comments>',
  );
  // ECMA-376 Part 4 §19 (VML): Excel's note shape; x:Row/x:Column are 0-based (B2 → 1, 1).
  book.put(
    vml,
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"' +
      ' xmlns:o="urn:schemas-microsoft-com:office:office"' +
      ' xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
      ' <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>\n' +
      ' <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"' +
      ' path="m,l,21600r21600,l21600,xe">\n' +
      '  <v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/>\n' +
      ' </v:shapetype>\n' +
      ' <v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;' +
      'margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;' +
      'visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">\n' +
      '  <v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>\n' +
      '  <v:path o:connecttype="none"/>\n' +
      '  <v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div>' +
      '</v:textbox>\n' +
      '  <x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
      '<x:Anchor>2, 15, 0, 2, 4, 15, 4, 4</x:Anchor><x:AutoFill>False</x:AutoFill>' +
      '<x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData>\n' +
      ' </v:shape>\n</xml>\n',
  );
  book.defaultType('vml', CT('vmlDrawing'));
  book.override(comments, CT('spreadsheetml.comments+xml'));
  book.relate(sheet, 'comments', `../${basename(comments)}`);
  const id = book.relate(sheet, 'vmlDrawing', `../drawings/${basename(vml)}`);
  book.declare(sheet, 'r', NS_R);
  book.sheetChild('Accounts', 'legacyDrawing', `<legacyDrawing r:id="${id}"/>`);
}

/** "Format as Table" over the whole Contacts range (§18.5). */
function addTable(book: Book): void {
  const texts = sheetTexts(book.parts, 'Contacts');
  const headers: string[] = [];
  for (let c = 1; texts.get(`${colName(c)}1`); c++) headers.push(texts.get(`${colName(c)}1`) ?? '');
  const ref = `A1:${colName(headers.length)}${lastRow(book, 'Contacts')}`;
  const part = book.freeName((n) => `xl/tables/table${n}.xml`);
  const columns = headers
    .map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`)
    .join('');
  book.put(
    part,
    `${XML_DECL}<table xmlns="${NS_MAIN}" id="1" name="ContactsTable" ` +
      'displayName="ContactsTable" ' +
      `ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/>` +
      `<tableColumns count="${headers.length}">${columns}</tableColumns>` +
      '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" ' +
      'showRowStripes="1" showColumnStripes="0"/></table>',
  );
  book.override(part, CT('spreadsheetml.table+xml'));
  const sheet = sheetPart(book.parts, 'Contacts');
  const id = book.relate(sheet, 'table', `../tables/${basename(part)}`);
  book.declare(sheet, 'r', NS_R);
  book.sheetChild(
    'Contacts',
    'tableParts',
    `<tableParts count="1"><tablePart r:id="${id}"/></tableParts>`,
  );
}

/** A data bar on Accounts!K (Credit Limit), a user column of a sheet kam rewrites (§18.3.1.28). */
function addConditionalFormatting(book: Book): void {
  const xml = book.get(sheetPart(book.parts, 'Accounts'));
  const priorities = [...xml.matchAll(/<cfRule\b[^>]*\spriority="(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
  const priority = Math.max(0, ...priorities) + 1;
  book.sheetChild(
    'Accounts',
    'conditionalFormatting',
    `<conditionalFormatting sqref="K2:K1000"><cfRule type="dataBar" priority="${priority}">` +
      '<dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
      '</cfRule></conditionalFormatting>',
  );
}

/** A dropdown on Accounts!E (Region), a user column kam sets no rule on (§18.3.1.32). */
function addDataValidation(book: Book): void {
  const part = sheetPart(book.parts, 'Accounts');
  const rule =
    '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" ' +
    'sqref="E2:E500"><formula1>"North China,South China,East China,West China"</formula1>' +
    '</dataValidation>';
  const xml = book.get(part);
  const existing = child(xml, 'dataValidations');
  if (!existing) {
    book.sheetChild(
      'Accounts',
      'dataValidations',
      `<dataValidations count="1">${rule}</dataValidations>`,
    );
    return;
  }
  const count = children(existing.xml).length + 1;
  const inner = existing.open.endsWith('/>')
    ? ''
    : existing.xml.slice(existing.open.length, -'</dataValidations>'.length);
  const next = `<dataValidations count="${count}">${inner}${rule}</dataValidations>`;
  book.put(part, replaceOnce(xml, existing.xml, next));
}

/** One workbook-level name and two sheet-local ones (§18.2.5), one of them Excel's print area. */
function addDefinedNames(book: Book): void {
  const index = (name: string): number =>
    sheetEntries(book.parts).findIndex((s) => s.name === name);
  const names =
    `<definedName name="_xlnm.Print_Area" localSheetId="${index('Contacts')}">` +
    `${escapeXml(sheetRef('Contacts', '$A$1:$J$20'))}</definedName>` +
    `<definedName name="Quantities" localSheetId="${index('Transactions')}">` +
    `${escapeXml(sheetRef('Transactions', '$D$2:$D$20'))}</definedName>` +
    `<definedName name="TopAccounts">${escapeXml(sheetRef('Accounts', '$A$2:$B$3'))}</definedName>`;
  const xml = book.get(WORKBOOK);
  if (child(xml, 'definedNames'))
    book.put(WORKBOOK, replaceOnce(xml, '</definedNames>', `${names}</definedNames>`));
  else book.workbookChild('definedNames', `<definedNames>${names}</definedNames>`);
}

/** An external link with its relationship, and a link to a place in the workbook (§18.3.1.47). */
function addHyperlinks(book: Book): void {
  const part = sheetPart(book.parts, 'Accounts');
  const id = book.relate(part, 'hyperlink', 'https://example.com/accounts/KA-0001', true);
  book.declare(part, 'r', NS_R);
  book.sheetChild(
    'Accounts',
    'hyperlinks',
    `<hyperlinks><hyperlink ref="B2" r:id="${id}"/>` +
      `<hyperlink ref="A3" location="'Transactions'!A1" display="Transactions"/></hyperlinks>`,
  );
}

function addVeryHiddenSheet(book: Book): Show[] {
  const inline = (ref: string, s: string): string =>
    `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(s)}</t></is></c>`;
  book.addSheet(
    'Lookup',
    `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="A1:B2"/>` +
      `<sheetData><row r="1">${inline('A1', 'Code')}${inline('B1', 'Meaning')}</row>` +
      `<row r="2">${inline('A2', 'S')}${inline('B2', 'Strategic')}</row></sheetData>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '</worksheet>',
    'veryHidden',
  );
  return [{ sheet: 'Lookup', line: 'S,Strategic' }];
}

/** Header row and the first two columns frozen on Contacts (§18.3.1.66), Excel's selections. */
function addFrozenPanes(book: Book): void {
  const part = sheetPart(book.parts, 'Contacts');
  const views =
    '<sheetViews><sheetView workbookViewId="0"><pane xSplit="2" ySplit="1" topLeftCell="C2" ' +
    'activePane="bottomRight" state="frozen"/><selection pane="topRight" activeCell="C1" ' +
    'sqref="C1"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '<selection pane="bottomRight" activeCell="C2" sqref="C2"/></sheetView></sheetViews>';
  const existing = child(book.get(part), 'sheetViews');
  if (existing) book.put(part, replaceOnce(book.get(part), existing.xml, views));
  else book.sheetChild('Contacts', 'sheetViews', views);
}

/** A merged title over two columns right of the kam columns of Accounts (§18.3.1.55). */
function addMergedCells(book: Book): void {
  const part = sheetPart(book.parts, 'Accounts');
  const title = book.addSharedString('<t>Team notes</t>');
  const note = book.addSharedString('<t>Renewal in Q1</t>');
  book.setCell(part, 'AB1', `<c r="AB1" t="s"><v>${title}</v></c>`);
  book.setCell(part, 'AB2', `<c r="AB2" t="s"><v>${note}</v></c>`);
  book.sheetChild(
    'Accounts',
    'mergeCells',
    '<mergeCells count="2"><mergeCell ref="AB1:AC1"/><mergeCell ref="AB2:AC3"/></mergeCells>',
  );
}

/** Accounts!B2's name as a shared string of two runs, bold first word (§18.4.4, §18.4.8). */
function addRichText(book: Book): void {
  const part = sheetPart(book.parts, 'Accounts');
  const cell = cells(book.get(part)).get('B2') as XmlElement;
  const name = cellText(cell, sharedStrings(book.parts)) ?? '';
  const [first, ...rest] = name.split(' ');
  const font =
    '<sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/>';
  const runs =
    `<r><rPr><b/>${font}</rPr><t>${escapeXml(first)}</t></r>` +
    (rest.length
      ? `<r><rPr>${font}</rPr><t xml:space="preserve"> ${escapeXml(rest.join(' '))}</t></r>`
      : '');
  const index = book.addSharedString(runs);
  const s = attr(cell.open, 's');
  book.setCell(part, 'B2', `<c r="B2"${s ? ` s="${s}"` : ''} t="s"><v>${index}</v></c>`);
}

/**
 * Rows of Transactions whose Amount is blank and whose Quantity and Unit Price are numbers, each
 * with the cached value of `=D*E`: the product kam itself computes from the two cells when
 * Amount is blank, so the formula changes no result (§18.3.1.40).
 */
function amountRows(book: Book): { row: number; value: string }[] {
  const texts = sheetTexts(book.parts, 'Transactions');
  const rows: { row: number; value: string }[] = [];
  const last = lastRow(book, 'Transactions');
  for (let r = 2; r <= last; r++) {
    const q = Number(texts.get(`D${r}`) ?? NaN);
    const p = Number(texts.get(`E${r}`) ?? NaN);
    if (!texts.has(`F${r}`) && Number.isFinite(q) && Number.isFinite(p))
      rows.push({ row: r, value: String(q * p) });
  }
  return rows;
}

function addFormulas(book: Book): void {
  const part = sheetPart(book.parts, 'Transactions');
  const formulas = new Map<string, string>();
  for (const { row: r, value } of amountRows(book))
    formulas.set(`F${r}`, `<c r="F${r}"><f>D${r}*E${r}</f><v>${value}</v></c>`);
  book.setCells(part, formulas);
  // A text formula in a user column of a sheet kam rewrites (Accounts!N, Notes).
  const accounts = sheetPart(book.parts, 'Accounts');
  const name = escapeXml(`Call ${sheetTexts(book.parts, 'Accounts').get('B2') ?? ''}`);
  const s = attr(cells(book.get(accounts)).get('N2')?.open ?? '', 's');
  const style = s ? ` s="${s}"` : '';
  book.setCell(accounts, 'N2', `<c r="N2"${style} t="str"><f>"Call "&amp;B2</f><v>${name}</v></c>`);
}

/** The same D*E, as shared formulas: a master per run of rows and its dependents (§18.3.1.40). */
function addSharedFormulas(book: Book): void {
  const runs: { row: number; value: string }[][] = [];
  for (const r of amountRows(book)) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1].row === r.row - 1) run.push(r);
    else runs.push([r]);
  }
  const formulas = new Map<string, string>();
  let si = 0;
  for (const run of runs) {
    const [master, ...dependents] = run;
    const m = master.row;
    if (dependents.length === 0) {
      formulas.set(`F${m}`, `<c r="F${m}"><f>D${m}*E${m}</f><v>${master.value}</v></c>`);
      continue;
    }
    const ref = `F${m}:F${run[run.length - 1].row}`;
    formulas.set(
      `F${m}`,
      `<c r="F${m}"><f t="shared" ref="${ref}" si="${si}">D${m}*E${m}</f>` +
        `<v>${master.value}</v></c>`,
    );
    for (const { row: r, value } of dependents)
      formulas.set(`F${r}`, `<c r="F${r}"><f t="shared" si="${si}"/><v>${value}</v></c>`);
    si++;
  }
  book.setCells(sheetPart(book.parts, 'Transactions'), formulas);
}

/** Excel's built-in date formats (§18.8.30) and any custom format with a date or time code. */
function dateStyles(book: Book): Set<string> {
  const styles = book.get('xl/styles.xml');
  const custom = new Map<string, string>();
  for (const m of styles.matchAll(/<numFmt\b[^>]*>/g))
    custom.set(attr(m[0], 'numFmtId') ?? '', attr(m[0], 'formatCode') ?? '');
  const isDate = (id: string): boolean => {
    const n = Number(id);
    if (
      (n >= 14 && n <= 22) ||
      (n >= 45 && n <= 47) ||
      (n >= 27 && n <= 36) ||
      (n >= 50 && n <= 58)
    )
      return true;
    const code = (custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    return /[ymdhs]/i.test(code);
  };
  const xfs = children(child(styles, 'cellXfs')?.xml ?? '');
  const out = new Set<string>();
  xfs.forEach((xf, i) => {
    if (isDate(attr(xf.open, 'numFmtId') ?? '0')) out.add(String(i));
  });
  return out;
}

/**
 * The 1904 date system (§18.2.28 workbookPr date1904, §18.17.4.1): every date serial is 1,462
 * days smaller for the same day, so the fixture means exactly what the base meant.
 */
function useDate1904(book: Book): void {
  const dates = dateStyles(book);
  for (const { part } of sheetEntries(book.parts)) {
    const moved = new Map<string, string>();
    for (const [ref, c] of cells(book.get(part))) {
      const t = attr(c.open, 't');
      const v = child(c.xml, 'v');
      if (!v || (t && t !== 'n') || !dates.has(attr(c.open, 's') ?? '0')) continue;
      // Exact in binary: the difference is a multiple of the serial's own precision.
      const serial = Number(v.xml.replace(/<[^>]*>/g, ''));
      moved.set(ref, c.xml.replace(v.xml, `<v>${serial - 1462}</v>`));
    }
    if (moved.size > 0) book.setCells(part, moved);
  }
  const wb = book.get(WORKBOOK);
  const pr = child(wb, 'workbookPr');
  if (pr)
    book.put(
      WORKBOOK,
      replaceOnce(wb, pr.open, pr.open.replace(/<workbookPr\b/, '<workbookPr date1904="1"')),
    );
  else book.workbookChild('workbookPr', '<workbookPr date1904="1"/>');
}

/** `<c t="s">` → `<c t="inlineStr"><is><t>…</t></is></c>` (§18.3.1.53), rich runs kept. */
function inlineCell(c: XmlElement, items: readonly XmlElement[]): string {
  const index = Number((child(c.xml, 'v')?.xml ?? '').replace(/<[^>]*>/g, ''));
  const si = items[index]?.xml ?? '<si><t></t></si>';
  const inner = si.replace(/^<si\b[^>]*>/, '').replace(/<\/si>$/, '');
  const open = c.open.replace(/\st="s"/, ' t="inlineStr"').replace(/\s*\/>$/, '>');
  return `${open}<is>${inner}</is></c>`;
}

function inlineSheetStrings(book: Book, sheet: string, keep: (ref: string) => boolean): void {
  const part = sheetPart(book.parts, sheet);
  const sstPart = sharedStringsPart(book.parts);
  const items = sstPart ? children(book.get(sstPart)).filter((x) => x.name === 'si') : [];
  const inline = new Map<string, string>();
  for (const [ref, c] of cells(book.get(part)))
    if (attr(c.open, 't') === 's' && keep(ref)) inline.set(ref, inlineCell(c, items));
  if (inline.size > 0) book.setCells(part, inline);
}

/** Inline strings in user columns: Accounts A–N and Transactions C (Product). */
function useInlineStrings(book: Book): void {
  inlineSheetStrings(book, 'Accounts', (ref) => parseRef(ref).col <= 14);
  inlineSheetStrings(book, 'Transactions', (ref) => ref.startsWith('C'));
}

/** Every string inline and no shared-string part at all, as some writers produce. */
function dropSharedStrings(book: Book): void {
  const part = sharedStringsPart(book.parts);
  for (const { name } of sheetEntries(book.parts)) inlineSheetStrings(book, name, () => true);
  if (!part) return;
  book.parts.delete(part);
  const rels = relsPartOf(WORKBOOK);
  book.put(rels, book.get(rels).replace(/<Relationship\b[^>]*\/sharedStrings"[^>]*\/>/, ''));
  const types = book.get('[Content_Types].xml');
  book.put(
    '[Content_Types].xml',
    types.replace(new RegExp(`<Override PartName="/${part}"[^>]*/>`), ''),
  );
}

// ---------------------------------------------------------------------------------------------

const sheetTag = (parts: Parts, name: string): string =>
  children(child(text(parts, WORKBOOK), 'sheets')?.xml ?? '').find(
    (s) => attr(s.open, 'name') === name,
  )?.open ?? '';

const definedName = (name: string, sheet?: string): Keep => ({
  what: `xl/workbook.xml keeps the defined name ${name}${sheet ? ` local to ${sheet}` : ''}`,
  holds: (after) => {
    const local = sheet ? String(sheetEntries(after).findIndex((s) => s.name === sheet)) : null;
    return children(child(text(after, WORKBOOK), 'definedNames')?.xml ?? '').some(
      (d) => attr(d.open, 'name') === name && attr(d.open, 'localSheetId') === local,
    );
  },
});

const sheetState = (name: string, state: string): Keep => ({
  what: `sheet ${name} stays ${state}`,
  holds: (after) => attr(sheetTag(after, name), 'state') === state,
});

interface Feature {
  readonly name: string;
  readonly origin: string;
  /** Edits the package; returns what LibreOffice must show of the feature, if anything. */
  readonly build: (book: Book) => readonly Show[] | void;
  readonly keeps?: readonly Keep[];
  readonly differs?: readonly string[];
}

const BY = 'built by test/support/xlsx-gallery.ts following ECMA-376 Part 1';

const FEATURES: readonly Feature[] = [
  { name: 'bar-chart', origin: `${BY} §21.2 (barChart), §20.5 on Accounts`, build: addBarChart },
  {
    name: 'line-chart',
    origin: `${BY} §21.2 (lineChart), §20.5 on Transactions`,
    build: addLineChart,
  },
  { name: 'pie-chart', origin: `${BY} §21.2 (pieChart), §20.5 on Contacts`, build: addPieChart },
  {
    name: 'combo-chart',
    origin: `${BY} §21.2 (barChart + lineChart, secondary axis), §21.3 (text box and logo on it)`,
    build: addComboChart,
  },
  {
    name: 'pivot-table',
    origin: `${BY} §18.10, §12.3.11–13 (Transactions!B:D by account, sheet Pivot)`,
    build: addPivotTable,
    keeps: [
      {
        what: 'xl/workbook.xml keeps <pivotCaches> pointing at the cache definition',
        holds: (after) => {
          const caches = child(text(after, WORKBOOK), 'pivotCaches');
          const id = attr(children(caches?.xml ?? '')[0]?.open ?? '', 'r:id');
          return relationships(after, WORKBOOK).some(
            (r) => r.id === id && r.part === 'xl/pivotCache/pivotCacheDefinition1.xml',
          );
        },
      },
    ],
  },
  { name: 'image', origin: `${BY} §20.5.2.25 (pic), PNG media, on Accounts`, build: addImage },
  {
    name: 'comments',
    origin: `${BY} §18.7 and Part 4 §19 (VML note) on Accounts!B2`,
    build: addComments,
  },
  { name: 'excel-table', origin: `${BY} §18.5 (table) over Contacts`, build: addTable },
  {
    name: 'conditional-formatting',
    origin: `${BY} §18.3.1.18, §18.3.1.28 (dataBar) on Accounts!K`,
    build: addConditionalFormatting,
  },
  {
    name: 'data-validation',
    origin: `${BY} §18.3.1.32 (list) on Accounts!E`,
    build: addDataValidation,
  },
  {
    name: 'defined-names',
    origin: `${BY} §18.2.5 (workbook-level and sheet-local names)`,
    build: addDefinedNames,
    keeps: [
      definedName('TopAccounts'),
      definedName('Quantities', 'Transactions'),
      definedName('_xlnm.Print_Area', 'Contacts'),
    ],
  },
  {
    name: 'hyperlinks',
    origin: `${BY} §18.3.1.47 (external with a relationship, internal) on Accounts`,
    build: addHyperlinks,
  },
  {
    name: 'hidden-sheet',
    origin: `${BY} §18.2.19 (sheet state="hidden": Account Plans)`,
    build: (book) => book.setSheetState('Account Plans', 'hidden'),
    keeps: [sheetState('Account Plans', 'hidden')],
  },
  {
    name: 'very-hidden-sheet',
    origin: `${BY} §18.2.19 (a new sheet Lookup, state="veryHidden")`,
    build: addVeryHiddenSheet,
    keeps: [sheetState('Lookup', 'veryHidden')],
  },
  {
    name: 'frozen-panes',
    origin: `${BY} §18.3.1.66 (pane: header row and two columns on Contacts)`,
    build: addFrozenPanes,
  },
  {
    name: 'merged-cells',
    origin: `${BY} §18.3.1.55 (mergeCells beside the kam columns of Accounts)`,
    build: addMergedCells,
    differs: ['Accounts'],
  },
  {
    name: 'rich-text',
    origin: `${BY} §18.4.4 (rich text runs in a shared string, Accounts!B2)`,
    build: addRichText,
  },
  {
    name: 'formulas',
    origin: `${BY} §18.3.1.40 (formulas with cached values: Transactions!F, Accounts!N2)`,
    build: addFormulas,
    differs: ['Accounts', 'Transactions'],
  },
  {
    name: 'shared-formulas',
    origin: `${BY} §18.3.1.40 (t="shared" masters and dependents in Transactions!F)`,
    build: addSharedFormulas,
    differs: ['Transactions'],
  },
  {
    name: 'date1904',
    origin: `${BY} §18.2.28 (date1904="1"), §18.17.4.1 (serials moved by 1,462 days)`,
    build: useDate1904,
    keeps: [
      {
        what: 'xl/workbook.xml keeps date1904',
        holds: (after) =>
          /^(1|true)$/.test(
            attr(child(text(after, WORKBOOK), 'workbookPr')?.open ?? '', 'date1904') ?? '',
          ),
      },
    ],
  },
  {
    name: 'inline-strings',
    origin: `${BY} §18.3.1.53 (t="inlineStr" in Accounts A–N, Transactions!C)`,
    build: useInlineStrings,
  },
  {
    name: 'no-shared-strings',
    origin: `${BY} §18.3.1.53 (every string inline, no xl/sharedStrings.xml)`,
    build: dropSharedStrings,
  },
];

/** The fixtures `buildGallery` makes, in order; `libreOfficeFixture` adds `libreoffice`. */
export const GALLERY_NAMES: readonly string[] = ['plain', ...FEATURES.map((f) => f.name)];

export const PLAIN_ORIGIN =
  'written by `kam demo` (the plain base every other fixture starts from)';

/**
 * The gallery: the plain base and one fixture per feature, each built from a fresh copy of
 * `base` (the bytes of a kam workbook).
 */
export async function buildGallery(base: Buffer): Promise<Fixture[]> {
  const plain = { name: 'plain', origin: PLAIN_ORIGIN, bytes: base, keeps: [], differs: [] };
  const out: Fixture[] = [{ ...plain, shows: [] }];
  const parts = await unzipParts(base);
  for (const f of FEATURES) {
    // A fresh map over the same buffers: Book replaces parts, it never writes into a buffer.
    const book = new Book(new Map(parts));
    const shows = f.build(book) ?? [];
    out.push({
      name: f.name,
      origin: f.origin,
      bytes: await zipParts(book.parts),
      keeps: f.keeps ?? [],
      differs: f.differs ?? [],
      shows,
    });
  }
  return out;
}

/**
 * The base with its Transactions worksheet cut in half: well-formed zip, broken XML. Returns the
 * bytes and the name of the broken part.
 */
export async function corruptWorksheet(base: Buffer): Promise<{ bytes: Buffer; part: string }> {
  const parts = await unzipParts(base);
  const part = sheetPart(parts, 'Transactions');
  const data = parts.get(part) as Buffer;
  parts.set(part, data.subarray(0, Math.floor(data.length / 2)));
  return { bytes: await zipParts(parts), part };
}

export interface Soffice {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs LibreOffice headless with a private profile (parallel runs would otherwise fight over the
 * user's), so nothing outside `profile` is touched.
 */
export function soffice(bin: string, profile: string, args: readonly string[]): Promise<Soffice> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [`-env:UserInstallation=file://${profile}`, '--headless', ...args], {
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * Every sheet of each file to CSV, in one LibreOffice run: the filter's 12th token (-1) exports
 * all sheets as `NAME-SHEET.csv` (LibreOffice 7.2+); UTF-8 (76), comma, double quotes, formatted
 * as shown (the 9th token).
 */
export const CSV_FILTER =
  'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/**
 * The one fixture kam did not build: the plain base converted by LibreOffice (Calc's own .xlsx
 * export, "Calc MS Excel 2007 XML"). Its origin names the LibreOffice version that wrote it.
 */
export async function libreOfficeFixture(
  bin: string,
  profile: string,
  basePath: string,
  dir: string,
): Promise<Fixture> {
  const outdir = join(dir, 'libreoffice-export');
  mkdirSync(outdir, { recursive: true });
  const run = await soffice(bin, profile, ['--convert-to', 'xlsx', '--outdir', outdir, basePath]);
  const written = join(outdir, basename(basePath));
  let bytes: Buffer;
  try {
    bytes = readFileSync(written);
  } catch {
    throw new Error(`LibreOffice did not write ${written}: ${run.stderr || run.stdout}`);
  }
  const app = (await unzipParts(bytes)).get('docProps/app.xml')?.toString('utf8') ?? '';
  const version = /<Application>([^<]*)<\/Application>/.exec(app)?.[1] ?? 'LibreOffice';
  return {
    name: 'libreoffice',
    origin: `written by ${version} headless (soffice --convert-to xlsx of the plain fixture)`,
    bytes,
    keeps: [],
    differs: [],
    shows: [],
  };
}
