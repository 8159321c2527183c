import { createGas, type Gas, type GasOptions } from '../fakes/index';
import { on, seedFake, shanghaiMidnight } from '../support/workbook-spec';

/** A fresh fake Apps Script on globalThis, as the bundle would see it. */
export function installGas(options: GasOptions = {}): Gas {
  const gas = createGas(options);
  Object.assign(globalThis, gas.globals);
  return gas;
}

/** Midnight of a calendar day in Asia/Shanghai (the fake's default spreadsheet zone). */
export const shanghaiDate = shanghaiMidnight;

/** Noon in Shanghai on that day, as the system time of a run. */
export function runTime(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d, 4));
}

/**
 * A messy workbook as people keep it: mixed-language headers, a user column, blank rows, text
 * dates, amounts with currency signs, returns, an unknown currency, a future row, a duplicate
 * ID, and text Sheets would take for a formula, a number or a boolean.
 */
export function seedMessy(gas: Gas, retentionDays = 400): void {
  seedFake(gas.control, {
    Settings: [
      ['setting', 'value', 'description'],
      ['home_currency', 'CNY', ''],
      ['history_retention_days', retentionDays, ''],
      ['', '', ''],
      ['Currency', 'Rate to Home Currency'],
      ['USD', 7],
    ],
    Accounts: [
      [
        '客户名称',
        'My own column',
        'Account ID',
        'Owner Email',
        'Tier',
        '状态',
        'Parent Account ID',
        'Industry',
        'Region',
      ],
      [
        '=HYPERLINK("http://evil")',
        'x',
        'A1',
        'li@example.com',
        '战略',
        'Active',
        '',
        '+86 Trading',
        '华东',
      ],
      ['Beta', 'y', '00123', 'wang@example.com', 'Key', '合作中', 'A1', '-minus', '@north'],
      ['', '', '', '', '', '', '', '', ''],
      ['Gamma 公司', '', 'A3', '', 'Gold', '', '', 'TRUE', '2026-01-01'],
      ['Dup', '', 'A1', '', '', '', '', '', ''],
      ['Delta', '', 'A4', 'li@example.com', 'standard', 'lost', '', '', ''],
    ],
    Transactions: [
      ['Date', 'Account ID', 'Amount', 'Currency'],
      [on(2026, 1, 5), 'A1', 100, ''],
      ['2026/2/3', 'A1', '¥1,200', ''],
      ['2026年3月2日', '00123', 50, 'USD'],
      [on(2026, 3, 3), '00123', 50, 'JPY'],
      [on(2027, 1, 1), '00123', 50, ''],
      [on(2026, 3, 20), 'A1', -30, ''],
      [on(2025, 6, 1), 'A1', 400, ''],
      ['not a date', 'A1', 90, ''],
    ],
    Interactions: [
      ['Date', 'Account ID', 'Complaint', 'Satisfaction', 'Complaint Status'],
      [on(2026, 11, 1), 'A1', '是', 4, 'Open'],
    ],
    Contacts: [
      ['Account ID', 'Name'],
      ['A1', 'Li Lei'],
    ],
    'Action Plan': [
      ['Task', 'Account ID', 'Due Date', 'Status'],
      ['Call back', 'A1', '2026-11-01', 'In progress'],
    ],
  });
}

/** A regular portfolio of `n` accounts with a few transactions and interactions each. */
export function seedPortfolio(gas: Gas, n: number): void {
  const { control } = gas;
  const owners = ['li@example.com', 'wang@example.com', 'zhao@example.com', ''];
  const accounts: unknown[][] = [['Account ID', 'Account Name', 'Owner Email', 'Tier', 'Status']];
  const tx: unknown[][] = [['Date', 'Account ID', 'Amount']];
  const ix: unknown[][] = [['Date', 'Account ID', 'Type', 'Satisfaction']];
  for (let i = 0; i < n; i++) {
    const id = `C${String(i).padStart(5, '0')}`;
    accounts.push([
      id,
      `Company ${i}`,
      owners[i % owners.length],
      ['Strategic', 'Key', 'Standard'][i % 3],
      'Active',
    ]);
    for (let k = 0; k < 3; k++)
      tx.push([
        `2026-${String(1 + ((i + 4 * k) % 11)).padStart(2, '0')}-1${k}`,
        id,
        100 + ((i * 37 + k * 11) % 900),
      ]);
    if (i % 2 === 0)
      ix.push([`2026-${String(1 + (i % 11)).padStart(2, '0')}-15`, id, 'Call', 1 + (i % 5)]);
  }
  control.setSheetValues('Accounts', accounts);
  control.setSheetValues('Transactions', tx);
  control.setSheetValues('Interactions', ix);
}
