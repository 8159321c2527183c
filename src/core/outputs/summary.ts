import type { Day } from '../calendar/day';
import type { WorkbookRead } from '../jobs/read';
import type { AccountMetrics } from '../model/metrics';
import type { AccountRecord } from '../model/records';
import { SUMMARY_COLUMNS } from '../schema/sheets';
import { dateCell, type CellValue, type Grid } from '../values/cell';

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** '' is blank in Looker too; null keeps "no value" distinct from an empty string in every host. */
const text = (s: string | null): string | null => (s === null || s === '' ? null : s);

/** One summary value (docs/looker.md). Codes, not labels, so Looker fields never change with language. */
function summaryValue(
  key: string,
  a: AccountRecord,
  m: AccountMetrics,
  today: Day,
  homeCurrency: string,
): CellValue {
  switch (key) {
    case 'snapshot_date':
      return dateCell(today);
    case 'account_id':
      return a.id;
    case 'account_name':
      return text(a.name);
    case 'parent_account_id':
      return text(a.parentId);
    case 'owner_email':
      return text(a.ownerEmail);
    case 'industry':
      return text(a.industry);
    case 'region':
      return text(a.region);
    case 'tier':
      return a.tier;
    case 'status':
      return a.status;
    case 'abc_class':
      return m.abcClass;
    case 'revenue_12m':
      return round2(m.revenue12m);
    case 'revenue_prev_12m':
      return round2(m.revenuePrev12m);
    case 'orders_12m':
      return m.orders12m;
    case 'last_order_date':
      return m.lastOrderDate === null ? null : dateCell(m.lastOrderDate);
    case 'last_activity_date':
      return m.lastActivityDate === null ? null : dateCell(m.lastActivityDate);
    case 'days_since_activity':
      return m.daysSinceActivity;
    case 'is_stale':
      return m.stale;
    case 'rfm_recency_days':
      return m.rfm ? m.rfm.recencyDays : null;
    case 'rfm_r':
      return m.rfm ? m.rfm.r : null;
    case 'rfm_f':
      return m.rfm ? m.rfm.f : null;
    case 'rfm_m':
      return m.rfm ? m.rfm.m : null;
    case 'rfm_score':
      return m.rfm ? m.rfm.score : null;
    case 'rfm_segment':
      return m.rfmSegment;
    case 'churn_risk':
      return m.churnRisk;
    case 'health_score':
      return m.healthScore;
    case 'health_band':
      return m.healthBand;
    case 'credit_rating':
      return m.creditRating;
    case 'open_actions':
      return m.openActions;
    case 'overdue_actions':
      return m.overdueActions;
    case 'open_complaints':
      return m.openComplaints;
    case 'avg_satisfaction':
      return m.avgSatisfaction === null ? null : round2(m.avgSatisfaction);
    case 'contacts_count':
      return m.contactsCount;
    case 'home_currency':
      return homeCurrency;
    case 'risk_flags':
      return m.riskFlags.length === 0 ? null : m.riskFlags.join(',');
    case 'risk_count':
      return m.riskFlags.length;
    case 'period_revenue':
      return m.periodRevenue === null ? null : round2(m.periodRevenue);
    case 'plan_target':
      return m.planTarget === null ? null : round2(m.planTarget);
    case 'plan_attainment':
      return m.planAttainment === null ? null : round2(m.planAttainment);
    case 'open_pipeline':
      return round2(m.openPipeline);
    case 'weighted_pipeline':
      return round2(m.weightedPipeline);
    case 'won_12m':
      return round2(m.won12m);
    case 'win_rate_12m':
      return m.winRate12m;
    case 'stalled_opportunities':
      return m.stalledOpportunities;
    case 'group_id':
      return m.groupId;
    case 'cross_sell':
      return m.crossSell.length === 0 ? null : m.crossSell.join(', ');
    default:
      throw new Error(`No summary value for column ${key}`);
  }
}

/**
 * The body of `summary` (docs/looker.md): one row per valid account, in the order of the accounts
 * sheet, columns in SUMMARY_COLUMNS order. Dates are date cells without time, empty numbers are
 * null (blank), enums are stable codes and user text is passed on as typed: the writer decides
 * how to keep text that looks like a formula from running (Sheets: a leading apostrophe).
 */
export function summaryRows(
  read: WorkbookRead,
  metrics: readonly AccountMetrics[],
  today: Day,
): Grid {
  const { accounts, settings } = read.parsed.model;
  const byId = new Map(metrics.map((m) => [m.accountId, m]));
  const rows: Grid = [];
  for (const a of accounts) {
    const m = byId.get(a.id);
    if (!m) continue;
    rows.push(SUMMARY_COLUMNS.map((c) => summaryValue(c.key, a, m, today, settings.homeCurrency)));
  }
  return rows;
}

/** The header row Looker reads: the stable snake_case keys, in every language. */
export function summaryHeader(): string[] {
  return SUMMARY_COLUMNS.map((c) => c.key);
}
