import type { Day } from '../calendar/day';
import { IssueList, type DataIssue } from '../issues/issue';
import type {
  AccountRecord,
  ActionRecord,
  ContactRecord,
  InteractionRecord,
  KamModel,
  MonthDay,
  OpportunityRecord,
  PlanRecord,
  StageCode,
  TransactionRecord,
} from '../model/records';
import { EMPTY_COLUMN_MAP, type ColumnMap } from '../schema/column-map';
import { headerRowIndex } from '../schema/header-row';
import { sheetDef } from '../schema/sheets';
import type { SheetKey } from '../schema/types';
import { displayValue } from '../values/parse';
import type { FieldValue } from './cells';
import { parseSettings } from './settings-sheet';
import { stageProbability } from '../rules/opportunities';
import { hasRequired, readTable, type SheetGrid, type Table, type TableRow } from './table';

export type WorkbookGrids = Partial<Record<SheetKey, SheetGrid>>;

export interface ParsedWorkbook {
  readonly model: KamModel;
  readonly issues: readonly DataIssue[];
  /** The accounts table as read (header map for writing script columns back). */
  readonly accountsTable: Table | null;
}

const s = (v: FieldValue): string => (typeof v === 'string' ? v : v === null ? '' : String(v));
const sOrNull = (v: FieldValue): string | null => (typeof v === 'string' && v !== '' ? v : null);
const n = (v: FieldValue): number | null => (typeof v === 'number' ? v : null);
const d = (v: FieldValue): Day | null => (typeof v === 'number' ? v : null);

function req(sheet: SheetKey, ...keys: string[]): { key: string; en: string; zh: string }[] {
  return keys.map(
    (k) =>
      sheetDef(sheet).columns.find((c) => c.key === k) as { key: string; en: string; zh: string },
  );
}

/**
 * Turns the grids of the user sheets into typed, validated records (docs/rules.md "Reading values").
 * Every unreadable cell, unknown account, unknown currency, future date, duplicate ID and parent
 * problem becomes a data issue; the affected row is left out of the figures it would corrupt and
 * everything else is still computed.
 */
