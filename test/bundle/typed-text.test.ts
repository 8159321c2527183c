import { loadBundle, type LoadedBundle } from './load';

/**
 * Sheets reads a string written with setValue(s) as if it were typed: "May 1" becomes a date,
 * "$2.99" a number (the fake does the same). What people type into the sidebars and dialogs is
 * text and must come back as the same text, from what `clasp push` uploads.
 */
const NOW = new Date(Date.UTC(2026, 10, 23, 4)); // 2026-11-23 12:00 in Shanghai

/** Strings Sheets would turn into a date, a number, a boolean or a formula. */
const TYPED = ['May 1', '$2.99', 'Dec 2026', '1 May', '$1,200', 'TRUE', '=1+1', '50%'];

function book(): LoadedBundle {
  const bundle = loadBundle({ now: () => new Date(NOW), activeUser: 'li@example.com' });
  const c = bundle.control;
  c.setSheetValues('Accounts', [
    ['Account ID', 'Account Name', 'Owner Email', 'Credit Limit'],
    ['A1', 'Acme', 'li@example.com', 1000],
  ]);
  bundle.call('kamSetupWorkbook');
  return bundle;
}

function rowOf(bundle: LoadedBundle, sheet: string, row: number): Record<string, unknown> {
  const values = bundle.control.sheetValues(sheet);
  const header = values[0] as string[];
  return Object.fromEntries(header.map((h, i) => [h, values[row - 1]?.[i]]));
}

type Reply = { ok: boolean; message?: string };

describe('dist/Code.js: text from the sidebars stays the text that was typed', () => {
  it.each(TYPED)('an interaction summary and next step %j', (text) => {
    const bundle = book();
    const reply = bundle.call('kamLogInteraction', {
      account_id: 'A1',
      date: '2026-11-20',
      type: 'Visit',
      summary: text,
      next_step: text,
    }) as Reply;
    expect(reply.ok).toBe(true);
    const row = rowOf(bundle, 'Interactions', 2);
    expect([row.Summary, row['Next Step']]).toEqual([text, text]);
    expect(bundle.control.sheetFormulas('Interactions')[1].every((f) => f === '')).toBe(true);
  });

  it('an action task and its outcome', () => {
    const bundle = book();
    expect((bundle.call('kamAddAction', { account_id: 'A1', task: 'May 1' }) as Reply).ok).toBe(
      true,
    );
    const done = bundle.call('kamCompleteAction', {
      account_id: 'A1',
      row: 2,
      task: 'May 1',
      outcome: '$2.99',
    }) as Reply;
    expect(done.ok).toBe(true);
    const row = rowOf(bundle, 'Action Plan', 2);
    expect([row.Task, row.Outcome]).toEqual(['May 1', '$2.99']);
  });

  it('a settings value (reminder sender name)', () => {
    const bundle = book();
    const data = bundle.call('kamSettingsData') as {
      view: { items: { key: string; value: string }[] };
    };
    const values = Object.fromEntries(data.view.items.map((i) => [i.key, i.value]));
    const reply = bundle.call('kamSaveSettings', {
      values: { ...values, reminder_sender_name: 'May 1' },
    }) as Reply;
    expect(reply.ok).toBe(true);
    const settings = bundle.control.sheetValues('Settings');
    const at = settings.findIndex((r) => r[0] === 'reminder_sender_name');
    expect(settings[at]).toContain('May 1');
  });

  it('a Column Map header saved from the Map columns dialog', () => {
    const bundle = book();
    bundle.control.setSheetValues('Deals 2026', [
      ['Dec 2026', 'Account ID'],
      [5, 'A1'],
    ]);
    const reply = bundle.call('kamSaveMapping', [
      { sheet: 'Deals 2026', header: 'Dec 2026', maps_to: 'ignore' },
    ]) as Reply;
    expect(reply.ok).toBe(true);
    const map = bundle.control.sheetValues('Column Map');
    expect(map.at(-1)!.slice(0, 3)).toEqual(['Deals 2026', 'Dec 2026', 'ignore']);
  });

  it('old and new values in Change Log', () => {
    const bundle = book();
    const header = bundle.control.sheetValues('Accounts')[0] as string[];
    const a1 = `${String.fromCharCode(65 + header.indexOf('Credit Limit'))}2`;
    bundle.call('onEdit', bundle.control.editEvent('Accounts', a1, '$2,000', 'May 1'));
    const log = rowOf(bundle, 'Change Log', 2);
    expect([log['Old Value'], log['New Value']]).toEqual(['$2,000', 'May 1']);
  });

  it('a value quoted in Data Issues', () => {
    const bundle = book();
    const accounts = bundle.control.sheetValues('Accounts');
    const at = (accounts[0] as string[]).indexOf('Owner Email');
    accounts[1][at] = 'May 1';
    bundle.control.setSheetValues('Accounts', accounts);
    bundle.call('kamRefreshScores');
    const issues = bundle.control.sheetValues('Data Issues');
    const valueAt = (issues[0] as string[]).indexOf('Value');
    expect(issues.slice(1).map((r) => r[valueAt])).toContain('May 1');
    for (const r of issues.slice(1))
      expect(Object.prototype.toString.call(r[valueAt])).toBe('[object String]');
  });
});
