import * as vm from 'vm';
import { createGas, installGlobals } from './index';

/** A typical adapter move: read the sheet once, write one script column once. */
function refresh(SpreadsheetApp: ReturnType<typeof createGas>['globals']['SpreadsheetApp']): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Accounts')!;
  const values = sheet.getDataRange().getValues();
  const out = values.slice(1).map((row) => [Number(row[1]) * 2]);
  if (out.length > 0) sheet.getRange(2, 3, out.length, 1).setValues(out);
}

function seeded(rows: number) {
  const gas = createGas();
  gas.control.setSheetValues('Accounts', [
    ['Name', 'Revenue', 'Double'],
    ...Array.from({ length: rows }, (_, i) => [`Acme ${i}`, i, '']),
  ]);
  return gas;
}

describe('call counting', () => {
  it('counts each call by Class.method and keeps the order', () => {
    const { globals, control } = seeded(3);
    refresh(globals.SpreadsheetApp);
    expect(control.calls).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
    });
    expect(control.callLog).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.getDataRange',
      'Range.getValues',
      'Sheet.getRange',
      'Range.setValues',
    ]);
    expect(control.spreadsheetCalls()).toBe(6);
  });

  it('spreadsheetCalls does not grow with the number of rows', () => {
    const small = seeded(10);
    const large = seeded(20000);
    refresh(small.globals.SpreadsheetApp);
    refresh(large.globals.SpreadsheetApp);
    expect(large.control.spreadsheetCalls()).toBe(small.control.spreadsheetCalls());
    expect(large.control.sheetValues('Accounts')[20000]).toEqual(['Acme 19999', 19999, 39998]);
  });

  it('control helpers are not counted; resetCalls clears counters and log', () => {
    const { globals, control } = seeded(2);
    control.sheetValues('Accounts');
    control.setSheetValues('Other', [[1]]);
    expect(control.spreadsheetCalls()).toBe(0);
    globals.MailApp.getRemainingDailyQuota();
    expect(control.callsOf('MailApp')).toBe(1);
    expect(control.spreadsheetCalls()).toBe(0);
    control.resetCalls();
    expect(control.calls).toEqual({});
    expect(control.callLog).toEqual([]);
  });

  it('recordLog = false keeps counting but stops the log', () => {
    const { globals, control } = seeded(2);
    control.recordLog = false;
    refresh(globals.SpreadsheetApp);
    expect(control.callLog).toEqual([]);
    expect(control.calls['Range.getValues']).toBe(1);
  });
});

describe('fault injection', () => {
  it('failOn(key, n, error) fails the nth next call once', () => {
    const { globals, control } = seeded(2);
    const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Accounts')!;
    const boom = new Error('Service Spreadsheets timed out while accessing document');
    control.failOn('Range.getValues', 2, boom);
    sheet.getRange('A1').getValues();
    expect(() => sheet.getRange('A1').getValues()).toThrow(boom);
    expect(sheet.getRange('A1').getValues()).toEqual([['Name']]);
    expect(control.calls['Range.getValues']).toBe(3);
  });

  it('failOn(key, predicate, error) fails the first matching call', () => {
    const { globals, control } = createGas();
    control.failOn(
      'MailApp.sendEmail',
      (args) => JSON.stringify(args).includes('b@example.com'),
      new Error('bounce'),
    );
    globals.MailApp.sendEmail('a@example.com', 's', 'b');
    expect(() => globals.MailApp.sendEmail('b@example.com', 's', 'b')).toThrow('bounce');
    globals.MailApp.sendEmail('b@example.com', 's', 'b');
    expect(control.sentMails.map((m) => m.to)).toEqual(['a@example.com', 'b@example.com']);
  });

  it('beforeCall sees every call and may throw', () => {
    const { globals, control } = seeded(2);
    const seen: string[] = [];
    control.beforeCall = (key, args) => {
      seen.push(`${key}(${args.length})`);
      if (key === 'Range.setValues') throw new Error('quota');
    };
    expect(() => refresh(globals.SpreadsheetApp)).toThrow('quota');
    expect(seen).toContain('Sheet.getRange(4)');
    expect(control.sheetValues('Accounts')[1]).toEqual(['Acme 0', 0, '']);
    control.beforeCall = undefined;
    refresh(globals.SpreadsheetApp);
    expect(control.sheetValues('Accounts')[2]).toEqual(['Acme 1', 1, 2]);
  });
});