export function parseWorkbook(
  grids: WorkbookGrids,
  today: Day,
  map: ColumnMap = EMPTY_COLUMN_MAP,
): ParsedWorkbook {
  const issues = new IssueList();
  const settings = parseSettings(grids.settings ?? null, issues);
  const table = (key: SheetKey): Table | null => {
    const g = grids[key];
    if (!g) return null;
    const columns = sheetDef(key).columns;
    const at = headerRowIndex(g.name, g.values, columns, map);
    return readTable(g, columns, issues, at, g.values.length, map);
  };

  // A team that keys its customers by name (no ID column) is read with the name as the ID: the
  // other sheets then name their account by exact name. An ID column, even an empty one, is
  // the key, and a blank ID in it is reported.
  const accountsGrid = grids.accounts;
  const accountColumns = sheetDef('accounts').columns.map((c) =>
    c.key === 'account_id' ? { ...c, required: false } : c,
  );
  const accountsTable = accountsGrid
    ? readTable(
        accountsGrid,
        accountColumns,
        issues,
        headerRowIndex(accountsGrid.name, accountsGrid.values, accountColumns, map),
        accountsGrid.values.length,
        map,
      )
    : null;
  const nameKeyed =
    accountsTable !== null &&
    accountsTable.header.index.has('account_name') &&
    !accountsTable.header.index.has('account_id');
  const accounts: AccountRecord[] = [];
  const accountIds = new Map<string, number>();
  if (accountsTable) {
    const required = req('accounts', nameKeyed ? 'account_name' : 'account_id', 'account_name');
    const idKey = nameKeyed ? 'account_name' : 'account_id';
    for (const r of accountsTable.rows) {
      const f = r.fields;
      if (!hasRequired(accountsTable, r, required, issues)) continue;
      const id = s(f[idKey]);
      const first = accountIds.get(id);
      if (first !== undefined) {
        issues.add({
          sheet: accountsTable.name,
          row: r.row,
          column: label(accountsTable, idKey),
          value: id,
          code: 'duplicate_id',
          params: { id, first },
          severity: 'error',
        });
        continue;
      }
      accountIds.set(id, r.row);
      accounts.push({
        row: r.row,
        id,
        name: s(f.account_name),
        parentId: sOrNull(f.parent_account_id),
        industry: s(f.industry),
        region: s(f.region),
        address: s(f.address),
        ownerEmail: sOrNull(f.owner_email),
        backupOwnerEmail: sOrNull(f.backup_owner_email),
        tier: sOrNull(f.tier),
        status: sOrNull(f.status),
        creditLimit: n(f.credit_limit),
        nextActionDate: d(f.next_action_date),
        remindersPausedUntil: d(f.reminders_paused_until),
        notes: s(f.notes),
      });
    }
    checkParents(accountsTable, accounts, accountIds, issues);
  }

  // An account named by its exact name where an ID is expected (a team that keyed its sheets by
  // name before it had IDs): the name stands for the account when exactly one account has it.
  const byName = new Map<string, string | null>();
  for (const a of accounts) byName.set(a.name, byName.has(a.name) ? null : a.id);
  /** A row's account must exist; otherwise it is reported and left out. */
  const knownAccount = (t: Table, r: TableRow, optional: boolean): boolean => {
    const id = sOrNull(r.fields.account_id);
    if (id === null) return optional;
    if (accountIds.has(id)) return true;
    const named = byName.get(id);
    if (named) {
      (r.fields as Record<string, FieldValue>).account_id = named;
      return true;
    }
    issues.add({
      sheet: t.name,
      row: r.row,
      column: label(t, 'account_id'),
      value: id,
      code: 'unknown_account',
      params: { id },
      severity: 'error',
    });
    return false;
  };
  const notFuture = (t: Table, r: TableRow, day: Day): boolean => {
    if (day <= today) return true;
    issues.add({
      sheet: t.name,
      row: r.row,
      column: label(t, 'date'),
      value: displayValue({ kind: 'date', day, seconds: 0 }),
      code: 'future_date',
      severity: 'warning',
    });
    return false;
  };

  const transactions: TransactionRecord[] = [];
  const txTable = table('transactions');
  if (txTable) {
    const required = req('transactions', 'date', 'account_id');
    for (const r of txTable.rows) {
      const f = r.fields;
      if (!hasRequired(txTable, r, required, issues) || !knownAccount(txTable, r, false)) continue;
      if (r.bad && (r.bad.has('amount') || r.bad.has('currency'))) continue;
      let amount = n(f.amount);
      if (amount === null) {
        const q = n(f.quantity);
        const p = n(f.unit_price);
        if (q === null || p === null) {
          if (!r.bad?.has('quantity') && !r.bad?.has('unit_price'))
            issues.add({
              sheet: txTable.name,
              row: r.row,
              column: label(txTable, 'amount'),
              value: '',
              code: 'amount_missing',
              severity: 'error',
            });
          continue;
        }
        amount = q * p;
      }
      const currency = (s(f.currency) || settings.homeCurrency).toUpperCase();
      const rate = settings.rates.get(currency);
      if (rate === undefined) {
        issues.add({
          sheet: txTable.name,
          row: r.row,
          column: label(txTable, 'currency'),
          value: s(f.currency),
          code: 'unknown_currency',
          params: { currency },
          severity: 'error',
        });
        continue;
      }
      const date = d(f.date) as Day;
      if (!notFuture(txTable, r, date)) continue;
      transactions.push({
        row: r.row,
        date,
        accountId: s(f.account_id),
        product: s(f.product),
        amount: amount * rate,
        currency,
        paymentDueDate: d(f.payment_due_date),
        paidDate: d(f.paid_date),
      });
    }
  }

  const interactions: InteractionRecord[] = [];
  const inTable = table('interactions');
  if (inTable) {
    const required = req('interactions', 'date', 'account_id');
    for (const r of inTable.rows) {
      const f = r.fields;
      if (!hasRequired(inTable, r, required, issues) || !knownAccount(inTable, r, false)) continue;
      const date = d(f.date) as Day;
      if (!notFuture(inTable, r, date)) continue;
      interactions.push({
        row: r.row,
        date,
        accountId: s(f.account_id),
        type: sOrNull(f.type),
        ownerEmail: sOrNull(f.owner_email),
        summary: s(f.summary),
        nextStep: s(f.next_step),
        satisfaction: n(f.satisfaction),
        complaint: f.complaint === true,
        complaintStatus: (sOrNull(f.complaint_status) as 'open' | 'closed' | null) ?? null,
      });
    }
  }

  const actions: ActionRecord[] = [];
  const acTable = table('actions');
  if (acTable) {
    const required = req('actions', 'task');
    for (const r of acTable.rows) {
      const f = r.fields;
      if (!hasRequired(acTable, r, required, issues) || !knownAccount(acTable, r, true)) continue;
      actions.push({
        row: r.row,
        task: s(f.task),
        accountId: sOrNull(f.account_id),
        ownerEmail: sOrNull(f.owner_email),
        startDate: d(f.start_date),
        dueDate: d(f.due_date),
        status: sOrNull(f.status),
        completedDate: d(f.completed_date),
        outcome: s(f.outcome),
      });
    }
  }

  const contacts: ContactRecord[] = [];
  const coTable = table('contacts');
  if (coTable) {
    const required = req('contacts', 'name');
    for (const r of coTable.rows) {
      const f = r.fields;
      if (!hasRequired(coTable, r, required, issues) || !knownAccount(coTable, r, true)) continue;
      contacts.push({
        row: r.row,
        accountId: sOrNull(f.account_id),
        name: s(f.name),
        title: s(f.title),
        email: sOrNull(f.email),
        phone: s(f.phone),
        role: sOrNull(f.role),
        influence: n(f.influence),
        relationship: n(f.relationship),
        birthday: (f.birthday as MonthDay | null) ?? null,
      });
    }
  }

  const plans: PlanRecord[] = [];
  const plTable = table('plans');
  if (plTable) {
    const required = req('plans', 'account_id');
    for (const r of plTable.rows) {
      const f = r.fields;
      if (!hasRequired(plTable, r, required, issues) || !knownAccount(plTable, r, false)) continue;
      plans.push({
        row: r.row,
        accountId: s(f.account_id),
        period: s(f.period),
        challenges: s(f.challenges),
        goals: s(f.goals),
        specialRequirements: s(f.special_requirements),
        valueProposition: s(f.value_proposition),
        revenueTarget: n(f.revenue_target),
        nextReviewDate: d(f.next_review_date),
        reviewCadenceMonths: n(f.review_cadence_months) ?? DEFAULT_REVIEW_CADENCE_MONTHS,
      });
    }
  }

  const opportunities: OpportunityRecord[] = [];
  const opTable = table('opportunities');
  if (opTable) {
    const required = req('opportunities', 'opportunity_id', 'account_id');
    // Which of two rows with one ID is right is the user's to say: both stay out (whatever their
    // order), each reported with the other's row.
    const rowsOf = new Map<string, number[]>();
    for (const r of opTable.rows) {
      const id = s(r.fields.opportunity_id);
      if (id !== '') rowsOf.set(id, [...(rowsOf.get(id) ?? []), r.row]);
    }
    for (const r of opTable.rows) {
      const f = r.fields;
      if (!hasRequired(opTable, r, required, issues) || !knownAccount(opTable, r, false)) continue;
      // An unreadable amount or currency cannot be valued: the row stays out of every figure.
      if (r.bad && (r.bad.has('amount') || r.bad.has('currency'))) continue;
      const id = s(f.opportunity_id);
      const same = rowsOf.get(id) ?? [];
      if (same.length > 1) {
        issues.add({
          sheet: opTable.name,
          row: r.row,
          column: label(opTable, 'opportunity_id'),
          value: id,
          code: 'duplicate_opportunity',
          params: { id, other: same.find((x) => x !== r.row) ?? r.row },
          severity: 'error',
        });
        continue;
      }
      const currency = (s(f.currency) || settings.homeCurrency).toUpperCase();
      const rate = settings.rates.get(currency);
      if (rate === undefined) {
        issues.add({
          sheet: opTable.name,
          row: r.row,
          column: label(opTable, 'currency'),
          value: s(f.currency),
          code: 'unknown_currency',
          params: { currency },
          severity: 'error',
        });
        continue;
      }
      const stage = sOrNull(f.stage) as StageCode | null;
      const amount = n(f.amount);
      opportunities.push({
        row: r.row,
        id,
        accountId: s(f.account_id),
        name: s(f.name),
        ownerEmail: sOrNull(f.owner_email),
        stage,
        amount,
        currency,
        amountHome: (amount ?? 0) * rate,
        probability: readProbability(n(f.probability), stage),
        expectedCloseDate: d(f.expected_close_date),
        stageChangedDate: d(f.stage_changed_date),
        closedDate: d(f.closed_date),
        lostReason: s(f.lost_reason),
        product: s(f.product),
        nextStep: s(f.next_step),
      });
    }
  }

  return {
    model: {
      accounts,
      contacts,
      transactions,
      interactions,
      actions,
      plans,
      opportunities,
      settings,
    },
    issues: issues.items,
    accountsTable,
  };
}

