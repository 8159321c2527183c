import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { columnLetter } from '../../core/schema/match';

export type ValidationModel = Record<string, DataValidation | undefined>;

/** ExcelJS keeps validations by address (`G2` or `G2:G1000`); the typings leave the field out. */
export function validationModel(ws: Worksheet): ValidationModel {
  return (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model;
}

const CELL = /^([A-Z]+)(\d+)$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * ExcelJS reads a validation range (`G2:G1000`) as one entry per cell and, on write, sorts and
 * compares every entry to fold them back: 200 ms for a small workbook made by `kam init`. Cells
 * read from one range share one object, so runs of consecutive rows in a column with the same
 * object are folded back here first, in one pass; whatever is left is ExcelJS's to handle.
 */
export function compactValidations(ws: Worksheet): void {
  const model = validationModel(ws);
  const runs = new Map<DataValidation, Map<number, number[]>>();
  for (const [key, dv] of Object.entries(model)) {
    const m = dv ? CELL.exec(key) : null;
    if (!m || !dv) continue;
    let cols = runs.get(dv);
    if (!cols) runs.set(dv, (cols = new Map()));
    const col = columnNumber(m[1]);
    const rows = cols.get(col) ?? [];
    rows.push(Number(m[2]));
    cols.set(col, rows);
  }
  for (const [dv, cols] of runs) {
    for (const [col, rows] of cols) {
      if (rows.length < 2) continue;
      rows.sort((a, b) => a - b);
      const letter = columnLetter(col - 1);
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
        const end = rows[i - 1];
        if (end > start) {
          for (let r = start; r <= end; r++) delete model[`${letter}${r}`];
          model[`${letter}${start}:${letter}${end}`] = dv;
        }
        if (i < rows.length) start = rows[i];
      }
    }
  }
}

export function compactAllValidations(wb: Workbook): void {
  for (const ws of wb.worksheets) compactValidations(ws);
}
