/** A1 notation: `A1`, `A1:C3`, `A:C`, `2:5`, `A2:C` (open end), `$A$1`, `'My sheet'!A1:B2`. */
import { gasError } from './core';

export interface GridRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnToLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function toA1(rect: GridRect): string {
  const start = columnToLetters(rect.col) + rect.row;
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  return `${start}:${columnToLetters(rect.col + rect.numCols - 1)}${rect.row + rect.numRows - 1}`;
}

/** Splits `'Sheet name'!A1:B2` / `Sheet1!A1` into sheet name (or null) and the A1 part. */
export function splitSheetPrefix(a1: string): { sheetName: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, ref: a1 };
  let name = a1.slice(0, bang);
  if (name.length >= 2 && name.startsWith("'") && name.endsWith("'")) {
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

const PART = /^([A-Z]*)(\d*)$/;

/** Parses the A1 part (no sheet prefix); open ends run to the sheet's max rows/columns. */
export function parseA1(ref: string, maxRows: number, maxCols: number): GridRect {
  const text = String(ref).replace(/\$/g, '').trim().toUpperCase();
  const pieces = text.split(':');
  if (pieces.length < 1 || pieces.length > 2) throw gasError('Range not found');
  const parsed = pieces.map((piece) => {
    const m = PART.exec(piece);
    if (m === null || (m[1] === '' && m[2] === '')) throw gasError('Range not found');
    return {
      col: m[1] === '' ? null : lettersToColumn(m[1]),
      row: m[2] === '' ? null : Number(m[2]),
    };
  });
  const [a, b] = parsed.length === 2 ? parsed : [parsed[0], parsed[0]];
  if (parsed.length === 1 && (a.col === null || a.row === null)) throw gasError('Range not found');
  if (a.row === 0 || b.row === 0) throw gasError('Range not found');
  // Whole columns (A:C), whole rows (2:5) or an open end (A2:C).
  const r1 = a.row ?? 1;
  const c1 = a.col ?? 1;
  const r2 = b.row ?? maxRows;
  const c2 = b.col ?? maxCols;
  if ((a.row === null) !== (b.row === null) && a.row === null) throw gasError('Range not found');
  if ((a.col === null) !== (b.col === null) && a.col === null) throw gasError('Range not found');
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  return {
    row: top,
    col: left,
    numRows: Math.max(r1, r2) - top + 1,
    numCols: Math.max(c1, c2) - left + 1,
  };
}
