import { dateCell, instantCell, type CellValue } from '../../../src/core/values/cell';
import { readSheetValues } from '../../../src/node/xlsx/package/sheet-read';
import { rewriteSheet, NEW_SHEET_XML } from '../../../src/node/xlsx/package/sheet-write';
import { PackageStyles } from '../../../src/node/xlsx/package/styles';
import { escapeXml, unescapeXstring } from '../../../src/node/xlsx/package/xml';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (rows: string, extra = '') =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1:C3"/>` +
      `<sheetData>${rows}</sheetData>${extra}</worksheet>`,
    'utf8',
  );
const STYLES =
  `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>` +
  '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>' +
  '<xf numFmtId="4" fontId="1" applyFont="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>';

function read(xml: Buffer, strings: string[] = [], date1904 = false, styles = STYLES) {
  const st = new PackageStyles(styles);
  return readSheetValues(xml, 'xl/worksheets/sheet1.xml', {
    strings: () => strings,
    isDateStyle: (s) => st.isDate(s),
    date1904,
  });
}

function write(xml: Buffer, cells: [number, number, CellValue][], date1904 = false) {
  const styles = new PackageStyles(STYLES);
  const overlay = new Map<number, (CellValue | undefined)[]>();
  for (const [r, c, v] of cells) (overlay.get(r) ?? overlay.set(r, []).get(r)!)[c - 1] = v;
  const out = rewriteSheet(xml, 'xl/worksheets/sheet1.xml', overlay, { styles, date1904 });
  return { ...out, xml: out.bytes.toString('utf8'), styles };
}

describe('reading a worksheet part', () => {
  it('reads every cell type as Sheets would show it', () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>rich </t></r><r><t>text</t></r></is></c>' +
        '<c r="C1" t="b"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" s="2"><v>45000.5</v></c>' +
        '<c r="C2" t="e"><v>#N/A</v></c><c r="D2"><f>1+1</f><v>2</v></c><c r="E2" t="str"><f>A1</f><v>x</v></c></row>' +
        '<row r="4"><c r="B4" s="3"><v>1.5</v></c></row>',
    );
    const { grid, lastRow } = read(xml, ['shared']);
    expect(lastRow).toBe(4);
    expect(grid[0]).toEqual(['shared', 'rich text', true, null, null]);
    expect(grid[1][0]).toEqual(dateCell(45000 - 25569));
    // A custom Chinese date format is a date; the fraction is the time of day.
    expect(grid[1][1]).toEqual({ kind: 'date', day: 45000 - 25569, seconds: 43200 });
    expect(grid[1].slice(2)).toEqual(['#N/A', 2, 'x']);
    expect(grid[2]).toEqual([null, null, null, null, null]);
    expect(grid[3][1]).toBe(1.5);
  });

  it('counts dates from 1904 in a 1904 workbook', () => {
    const xml = sheet('<row r="1"><c r="A1" s="1"><v>43538</v></c></row>');
    expect(read(xml, [], true).grid[0][0]).toEqual(dateCell(43538 + 1462 - 25569));
  });

  it('leaves phonetic guides out and blanks cells under a merge', () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>' +
        '<c r="B1"><v>9</v></c></row>',
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
    );
    expect(read(xml).grid).toEqual([['東京']]);
  });

  it('reads cells and rows without references in order', () => {
    const xml = sheet(
      '<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="inlineStr"><is><t>a</t></is></c></row>',
    );
    expect(read(xml).grid).toEqual([
      [1, 2],
      ['a', null],
    ]);
  });

  it('names the part and the place of malformed XML', () => {
    expect(() =>
      read(Buffer.from(`<worksheet ${NS}><sheetData><row></sheetData></worksheet>`)),
    ).toThrow(/^xl\/worksheets\/sheet1\.xml: .*1:\d+/);
  });

  it('treats the East Asian built-in date formats as dates', () => {
    const styles = `<styleSheet ${NS}><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="57"/></cellXfs></styleSheet>`;
    const xml = sheet(
      '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>45000</v></c></row>',
    );
    expect(read(xml, [], false, styles).grid[0]).toEqual([
      dateCell(45000 - 25569),
      dateCell(45000 - 25569),
    ]);
  });
});

