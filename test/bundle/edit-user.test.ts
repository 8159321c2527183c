import { loadBundle, type LoadedBundle } from './load';

/**
 * Who edited a row, from what `clasp push` uploads. Sheets runs `onEdit` as a simple trigger,
 * which usually may not learn the editor's email (the fake returns '' there, as Google does):
 * the stamp must then be blank, never the previous editor's or the script owner's address.
 */
function book(options: Parameters<typeof loadBundle>[0] = {}): {
  bundle: LoadedBundle;
  cell: (header: string) => string;
  value: (header: string) => unknown;
} {
  const bundle = loadBundle({
    activeUser: 'li@example.com',
    effectiveUser: 'boss@example.com',
    ...options,
  });
  bundle.call('kamSetupWorkbook');
  const header = bundle.control.sheetValues('Accounts')[0] as string[];
  const at = (h: string): number => header.indexOf(h);
  const row = header.map(() => '' as unknown);
  row[at('Account ID')] = 'A1';
  row[at('Account Name')] = 'Acme';
  row[at('Tier')] = 'Key';
  row[at('Updated By')] = 'ann@example.com';
  bundle.control.setSheetValues('Accounts', [header, row]);
  return {
    bundle,
    cell: (h) => `${String.fromCharCode(65 + at(h))}2`,
    value: (h) => bundle.control.sheetValues('Accounts')[1][at(h)],
  };
}

describe('dist/Code.js: onEdit stamps the editor only when Google says who it is', () => {
  it('writes a blank Updated By and Change Log user when the simple trigger cannot see the editor', () => {
    const { bundle, cell, value } = book();
    bundle.call('onEdit', bundle.control.editEvent('Accounts', cell('Tier'), 'Key', 'Strategic'));
    expect(value('Updated By')).toBe('');
    expect(Object.prototype.toString.call(value('Updated At'))).toBe('[object Date]');
    const log = bundle.control.sheetValues('Change Log');
    expect(log).toHaveLength(2);
    expect(log[1].slice(1, 7)).toEqual(['', 'Accounts', cell('Tier'), 'Tier', 'Key', 'Strategic']);
  });

  it('stamps the editor when Google reveals them (same Workspace domain or the developer)', () => {
    const { bundle, cell, value } = book({ revealUserToSimpleTriggers: true });
    bundle.call('onEdit', bundle.control.editEvent('Accounts', cell('Tier'), 'Key', 'Strategic'));
    expect(value('Updated By')).toBe('li@example.com');
    expect(bundle.control.sheetValues('Change Log')[1][1]).toBe('li@example.com');
  });
});
