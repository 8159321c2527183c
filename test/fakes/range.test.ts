import { createGas } from './index';

function setup(options: Parameters<typeof createGas>[0] = {}) {
  const gas = createGas(options);
  const ss = gas.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Sheet1')!;
  return { ...gas, ss, sheet };
}

describe('Range.getValues', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  // "The values may be of type Number, Boolean, Date, or String, depending on the value of the
  // cell. Empty cells are represented by an empty string in the array."
  it('returns numbers, strings, booleans, Dates and "" for blanks, as a full rectangle', () => {
    const { control, sheet } = setup();
    const when = new Date('2024-03-01T00:00:00+08:00');
    control.setSheetValues('Sheet1', [[1, 'a', true, when], [2.5, '', null, undefined], [-3]]);
    const values = sheet.getRange(1, 1, 4, 5).getValues();
    expect(values).toEqual([
      [1, 'a', true, when, ''],
      [2.5, '', '', '', ''],
      [-3, '', '', '', ''],
      ['', '', '', '', ''],
    ]);
    expect(values[0][3]).toBeInstanceOf(Date);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/value-type
  // (getValues returns Number, Boolean, Date or String — never null or undefined)
  it('never returns null or undefined, even beyond the written part of a row', () => {
    const { control, sheet } = setup();
    control.setSheetValues('Sheet1', [['x']]);
    const flat = sheet.getRange('A1:Z3').getValues().flat();
    expect(flat).toHaveLength(78);
    expect(flat.filter((v) => v === null || v === undefined)).toEqual([]);
  });

  it('returns fresh Date objects: mutating one does not change the sheet', () => {
    const { control, sheet } = setup();
    control.setSheetValues('Sheet1', [[new Date(Date.UTC(2024, 0, 31))]]);
    const first = sheet.getRange('A1').getValues()[0][0] as Date;
    first.setUTCFullYear(1999);
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe(
      '2024-01-31T00:00:00.000Z',
    );
  });

  it('returns a new array each call (callers may mutate it)', () => {
    const { control, sheet } = setup();
    control.setSheetValues('Sheet1', [[1, 2]]);
    const a = sheet.getRange('A1:B1').getValues();
    a[0][0] = 99;
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, 2]]);
  });

  it('hands out Dates of the configured realm (for vm-context bundle tests)', () => {
    class OtherDate extends Date {}
    const { control, sheet } = setup({ dateConstructor: OtherDate as unknown as DateConstructor });
    control.setSheetValues('Sheet1', [[new Date(0)]]);
    expect(sheet.getRange('A1').getValues()[0][0]).toBeInstanceOf(OtherDate);
    expect(sheet.getRange('A1').getValue()).toBeInstanceOf(OtherDate);
  });
});

