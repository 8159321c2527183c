/**
 * A generated KamModel as the sheet values a person would keep: the real headers (from the
 * schema, in the workbook's language), enum labels rather than codes, dates as the `Date`s Sheets
 * hands out (midnight in the spreadsheet's zone), foreign amounts in their own currency, blanks
 * as "". Used by the benchmark to seed the Apps Script fake; parsing these rows gives back the
 * model's records (foreign amounts up to rounding).
 */
import type { Day } from '../../src/core/calendar/day';
import { pick, type Locale } from '../../src/core/i18n/locale';
import type { KamModel } from '../../src/core/model/records';
import {
  ACCOUNT_STATUSES,
  ACTION_STATUSES,
  COMPLAINT_STATUSES,
  CONTACT_ROLES,
  INTERACTION_TYPES,
  OPPORTUNITY_STAGES,
  TIERS,
  YES_NO,
} from '../../src/core/schema/enums';
import { EXCHANGE_RATE_COLUMNS, sheetDef } from '../../src/core/schema/sheets';
import type { EnumOption, SheetKey } from '../../src/core/schema/types';
import { SETTING_DEFS } from '../../src/core/settings/definitions';

export type SheetValue = string | number | boolean | Date;

export interface SheetRows {
  readonly key: SheetKey;
  /** The sheet's name in `locale`, as `Set up workbook` creates it. */
  readonly name: string;
  readonly rows: SheetValue[][];
}

export interface ToSheetsOptions {
  readonly locale?: Locale;
  /** Midnight of a calendar day in the spreadsheet's time zone. */
  readonly midnight: (day: Day) => Date;
}

