import type { Day } from '../calendar/day';
import type { Locale } from '../i18n/locale';
import { ACTION_STATUSES, optionLabel } from '../schema/enums';
import type { SheetKey } from '../schema/types';
import type { Account360View } from '../sidebar/account360';
import { actionBoard, boardFilter, type BoardView } from '../sidebar/board';
import { applyWrites, planStatusChange, writeBlocks } from '../sidebar/forms';
import { failed, ok, type Reply } from '../sidebar/reply';
import { uiText } from '../sidebar/texts';
import { account360View, FORM_LOCK_MS, idOf, withGrid, type FormDeps } from './forms';
import { readWorkbook, type WorkbookRead } from './read';
import { moveOpportunityCard } from './move-stage';

/**
 * Changes an action's status under the document lock: reads, checks the row still holds the
 * action the user saw, writes the changed cells (one write per run of adjacent cells) and renders
 * the new state from what it wrote. `only` limits the read to the sheets the view needs.
 */
function changeStatus<T>(
  deps: FormDeps,
  fields: Readonly<Record<string, unknown>>,
  status: string,
  only: readonly SheetKey[] | undefined,
  render: (read: WorkbookRead, today: Day) => T,
  done: (locale: Locale, task: string, status: string) => string,
): Reply<T> {
  const { store, clock } = deps;
  return deps.lock.run(FORM_LOCK_MS, () => {
    const today = clock.today();
    const read = readWorkbook(store, today, only);
    const name = read.names.get('actions') ?? null;
    const target = name ? (read.grids.actions ?? null) : null;
    const plan = planStatusChange(
      {
        row: fields.row,
        task: fields.task,
        status,
        outcome: fields.outcome,
        accountId: fields.account_id,
      },
      target,
      { today, locale: read.locale },
    );
    if (!plan.ok || !name || !target) return failed<T>(plan.errors, read.locale);
    for (const b of writeBlocks(plan.writes)) store.writeRange(name, b.row, b.col, b.values);
    const after = withGrid(
      read,
      'actions',
      { ...target, values: applyWrites(target.values, plan.writes) },
      today,
    );
    return ok(render(after, today), done(read.locale, plan.task, plan.status));
  });
}

/** Account 360's "Done": marks one of the account's open actions done (with an outcome). */
export function completeAction(
  deps: FormDeps,
  fields: Readonly<Record<string, unknown>>,
): Reply<Account360View> {
  return changeStatus(
    deps,
    fields,
    'done',
    undefined,
    (read, today) => account360View(deps, read, today, idOf(fields.account_id)),
    (locale, task) => uiText('action_done', locale, { task }),
  );
}

/** The sheets the action board reads. */
export const BOARD_SHEETS: readonly SheetKey[] = ['actions'];

/** The action board: a card moved to another column changes its status (Done: completed date). */
export function moveCard(
  deps: FormDeps,
  fields: Readonly<Record<string, unknown>>,
): Reply<BoardView> {
  if (boardFilter(fields.filter).kind === 'opportunities') return moveOpportunityCard(deps, fields);
  return changeStatus(
    deps,
    fields,
    typeof fields.status === 'string' ? fields.status : '',
    BOARD_SHEETS,
    (read, today) => actionBoard(read.parsed.model, today, boardFilter(fields.filter), read.locale),
    (locale, task, code) =>
      uiText('moved', locale, {
        task,
        status: optionLabel(ACTION_STATUSES, code, locale),
      }),
  );
}
