/** Small hand-built models for the reminder tests: only what a test names is set. */
import { parseIsoDay, type Day } from '../../../src/core/calendar/day';
import type { AccountMetrics } from '../../../src/core/model/metrics';
import type {
  AccountRecord,
  ActionRecord,
  ContactRecord,
  KamModel,
  PlanRecord,
} from '../../../src/core/model/records';
import type { Locale } from '../../../src/core/i18n/locale';
import type { PlanInput, SheetLinks } from '../../../src/core/reminders/plan';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings/model';

export function d(iso: string): Day {
  const day = parseIsoDay(iso);
  if (day === null) throw new Error(`bad test date ${iso}`);
  return day;
}

export const TODAY = d('2026-11-23');

export const LINKS: SheetLinks = {
  accounts: (row) => `https://docs.google.com/spreadsheets/d/X/edit#gid=1&range=A${row}`,
  actions: (row) => `https://docs.google.com/spreadsheets/d/X/edit#gid=5&range=A${row}`,
  contacts: (row) => `https://docs.google.com/spreadsheets/d/X/edit#gid=2&range=A${row}`,
  plans: (row) => `https://docs.google.com/spreadsheets/d/X/edit#gid=6&range=A${row}`,
  opportunities: (row) => `https://docs.google.com/spreadsheets/d/X/edit#gid=7&range=A${row}`,
};

/** An account and its metrics; defaults describe a healthy B account owned by ann@example.com. */
export interface AccountSpec {
  id: string;
  name?: string;
  owner?: string | null;
  nextActionDate?: Day | null;
  pausedUntil?: Day | null;
  status?: string;
  metrics?: Partial<AccountMetrics>;
}

let nextRow = 2;

function account(spec: AccountSpec): { record: AccountRecord; metrics: AccountMetrics } {
  const row = nextRow++;
  const record: AccountRecord = {
    row,
    id: spec.id,
    name: spec.name ?? `Name of ${spec.id}`,
    parentId: null,
    industry: '',
    region: '',
    address: '',
    ownerEmail: spec.owner === undefined ? 'ann@example.com' : spec.owner,
    backupOwnerEmail: null,
    tier: 'key',
    status: spec.status ?? 'active',
    creditLimit: null,
    nextActionDate: spec.nextActionDate ?? null,
    remindersPausedUntil: spec.pausedUntil ?? null,
    notes: '',
  };
  const metrics: AccountMetrics = {
    accountId: spec.id,
    lastActivityDate: TODAY - 5,
    daysSinceActivity: 5,
    revenue12m: 1000,
    revenuePrev12m: 1000,
    orders12m: 3,
    lastOrderDate: TODAY - 5,
    abcClass: 'B',
    rfm: null,
    rfmSegment: 'no_purchases',
    churnRisk: 'active',
    healthScore: 80,
    healthBand: 'green',
    healthComponents: {
      recency: 1,
      trend: 1,
      satisfaction: 1,
      complaints: 1,
      actions: 1,
      contacts: 1,
    },
    creditRating: null,
    staleThreshold: 30,
    stale: false,
    staleReasons: [],
    dueSoon: false,
    exempt: false,
    openActions: 0,
    overdueActions: 0,
    openComplaints: 0,
    avgSatisfaction: null,
    contactsCount: 0,
    riskFlags: [],
    periodRevenue: null,
    planTarget: null,
    planAttainment: null,
    planPeriod: null,
    oldestOpenComplaint: null,
    openPipeline: 0,
    weightedPipeline: 0,
    won12m: 0,
    winRate12m: null,
    stalledOpportunities: 0,
    groupId: spec.id,
    products: [],
    crossSell: [],
    ...spec.metrics,
  };
  return { record, metrics };
}

/** Metrics of an account stale for `days` days over `threshold`. */
export function staleMetrics(
  days: number | null,
  abcClass: 'A' | 'B' | 'C' = 'B',
  threshold = 30,
): Partial<AccountMetrics> {
  return {
    abcClass,
    staleThreshold: threshold,
    daysSinceActivity: days,
    lastActivityDate: days === null ? null : TODAY - days,
    stale: true,
    staleReasons: days === null ? ['no_activity'] : ['over_threshold'],
  };
}

export function action(spec: Partial<ActionRecord> & { task: string }): ActionRecord {
  return {
    row: nextRow++,
    accountId: null,
    ownerEmail: null,
    startDate: null,
    dueDate: null,
    status: 'not_started',
    completedDate: null,
    outcome: '',
    ...spec,
  };
}

export function contact(
  accountId: string | null,
  name: string,
  birthday: { month: number; day: number; year?: number | null } | null,
): ContactRecord {
  return {
    row: nextRow++,
    accountId,
    name,
    title: '',
    email: null,
    phone: '',
    role: null,
    influence: null,
    relationship: null,
    birthday: birthday
      ? { month: birthday.month, day: birthday.day, year: birthday.year ?? null }
      : null,
  };
}

export function plan(accountId: string, period: string, nextReviewDate: Day | null): PlanRecord {
  return {
    row: nextRow++,
    accountId,
    period,
    challenges: '',
    goals: '',
    specialRequirements: '',
    valueProposition: '',
    revenueTarget: null,
    nextReviewDate,
    reviewCadenceMonths: 3,
  };
}

export interface ModelSpec {
  accounts?: AccountSpec[];
  actions?: ActionRecord[];
  contacts?: ContactRecord[];
  plans?: PlanRecord[];
  settings?: Partial<Settings>;
  today?: Day;
  locale?: Locale;
}

export function input(spec: ModelSpec): PlanInput {
  const built = (spec.accounts ?? []).map(account);
  const model: KamModel = {
    accounts: built.map((b) => b.record),
    contacts: spec.contacts ?? [],
    transactions: [],
    interactions: [],
    actions: spec.actions ?? [],
    plans: spec.plans ?? [],
    opportunities: [],
    settings: { ...DEFAULT_SETTINGS, ...spec.settings },
  };
  return {
    model,
    metrics: built.map((b) => b.metrics),
    today: spec.today ?? TODAY,
    locale: spec.locale ?? 'en',
    sheetLinks: LINKS,
  };
}