/** `review_cadence_months` when blank (docs/workbook.md). */
export const DEFAULT_REVIEW_CADENCE_MONTHS = 3;

/**
 * A typed probability (0–100 %), or the stage's default when blank. A value between 0 and 1 is
 * read as a fraction: it is what a cell formatted as a percentage holds (50 % is 0.5).
 */
function readProbability(typed: number | null, stage: StageCode | null): number {
  if (typed === null) return stageProbability(stage);
  return typed > 0 && typed < 1 ? typed * 100 : typed;
}

function label(t: Table, key: string): string {
  return t.header.label.get(key) ?? key;
}

/** Parents must exist and must not form a cycle; each cycle is reported once, on its first row. */
function checkParents(
  t: Table,
  accounts: readonly AccountRecord[],
  ids: Map<string, number>,
  issues: IssueList,
): void {
  const parentOf = new Map<string, string>();
  for (const a of accounts) {
    if (a.parentId === null) continue;
    if (!ids.has(a.parentId)) {
      issues.add({
        sheet: t.name,
        row: a.row,
        column: label(t, 'parent_account_id'),
        value: a.parentId,
        code: 'unknown_parent',
        params: { id: a.parentId },
        severity: 'warning',
      });
      continue;
    }
    parentOf.set(a.id, a.parentId);
  }
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const a of accounts) {
    const path: string[] = [];
    let cur: string | undefined = a.id;
    while (cur !== undefined && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = parentOf.get(cur);
    }
    if (cur !== undefined && state.get(cur) === 1) {
      const cycle = path.slice(path.indexOf(cur));
      const rowOf = (id: string): number => ids.get(id) as number;
      const firstId = cycle.reduce((m, id) => (rowOf(id) < rowOf(m) ? id : m), cycle[0]);
      issues.add({
        sheet: t.name,
        row: rowOf(firstId),
        column: label(t, 'parent_account_id'),
        value: parentOf.get(firstId) ?? '',
        code: 'parent_cycle',
        params: { path: [...cycle, cycle[0]].join(' → ') },
        severity: 'error',
      });
    }
    for (const id of path) state.set(id, 2);
  }
}