describe('seeding and inspection', () => {
  it('setSheetValues stores values as given (no typed-input parsing) and grows the grid', () => {
    const { globals, control } = createGas();
    const rows = Array.from({ length: 1500 }, (_, i) => [String(i), '=not parsed', i]);
    control.setSheetValues('Big', rows);
    const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Big')!;
    expect(sheet.getMaxRows()).toBe(1500);
    expect(sheet.getRange('A2:C2').getValues()).toEqual([['1', '=not parsed', 1]]);
    expect(sheet.getRange('B2').getFormula()).toBe('');
    rows[1][0] = 'changed later';
    expect(sheet.getRange('A2').getValue()).toBe('1');
  });

  it('sheetValues trims to the last row/column with content', () => {
    const { globals, control } = createGas();
    const sheet = globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    sheet.getRange('B2').setValue('x');
    sheet.getRange('E9').setBackground('#000000');
    expect(control.sheetValues('Sheet1')).toEqual([
      ['', ''],
      ['', 'x'],
    ]);
    expect(() => control.sheetValues('Nope')).toThrow('control: no sheet named "Nope"');
  });
});

describe('events', () => {
  // https://developers.google.com/apps-script/guides/triggers/events#edit
  // value: "New cell value after the edit. Only available if the edited range is a single cell."
  // oldValue: "Only available if the edited range is a single cell. Is undefined if the cell
  // had no previous content."
  it('editEvent has range, source, user, authMode; value/oldValue only for one cell', () => {
    const { globals, control } = createGas();
    const one = control.editEvent('Sheet1', 'B3', 'old', 'new');
    expect(one.range.getA1Notation()).toBe('B3');
    expect(one.source.getId()).toBe(globals.SpreadsheetApp.getActive().getId());
    expect(one.user.getEmail()).toBe(''); // a simple trigger: see the next test
    expect(String(one.authMode)).toBe('LIMITED');
    expect(one.value).toBe('new');
    expect(one.oldValue).toBe('old');
    expect(one.range.getValue()).toBe('new'); // the edit has happened
    expect('triggerUid' in one).toBe(false);

    const first = control.editEvent('Sheet1', 'C1', undefined, 'x');
    expect('oldValue' in first).toBe(false);

    const many = control.editEvent('Sheet1', 'A1:B2', 'a', 'b');
    expect('value' in many).toBe(false);
    expect('oldValue' in many).toBe(false);
    expect(many.range.getValues()).toEqual([
      ['b', 'b'],
      ['b', 'b'],
    ]);
  });

  // https://developers.google.com/apps-script/guides/triggers#restrictions — simple triggers
  // "cannot access services that require authorization".
  // https://developers.google.com/apps-script/reference/base/session#getActiveUser() — "If
  // security policies do not allow access to the user's identity, User.getEmail() returns a blank
  // string … the user's email address is not available in any context that allows a script to run
  // without that user's authorization, like a simple onOpen(e) or onEdit(e) trigger … However,
  // these restrictions generally do not apply if the developer runs the script themselves or
  // belongs to the same Google Workspace domain as the user."
  it('hides the editor from a simple trigger: event user and Session.getActiveUser are blank', () => {
    const { globals, control } = createGas({ activeUser: 'li@example.com' });
    const edit = control.editEvent('Sheet1', 'A1', undefined, 'x');
    expect(edit.user.getEmail()).toBe('');
    expect(globals.Session.getActiveUser().getEmail()).toBe('');
    expect(control.openEvent().user.getEmail()).toBe('');
    expect(globals.Session.getActiveUser().getEmail()).toBe('');
    // A menu click or a sidebar call runs with the user's authorization.
    control.beginExecution();
    expect(globals.Session.getActiveUser().getEmail()).toBe('li@example.com');
    control.beginExecution({ simpleTrigger: true });
    expect(globals.Session.getActiveUser().getEmail()).toBe('');
    // An installable trigger runs authorized.
    const installed = control.editEvent('Sheet1', 'A1', undefined, 'y', { authMode: 'FULL' });
    expect(installed.user.getEmail()).toBe('li@example.com');
    expect(globals.Session.getActiveUser().getEmail()).toBe('li@example.com');
  });

  it('reveals the editor to a simple trigger when asked (same Workspace domain, the developer)', () => {
    const { globals, control } = createGas({
      activeUser: 'li@example.com',
      revealUserToSimpleTriggers: true,
    });
    expect(control.editEvent('Sheet1', 'A1', undefined, 'x').user.getEmail()).toBe(
      'li@example.com',
    );
    expect(globals.Session.getActiveUser().getEmail()).toBe('li@example.com');
  });

  it('installable-trigger events carry FULL auth and a triggerUid', () => {
    const { control } = createGas();
    const e = control.editEvent('Sheet1', 'A1', undefined, 1, {
      authMode: 'FULL',
      triggerUid: '42',
    });
    expect(String(e.authMode)).toBe('FULL');
    expect(e.triggerUid).toBe('42');
    expect(String(control.openEvent().authMode)).toBe('LIMITED');
  });
});

