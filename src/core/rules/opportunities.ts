import { firstDayOfMonthIndex, monthIndexOfDay, monthKey, type Day } from '../calendar/day';
import type { KamModel, OpportunityRecord, StageCode } from '../model/records';
import type { Settings } from '../settings/model';
import { inWindow, type DayWindow } from './window';

/**
 * The opportunity rules (docs/rules.md "Opportunities"). Pure; amounts are already in the home
 * currency (`amountHome`), probabilities already resolved to 0–100.
 */

/** A stage's win probability when the row leaves `probability` blank (%). */
export const STAGE_PROBABILITY: Readonly<Record<StageCode, number>> = {
  lead: 10,
  qualified: 25,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
};

/** The default probability of a stage; a blank stage counts as a lead. */
export function stageProbability(stage: StageCode | null): number {
  return STAGE_PROBABILITY[stage ?? 'lead'];
}

/** Open = not Won and not Lost (a blank stage is open). */
export function isOpen(o: Pick<OpportunityRecord, 'stage'>): boolean {
  return o.stage !== 'won' && o.stage !== 'lost';
}

/** Amount in the home currency × probability. */
export function weighted(o: Pick<OpportunityRecord, 'amountHome' | 'probability'>): number {
  return (o.amountHome * o.probability) / 100;
}

/** Days since `stage_changed_date`; null when it is blank. */
export function daysInStage(
  o: Pick<OpportunityRecord, 'stageChangedDate'>,
  today: Day,
): number | null {
  return o.stageChangedDate === null ? null : today - o.stageChangedDate;
}

/** The stall limit of an open stage (`stage_rot_days_<stage>`; a blank stage as a lead). */
export function rotDays(stage: StageCode | null, settings: Pick<Settings, 'stageRotDays'>): number {
  switch (stage) {
    case 'qualified':
      return settings.stageRotDays.qualified;
    case 'proposal':
      return settings.stageRotDays.proposal;
    case 'negotiation':
      return settings.stageRotDays.negotiation;
    default:
      return settings.stageRotDays.lead;
  }
}

/**
 * Stalled: open, and more than `stage_rot_days_<stage>` days since `stage_changed_date` (exactly
 * the limit is not stalled). Without a stage-changed date there is no time in stage to measure:
 * not stalled (the edit trigger stamps the date when the stage changes).
 */
export function isStalled(
  o: Pick<OpportunityRecord, 'stage' | 'stageChangedDate'>,
  settings: Pick<Settings, 'stageRotDays'>,
  today: Day,
): boolean {
  if (!isOpen(o)) return false;
  const days = daysInStage(o, today);
  return days !== null && days > rotDays(o.stage, settings);
}

/** Overdue close: open and `expected_close_date` before today. */
export function isOverdueClose(
  o: Pick<OpportunityRecord, 'stage' | 'expectedCloseDate'>,
  today: Day,
): boolean {
  return isOpen(o) && o.expectedCloseDate !== null && o.expectedCloseDate < today;
}

/** One account's pipeline figures (the summary columns). */
export interface PipelineFigures {
  openPipeline: number;
  weightedPipeline: number;
  /** Won with `closed_date` in the analysis window. */
  won12m: number;
  wonCount: number;
  lostCount: number;
  stalled: number;
}

export function emptyPipeline(): PipelineFigures {
  return { openPipeline: 0, weightedPipeline: 0, won12m: 0, wonCount: 0, lostCount: 0, stalled: 0 };
}

/**
 * Adds one opportunity to its account's figures. Won and Lost count towards the win rate and
 * `won_12m` only when their `closed_date` is in the analysis window (a closed row without one
 * has no place in time and counts in neither).
 */
export function addToPipeline(
  p: PipelineFigures,
  o: OpportunityRecord,
  settings: Pick<Settings, 'stageRotDays'>,
  today: Day,
  window: DayWindow,
): void {
  if (isOpen(o)) {
    p.openPipeline += o.amountHome;
    p.weightedPipeline += weighted(o);
    if (isStalled(o, settings, today)) p.stalled++;
    return;
  }
  if (o.closedDate === null || !inWindow(o.closedDate, window)) return;
  if (o.stage === 'won') {
    p.wonCount++;
    p.won12m += o.amountHome;
  } else p.lostCount++;
}

/** won ÷ (won + lost) closed in the window, 2 decimals; null when none closed. */
export function winRate(p: Pick<PipelineFigures, 'wonCount' | 'lostCount'>): number | null {
  const closed = p.wonCount + p.lostCount;
  return closed === 0 ? null : Math.round((p.wonCount / closed) * 100) / 100;
}

/** Open opportunities of one stage (a blank stage counts as a lead). */
export interface StageTotal {
  readonly stage: StageCode;
  readonly count: number;
  readonly amount: number;
  readonly weighted: number;
}

/** Open opportunities expected to close in one month, `YYYY-MM`. */
export interface ForecastMonth {
  readonly month: string;
  readonly count: number;
  readonly weighted: number;
}

/** Months the weighted forecast covers: this month and the five after it. */
export const FORECAST_MONTHS = 6;

export const OPEN_STAGES: readonly StageCode[] = ['lead', 'qualified', 'proposal', 'negotiation'];

/**
 * Stage totals and the weighted forecast of the open opportunities of accounts that are not
 * exempt. The forecast counts expected closes from the first day of this month on; one already
 * past is in the owners' digests as overdue, not in a month of the forecast.
 */
export function pipelineFigures(
  model: KamModel,
  exempt: ReadonlySet<string>,
  today: Day,
): { pipeline: StageTotal[]; forecast: ForecastMonth[] } {
  const byStage = new Map<StageCode, StageTotal>();
  const first = monthIndexOfDay(today);
  const months = new Array(FORECAST_MONTHS).fill(null).map((_, i) => ({
    month: monthKey(firstDayOfMonthIndex(first + i)),
    count: 0,
    weighted: 0,
  }));
  // In ID order, so the sums do not depend on the row order (see engine/compute.ts).
  const ordered = [...model.opportunities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const o of ordered) {
    if (!isOpen(o) || exempt.has(o.accountId)) continue;
    const stage = o.stage ?? 'lead';
    const t = byStage.get(stage) ?? { stage, count: 0, amount: 0, weighted: 0 };
    byStage.set(stage, {
      stage,
      count: t.count + 1,
      amount: t.amount + o.amountHome,
      weighted: t.weighted + weighted(o),
    });
    if (o.expectedCloseDate === null || o.expectedCloseDate < today) continue;
    const at = monthIndexOfDay(o.expectedCloseDate) - first;
    if (at < FORECAST_MONTHS) {
      months[at].count++;
      months[at].weighted += weighted(o);
    }
  }
  return {
    // Every open stage, in order, zeros included (the manager digest leaves empty ones out).
    pipeline: OPEN_STAGES.map(
      (s) => byStage.get(s) ?? { stage: s, count: 0, amount: 0, weighted: 0 },
    ),
    forecast: months,
  };
}
