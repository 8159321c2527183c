import { dayFromYmd, daysInMonth, monthKey, ymdFromDay, type Day } from '../calendar/day';
import { pick, type Locale } from '../i18n/locale';
import type { WorkbookRead } from '../jobs/read';
import type { AccountMetrics } from '../model/metrics';
import type { AccountRecord, PlanRecord } from '../model/records';
import {
  ABC_CLASSES,
  ACCOUNT_STATUSES,
  ACTION_STATUSES,
  CHURN_RISKS,
  COMPLAINT_STATUSES,
  CONTACT_ROLES,
  CREDIT_RATINGS,
  HEALTH_BANDS,
  INTERACTION_TYPES,
  RFM_SEGMENTS,
  TIERS,
  RISK_FLAGS,
  OPPORTUNITY_STAGES,
  optionLabel,
} from '../schema/enums';
import { headerRowIndex } from '../schema/header-row';
import { matchHeaders } from '../schema/match';
import { DATA_SHEETS, columnDef, sheetDef } from '../schema/sheets';
import type { SheetKey } from '../schema/types';
import { readText } from '../values/parse';
import { amountText, choice, choices, dayText, round2 } from './format';
import { uiLabels, uiText, type Choice, type UiKey } from './texts';
import { catalogue } from '../i18n/catalogue';
import { riskReasons } from '../reminders/risk';
import { isOpen, isOverdueClose, isStalled } from '../rules/opportunities';
import { riskReasonText } from '../reminders/render';
import { groupRollups } from '../rules/groups';

/** How many months the revenue sparkline covers, and how many interactions are listed. */
export const SPARKLINE_MONTHS = 24;
export const RECENT_INTERACTIONS = 10;
/** Members of a group listed (largest revenue first); the rest are counted. */
export const GROUP_MEMBERS_SHOWN = 30;