describe('Range.setValues', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  // "Sets a rectangular grid of values (must match dimensions of this range)." The messages are
  // the ones Apps Script throws (not on the reference page; quoted from observed errors).
  it('throws the real message when the number of rows differs', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange(1, 1, 3, 2).setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  it('throws the real message when the number of columns differs', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('writes nothing when the shape is wrong', () => {
    const { control, sheet } = setup();
    expect(() =>
      sheet.getRange(1, 1, 2, 2).setValues([
        [1, 2],
        [3, 4, 5],
      ]),
    ).toThrow();
    expect(control.sheetValues('Sheet1')).toEqual([]);
  });

  it('errors are Apps Script Exceptions', () => {
    const { sheet } = setup();
    let caught: unknown;
    try {
      sheet.getRange('A1:B1').setValues([[1]]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe('Exception');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  // "If a value begins with =, it's interpreted as a formula." The fake cannot evaluate
  // formulas: getValues() returns "" for them, getFormulas() returns the text.
  it('stores strings starting with = as formulas', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range.setValues([['=SUM(C1:C3)', 'plain']]);
    expect(range.getFormulas()).toEqual([['=SUM(C1:C3)', '']]);
    expect(range.getValues()).toEqual([['', 'plain']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(C1:C3)');
  });

  it('overwriting a formula with a value removes the formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=NOW()');
    sheet.getRange('A1').setValue(7);
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(sheet.getRange('A1').getValue()).toBe(7);
  });

  // setValues writes as if the text were typed into the cell (the reference's own example writes
  // "2.000", "1,000,000", "$2.99"): a leading apostrophe keeps text as text and is not stored.
  it("stores '… as text without the apostrophe", () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([["'123", "'=not a formula"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['123', '=not a formula']]);
    expect(sheet.getRange('B1').getFormula()).toBe('');
  });

  it('converts number-like text to numbers, as typing into a cell does', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([['123', '-4.5', ' 7 ', '1,234.5', '50%', '12a']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([[123, -4.5, 7, 1234.5, 0.5, '12a']]);
  });

  it('converts TRUE/FALSE text to booleans and ISO dates to Dates in the spreadsheet zone', () => {
    const { sheet } = setup({ spreadsheetTimeZone: 'Asia/Shanghai' });
    sheet.getRange('A1:D1').setValues([['true', 'FALSE', '2024-01-31', '2024-12-31']]);
    const [a, b, c, d] = sheet.getRange('A1:D1').getValues()[0];
    expect(a).toBe(true);
    expect(b).toBe(false);
    expect((c as Date).toISOString()).toBe('2024-01-30T16:00:00.000Z'); // midnight in Shanghai
    expect((d as Date).toISOString()).toBe('2024-12-30T16:00:00.000Z'); // December too
  });

  it('keeps text as text in cells formatted as plain text (@)', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setNumberFormat('@');
    sheet.getRange('A1:B3').setValues([
      ['00123', '00123'],
      ['TRUE', 'TRUE'],
      ['2024-01-31', '=1+1'],
    ]);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['00123', 123],
      ['TRUE', true],
    ]);
    expect(sheet.getRange('A3').getValue()).toBe('2024-01-31');
    expect(sheet.getRange('B3').getFormula()).toBe('=1+1');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object) —
  // the reference's example writes "$2.99" and "1,000,000" as typed input; Sheets reads typed
  // currency as a number with a currency format (https://support.google.com/docs/answer/56470,
  // "Format numbers in a spreadsheet") and a month-name date as a date.
  it('converts currency to a number and formats the cell as currency', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['$2.99', '-$1,234.50', '$ 7', '¥5', '$2.99 each']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[2.99, -1234.5, 7, '¥5', '$2.99 each']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('"$"#,##0.00');
    expect(sheet.getRange('E1').getNumberFormat()).not.toContain('$');
    const zh = setup({ locale: 'zh_CN' });
    zh.sheet.getRange('A1:B1').setValues([['¥5', '￥1,000']]);
    expect(zh.sheet.getRange('A1:B1').getValues()).toEqual([[5, 1000]]);
  });

  it('converts English month-name dates (this year when none is typed) in English locales', () => {
    const now = new Date(Date.UTC(2026, 10, 23, 4)); // 2026-11-23 in Shanghai
    const { sheet } = setup({ spreadsheetTimeZone: 'Asia/Shanghai', now: () => now });
    const typed = ['May 1', 'May 1, 2025', '1 May 2024', '1-May', 'January 5 2027', 'Dec 2026'];
    sheet.getRange('A1:F1').setValues([typed]);
    const days = sheet
      .getRange('A1:F1')
      .getValues()[0]
      .map((d) =>
        d instanceof Date ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10) : d,
      );
    expect(days).toEqual([
      '2026-05-01',
      '2025-05-01',
      '2024-05-01',
      '2026-05-01',
      '2027-01-05',
      '2026-12-01',
    ]);
    sheet.getRange('A2:D2').setValues([['May', 'Mayday 1', 'Feb 30', 'March on']]);
    expect(sheet.getRange('A2:D2').getValues()).toEqual([
      ['May', 'Mayday 1', 'Feb 30', 'March on'],
    ]);
    const zh = setup({ locale: 'zh_CN' });
    zh.sheet.getRange('A1').setValue('May 1');
    expect(zh.sheet.getRange('A1').getValue()).toBe('May 1');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setNumberFormat(String)
  // — "@" is plain text: what is written stays the string; so does text after an apostrophe.
  it('keeps currency and month-name text as text in @ cells and after an apostrophe', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNumberFormat('@');
    sheet.getRange('A1:D1').setValues([['$2.99', 'May 1', "'$2.99", "'May 1"]]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['$2.99', 'May 1', '$2.99', 'May 1']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('@');
    sheet.getRange('E1').setValue('May 1');
    expect(Object.prototype.toString.call(sheet.getRange('E1').getValue())).toBe('[object Date]');
  });

  it('stores null, undefined and "" as blank cells', () => {
    const { control, sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1, 2, 3]]);
    sheet.getRange('A1:C1').setValues([[null, undefined, '']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', '', '']]);
    expect(sheet.getLastRow()).toBe(0);
    expect(control.sheetValues('Sheet1')).toEqual([]);
  });

  it('stores a copy of a Date (later mutation of the argument does not leak in)', () => {
    const { sheet } = setup();
    const d = new Date(Date.UTC(2024, 5, 1));
    sheet.getRange('A1').setValues([[d]]);
    d.setUTCFullYear(2000);
    expect((sheet.getRange('A1').getValue() as Date).getUTCFullYear()).toBe(2024);
  });
});

describe('Range.setValue and friends', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
  // "Sets the value of the range." — every cell of the range.
  it('setValue sets every cell of the range', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValue()
  // "Empty cells return an empty string."
  it('getValue returns the top-left cell, "" when empty', () => {
    const { sheet } = setup();
    expect(sheet.getRange('C3:D4').getValue()).toBe('');
    sheet.getRange('C3').setValue(4);
    expect(sheet.getRange('C3:D4').getValue()).toBe(4);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
  it('getDisplayValues returns strings ("" for blanks)', () => {
    const { control, sheet } = setup({ spreadsheetTimeZone: 'Asia/Shanghai' });
    control.setSheetValues('Sheet1', [[1.5, true, new Date('2024-02-29T00:00:00+08:00'), '']]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([
      ['1.5', 'TRUE', '2024-02-29', '', ''],
    ]);
  });

  it('clearContent keeps formatting, clear removes both', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range.setValues([[1, '=A1']]).setBackground('#ff0000');
    range.clearContent();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getFormulas()).toEqual([['', '']]);
    expect(range.getBackground()).toBe('#ff0000');
    range.setValue(1);
    range.clear();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getBackground()).toBe('#ffffff');
  });

  it('knows its geometry and A1 notation', () => {
    const { sheet } = setup();
    const range = sheet.getRange(2, 3, 4, 5);
    expect(range.getA1Notation()).toBe('C2:G5');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      2, 3, 4, 5,
    ]);
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([5, 7]);
    expect(range.getSheet().getName()).toBe('Sheet1');
    expect(sheet.getRange('B2').getA1Notation()).toBe('B2');
    expect(range.offset(1, -1, 1, 1).getA1Notation()).toBe('B3');
  });
});

describe('Sheet.getRange', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer)
  // Error texts are Apps Script's own (not on the reference page).
  it('rejects coordinates below 1 with the real messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
  });

  // Ranges beyond the grid do not grow it: callers must insertRowsAfter first.
  it('rejects ranges beyond getMaxRows/getMaxColumns', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sheet.insertRowsAfter(1000, 1);
    expect(sheet.getRange(1000, 1, 2, 1).getNumRows()).toBe(2);
  });

  it('accepts A1 notation: cells, ranges, whole columns, open ends, $ and sheet prefixes', () => {
    const { ss, sheet } = setup();
    expect(sheet.getRange('B2').getA1Notation()).toBe('B2');
    expect(sheet.getRange('$A$1:$C$3').getA1Notation()).toBe('A1:C3');
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
    expect(ss.getRange("'Sheet1'!C1:A2").getA1Notation()).toBe('A1:C2');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
  });

  it('rejects arguments of the wrong kind like Apps Script does', () => {
    const { sheet } = setup();
    const loose = sheet as unknown as { getRange(...args: unknown[]): unknown };
    expect(() => loose.getRange(undefined, 1)).toThrow(
      "The parameters (null,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });
});

describe('formatting state', () => {
  it('stores formats per cell and reads them back', () => {
    const { control, sheet } = setup();
    const header = sheet.getRange('A1:C1');
    header.setBackground('#eeeeee').setFontWeight('bold').setFontColor('#333333').setWrap(true);
    header.setHorizontalAlignment('center').setNote('Header');
    sheet.getRange('B2:B').setNumberFormat('yyyy-mm-dd');
    sheet.getRange('C2:C3').setNumberFormats([['0.00'], ['0%']]);
    expect(sheet.getRange('B1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('C1').getBackground()).toBe('#eeeeee');
    expect(sheet.getRange('A2').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('B999').getNumberFormat()).toBe('yyyy-mm-dd');
    expect(sheet.getRange('C2:C3').getNumberFormats()).toEqual([['0.00'], ['0%']]);
    expect(sheet.getRange('A1').getNote()).toBe('Header');
    expect(sheet.getRange('A1').getWrap()).toBe(true);
    expect(control.format('Sheet1', 'B1', 'horizontalAlignment')).toBe('center');
  });

  it('data validation rules built with the builder are stored and readable', () => {
    const { globals, sheet } = setup();
    const rule = globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(['A', 'B', 'C'], true)
      .setAllowInvalid(false)
      .setHelpText('Pick a tier')
      .build();
    sheet.getRange('D2:D').setDataValidation(rule);
    const got = sheet.getRange('D10').getDataValidation()!;
    expect(String(got.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(got.getCriteriaValues()).toEqual([['A', 'B', 'C'], true]);
    expect(got.getAllowInvalid()).toBe(false);
    expect(got.getHelpText()).toBe('Pick a tier');
    expect(sheet.getRange('D1').getDataValidation()).toBeNull();
    sheet.getRange('D2:D').clearDataValidations();
    expect(sheet.getRange('D10').getDataValidation()).toBeNull();
  });

  it('protect() returns a protection that the spreadsheet lists', () => {
    const { globals, ss, sheet } = setup();
    const p = sheet
      .getRange('A1:A5')
      .protect()
      .setDescription('script column')
      .setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    const listed = ss.getProtections(globals.SpreadsheetApp.ProtectionType.RANGE);
    expect(listed).toHaveLength(1);
    expect(listed[0].getDescription()).toBe('script column');
    expect(listed[0].getRange().getA1Notation()).toBe('A1:A5');
    listed[0].remove();
    expect(ss.getProtections(globals.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });
});

describe('Sheet.getRangeList', () => {
  it('applies one number format to every range in one call', () => {
    const gas = createGas();
    const sheet = gas.control.spreadsheet.insertSheet('L');
    gas.control.resetCalls();
    const list = sheet.getRangeList(['A2:A3', 'A6:A7']);
    list.setNumberFormat('yyyy-mm-dd');
    expect(gas.control.calls).toEqual({ 'Sheet.getRangeList': 1, 'RangeList.setNumberFormat': 1 });
    expect([2, 3, 4, 5, 6, 7].map((r) => sheet._format('numberFormat', r, 1))).toEqual([
      'yyyy-mm-dd',
      'yyyy-mm-dd',
      '0.###############',
      '0.###############',
      'yyyy-mm-dd',
      'yyyy-mm-dd',
    ]);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:A3', 'A6:A7']);
  });

  it('refuses an empty list and a range of another sheet', () => {
    const gas = createGas();
    const sheet = gas.control.spreadsheet.insertSheet('L');
    gas.control.spreadsheet.insertSheet('M');
    expect(() => sheet.getRangeList([])).toThrow(/getRangeList/);
    expect(() => sheet.getRangeList(["'M'!A1:A2"])).toThrow(/Range not found/);
  });
});
