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

  it('when Data Issues cannot grow, the BigQuery problems are among the rows it keeps', () => {
    const gas = installGas({ locale: 'en_US', now: () => new Date(NOW) });
    seedPortfolio(gas, 1200);
    handleSetup();
    const settings = gas.control.sheetValues('Settings');
    gas.control.setSheetValues('Settings', [
      settings[0],
      ['bigquery_project', 'acme-erp-prod', ''],
      ['bigquery_dataset', 'kam', ''],
      ['bigquery_summary_table', 'kam_summary', ''],
      ...settings.slice(1),
    ]);
    // Data Issues has room for two rows, and the workbook none to give it more.
    gas.control.sheet('Data Issues')._maxRows = 3;
    gas.control.setSheetValues('Archive', [['old']]);
    const archive = gas.control.sheet('Archive');
    const used = gas.control.spreadsheet._sheets.reduce((n, s) => n + s._maxRows * s._maxCols, 0);
    archive._maxRows += Math.floor((10_000_000 - used) / archive._maxCols);
    delete (globalThis as { BigQuery?: unknown }).BigQuery; // a build without the service
    handleRefresh(false);
    const rows = gas.control.sheetValues('Data Issues').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0][4]).toMatch(/not updated/);
    expect(rows[1][0]).toBe('BigQuery');
  });

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
