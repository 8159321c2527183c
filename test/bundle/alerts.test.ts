import { loadBundle, type LoadedBundle } from './load';

/**
 * Apps Script suspends the script while an alert is open, until the user clicks. An alert shown
 * while the document lock is held would make the nightly refresh, the reminders and every
 * sidebar wait for that click: every menu action shows its alerts after letting go of the lock.
 */
function noAlertUnderLock(bundle: LoadedBundle): void {
  expect(bundle.control.alerts.length).toBeGreaterThan(0);
  expect(bundle.control.alerts.filter((a) => a.heldLocks)).toEqual([]);
  expect(bundle.control.lockState('document')).toBe('free');
}

describe('alerts are shown after the lock is released', () => {
  it('Set up workbook reporting a header twice', () => {
    const bundle = loadBundle({ locale: 'en_US' });
    bundle.call('kamSetupWorkbook');
    const accounts = bundle.control.spreadsheet.getSheetByName('Accounts')!;
    const header = accounts.getRange(1, 1, 1, accounts.getLastColumn()).getValues()[0];
    accounts.getRange(1, header.indexOf('Industry') + 1).setValue('Account Name');
    bundle.call('kamSetupWorkbook');
    noAlertUnderLock(bundle);
    expect(bundle.control.alerts.at(-1)!.prompt).toMatch(/Account Name/);
  });

  it('Turn on and turn off daily automation', () => {
    const bundle = loadBundle({ locale: 'zh_CN' });
    bundle.call('kamSetupWorkbook');
    bundle.call('kamAutomationOn');
    bundle.call('kamAutomationOff');
    noAlertUnderLock(bundle);
    expect(bundle.control.alerts).toHaveLength(2);
  });

  it('Send me a test digest without a known user', () => {
    const bundle = loadBundle({ locale: 'en_US', activeUser: '' });
    bundle.call('kamSetupWorkbook');
    bundle.call('kamSendTestDigest');
    noAlertUnderLock(bundle);
  });
});
