import { dayFromYmd, type Day } from '../../../src/core/calendar/day';
import { computeMetrics } from '../../../src/core/engine/compute';
import type { Locale } from '../../../src/core/i18n/locale';
import type { WorkbookRead } from '../../../src/core/jobs/read';
import type { AccountMetrics } from '../../../src/core/model/metrics';
import { parseWorkbook, type WorkbookGrids } from '../../../src/core/parse/workbook';
import type { SheetKey } from '../../../src/core/schema/types';
import { dateCell, type CellValue } from '../../../src/core/values/cell';
import { EMPTY_COLUMN_MAP } from '../../../src/core/schema/column-map';
import { coreGrids, on } from '../../support/workbook-spec';

export const TODAY = dayFromYmd(2026, 11, 23);
export const d = (y: number, m: number, day: number) => dateCell(dayFromYmd(y, m, day));

/**
 * A messy workbook: Chinese and English headers, a user column, blank rows, text dates, amounts
 * with currency signs, a return, an unknown currency, a future row, a duplicate ID, and user text
 * that Sheets would take for a formula or a number.
 */
export function messyGrids(): Record<string, CellValue[][]> {
  return coreGrids({
    settings: [
      ['setting', 'value', 'description'],
      ['home_currency', 'CNY', null],
      ['history_retention_days', 30, null],
      [null, null, null],
      ['Currency', 'Rate to Home Currency'],
      ['USD', 7],
    ],
    accounts: [
      [
        '客户名称',
        'My own column',
        '客户编号',
        '负责人邮箱',
        '客户级别',
        '状态',
        '上级客户编号',
        '行业',
        '地区',
      ],
      [
        '=HYPERLINK("http://evil")',
        'x',
        'A1',
        'li@example.com',
        '战略',
        'Active',
        null,
        '+86 Trading',
        '华东',
      ],
      ['Beta', 'y', '00123', 'wang@example.com', 'Key', '合作中', 'A1', '-minus', '@north'],
      [null, null, null, null, null, null, null, null, null],
      ['Gamma 公司', null, 'A3', null, 'Gold', null, null, null, null],
      ['Dup', null, 'A1', null, null, null, null, null, null],
      ['Delta', null, 'A4', 'li@example.com', 'standard', 'lost', null, 'TRUE', '2026-01-01'],
    ],
    transactions: [
      ['Date', 'Account ID', 'Amount', 'Currency'],
      [on(2026, 1, 5), 'A1', 100, null],
      ['2026/2/3', 'A1', '¥1,200', null],
      ['2026年3月2日', '00123', 50, 'USD'],
      [on(2026, 3, 3), '00123', 50, 'JPY'],
      [on(2027, 1, 1), '00123', 50, null],
      [on(2026, 3, 20), 'A1', -30, null],
      [on(2025, 6, 1), 'A1', 400, null],
      [on(2026, 10, 1), 'A1', 80, null],
      [on(2026, 11, 1), 'A1', 90, null],
      ['not a date', 'A1', 90, null],
    ],
    interactions: [
      ['Date', 'Account ID', 'Complaint', 'Satisfaction', 'Complaint Status'],
      [on(2026, 11, 1), 'A1', '是', 4, 'Open'],
      [on(2026, 10, 2), '00123', 'no', 3, null],
    ],
    contacts: [
      ['Account ID', 'Name'],
      ['A1', 'Li Lei'],
      ['A1', 'Han Meimei'],
    ],
    actions: [
      ['Task', 'Account ID', 'Due Date', 'Status'],
      ['Call back', 'A1', on(2026, 11, 1), 'In progress'],
      ['Send deck', 'A1', on(2026, 12, 1), 'Done'],
    ],
  });
}

export function readOf(
  raw: Record<string, CellValue[][]>,
  today: Day = TODAY,
  locale: Locale = 'en',
): { read: WorkbookRead; metrics: AccountMetrics[] } {
  const grids: WorkbookGrids = {};
  const names = new Map<SheetKey, string>();
  for (const [k, values] of Object.entries(raw)) {
    grids[k as SheetKey] = { name: k, values };
    names.set(k as SheetKey, k);
  }
  const parsed = parseWorkbook(grids, today);
  const read: WorkbookRead = {
    names,
    grids,
    sizes: Object.values(grids).map((g) => ({
      name: g.name,
      rows: g.values.length,
      cols: Math.max(0, ...g.values.map((r) => r.length)),
    })),
    parsed,
    locale,
    map: EMPTY_COLUMN_MAP,
    issues: parsed.issues,
  };
  return { read, metrics: computeMetrics(parsed.model, today) };
}
