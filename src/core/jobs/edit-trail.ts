import type { SheetEdit } from '../ports/edit';
import type { Clock } from '../ports/host';
import { findColumnMapSheet, parseColumnMap } from '../schema/column-map';
import { resolveSheets } from '../schema/match';
import type { ColumnMap } from '../schema/column-map';
import type { SheetKey } from '../schema/types';
import { EDIT_TOP_ROWS, planEdit, type EditInput, type EditPlan } from './edit';
import { planStageEdit } from './stage-edit';

/**
 * The edit trail (docs/workbook.md), run on every edit: on the accounts sheet (found through
 * Column Map when the workbook has one), stamps `updated_at`/`updated_by` on the edited rows and
 * appends one `change_log` row per edited cell of a watched column. One read (the rows down to
 * the header) and at most two writes, however large the sheet; an edit anywhere else costs the
 * list of sheet names and, with a Column Map, its read. Returns what it wrote.
 */
export function recordEdit(edit: SheetEdit, clock: Pick<Clock, 'nowMs'>): EditPlan {
  const none: EditPlan = { stamps: [], changeLog: [] };
  const names = edit.sheetNames();
  // One more read only in a workbook that has a Column Map (a team's own accounts sheet).
  const mapName = findColumnMapSheet(names);
  const mapGrid = mapName === null ? null : edit.readSheet(mapName);
  const map = mapGrid ? parseColumnMap(mapName as string, mapGrid) : undefined;
  const sheets = resolveSheets(names, map).sheets;
  const name = edit.sheetName();
  if (name === sheets.get('opportunities')) return recordStageEdit(edit, name, sheets, clock, map);
  if (sheets.get('accounts') !== name) return none;
  return applyEdit(edit, name, sheets, (input) => planEdit({ ...input, map }), clock);
}

/** An edit of the opportunities sheet: the stage-changed stamp and the change log. */
function recordStageEdit(
  edit: SheetEdit,
  name: string,
  sheets: ReadonlyMap<SheetKey, string>,
  clock: Pick<Clock, 'nowMs'>,
  map: ColumnMap | undefined,
): EditPlan {
  return applyEdit(
    edit,
    name,
    sheets,
    (input) => planStageEdit({ ...input, today: edit.today(), map }),
    clock,
  );
}

/**
 * Reads the rows down to the header — the header row, or a title block and the header below it;
 * never past the edited rows, which the grid is known to have (an edit above the header changes
 * no row of the table) — plans the edit, writes its stamps and appends its change-log rows.
 */
function applyEdit(
  edit: SheetEdit,
  name: string,
  sheets: ReadonlyMap<SheetKey, string>,
  plan: (input: Omit<EditInput, 'map'>) => EditPlan,
  clock: Pick<Clock, 'nowMs'>,
): EditPlan {
  const range = edit.range();
  const top = edit.readTop(Math.min(EDIT_TOP_ROWS, range.row + range.numRows - 1));
  const made = plan({
    sheetName: name,
    top,
    ...range,
    newValues: () => edit.newValues(),
    oldValue: edit.oldValue,
    user: edit.user(),
    nowMs: clock.nowMs(),
  });
  for (const s of made.stamps) edit.write(s.row, s.col, s.values);
  const logName = sheets.get('change_log');
  if (made.changeLog.length > 0 && logName) edit.appendLog(logName, made.changeLog);
  return made;
}
