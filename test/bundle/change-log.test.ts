import { loadBundle, type LoadedBundle } from './load';

/**
 * The audit trail through what `clasp push` uploads. A new sheet has 1,000 rows and Sheets
 * refuses a range past them ("The coordinates of the range are outside the dimensions of the
 * sheet."), so a change log that never grows its grid silently stops at row 1,000. Two editors
 * edit in two executions at once: an append that reads the last row and writes below it must not
 * run while another execution appends.
 */
function workbook(): LoadedBundle {
  const bundle = loadBundle({ locale: 'en_US' });
  bundle.call('kamSetupWorkbook');
  const accounts = bundle.control.spreadsheet.getSheetByName('Accounts')!;
  const header = accounts.getRange(1, 1, 1, accounts.getLastColumn()).getValues()[0];
  const row = header.map((h) =>
    h === 'Account ID' ? 'A-1' : h === 'Account Name' ? 'Acme' : h === 'Tier' ? 'Key' : '',
  );
  accounts.getRange(2, 1, 1, row.length).setValues([row]);
  return bundle;
}

function tierCell(bundle: LoadedBundle): string {
  const accounts = bundle.control.spreadsheet.getSheetByName('Accounts')!;
  const header = accounts.getRange(1, 1, 1, accounts.getLastColumn()).getValues()[0];
  return `${String.fromCharCode(65 + header.indexOf('Tier'))}2`;
}

function logRows(bundle: LoadedBundle): unknown[][] {
  return bundle.control.sheetValues('Change Log').slice(1);
}

describe('Change Log through the bundle', () => {
  it('keeps every edit past the sheet’s first 1,000 rows', () => {
    const bundle = workbook();
    const cell = tierCell(bundle);
    const tiers = ['Strategic', 'Key'];
    for (let i = 0; i < 1005; i++) {
      const [from, to] = i % 2 === 0 ? tiers : [...tiers].reverse();
      bundle.call('onEdit', bundle.control.editEvent('Accounts', cell, from, to));
    }
    const rows = logRows(bundle);
    expect(rows).toHaveLength(1005);
    expect(rows.at(-1)!.slice(3)).toEqual([cell, 'Tier', 'Strategic', 'Key']);
    expect(bundle.control.lockState('script')).toBe('free');
  });

  it('appends under a lock, so two editors at once never share a row', () => {
    const bundle = workbook();
    const cell = tierCell(bundle);
    const tries = bundle.control.calls['Lock.tryLock'] ?? 0;
    bundle.call('onEdit', bundle.control.editEvent('Accounts', cell, 'Key', 'Strategic'));
    expect((bundle.control.calls['Lock.tryLock'] ?? 0) - tries).toBe(1);
    expect(bundle.control.lockState('script')).toBe('free');
    expect(logRows(bundle)).toHaveLength(1);
  });

  it('while another execution appends, each row goes in with an atomic appendRow', () => {
    const bundle = workbook();
    const cell = tierCell(bundle);
    bundle.control.holdScriptLock();
    const before = bundle.control.calls['Sheet.appendRow'] ?? 0;
    bundle.call('onEdit', bundle.control.editEvent('Accounts', cell, 'Key', 'Strategic'));
    expect((bundle.control.calls['Sheet.appendRow'] ?? 0) - before).toBe(1);
    expect(logRows(bundle).map((r) => r.slice(5))).toEqual([['Key', 'Strategic']]);
  });

  it('at the 10-million-cell limit the editor is told the change was not logged', () => {
    const bundle = workbook();
    const cell = tierCell(bundle);
    const log = bundle.control.sheet('Change Log');
    // A log with no empty row left (its header row is frozen, so one row stays).
    log.deleteRows(3, log.getMaxRows() - 2);
    bundle.call('onEdit', bundle.control.editEvent('Accounts', cell, 'Strategic', 'Key'));
    bundle.control.setSheetValues('Archive', [['old']]);
    const archive = bundle.control.sheet('Archive');
    archive._maxCols = 1; // the rows added below then take exactly what is left
    const used = bundle.control.spreadsheet._sheets.reduce(
      (n, sh) => n + sh._maxRows * sh._maxCols,
      0,
    );
    archive._maxRows += Math.floor((10_000_000 - used) / archive._maxCols);
    expect(() =>
      bundle.call('onEdit', bundle.control.editEvent('Accounts', cell, 'Key', 'Strategic')),
    ).not.toThrow();
    expect(logRows(bundle)).toHaveLength(1);
    expect(bundle.control.toasts.at(-1)?.msg).toMatch(
      /not written to the Change Log: the workbook is at Google Sheets' 10,000,000-cell limit/,
    );
  });
});