export interface LabeledValue {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

export interface Account360Account {
  readonly id: string;
  readonly name: string;
  /** Row of the account on the Accounts sheet. */
  readonly row: number;
  readonly ownerEmail: string | null;
  readonly profile: readonly LabeledValue[];
  readonly badges: {
    readonly abc: Choice;
    readonly rfm: Choice & { readonly score: string | null };
    readonly churn: Choice;
    readonly credit: Choice | null;
    readonly health: Choice & { readonly score: number };
    /** stale / due_soon / on_track / exempt (Lost or paused: never stale). */
    readonly activity: Choice;
  };
  readonly activityText: string;
  readonly lastActivityDate: string | null;
  readonly daysSinceActivity: number | null;
  readonly revenue12m: number;
  readonly revenue12mText: string;
  readonly homeCurrency: string;
  readonly sparkline: { readonly months: readonly string[]; readonly values: readonly number[] };
  readonly contacts: readonly {
    readonly name: string;
    readonly title: string;
    readonly email: string | null;
    readonly phone: string;
    readonly role: Choice | null;
    readonly influence: number | null;
    readonly relationship: number | null;
  }[];
  readonly interactions: readonly {
    readonly row: number;
    readonly date: string;
    readonly type: Choice | null;
    readonly summary: string;
    readonly nextStep: string;
    readonly satisfaction: number | null;
    readonly complaint: boolean;
    readonly complaintStatus: Choice | null;
    readonly ownerEmail: string | null;
  }[];
  readonly openActions: readonly {
    readonly row: number;
    readonly task: string;
    readonly ownerEmail: string | null;
    readonly dueDate: string | null;
    readonly status: Choice;
    readonly overdue: boolean;
  }[];
  readonly plan: {
    readonly row: number;
    readonly period: string;
    readonly fields: readonly LabeledValue[];
    /** Months "Record review" moves the next review date by. */
    readonly reviewCadenceMonths: number;
  } | null;
  /** Open opportunities, largest first, with what the digest would say about them. */
  readonly opportunities: readonly {
    readonly row: number;
    readonly id: string;
    readonly name: string;
    readonly stage: Choice;
    readonly amountText: string;
    readonly expectedClose: string | null;
    readonly stalled: boolean;
    readonly closePassed: boolean;
  }[];
  /** The account's group company; null when it has neither parent nor children. */
  readonly group: {
    readonly id: string;
    readonly name: string;
    /** "3 accounts · revenue (12m) ¥350 · group ABC A", in the workbook language. */
    readonly summary: string;
    /** Largest revenue first, at most GROUP_MEMBERS_SHOWN; `more` counts the rest. */
    readonly members: readonly {
      readonly id: string;
      readonly name: string;
      readonly revenueText: string;
      readonly health: Choice;
      /** The account shown. */
      readonly current: boolean;
      /** The group's top account. */
      readonly top: boolean;
    }[];
    readonly more: number;
  } | null;
  /** Whitespace suggestions (docs/rules.md "Cross-sell"), most common first. */
  readonly crossSell: readonly string[];
  /** The raised risk flags, each with its reason in words (as in the digest). */
  readonly risks: readonly {
    readonly code: string;
    readonly label: string;
    readonly reason: string;
  }[];
}

/** Everything the Account 360 sidebar shows: plain JSON, labels already in the workbook language. */
export interface Account360View {
  readonly locale: Locale;
  readonly today: string;
  /** The person using the sidebar, the default owner of a new action. */
  readonly user: string;
  readonly labels: Record<string, string>;
  /** Column names of the form fields, as the sheets call them. */
  readonly fields: Record<string, string>;
  readonly options: {
    readonly types: readonly Choice[];
    readonly statuses: readonly Choice[];
    readonly stages: readonly Choice[];
  };
  readonly account: Account360Account | null;
  /** Set when an ID was asked for and is not in Accounts. */
  readonly notFound: string | null;
}

const LABEL_KEYS: readonly UiKey[] = [
  'refresh',
  'loading',
  'saving',
  'close',
  'nothing',
  'fix_below',
  'overdue',
  'due_on',
  'yes',
  'no',
  'a360_title',
  'a360_hint',
  'a360_open',
  'a360_not_found',
  'profile',
  'badge_abc',
  'badge_rfm',
  'badge_churn',
  'badge_credit',
  'badge_health',
  'revenue_24m',
  'contacts',
  'no_contacts',
  'influence_of',
  'interactions',
  'no_interactions',
  'complaint_tag',
  'satisfaction_of',
  'open_actions',
  'no_actions',
  'mark_done',
  'plan',
  'no_plan',
  'log_title',
  'log_submit',
  'complaint_check',
  'action_title',
  'action_submit',
  'choose',
  'risks',
  'record_review',
  'review_outcome',
  'review_submit',
  'review_hint',
  'opportunities',
  'no_opportunities',
  'move_stage',
  'stalled_tag',
  'close_passed',
  'group',
  'group_top',
  'group_more',
  'cross_sell',
  'cross_sell_hint',
];

const PROFILE_KEYS = [
  'parent_account_id',
  'industry',
  'region',
  'address',
  'owner_email',
  'backup_owner_email',
  'tier',
  'status',
  'credit_limit',
  'next_action_date',
  'reminders_paused_until',
  'notes',
] as const;

const PLAN_KEYS = [
  'challenges',
  'goals',
  'special_requirements',
  'value_proposition',
  'revenue_target',
  'next_review_date',
] as const;

/** Sheets whose rows name an account, so a selected row there opens that account. */
const ACCOUNT_SHEETS: readonly SheetKey[] = DATA_SHEETS;

/**
 * The account ID on a selected row: on Accounts or any sheet with an Account ID column.
 * null for a header row, a blank ID, or a sheet that names no account.
 */
export function accountAtRow(read: WorkbookRead, sheetName: string, row: number): string | null {
  if (!Number.isInteger(row) || row < 2) return null;
  for (const key of ACCOUNT_SHEETS) {
    if (read.names.get(key) !== sheetName) continue;
    const grid = read.grids[key];
    // No grid, or the rows of a table outside the workbook in the sheet's place (BigQuery).
    if (!grid || grid.name !== sheetName) return null;
    const columns = sheetDef(key).columns;
    const top = headerRowIndex(grid.name, grid.values, columns, grid.map);
    if (row <= top + 1) return null;
    const header = matchHeaders(grid.name, columns, grid.values[top] ?? [], top + 1, grid.map);
    const at = header.index.get('account_id');
    if (at === undefined) return null;
    const id = readText(grid.values[row - 1]?.[at] ?? null);
    return id === '' ? null : id;
  }
  return null;
}

function profileValue(
  a: AccountRecord,
  key: (typeof PROFILE_KEYS)[number],
  locale: Locale,
): string {
  switch (key) {
    case 'parent_account_id':
      return a.parentId ?? '';
    case 'owner_email':
      return a.ownerEmail ?? '';
    case 'backup_owner_email':
      return a.backupOwnerEmail ?? '';
    case 'tier':
      return choice(TIERS, a.tier, locale)?.label ?? '';
    case 'status':
      return choice(ACCOUNT_STATUSES, a.status, locale)?.label ?? '';
    case 'credit_limit':
      return a.creditLimit === null ? '' : amountText(a.creditLimit);
    case 'next_action_date':
      return dayText(a.nextActionDate) ?? '';
    case 'reminders_paused_until':
      return dayText(a.remindersPausedUntil) ?? '';
    default:
      return a[key];
  }
}

/** [first, last] day of a plan period: `2026`, `2026-Q4`, `2026 H1`, `2026-03`; null otherwise. */
export function periodRange(period: string): [Day, Day] | null {
  const p = period.trim().toUpperCase();
  let m = /^(\d{4})\s*年?$/.exec(p);
  if (m) return [dayFromYmd(+m[1], 1, 1), dayFromYmd(+m[1], 12, 31)];
  m = /^(\d{4})\s*年?\s*[-/ ]?\s*(?:Q|第)([1-4])(?:季度)?$/.exec(p);
  const q2 = m ? null : /^Q([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(p);
  if (m || q2) {
    const [y, q] = m ? [+m[1], +m[2]] : [+(q2 as RegExpExecArray)[2], +(q2 as RegExpExecArray)[1]];
    return [dayFromYmd(y, 3 * q - 2, 1), dayFromYmd(y, 3 * q, daysInMonth(y, 3 * q))];
  }
  m = /^(\d{4})\s*年?\s*[-/ ]?\s*H([12])$/.exec(p);
  if (m) {
    const [y, h] = [+m[1], +m[2]];
    return h === 1
      ? [dayFromYmd(y, 1, 1), dayFromYmd(y, 6, 30)]
      : [dayFromYmd(y, 7, 1), dayFromYmd(y, 12, 31)];
  }
  m = /^(\d{4})[-/](\d{1,2})$/.exec(p);
  if (m && +m[2] >= 1 && +m[2] <= 12)
    return [dayFromYmd(+m[1], +m[2], 1), dayFromYmd(+m[1], +m[2], daysInMonth(+m[1], +m[2]))];
  return null;
}

/**
 * The plan in force today: the narrowest period that contains today; else the one that started
 * most recently; else the account's last plan row (a period the script cannot read).
 */
export function currentPlan(plans: readonly PlanRecord[], today: Day): PlanRecord | null {
  if (plans.length === 0) return null;
  const ranged = plans.map((p) => ({ p, r: periodRange(p.period) }));
  const containing = ranged.filter((x) => x.r && x.r[0] <= today && today <= x.r[1]);
  if (containing.length > 0)
    return containing.reduce((a, b) =>
      (b.r as [Day, Day])[1] - (b.r as [Day, Day])[0] <
      (a.r as [Day, Day])[1] - (a.r as [Day, Day])[0]
        ? b
        : a,
    ).p;
  const started = ranged.filter((x) => x.r && x.r[0] <= today);
  if (started.length > 0)
    return started.reduce((a, b) => ((b.r as [Day, Day])[0] >= (a.r as [Day, Day])[0] ? b : a)).p;
  return plans[plans.length - 1];
}

/** The `count` months ending with today's month, oldest first, as `YYYY-MM`. */
export function lastMonths(today: Day, count: number): string[] {
  const { y, m } = ymdFromDay(today);
  const out: string[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const total = y * 12 + (m - 1) - k;
    out.push(
      `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`,
    );
  }
  return out;
}

function fieldLabels(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['date', 'type', 'summary', 'next_step', 'satisfaction', 'complaint'])
    out[key] = pick(columnDef('interactions', key), locale);
  for (const key of ['task', 'owner_email', 'due_date', 'status'])
    out[`action_${key}`] = pick(columnDef('actions', key), locale);
  out.account_id = pick(columnDef('accounts', 'account_id'), locale);
  out.review_cadence_months = pick(columnDef('plans', 'review_cadence_months'), locale);
  return out;
}

/**
 * The Account 360 view of one account (docs/rules.md figures as the refresh computes them, from the
 * same read), or the empty view with a hint when no account is selected. `metrics` are those of
 * `read.parsed.model.accounts`, in the same order.
 */
export function account360(
  read: WorkbookRead,
  metrics: readonly AccountMetrics[],
  accountId: string | null,
  today: Day,
  options: { user?: string; locale?: Locale } = {},
): Account360View {
  const locale = options.locale ?? read.locale;
  const model = read.parsed.model;
  const base = {
    locale,
    today: dayText(today) as string,
    user: options.user ?? '',
    labels: uiLabels(LABEL_KEYS, locale),
    fields: fieldLabels(locale),
    options: {
      types: choices(INTERACTION_TYPES, locale),
      statuses: choices(ACTION_STATUSES, locale),
      stages: choices(OPPORTUNITY_STAGES, locale),
    },
  };
  const index = accountId === null ? -1 : model.accounts.findIndex((a) => a.id === accountId);
  if (index === -1) return { ...base, account: null, notFound: accountId };
  const a = model.accounts[index];
  const m = metrics[index];

  const profile: LabeledValue[] = [];
  for (const key of PROFILE_KEYS) {
    const value = profileValue(a, key, locale);
    if (value !== '') profile.push({ key, label: pick(columnDef('accounts', key), locale), value });
  }

  const months = lastMonths(today, SPARKLINE_MONTHS);
  const monthIndex = new Map(months.map((k, i) => [k, i]));
  const values = new Array<number>(months.length).fill(0);
  for (const t of model.transactions) {
    if (t.accountId !== a.id || t.date > today) continue;
    const i = monthIndex.get(monthKey(t.date));
    if (i !== undefined) values[i] += t.amount;
  }

  const activity: Choice = m.exempt
    ? {
        code: 'exempt',
        label: choice(ACCOUNT_STATUSES, a.status, locale)?.label ?? uiText('on_track', locale),
      }
    : m.stale
      ? { code: 'stale', label: uiText('stale', locale) }
      : m.dueSoon
        ? { code: 'due_soon', label: uiText('due_soon', locale) }
        : { code: 'on_track', label: uiText('on_track', locale) };

  const contacts = model.contacts
    .filter((c) => c.accountId === a.id)
    .sort((x, y) => (y.influence ?? 0) - (x.influence ?? 0) || x.name.localeCompare(y.name))
    .map((c) => ({
      name: c.name,
      title: c.title,
      email: c.email,
      phone: c.phone,
      role: choice(CONTACT_ROLES, c.role, locale),
      influence: c.influence,
      relationship: c.relationship,
    }));

  const interactions = model.interactions
    .filter((i) => i.accountId === a.id)
    .sort((x, y) => y.date - x.date || y.row - x.row)
    .slice(0, RECENT_INTERACTIONS)
    .map((i) => ({
      row: i.row,
      date: dayText(i.date) as string,
      type: choice(INTERACTION_TYPES, i.type, locale),
      summary: i.summary,
      nextStep: i.nextStep,
      satisfaction: i.satisfaction,
      complaint: i.complaint,
      complaintStatus: i.complaint
        ? choice(COMPLAINT_STATUSES, i.complaintStatus ?? 'open', locale)
        : null,
      ownerEmail: i.ownerEmail,
    }));

  const openActions = model.actions
    .filter((x) => x.accountId === a.id && x.status !== 'done')
    .sort(
      (x, y) =>
        (x.dueDate ?? Number.MAX_SAFE_INTEGER) - (y.dueDate ?? Number.MAX_SAFE_INTEGER) ||
        x.row - y.row,
    )
    .map((x) => ({
      row: x.row,
      task: x.task,
      ownerEmail: x.ownerEmail,
      dueDate: dayText(x.dueDate),
      status: choice(ACTION_STATUSES, x.status ?? 'not_started', locale) as Choice,
      overdue: x.dueDate !== null && x.dueDate < today,
    }));

  const p = currentPlan(
    model.plans.filter((x) => x.accountId === a.id),
    today,
  );
  const plan = p
    ? {
        row: p.row,
        period: p.period,
        fields: PLAN_KEYS.map((key) => ({
          key,
          label: pick(columnDef('plans', key), locale),
          value:
            key === 'revenue_target'
              ? amountText(p.revenueTarget)
              : key === 'next_review_date'
                ? (dayText(p.nextReviewDate) ?? '')
                : key === 'special_requirements'
                  ? p.specialRequirements
                  : key === 'value_proposition'
                    ? p.valueProposition
                    : p[key],
        })).filter((f) => f.value !== ''),
        reviewCadenceMonths: p.reviewCadenceMonths,
      }
    : null;
  const email = catalogue(locale).email;
  const risks = riskReasons(m, model.settings, today).map((r) => ({
    code: r.code,
    label: optionLabel(RISK_FLAGS, r.code, locale),
    reason: riskReasonText(r, email, locale),
  }));

  const lastActivityDate = dayText(m.lastActivityDate);
  return {
    ...base,
    notFound: null,
    account: {
      id: a.id,
      name: a.name,
      row: a.row,
      ownerEmail: a.ownerEmail,
      profile,
      badges: {
        abc: choice(ABC_CLASSES, m.abcClass, locale) as Choice,
        rfm: {
          ...(choice(RFM_SEGMENTS, m.rfmSegment, locale) as Choice),
          score: m.rfm ? m.rfm.score : null,
        },
        churn: choice(CHURN_RISKS, m.churnRisk, locale) as Choice,
        credit: choice(CREDIT_RATINGS, m.creditRating, locale),
        health: { ...(choice(HEALTH_BANDS, m.healthBand, locale) as Choice), score: m.healthScore },
        activity,
      },
      activityText:
        m.daysSinceActivity === null || lastActivityDate === null
          ? uiText('no_activity', locale)
          : uiText('days_since', locale, { days: m.daysSinceActivity, date: lastActivityDate }),
      lastActivityDate,
      daysSinceActivity: m.daysSinceActivity,
      revenue12m: round2(m.revenue12m),
      revenue12mText: uiText('revenue_12m', locale, { amount: amountText(m.revenue12m) }),
      homeCurrency: model.settings.homeCurrency,
      sparkline: { months, values: values.map(round2) },
      contacts,
      interactions,
      openActions,
      plan,
      risks,
      group: groupView(read, metrics, index, locale),
      crossSell: m.crossSell,
      opportunities: model.opportunities
        .filter((o) => o.accountId === a.id && isOpen(o))
        .sort((x, y) => y.amountHome - x.amountHome || x.row - y.row)
        .map((o) => ({
          row: o.row,
          id: o.id,
          name: o.name,
          stage: choice(OPPORTUNITY_STAGES, o.stage ?? 'lead', locale) as Choice,
          amountText: amountText(o.amountHome),
          expectedClose: dayText(o.expectedCloseDate),
          stalled: isStalled(o, model.settings, today),
          closePassed: isOverdueClose(o, today),
        })),
    },
  };
}

/** The group of the account at `index`, or null when it belongs to none. */
function groupView(
  read: WorkbookRead,
  metrics: readonly AccountMetrics[],
  index: number,
  locale: Locale,
): Account360Account['group'] {
  const { accounts, settings } = read.parsed.model;
  const groupId = metrics[index].groupId;
  const g = groupRollups(accounts, metrics, settings).find((x) => x.groupId === groupId);
  if (g === undefined) return null;
  const members = [...g.members]
    .sort((x, y) => metrics[y].revenue12m - metrics[x].revenue12m || x - y)
    .slice(0, GROUP_MEMBERS_SHOWN)
    .map((i) => ({
      id: accounts[i].id,
      name: accounts[i].name,
      revenueText: amountText(metrics[i].revenue12m),
      health: choice(HEALTH_BANDS, metrics[i].healthBand, locale) as Choice,
      current: i === index,
      top: i === g.top,
    }));
  return {
    id: g.groupId,
    name: g.groupName,
    summary: uiText('group_summary', locale, {
      members: g.members.length,
      amount: amountText(g.revenue12m),
      abc: g.abcClass,
    }),
    members,
    more: g.members.length - members.length,
  };
}
