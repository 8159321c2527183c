import type { Day } from '../calendar/day';
import { headerRowIndex } from '../schema/header-row';
import { columnLetter, matchHeaders } from '../schema/match';
import { sheetDef } from '../schema/sheets';
import { dateCell, instantCell, isBlank, type Grid } from '../values/cell';
import { displayValue } from '../values/parse';
import type { EditInput, EditPlan } from './edit';

/**
 * What an edit of the opportunities sheet writes (pure; docs/workbook.md "Edit stamps"): when
 * `stage` is edited, today's date in `stage_changed_date` of each edited row whose new stage is
 * not blank, and one `change_log` row per changed stage cell. A single-cell edit that leaves the
 * value as it was writes nothing; rows whose stage was cleared (a row being emptied) get no
 * stamp, only their log row; a paste that also fills `stage_changed_date` keeps the pasted dates.
 */
export function planStageEdit(input: EditInput & { readonly today: Day }): EditPlan {
  const none: EditPlan = { stamps: [], changeLog: [] };
  const def = sheetDef('opportunities');
  const at = headerRowIndex(input.sheetName, input.top, def.columns, input.map);
  const header = matchHeaders(input.sheetName, def.columns, input.top[at] ?? [], at + 1, input.map);
  const stageAt = header.index.get('stage');
  const firstRow = Math.max(input.row, at + 2);
  const lastRow = input.row + input.numRows - 1;
  const inRange = (c: number | undefined): c is number =>
    c !== undefined && c + 1 >= input.col && c + 1 < input.col + input.numCols;
  if (!inRange(stageAt) || lastRow < firstRow) return none;
  const single = input.numRows === 1 && input.numCols === 1;
  const values = input.newValues();
  const now = instantCell(input.nowMs);
  const label = header.label.get('stage') as string;
  const changedAt = header.index.get('stage_changed_date');
  const stampable = changedAt !== undefined && !inRange(changedAt);
  const stamps: { row: number; col: number; values: Grid }[] = [];
  const changeLog: Grid = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const v = values[r - input.row]?.[stageAt + 1 - input.col] ?? null;
    const was = single ? displayValue(input.oldValue ?? null) : '';
    if (single && displayValue(v) === was) continue;
    changeLog.push([
      now,
      input.user,
      input.sheetName,
      `${columnLetter(stageAt)}${r}`,
      label,
      was,
      displayValue(v),
    ]);
    if (!stampable || isBlank(v)) continue;
    // Consecutive rows share one write.
    const last = stamps[stamps.length - 1];
    if (last && last.row + last.values.length === r)
      (last.values as unknown[][]).push([dateCell(input.today)]);
    else stamps.push({ row: r, col: (changedAt as number) + 1, values: [[dateCell(input.today)]] });
  }
  return { stamps, changeLog };
}
