import { addMonthsClamped, formatDay, type Day } from '../calendar/day';
import type { Account360View } from '../sidebar/account360';
import { applyWrites, headerOf, validateInteraction } from '../sidebar/forms';
import { failed, ok, type Reply } from '../sidebar/reply';
import { uiText } from '../sidebar/texts';
import { sheetDef } from '../schema/sheets';
import { dateCell } from '../values/cell';
import {
  account360View,
  FORM_LOCK_MS,
  idOf,
  sheetToAppend,
  withGrid,
  type FormDeps,
} from './forms';
import { readWorkbook } from './read';

/**
 * The next review after one held today: the later of the plan's next review date and today,
 * plus the plan's cadence in months (31 January + 1 month = the last day of February). Counting
 * from the later one keeps the rhythm of a review held early and restarts a late one from today.
 */
export function nextReviewAfter(current: Day | null, today: Day, cadenceMonths: number): Day {
  return addMonthsClamped(Math.max(current ?? today, today), cadenceMonths);
}

/**
 * Account 360's "Record review / 记录回顾" (docs/sidebars.md): under the document lock, appends an
 * interaction of type Review with the outcome (today, the account, the user as recorded-by) and
 * moves the plan's `next_review_date` on by its `review_cadence_months`. The plan row must still
 * be the one the sidebar showed (same account); the outcome is required. Nothing is written when
 * anything is wrong; otherwise two writes (the interaction row and the date cell).
 */
export function recordReview(
  deps: FormDeps,
  fields: Readonly<Record<string, unknown>>,
): Reply<Account360View> {
  const { store, clock } = deps;
  return deps.lock.run(FORM_LOCK_MS, () => {
    const today = clock.today();
    const read = readWorkbook(store, today);
    const { locale } = read;
    const accountId = idOf(fields.account_id);
    const planRow = Number(fields.plan_row);
    const plan = read.parsed.model.plans.find(
      (p) => p.row === planRow && p.accountId === accountId,
    );
    const plansName = read.names.get('plans') ?? null;
    const plansGrid = plansName ? (read.grids.plans ?? null) : null;
    if (!plan || !plansName || !plansGrid)
      return failed<Account360View>(
        [{ field: '', message: uiText('err_plan_changed', locale) }],
        locale,
      );
    const dateCol = headerOf(plansGrid, sheetDef('plans').columns).index.get('next_review_date');
    if (dateCol === undefined)
      return failed<Account360View>(
        [{ field: '', message: uiText('err_no_review_column', locale) }],
        locale,
      );
    const outcome = typeof fields.outcome === 'string' ? fields.outcome.trim() : '';
    if (outcome === '')
      return failed<Account360View>(
        [{ field: 'outcome', message: uiText('err_required', locale) }],
        locale,
      );
    const { name, target } = sheetToAppend(read, 'interactions');
    const row = validateInteraction(
      { date: formatDay(today), account_id: accountId, type: 'review', summary: outcome },
      target,
      {
        today,
        locale,
        user: deps.user(),
        accountIds: new Set(read.parsed.model.accounts.map((a) => a.id)),
      },
    );
    if (!row.ok || !name || !target) return failed<Account360View>(row.errors, locale);

    const next = nextReviewAfter(plan.nextReviewDate, today, plan.reviewCadenceMonths);
    const at = (store.lastRow?.(name) ?? target.values.length) + 1;
    store.writeRange(name, at, 1, [[...row.row]]);
    const dateWrite = { row: plan.row, col: dateCol + 1, value: dateCell(next) };
    store.writeRange(plansName, dateWrite.row, dateWrite.col, [[dateWrite.value]]);

    const withReview = withGrid(
      read,
      'interactions',
      { ...target, values: applyWrites(target.values, [], [row.row]) },
      today,
    );
    const after = withGrid(
      withReview,
      'plans',
      { ...plansGrid, values: applyWrites(plansGrid.values, [dateWrite]) },
      today,
    );
    return ok(
      account360View(deps, after, today, accountId),
      uiText('review_recorded', locale, { row: at, date: formatDay(next) }),
    );
  });
}
