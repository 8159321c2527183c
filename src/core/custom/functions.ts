import type { Locale } from '../i18n/locale';
import { RFM_SEGMENTS, optionLabel } from '../schema/enums';
import { abcCode, classifyAbcIndexed } from '../rules/abc';
import { scoreRfm, rfmSegment } from '../rules/rfm';
import { readNumber } from '../values/parse';
import type { CellValue } from '../values/cell';

/**
 * The segmentation custom functions (`=KAM_ABC`, `=KAM_RFM`, `=KAM_SEGMENT`) on plain values, so
 * they use the same rules as the refresh. Sheets passes a single cell as a value and a range as
 * a 2-D array; blank or non-numeric cells give a blank result instead of failing the column.
 */
type Arg = CellValue | CellValue[][] | undefined;

function column(arg: Arg): CellValue[] {
  if (Array.isArray(arg)) return arg.map((row) => (Array.isArray(row) ? row[0] : row) as CellValue);
  return [arg ?? null];
}

function num(v: CellValue | undefined): number | null {
  const n = readNumber(v ?? null);
  return n === undefined ? null : n;
}

function cutoff(arg: Arg, fallback: number, name: string): number {
  if (arg === undefined || arg === null || arg === '') return fallback;
  const n = num(Array.isArray(arg) ? arg[0]?.[0] : arg);
  if (n === null || n < 0 || n > 1) throw new Error(`${name} must be a number between 0 and 1`);
  return n;
}

/** A, B or C per revenue; ties keep row order (the row stands in for account_id). */
export function kamAbc(revenues: Arg, cutoffA?: Arg, cutoffB?: Arg): string[][] {
  const a = cutoff(cutoffA, 0.8, 'cutoff_a');
  const b = cutoff(cutoffB, 0.95, 'cutoff_b');
  if (a > b) throw new Error('cutoff_a must not be above cutoff_b');
  const values = column(revenues).map(num);
  const idx: number[] = [];
  values.forEach((v, i) => v !== null && idx.push(i));
  const width = String(values.length).length;
  const ids = idx.map((i) => String(i).padStart(width, '0'));
  const rev = new Float64Array(idx.map((i) => values[i] as number));
  const classes = classifyAbcIndexed(ids, rev, a, b);
  const out: string[][] = values.map(() => ['']);
  idx.forEach((i, k) => (out[i] = [abcCode(classes[k])]));
  return out;
}

/** R, F, M, score and segment code per row of (recency_days, frequency, monetary). */
export function kamRfm(recencyDays: Arg, frequency: Arg, monetary: Arg): (string | number)[][] {
  const rc = column(recencyDays).map(num);
  const fr = column(frequency).map(num);
  const mo = column(monetary).map(num);
  const n = Math.max(rc.length, fr.length, mo.length);
  const items: { id: string; recencyDays: number; frequency: number; monetary: number }[] = [];
  for (let i = 0; i < n; i++) {
    const [r, f, m] = [rc[i], fr[i], mo[i]];
    if (
      r === null ||
      r === undefined ||
      f === null ||
      f === undefined ||
      m === null ||
      m === undefined
    )
      continue;
    items.push({ id: String(i), recencyDays: r, frequency: f, monetary: m });
  }
  const scores = scoreRfm(items);
  const out: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    const s = scores.get(String(i));
    out.push(s ? [s.r, s.f, s.m, s.score, rfmSegment(s.r, s.f)] : ['', '', '', '', '']);
  }
  return out;
}

/** Segment label in the given language per (r, f) row. */
export function kamSegment(r: Arg, f: Arg, locale: Locale): string[][] {
  const rs = column(r).map(num);
  const fs = column(f).map(num);
  const n = Math.max(rs.length, fs.length);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const [ri, fi] = [rs[i], fs[i]];
    if (ri === null || ri === undefined || fi === null || fi === undefined) {
      out.push(['']);
      continue;
    }
    if (!Number.isInteger(ri) || !Number.isInteger(fi) || ri < 1 || ri > 5 || fi < 1 || fi > 5)
      throw new Error(`KAM_SEGMENT: row ${i + 1}: R and F must be whole numbers from 1 to 5`);
    out.push([optionLabel(RFM_SEGMENTS, rfmSegment(ri, fi), locale)]);
  }
  return out;
}