/** Midnight of a day in a zone with a fixed UTC offset (Asia/Shanghai: +480 minutes). */
export function fixedOffsetMidnight(offsetMinutes: number): (day: Day) => Date {
  return (day) => new Date(day * 86_400_000 - offsetMinutes * 60_000);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function labeller(options: readonly EnumOption[], locale: Locale): (code: string | null) => string {
  const byCode = new Map(options.map((o) => [o.code, pick(o, locale)]));
  return (code) => (code === null ? '' : (byCode.get(code) ?? code));
}

/**
 * Rows (header first) of every user sheet and of Settings, in the column order of the schema.
 * Script columns of Accounts get their header and blank cells.
 */
export function modelToSheets(model: KamModel, options: ToSheetsOptions): SheetRows[] {
  const locale = options.locale ?? 'en';
  const dates = new Map<Day, Date>();
  const date = (day: Day | null): SheetValue => {
    if (day === null) return '';
    let d = dates.get(day);
    if (d === undefined) {
      d = options.midnight(day);
      dates.set(day, d);
    }
    return d;
  };
  const text = (s: string | null): string => s ?? '';
  const num = (n: number | null): SheetValue => (n === null ? '' : n);

  /** One sheet: each column's value taken by key from `cells`; unknown keys are blank. */
  const sheet = <T>(
    key: SheetKey,
    records: readonly T[],
    cells: (r: T) => Record<string, SheetValue>,
  ): SheetRows => {
    const def = sheetDef(key);
    const keys = def.columns.map((c) => c.key);
    const rows: SheetValue[][] = new Array(records.length + 1);
    rows[0] = def.columns.map((c) => pick(c, locale));
    for (let i = 0; i < records.length; i++) {
      const values = cells(records[i]);
      rows[i + 1] = keys.map((k) => values[k] ?? '');
    }
    return { key, name: pick(def, locale), rows };
  };

  const tier = labeller(TIERS, locale);
  const accountStatus = labeller(ACCOUNT_STATUSES, locale);
  const role = labeller(CONTACT_ROLES, locale);
  const interactionType = labeller(INTERACTION_TYPES, locale);
  const complaintStatus = labeller(COMPLAINT_STATUSES, locale);
  const stage = labeller(OPPORTUNITY_STAGES, locale);
  const actionStatus = labeller(ACTION_STATUSES, locale);
  const yesNo = labeller(YES_NO, locale);
  const { settings } = model;
  const home = settings.homeCurrency;

  const settingsDef = sheetDef('settings');
  const settingsRows: SheetValue[][] = [settingsDef.columns.map((c) => pick(c, locale))];
  for (const d of SETTING_DEFS)
    settingsRows.push([
      d.key,
      d.key === 'home_currency' ? home : d.default,
      pick(d.description, locale),
    ]);
  settingsRows.push(['', '', '']);
  settingsRows.push(EXCHANGE_RATE_COLUMNS.map((c) => pick(c, locale)));
  settingsRows.push([home, 1]);
  for (const [code, rate] of settings.rates) if (code !== home) settingsRows.push([code, rate]);

  return [
    sheet('accounts', model.accounts, (a) => ({
      account_id: a.id,
      account_name: a.name,
      parent_account_id: text(a.parentId),
      industry: a.industry,
      region: a.region,
      address: a.address,
      owner_email: text(a.ownerEmail),
      backup_owner_email: text(a.backupOwnerEmail),
      tier: tier(a.tier),
      status: accountStatus(a.status),
      credit_limit: num(a.creditLimit),
      next_action_date: date(a.nextActionDate),
      reminders_paused_until: date(a.remindersPausedUntil),
      notes: a.notes,
    })),
    sheet('contacts', model.contacts, (c) => ({
      account_id: text(c.accountId),
      name: c.name,
      title: c.title,
      email: text(c.email),
      phone: c.phone,
      role: role(c.role),
      influence: num(c.influence),
      relationship: num(c.relationship),
      birthday:
        c.birthday === null
          ? ''
          : c.birthday.year === null
            ? `${String(c.birthday.month).padStart(2, '0')}-${String(c.birthday.day).padStart(2, '0')}`
            : options.midnight(
                Date.UTC(c.birthday.year, c.birthday.month - 1, c.birthday.day) / 86_400_000,
              ),
    })),
    sheet('transactions', model.transactions, (t) => {
      const rate = settings.rates.get(t.currency) ?? 1;
      return {
        date: date(t.date),
        account_id: t.accountId,
        product: t.product,
        amount: t.currency === home ? t.amount : round2(t.amount / rate),
        currency: t.currency,
        payment_due_date: date(t.paymentDueDate),
        paid_date: date(t.paidDate),
      };
    }),
    sheet('interactions', model.interactions, (i) => ({
      date: date(i.date),
      account_id: i.accountId,
      type: interactionType(i.type),
      owner_email: text(i.ownerEmail),
      summary: i.summary,
      next_step: i.nextStep,
      satisfaction: num(i.satisfaction),
      complaint: yesNo(i.complaint ? 'yes' : 'no'),
      complaint_status: complaintStatus(i.complaintStatus),
    })),
    sheet('actions', model.actions, (a) => ({
      task: a.task,
      account_id: text(a.accountId),
      owner_email: text(a.ownerEmail),
      start_date: date(a.startDate),
      due_date: date(a.dueDate),
      status: actionStatus(a.status),
      completed_date: date(a.completedDate),
      outcome: a.outcome,
    })),
    sheet('plans', model.plans, (p) => ({
      account_id: p.accountId,
      period: p.period,
      challenges: p.challenges,
      goals: p.goals,
      special_requirements: p.specialRequirements,
      value_proposition: p.valueProposition,
      revenue_target: num(p.revenueTarget),
      next_review_date: date(p.nextReviewDate),
      review_cadence_months: p.reviewCadenceMonths,
    })),
    sheet('opportunities', model.opportunities, (o) => ({
      opportunity_id: o.id,
      account_id: o.accountId,
      name: o.name,
      owner_email: text(o.ownerEmail),
      stage: stage(o.stage),
      amount: num(o.amount),
      currency: o.currency,
      probability: o.probability,
      expected_close_date: date(o.expectedCloseDate),
      stage_changed_date: date(o.stageChangedDate),
      closed_date: date(o.closedDate),
      lost_reason: o.lostReason,
      product: o.product,
      next_step: o.nextStep,
    })),
    { key: 'settings', name: pick(settingsDef, locale), rows: settingsRows },
  ];
}
