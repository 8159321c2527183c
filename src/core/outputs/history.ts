import type { Day } from '../calendar/day';
import type { RiskCode } from '../model/metrics';
import { RISK_CODES } from '../rules/risk/flags';
import { matchHeaders } from '../schema/match';
import { SUMMARY_COLUMNS } from '../schema/sheets';
import { readDate } from '../values/parse';
import { dateCell, isBlank, type CellValue, type Grid } from '../values/cell';

export interface HistoryMerge {
  /** The new body of `history`, header excluded, in SUMMARY_COLUMNS order, oldest day first. */
  readonly rows: Grid;
  /** Rows of earlier days kept, dropped for age, and replaced because they were today's. */
  readonly kept: number;
  readonly expired: number;
  readonly replaced: number;
  /** Rows without a readable snapshot_date: they cannot be placed in time and are dropped. */
  readonly unreadable: number;
}

/**
 * The next `history` (docs/looker.md): the old rows, mapped to SUMMARY_COLUMNS by header name (so a
 * history written by an older version with other columns still merges), minus today's block
 * (replaced, so a second run on one day does not double it) and minus blocks older than
 * `retentionDays` (a snapshot exactly `retentionDays` old is kept), plus today's summary rows.
 * Rows are ordered by snapshot date, stable within a day, so Looker time series read naturally.
 */
export function mergeHistory(
  old: Grid,
  today: Day,
  retentionDays: number,
  todayRows: Grid,
): HistoryMerge {
  const oldest = today - Math.max(0, Math.floor(retentionDays));
  const header = matchHeaders('history', SUMMARY_COLUMNS, old[0] ?? []);
  const at = SUMMARY_COLUMNS.map((c) => header.index.get(c.key));
  const dateAt = header.index.get('snapshot_date');
  const kept: { day: Day; row: CellValue[] }[] = [];
  let expired = 0;
  let replaced = 0;
  let unreadable = 0;
  for (let r = 1; r < old.length; r++) {
    const src = old[r];
    if (src.every((v) => isBlank(v))) continue;
    const day = dateAt === undefined ? undefined : readDate(src[dateAt] ?? null);
    if (day === undefined) {
      unreadable++;
      continue;
    }
    if (day === today) replaced++;
    else if (day < oldest) expired++;
    else {
      const row = at.map((i) => (i === undefined ? null : (src[i] ?? null)));
      // Store the date as a date even when a host handed it back as text.
      row[0] = dateCell(day);
      kept.push({ day, row });
    }
  }
  for (const row of todayRows) kept.push({ day: today, row: [...row] });
  // Array.prototype.sort is stable (ES2019), so rows of one day keep their order.
  kept.sort((a, b) => a.day - b.day);
  return {
    rows: kept.map((k) => k.row),
    kept: kept.length - todayRows.length,
    expired,
    replaced,
    unreadable,
  };
}

/**
 * Each account's `risk_flags` in every `history` snapshot dated from `from` to `to` (both
 * included), for the manager digest's "raised in the last 7 days". Rows without a readable date
 * or account ID are skipped; a history written before the column existed gives no flags.
 */
export function riskSnapshots(
  grid: Grid,
  from: Day,
  to: Day,
): Map<Day, Map<string, readonly RiskCode[]>> {
  const out = new Map<Day, Map<string, readonly RiskCode[]>>();
  const header = matchHeaders('history', SUMMARY_COLUMNS, grid[0] ?? []);
  const dateAt = header.index.get('snapshot_date');
  const idAt = header.index.get('account_id');
  const flagsAt = header.index.get('risk_flags');
  if (dateAt === undefined || idAt === undefined || flagsAt === undefined) return out;
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    const day = readDate(row[dateAt] ?? null);
    if (day === undefined || day < from || day > to) continue;
    const id = row[idAt];
    if (id === null || id === undefined || String(id).trim() === '') continue;
    let accounts = out.get(day);
    if (!accounts) {
      accounts = new Map();
      out.set(day, accounts);
    }
    const flags = String(row[flagsAt] ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter((c): c is RiskCode => RISK_CODES.includes(c as RiskCode));
    accounts.set(String(id).trim(), flags);
  }
  return out;
}
