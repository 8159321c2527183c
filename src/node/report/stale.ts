import { formatDay } from '../../core/calendar/day';
import type { Locale } from '../../core/i18n/locale';
import type { AccountMetrics } from '../../core/model/metrics';
import type { KamModel } from '../../core/model/records';
import { catalogue } from '../../core/i18n/catalogue';
import { normalizeEmail } from '../../core/reminders/plan';

export interface StaleRow {
  readonly id: string;
  readonly name: string;
  readonly abc: string;
  readonly days: number | null;
  readonly why: string;
  readonly health: number;
}

export interface StaleGroup {
  /** Lower-case owner email, or null for accounts nobody owns. */
  readonly owner: string | null;
  readonly rows: readonly StaleRow[];
}

const ABC_ORDER: Record<string, number> = { A: 0, B: 1, C: 2 };

/**
 * Every stale account, grouped by owner: the list a manager walks through with each account
 * manager. Owners with the most stale accounts come first, accounts without an owner last;
 * within an owner A accounts first, then the longest without activity. The reasons use the
 * digest's wording, so the report and the emails say the same thing.
 */
export function staleByOwner(
  model: KamModel,
  metrics: readonly AccountMetrics[],
  locale: Locale,
): StaleGroup[] {
  const t = catalogue(locale).email;
  const groups = new Map<string | null, StaleRow[]>();
  model.accounts.forEach((a, i) => {
    const m = metrics[i];
    if (!m.stale) return;
    const why = m.staleReasons.map((r) =>
      r === 'no_activity'
        ? t.noActivity
        : r === 'over_threshold'
          ? t.overThreshold(m.daysSinceActivity ?? 0, m.staleThreshold)
          : t.nextActionPassed(a.nextActionDate === null ? null : formatDay(a.nextActionDate)),
    );
    const owner = normalizeEmail(a.ownerEmail);
    const list = groups.get(owner) ?? [];
    list.push({
      id: a.id,
      name: a.name,
      abc: m.abcClass,
      days: m.daysSinceActivity,
      why: t.joinReasons(why),
      health: m.healthScore,
    });
    groups.set(owner, list);
  });
  for (const rows of groups.values())
    rows.sort(
      (x, y) =>
        ABC_ORDER[x.abc] - ABC_ORDER[y.abc] ||
        (y.days ?? Infinity) - (x.days ?? Infinity) ||
        (x.id < y.id ? -1 : 1),
    );
  return [...groups.entries()]
    .map(([owner, rows]) => ({ owner, rows }))
    .sort(
      (x, y) =>
        (x.owner === null ? 1 : 0) - (y.owner === null ? 1 : 0) ||
        y.rows.length - x.rows.length ||
        String(x.owner).localeCompare(String(y.owner)),
    );
}
