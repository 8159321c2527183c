import { handleRefresh, handleSetup } from '../../src/gas/handlers';
import { fixSystemTime } from '../support/clock';
import { installGas, seedPortfolio } from './seed';

const NOW = new Date(Date.UTC(2026, 10, 23, 4)); // 2026-11-23 12:00 in Shanghai

describe('a refresh at the 10-million-cell limit', () => {
  fixSystemTime(() => NOW, 'all');

  function fullWorkbook(accounts: number) {
    const gas = installGas({ locale: 'en_US', now: () => new Date(NOW) });
    seedPortfolio(gas, accounts);
    handleSetup();
    gas.control.setSheetValues('Archive', [['old']]);
    const archive = gas.control.sheet('Archive');
    const used = gas.control.spreadsheet._sheets.reduce((n, s) => n + s._maxRows * s._maxCols, 0);
    archive._maxRows += Math.floor((10_000_000 - used) / archive._maxCols);
    gas.control.recordLog = false;
    gas.control.resetCalls();
    return gas;
  }

  it('makes the same service calls at 1,200 and 3,000 accounts, and fails on none', () => {
    const runs = [1200, 3000].map((n) => {
      const gas = fullWorkbook(n);
      handleRefresh(false);
      const issues = gas.control.sheetValues('Data Issues');
      return {
        calls: gas.control.spreadsheetCalls(),
        setValues: gas.control.calls['Range.setValues'],
        limit: issues.filter((r) => r[5] === 'error' && /not updated/.test(String(r[4]))).length,
        summary: gas.control.sheetValues('Summary').length,
      };
    });
    expect(runs[0]).toEqual(runs[1]);
    // Accounts, Data Issues, and Pipeline, Groups and Products (no opportunities, parents or
    // products: their headers, in the rows they have) are written; Summary (its header only),
    // History and Monthly would need new rows.
    expect(runs[0]).toMatchObject({ setValues: 5, limit: 1, summary: 1 });
  });
});