describe('writing cells into a worksheet part', () => {
  const base = sheet(
    '<row r="1" spans="1:3" ht="20" customHeight="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>7</v></c><c r="C1"><f>B1*2</f><v>14</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c></row>',
    '<conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>1</formula></cfRule></conditionalFormatting>',
  );

  it('keeps every cell, row attribute and element it does not write, byte for byte', () => {
    const { xml, removedFormula } = write(base, [[1, 4, 'new']]);
    expect(removedFormula).toBe(false);
    expect(xml).toContain(
      '<c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>7</v></c><c r="C1"><f>B1*2</f><v>14</v></c>',
    );
    expect(xml).toContain('<row r="1" ht="20" customHeight="1">');
    expect(xml).toContain('<c r="D1" t="inlineStr"><is><t xml:space="preserve">new</t></is></c>');
    expect(xml).toContain('<row r="3"><c r="A3"><v>3</v></c></row>');
    expect(xml).toContain('<conditionalFormatting sqref="A1:A9">');
    expect(xml).toContain('<dimension ref="A1:D3"/>');
  });

  it('puts new rows and cells in ascending order and keeps a written cell its style', () => {
    const { xml } = write(base, [
      [2, 2, 5],
      [5, 1, true],
      [1, 2, 8],
    ]);
    expect(xml.indexOf('<row r="2">')).toBeGreaterThan(xml.indexOf('<row r="1"'));
    expect(xml.indexOf('<row r="2">')).toBeLessThan(xml.indexOf('<row r="3">'));
    expect(xml).toContain('<row r="5"><c r="A5" t="b"><v>1</v></c></row>');
    expect(xml).toContain('<c r="B1" s="3"><v>8</v></c>');
  });

  it('says when it overwrote a formula (the calculation chain must go)', () => {
    expect(write(base, [[1, 3, 1]]).removedFormula).toBe(true);
  });

  it('blanks a cell but keeps its style, and writes dates with a date variant of that style', () => {
    const { xml, styles } = write(base, [
      [1, 2, null],
      [3, 1, dateCell(20000)],
      [3, 2, instantCell(Date.UTC(2025, 0, 1, 12))],
    ]);
    expect(xml).toContain('<c r="B1" s="3"/>');
    expect(xml).toMatch(/<c r="A3" s="(\d+)"><v>45569<\/v><\/c>/);
    const s = Number(/<c r="A3" s="(\d+)"/.exec(xml)?.[1]);
    expect(styles.isDate(s)).toBe(true);
    const out = styles.serialize();
    expect(out).toContain('formatCode="yyyy-mm-dd"');
    expect(out).toContain('formatCode="yyyy-mm-dd hh:mm"');
    expect(out).toMatch(/<cellXfs count="6">/);
  });

  it('writes text that reads back as it was: markup, control characters, escapes, emoji', () => {
    const texts = [
      '<b>&"x"</b>',
      'tab\there\u0001',
      'literal _x0041_ stays',
      '客户 👍',
      ' padded ',
    ];
    const { bytes } = write(
      NEW_SHEET_XML,
      texts.map((t, i) => [1, i + 1, t] as [number, number, CellValue]),
    );
    expect(read(bytes).grid[0]).toEqual(texts);
  });

  it('round-trips numbers, booleans and dates through a new sheet', () => {
    const values: CellValue[] = [
      0.1 + 0.2,
      -5e-7,
      1e21,
      false,
      dateCell(20000),
      { kind: 'date', day: 20000, seconds: 3600 },
    ];
    const written = write(
      NEW_SHEET_XML,
      values.map((v, i) => [2, i + 1, v] as [number, number, CellValue]),
    );
    const st = written.styles;
    const back = readSheetValues(written.bytes, 'x', {
      strings: () => [],
      isDateStyle: (s) => st.isDate(s),
      date1904: false,
    });
    expect(back.grid[1]).toEqual(values);
  });

  it('escapes and unescapes the ST_Xstring way', () => {
    expect(escapeXml('a\u0002_x0041_')).toBe('a_x0002__x005F_x0041_');
    expect(unescapeXstring('a_x0002__x005F_x0041_')).toBe('a\u0002_x0041_');
  });
});
