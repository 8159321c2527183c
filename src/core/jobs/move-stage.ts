import { OPPORTUNITY_STAGES, optionLabel } from '../schema/enums';
import { columnLetter } from '../schema/match';
import { sheetDef } from '../schema/sheets';
import type { Account360View } from '../sidebar/account360';
import { applyWrites, headerOf, writeBlocks, type CellWrite } from '../sidebar/forms';
import { failed, ok, type Reply } from '../sidebar/reply';
import { uiText } from '../sidebar/texts';
import { dateCell, instantCell, isBlank } from '../values/cell';
import { displayValue, readText } from '../values/parse';
import { account360View, FORM_LOCK_MS, idOf, withGrid, type FormDeps } from './forms';
import { readWorkbook, type WorkbookRead } from './read';
import type { Day } from '../calendar/day';
import type { SheetKey } from '../schema/types';
import { boardFilter, opportunityBoard, type BoardView } from '../sidebar/board';

/**
 * Account 360's "move stage" on an open opportunity (docs/sidebars.md): under the document lock,
 * writes the new stage (the list value in the workbook's language) and today in Stage Changed,
 * and today in Closed Date when it is Won or Lost and that cell is blank — what the edit trigger
 * and a person would write, since a script's own writes fire no edit trigger — and appends the
 * change to `change_log`. The row must still hold the opportunity the sidebar showed (same ID and
 * account); the stage must be one of the list.
 */
export function moveStage(
  deps: FormDeps,
  fields: Readonly<Record<string, unknown>>,
): Reply<Account360View> {
  return stageMove(deps, fields, undefined, (read, today) =>
    account360View(deps, read, today, idOf(fields.account_id)),
  );
}

/** The sheets the opportunities board reads. */
export const OPPORTUNITY_BOARD_SHEETS: readonly SheetKey[] = ['opportunities'];

/** The board's move of an opportunity card: the same writes, the board back. */
export function moveOpportunityCard(
  deps: FormDeps,
  fields: Readonly<Record<string, unknown>>,
): Reply<BoardView> {
  return stageMove(
    deps,
    { row: fields.row, id: fields.id, account_id: fields.account_id, stage: fields.status },
    OPPORTUNITY_BOARD_SHEETS,
    (read, today) =>
      opportunityBoard(read.parsed.model, today, boardFilter(fields.filter), read.locale),
  );
}

function stageMove<T>(
  deps: FormDeps,
  fields: Readonly<Record<string, unknown>>,
  only: readonly SheetKey[] | undefined,
  render: (read: WorkbookRead, today: Day) => T,
): Reply<T> {
  const { store, clock } = deps;
  return deps.lock.run(FORM_LOCK_MS, () => {
    const today = clock.today();
    const read = readWorkbook(store, today, only);
    const { locale } = read;
    const accountId = idOf(fields.account_id);
    const row = Number(fields.row);
    const name = read.names.get('opportunities') ?? null;
    const grid = name ? (read.grids.opportunities ?? null) : null;
    const opp = read.parsed.model.opportunities.find(
      (o) => o.row === row && o.id === readText(fields.id as never) && o.accountId === accountId,
    );
    const changed = failed<T>([{ field: '', message: uiText('err_changed', locale) }], locale);
    if (!name || !grid || !opp) return changed;
    const stage = OPPORTUNITY_STAGES.find((o) => o.code === fields.stage);
    if (!stage)
      return failed<T>([{ field: 'stage', message: uiText('err_required', locale) }], locale);
    if (stage.code === opp.stage) return ok(render(read, today));
    const header = headerOf(grid, sheetDef('opportunities').columns);
    const at = (key: string): number | undefined => header.index.get(key);
    const stageAt = at('stage');
    if (stageAt === undefined) return changed;
    const cells = grid.values[row - 1] ?? [];
    const label = optionLabel(OPPORTUNITY_STAGES, stage.code, locale);
    const writes: CellWrite[] = [{ row, col: stageAt + 1, value: label }];
    const changedAt = at('stage_changed_date');
    if (changedAt !== undefined) writes.push({ row, col: changedAt + 1, value: dateCell(today) });
    const closedAt = at('closed_date');
    if (
      (stage.code === 'won' || stage.code === 'lost') &&
      closedAt !== undefined &&
      isBlank(cells[closedAt] ?? null)
    )
      writes.push({ row, col: closedAt + 1, value: dateCell(today) });
    for (const b of writeBlocks(writes)) store.writeRange(name, b.row, b.col, b.values);
    const logName = read.names.get('change_log');
    if (logName !== undefined)
      store.appendRows(
        logName,
        [
          [
            instantCell(clock.nowMs()),
            deps.user(),
            name,
            `${columnLetter(stageAt)}${row}`,
            header.label.get('stage') as string,
            displayValue(cells[stageAt] ?? null),
            label,
          ],
        ],
        7,
      );
    const after = withGrid(
      read,
      'opportunities',
      { ...grid, values: applyWrites(grid.values, writes) },
      today,
    );
    return ok(
      render(after, today),
      uiText('stage_moved', locale, { name: opp.name || opp.id, stage: label }),
    );
  });
}