describe('use as real globals', () => {
  it('works as the globals of a vm context (how the bundle test loads dist/Code.js)', () => {
    const context = vm.createContext({});
    const contextDate = vm.runInContext('Date', context) as DateConstructor;
    const { globals, control } = createGas({ dateConstructor: contextDate });
    Object.assign(context, globals);
    control.setSheetValues('Sheet1', [[new Date('2024-01-31T00:00:00+08:00')]]);
    vm.runInContext(
      `
      function onOpen() {
        SpreadsheetApp.getUi().createMenu('KAM').addItem('Refresh', 'refresh').addToUi();
      }
      onOpen();
      var cell = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1');
      var isDate = cell.getValue() instanceof Date;
      cell.offset(0, 1).setValue(isDate ? new Date(Date.UTC(2024, 1, 1)) : 'no');
      `,
      context,
    );
    expect(control.menus).toEqual([
      { title: 'KAM', items: [{ caption: 'Refresh', functionName: 'refresh' }] },
    ]);
    expect((control.sheetValues('Sheet1')[0][1] as Date).toISOString()).toBe(
      '2024-02-01T00:00:00.000Z',
    );
  });

  it('installGlobals puts them on globalThis and takes them off again', () => {
    const { globals } = createGas();
    const uninstall = installGlobals(globals);
    try {
      expect(SpreadsheetApp.getActiveSpreadsheet().getSheets()).toHaveLength(1);
      expect(Session.getScriptTimeZone()).toBe('America/Los_Angeles');
    } finally {
      uninstall();
    }
    expect('SpreadsheetApp' in globalThis).toBe(false);
  });
});

/**
 * Google's quota table, "Current limitations": Script runtime 6 min / execution; "If you exceed
 * a quota or limitation, your script throws an exception and execution stops"
 * (https://developers.google.com/apps-script/guides/services/quotas). The execution log shows
 * "Exceeded maximum execution time".
 */
describe('execution time', () => {
  const start = new Date(Date.UTC(2026, 10, 23, 18));

  it('setCallCost makes each call take time on the test clock', () => {
    const { globals, control } = createGas({ now: () => start });
    control.setSheetValues('Accounts', [['Name'], ['Acme']]);
    control.setCallCost((key) => (key === 'Range.getValues' ? 90_000 : 0));
    globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getDataRange().getValues();
    expect(control.now().getTime() - start.getTime()).toBe(90_000);
    control.setCallCost(null);
    globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getDataRange().getValues();
    expect(control.now().getTime() - start.getTime()).toBe(90_000);
  });

  it('stops an execution past 6 minutes: every later call throws, and a new execution starts again', () => {
    const { globals, control } = createGas({ now: () => start });
    control.setSheetValues('Accounts', [['Name'], ['Acme']]);
    control.enforceExecutionLimit = true;
    control.beginExecution();
    control.setCallCost((key) => (key === 'Range.setValue' ? 100_000 : 0));
    const cell = globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Accounts')!
      .getRange('A2');
    cell.setValue('one');
    cell.setValue('two');
    cell.setValue('three'); // ends at 5:00
    expect(() => cell.setValue('four')).toThrow('Exceeded maximum execution time');
    expect(() => cell.getValue()).toThrow('Exceeded maximum execution time');
    expect(control.sheetValues('Accounts')[1]).toEqual(['three']);
    control.beginExecution();
    expect(cell.getValue()).toBe('three');
  });
});
