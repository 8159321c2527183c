import { createGas } from './index';

function setup() {
  const gas = createGas();
  const ss = gas.globals.SpreadsheetApp.getActiveSpreadsheet();
  return { ...gas, ss, sheet: ss.getSheetByName('Sheet1')! };
}

describe('Sheet extent', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()
  // "Returns the position of the last row that has content."
  it('getLastRow/getLastColumn are the last row/column with content, 0 when empty', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    sheet.getRange('C5').setValue('x');
    sheet.getRange('A2').setValue(1);
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(3);
    sheet.getRange('C5').clearContent();
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(1);
  });

  it('formatting alone is not content', () => {
    const { sheet } = setup();
    sheet.getRange('A1:Z500').setBackground('#ffff00').setNumberFormat('@');
    sheet.getRange('B2').setNote('a note');
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  it('a formula is content even though the fake reads its value as ""', () => {
    const { sheet } = setup();
    sheet.getRange('D7').setFormula('=TODAY()');
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(4);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange()
  // "Returns a Range corresponding to the dimensions in which data is present."
  it('getDataRange spans A1 to the last row and column with content, at least A1', () => {
    const { control, sheet } = setup();
    expect(sheet.getDataRange().getValues()).toEqual([['']]);
    control.setSheetValues('Sheet1', [['Name', 'Tier'], ['Acme', 'A'], ['Beta']]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B3');
    expect(sheet.getDataRange().getValues()).toEqual([
      ['Name', 'Tier'],
      ['Acme', 'A'],
      ['Beta', ''],
    ]);
  });

  // A new sheet has 1000 rows and 26 columns (the Sheets API reports gridProperties
  // rowCount 1000 / columnCount 26 for a new sheet).
  it('new sheets are 1000 x 26', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('New');
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
  });
});

describe('Sheet structure', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
  it('insertRowsAfter shifts content down and grows the grid', () => {
    const { control, sheet } = setup();
    control.setSheetValues('Sheet1', [['h'], ['a'], ['b']]);
    sheet.getRange('A3').setBackground('#00ff00');
    sheet.insertRowsAfter(2, 2);
    expect(control.sheetValues('Sheet1')).toEqual([['h'], ['a'], [''], [''], ['b']]);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A5').getBackground()).toBe('#00ff00');
    expect(() => sheet.insertRowsAfter(2000, 1)).toThrow('Those rows are out of bounds.');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRows(Integer,Integer)
  it('deleteRows removes rows and shrinks the grid; deleting every row is refused', () => {
    const { control, sheet } = setup();
    control.setSheetValues('Sheet1', [['h'], ['a'], ['b'], ['c']]);
    sheet.getRange('A4').setFormula('=A1');
    sheet.deleteRows(2, 2);
    expect(control.sheetValues('Sheet1')).toEqual([['h'], ['']]);
    expect(sheet.getRange('A2').getFormula()).toBe('=A1');
    expect(sheet.getMaxRows()).toBe(998);
    expect(() => sheet.deleteRows(1, 998)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('insertColumnsAfter / deleteColumns shift columns', () => {
    const { control, sheet } = setup();
    control.setSheetValues('Sheet1', [['a', 'b', 'c']]);
    sheet.insertColumnsAfter(1, 1);
    expect(control.sheetValues('Sheet1')).toEqual([['a', '', 'b', 'c']]);
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.deleteColumns(2, 2);
    expect(control.sheetValues('Sheet1')).toEqual([['a', 'c']]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)
  // "Appends a row to the bottom of the current data region in the sheet."
  it('appendRow writes after the last row with content, growing a full grid', () => {
    const { control, sheet } = setup();
    control.setSheetValues('Sheet1', [['h1', 'h2']]);
    sheet.getRange('A5').setBackground('#ff0000'); // formatting does not move the "bottom"
    sheet.appendRow(['x', '=A1']);
    expect(control.sheetValues('Sheet1')).toEqual([
      ['h1', 'h2'],
      ['x', ''],
    ]);
    expect(sheet.getRange('B2').getFormula()).toBe('=A1');
    const full = createGas();
    full.control.setSheetValues(
      'Sheet1',
      Array.from({ length: 1000 }, (_, i) => [i]),
    );
    const s = full.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    s.appendRow(['last']);
    expect(s.getMaxRows()).toBe(1001);
    expect(s.getRange(1001, 1).getValue()).toBe('last');
  });

  it('keeps names, ids, index, frozen rows, tab colour, widths and visibility', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Other');
    expect(sheet.getSheetId()).toBe(0);
    expect(other.getSheetId()).not.toBe(sheet.getSheetId());
    expect(other.getIndex()).toBe(2);
    expect(other.getParent().getId()).toBe(ss.getId());
    sheet.setName('Accounts').setTabColor('#ff0000').setColumnWidth(2, 240);
    sheet.setFrozenRows(1);
    sheet.autoResizeColumns(1, 3);
    other.hideSheet();
    expect(sheet.getName()).toBe('Accounts');
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getTabColor()).toBe('#ff0000');
    expect(sheet.getColumnWidth(2)).toBe(240);
    expect(other.isSheetHidden()).toBe(true);
    expect(() => other.setName('Accounts')).toThrow(
      'A sheet with the name "Accounts" already exists. Please enter another name.',
    );
  });

  it('activate makes the sheet active', () => {
    const { globals, ss } = setup();
    const other = ss.insertSheet('Other');
    ss.getSheetByName('Sheet1')!.activate();
    expect(globals.SpreadsheetApp.getActiveSheet().getName()).toBe('Sheet1');
    other.activate();
    expect(ss.getActiveSheet().getName()).toBe('Other');
  });
});

describe('conditional formats and charts', () => {
  it('stores conditional format rules built with the builder', () => {
    const { globals, sheet } = setup();
    const rule = globals.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2>30')
      .setBackground('#f4cccc')
      .setFontColor('#990000')
      .setRanges([sheet.getRange('A2:F')])
      .build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('A2:F1000');
    const condition = rules[0].getBooleanCondition()!;
    expect(String(condition.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(condition.getCriteriaValues()).toEqual(['=$C2>30']);
    expect(condition.getBackground()).toBe('#f4cccc');
    expect(condition.getFontColor()).toBe('#990000');
  });

  it('inserts, lists, updates and removes embedded charts', () => {
    const { globals, sheet } = setup();
    const built = sheet
      .newChart()
      .setChartType(globals.Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B5'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Revenue')
      .build();
    expect(built.getChartId()).toBeNull();
    sheet.insertChart(built);
    const [chart] = sheet.getCharts();
    const id = chart.getChartId();
    expect(id).not.toBeNull();
    expect(chart.getOptions().get('title')).toBe('Revenue');
    expect(chart.getRanges()[0].getA1Notation()).toBe('A1:B5');
    sheet.updateChart(chart.modify().setOption('title', 'Revenue by tier').build());
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0].getChartId()).toBe(id);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Revenue by tier');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('the 10-million-cell limit', () => {
  const MESSAGE =
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

  it('refuses to grow a grid, append past it or add a sheet beyond it, and leaves the grid as it was', () => {
    const gas = createGas();
    const ss = gas.control.spreadsheet;
    const big = ss.insertSheet('Big');
    const others = ss._sheets
      .filter((s) => s !== big)
      .reduce((n, s) => n + s._maxRows * s._maxCols, 0);
    big._maxRows = Math.floor((10_000_000 - others) / 26) - 1;
    const rows = big._maxRows;
    expect(() => big.insertRowsAfter(1, 1)).not.toThrow();
    expect(() => big.insertRowsAfter(1, 1)).toThrow(MESSAGE);
    expect(big._maxRows).toBe(rows + 1);
    expect(() => big.insertColumnsAfter(1, 1)).toThrow(MESSAGE);
    expect(() => ss.insertSheet('More')).toThrow(MESSAGE);
    expect(ss._sheet('More')).toBeNull();
    big.getRange(big._maxRows, 1).setValue('last');
    expect(() => big.appendRow(['x'])).toThrow(MESSAGE);
  });
});
