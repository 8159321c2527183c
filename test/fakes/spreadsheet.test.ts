import { createGas } from './index';

describe('Spreadsheet', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetByName(String)
  // "Returns null if there is no sheet with the given name."
  it('getSheetByName returns null when absent and matches names exactly', () => {
    const { globals } = createGas({ sheetNames: ['Accounts'] });
    const ss = globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSheetByName('Accounts')!.getName()).toBe('Accounts');
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(ss.getSheetByName('accounts')).toBeNull();
    expect(ss.getSheetByName('Accounts ')).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)
  // Duplicate names fail with Sheets' message (the same text the Sheets API returns).
  it('insertSheet refuses a name in use', () => {
    const { globals } = createGas();
    const ss = globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet('Data');
    expect(() => ss.insertSheet('Data')).toThrow(
      'A sheet with the name "Data" already exists. Please enter another name.',
    );
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer)
  // "sheetIndex: The index of the newly created sheet. To insert a sheet as the first one in the
  // spreadsheet, set it to 0."
  it('insertSheet places the sheet at a 0-based index, names defaults, and activates it', () => {
    const { globals } = createGas();
    const ss = globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet('First', 0);
    ss.insertSheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Sheet3']);
    expect(ss.getActiveSheet().getName()).toBe('Sheet3');
    expect(ss.getNumSheets()).toBe(3);
  });

  it('deleteSheet removes a sheet but never the last one', () => {
    const { globals } = createGas();
    const ss = globals.SpreadsheetApp.getActiveSpreadsheet();
    const extra = ss.insertSheet('Extra');
    ss.deleteSheet(extra);
    expect(ss.getSheetByName('Extra')).toBeNull();
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  it('reports id, url, name, time zone and locale from the options', () => {
    const { globals } = createGas({
      spreadsheetId: 'abc123',
      spreadsheetName: 'KAM',
      spreadsheetTimeZone: 'Europe/Berlin',
      locale: 'de_DE',
    });
    const ss = globals.SpreadsheetApp.getActive();
    expect(ss.getId()).toBe('abc123');
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/abc123/edit');
    expect(ss.getName()).toBe('KAM');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Berlin');
    expect(ss.getSpreadsheetLocale()).toBe('de_DE');
    // de_DE writes decimals with a comma, so typed "1,5" is 1.5.
    const cell = ss.getSheets()[0].getRange('A1');
    cell.setValue('1,5');
    expect(cell.getValue()).toBe(1.5);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setNamedRange(String,Range)
  it('named ranges', () => {
    const { globals } = createGas();
    const ss = globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheets()[0];
    ss.setNamedRange('Tiers', sheet.getRange('A1:A3'));
    expect(ss.getRangeByName('Tiers')!.getA1Notation()).toBe('A1:A3');
    expect(ss.getRangeByName('Nope')).toBeNull();
    const [named] = ss.getNamedRanges();
    expect(named.getName()).toBe('Tiers');
    named.remove();
    expect(ss.getNamedRanges()).toHaveLength(0);
  });

  it('toast is recorded', () => {
    const { globals, control } = createGas();
    globals.SpreadsheetApp.getActiveSpreadsheet().toast('Refreshed 12 rows', 'KAM', 5);
    expect(control.toasts).toEqual([{ msg: 'Refreshed 12 rows', title: 'KAM', timeoutSeconds: 5 }]);
  });

  it('active range defaults to A1 and follows Range.activate', () => {
    const { globals } = createGas();
    const ss = globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getActiveRange()!.getA1Notation()).toBe('A1');
    ss.getSheets()[0].getRange('B2:C3').activate();
    expect(globals.SpreadsheetApp.getActiveRange()!.getA1Notation()).toBe('B2:C3');
  });
});
