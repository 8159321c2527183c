import type { Bilingual } from '../i18n/locale';
import type { CellValue } from '../values/cell';
import { displayValue } from '../values/parse';
import { normalizeName } from './normalize';
import type { ColumnDef } from './types';

/**
 * The `column_map` sheet: rows a team adds to tell the script which of its own sheets and
 * headers are ours. Not created by Set up workbook: it appears when someone maps something
 * (`kam map --apply`, or by hand), so a workbook that needs no mapping does not carry it.
 */
export const COLUMN_MAP_SHEET: Bilingual & { key: 'column_map' } = {
  key: 'column_map',
  en: 'Column Map',
  zh: '列映射',
};

const text = (key: string, en: string, zh: string): ColumnDef => ({
  key,
  en,
  zh,
  type: 'text',
  owner: 'user',
});

export const COLUMN_MAP_COLUMNS: readonly ColumnDef[] = [
  text('sheet', 'Sheet', '工作表'),
  text('header', 'Header', '表头'),
  text('maps_to', 'Maps To', '对应'),
  text('note', 'Note', '备注'),
];

/** `maps_to` values that mean "not one of ours: do not read it, do not report it". */
const IGNORE = new Set(['ignore', '忽略', '不使用'].map(normalizeName));

export function isIgnore(target: string): boolean {
  return IGNORE.has(normalizeName(target));
}

export interface MapEntry {
  /** `maps_to` as written. */
  readonly target: string;
  /** 1-based row in the column_map sheet. */
  readonly row: number;
}

export interface ColumnMap {
  /** The column_map sheet's name in this workbook, or null when it has none. */
  readonly sheetName: string | null;
  /** Normalised user sheet name → what it maps to (a blank `header`). */
  readonly sheets: ReadonlyMap<string, MapEntry>;
  /** Normalised user sheet name → normalised header → what it maps to. */
  readonly headers: ReadonlyMap<string, ReadonlyMap<string, MapEntry>>;
}

export const EMPTY_COLUMN_MAP: ColumnMap = {
  sheetName: null,
  sheets: new Map(),
  headers: new Map(),
};

const SPELLINGS = [COLUMN_MAP_SHEET.key, COLUMN_MAP_SHEET.en, COLUMN_MAP_SHEET.zh].map(
  normalizeName,
);

/** The workbook's column_map sheet, by its key, English or Chinese name. */
export function findColumnMapSheet(names: readonly string[]): string | null {
  return names.find((n) => SPELLINGS.includes(normalizeName(n))) ?? null;
}

/**
 * Reads the column_map rows. Its own header row is matched like any other (any order, either
 * language); rows without a `maps_to` are skipped. When a sheet/header is mapped twice the
 * first row wins, as in every other sheet.
 */
export function parseColumnMap(name: string, values: readonly (readonly CellValue[])[]): ColumnMap {
  const head = (values[0] ?? []).map((c) => normalizeName(displayValue(c)));
  const at = (col: ColumnDef): number =>
    head.findIndex((h) => [col.key, col.en, col.zh].map(normalizeName).includes(h));
  const [sheetAt, headerAt, targetAt] = COLUMN_MAP_COLUMNS.map(at);
  const sheets = new Map<string, MapEntry>();
  const headers = new Map<string, Map<string, MapEntry>>();
  if (sheetAt === -1 || targetAt === -1) return { sheetName: name, sheets, headers };
  for (let r = 1; r < values.length; r++) {
    const cell = (i: number): string => (i === -1 ? '' : displayValue(values[r][i] ?? null).trim());
    const sheet = normalizeName(cell(sheetAt));
    const target = cell(targetAt);
    if (sheet === '' || target === '') continue;
    const header = normalizeName(cell(headerAt));
    const entry = { target, row: r + 1 };
    if (header === '') {
      if (!sheets.has(sheet)) sheets.set(sheet, entry);
      continue;
    }
    let m = headers.get(sheet);
    if (!m) headers.set(sheet, (m = new Map()));
    if (!m.has(header)) m.set(header, entry);
  }
  return { sheetName: name, sheets, headers };
}
