/** Small typed records for the rule tests that run through computeMetrics. */
import { parseIsoDay, type Day } from '../../../src/core/calendar/day';
import type { AccountRecord, KamModel, TransactionRecord } from '../../../src/core/model/records';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/model';

export const D = (s: string): Day => parseIsoDay(s) as Day;

let row = 2;

export const account = (id: string, over: Partial<AccountRecord> = {}): AccountRecord => ({
  row: row++,
  id,
  name: `Name ${id}`,
  parentId: null,
  industry: '',
  region: '',
  address: '',
  ownerEmail: 'o@example.com',
  backupOwnerEmail: null,
  tier: null,
  status: 'active',
  creditLimit: null,
  nextActionDate: null,
  remindersPausedUntil: null,
  notes: '',
  ...over,
});

export const tx = (
  accountId: string,
  date: Day,
  amount: number,
  product = '',
): TransactionRecord => ({
  row: row++,
  date,
  accountId,
  product,
  amount,
  currency: 'CNY',
  paymentDueDate: null,
  paidDate: null,
});

export function modelOf(
  accounts: readonly AccountRecord[],
  transactions: readonly TransactionRecord[],
  settings: Partial<Settings> = {},
): KamModel {
  return {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    accounts,
    contacts: [],
    transactions,
    interactions: [],
    actions: [],
    plans: [],
    opportunities: [],
  };
}
