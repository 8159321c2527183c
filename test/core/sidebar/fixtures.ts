import { dayFromYmd, type Day } from '../../../src/core/calendar/day';
import { computeMetrics } from '../../../src/core/engine/compute';
import { readWorkbook, type WorkbookRead } from '../../../src/core/jobs/read';
import type { AccountMetrics } from '../../../src/core/model/metrics';
import type { WorkbookStore } from '../../../src/core/ports/workbook';
import { dateCell, type CellValue, type Grid } from '../../../src/core/values/cell';

export const TODAY: Day = dayFromYmd(2026, 11, 23);
export const d = (y: number, m: number, day: number): CellValue => dateCell(dayFromYmd(y, m, day));
export const ago = (n: number): CellValue => dateCell(TODAY - n);

/** Just enough of a store for readWorkbook: named grids and a locale. */
export function memoryStore(sheets: Record<string, Grid>, locale = 'en_US'): WorkbookStore {
  return {
    sheetNames: () => Object.keys(sheets),
    readSheet: (name: string) => sheets[name] ?? [],
    locale: () => locale,
  } as unknown as WorkbookStore;
}

export function readOf(
  sheets: Record<string, Grid>,
  locale = 'en_US',
): { read: WorkbookRead; metrics: AccountMetrics[] } {
  const read = readWorkbook(memoryStore(sheets, locale), TODAY);
  return { read, metrics: computeMetrics(read.parsed.model, TODAY) };
}

/** A small workbook: two accounts, two years of monthly revenue for A1, contacts, interactions, actions, plans. */
export function sampleSheets(): Record<string, Grid> {
  const tx: Grid = [['Date', 'Account ID', 'Amount', 'Currency']];
  for (let m = 0; m < 30; m++)
    tx.push([d(2024 + Math.floor((m + 5) / 12), ((m + 5) % 12) + 1, 15), 'A1', 100 * (m + 1), '']);
  tx.push([d(2026, 11, 2), 'A1', -50, '']);
  tx.push([d(2026, 10, 1), 'A1', 10, 'USD']);
  tx.push([d(2026, 12, 1), 'A1', 999, '']); // future: ignored
  tx.push([d(2026, 6, 1), 'B2', 70, '']);
  const ix: Grid = [
    ['Account ID', 'Date', 'Type', 'Summary', 'Satisfaction', 'Complaint', 'Complaint Status'],
  ];
  for (let k = 0; k < 12; k++)
    ix.push([
      'A1',
      ago(k * 3 + 1),
      k % 2 ? 'Call' : '拜访',
      `note ${k}`,
      3,
      k === 5 ? 'yes' : '',
      '',
    ]);
  ix.push(['B2', ago(2), 'Email', 'other account', '', '', '']);
  return {
    Settings: [
      ['setting', 'value'],
      ['home_currency', 'CNY'],
      [],
      ['Currency', 'Rate to Home Currency'],
      ['USD', 7],
    ],
    Accounts: [
      ['Account ID', 'Account Name', 'Owner Email', 'Tier', 'Status', 'Industry', 'Credit Limit'],
      ['A1', 'Acme', 'li@example.com', '战略', 'Active', 'Machinery', 1000],
      ['B2', 'Beta', 'wang@example.com', 'Key', 'Lost', '', ''],
    ],
    Transactions: tx,
    Interactions: ix,
    Contacts: [
      ['Account ID', 'Name', 'Role', 'Influence'],
      ['A1', 'Low', 'User', 1],
      ['A1', 'High', '决策者', 5],
      ['B2', 'Elsewhere', '', ''],
    ],
    'Action Plan': [
      ['Task', 'Account ID', 'Owner Email', 'Due Date', 'Status', 'Completed Date'],
      ['Later', 'A1', '', d(2026, 12, 20), 'Not started', ''],
      ['Overdue', 'A1', 'li@example.com', d(2026, 11, 1), 'In progress', ''],
      ['Finished', 'A1', '', d(2026, 10, 1), 'Done', d(2026, 10, 2)],
      ['No date', 'A1', '', '', '', ''],
      ['Beta task', 'B2', '', d(2026, 11, 30), 'Blocked', ''],
      ['Orphan', '', 'zhao@example.com', '', 'Not started', ''],
    ],
    'Account Plans': [
      ['Account ID', 'Period', 'Goals', 'Revenue Target'],
      ['A1', '2025', 'old', 10],
      ['A1', '2026', 'this year', 20],
      ['A1', '2026-Q4', 'this quarter', 5],
      ['A1', '2027', 'next year', 30],
    ],
  };
}
