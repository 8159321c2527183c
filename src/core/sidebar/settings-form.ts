import { pick, type Locale } from '../i18n/locale';
import { findRateHeader, parseSettingValue } from '../parse/settings-sheet';
import type { SheetGrid } from '../parse/table';
import { matchHeaders } from '../schema/match';
import { normalizeName } from '../schema/normalize';
import { EXCHANGE_RATE_COLUMNS, sheetDef } from '../schema/sheets';
import { SETTING_DEFS, type SettingDef, type SettingType } from '../settings/definitions';
import { isBlank, type CellValue } from '../values/cell';
import { displayValue, readNumber, readText } from '../values/parse';
import type { CellWrite } from './forms';
import { uiLabels, uiText, type Choice, type FieldError, type UiKey } from './texts';

/** Sections of the Settings sidebar, in order. */
export type SettingGroup = 'general' | 'scoring' | 'reminders' | 'health';

const GROUP_OF: Readonly<Record<string, SettingGroup>> = {
  language: 'general',
  home_currency: 'general',
  analysis_window_months: 'scoring',
  abc_cutoff_a: 'scoring',
  abc_cutoff_b: 'scoring',
  stale_days_a: 'scoring',
  stale_days_b: 'scoring',
  stale_days_c: 'scoring',
  warning_days: 'scoring',
  recycle_after_days: 'scoring',
  history_retention_days: 'scoring',
  revenue_drop_pct: 'scoring',
  complaint_sla_days: 'scoring',
  plan_tolerance: 'scoring',
  whitespace_min_share: 'scoring',
  whitespace_min_accounts: 'scoring',
  data_source: 'general',
  bigquery_project: 'general',
  bigquery_dataset: 'general',
  bigquery_transactions_table: 'general',
  bigquery_interactions_table: 'general',
  bigquery_summary_table: 'general',
  bigquery_history_table: 'general',
};

/** A setting's section: health weights by name, reminder settings by default. */
export function settingGroup(key: string): SettingGroup {
  if (key.startsWith('health_weight_')) return 'health';
  return GROUP_OF[key] ?? 'reminders';
}

export interface SettingItem {
  readonly key: string;
  readonly group: SettingGroup;
  readonly type: SettingType;
  /** The cell as the sheet shows it ('' when blank or absent). */
  readonly value: string;
  readonly description: string;
  readonly defaultValue: string;
  readonly min: number | null;
  readonly max: number | null;
  /** False when the Settings sheet has no row for it (Set up workbook adds it). */
  readonly present: boolean;
  /** The cell holds something the refresh rejects (it uses the default). */
  readonly invalid: boolean;
  readonly options: readonly Choice[] | null;
}

export interface RateItem {
  readonly currency: string;
  readonly value: string;
  readonly invalid: boolean;
}

export interface SettingsView {
  readonly locale: Locale;
  readonly labels: Record<string, string>;
  /** The Settings sheet's name; null when there is none. */
  readonly sheet: string | null;
  readonly items: readonly SettingItem[];
  readonly rates: readonly RateItem[];
  readonly homeCurrency: string;
  /** Whether the daily triggers are installed, and the status line of the menu. */
  readonly automation: { readonly on: boolean; readonly status: string } | null;
}

const LABEL_KEYS: readonly UiKey[] = [
  'refresh',
  'loading',
  'saving',
  'close',
  'fix_below',
  'settings_title',
  'settings_save',
  'setting_absent',
  'setting_invalid_now',
  'rates',
  'group_general',
  'group_scoring',
  'group_reminders',
  'group_health',
  'automation',
  'automation_turn_on',
  'automation_turn_off',
  'no_settings_sheet',
];

interface Located {
  readonly def: SettingDef;
  readonly row: number;
  readonly col: number;
  readonly cell: CellValue;
}

interface Layout {
  readonly settings: ReadonlyMap<string, Located>;
  readonly rates: readonly { currency: string; row: number; col: number; cell: CellValue }[];
}

const DEF_BY_NAME = new Map(SETTING_DEFS.map((d) => [normalizeName(d.key), d]));

/** Where each setting's value cell is (1-based), as `parseSettings` reads the sheet. */
function locate(grid: SheetGrid): Layout {
  const values = grid.values;
  const settings = new Map<string, Located>();
  const rates: { currency: string; row: number; col: number; cell: CellValue }[] = [];
  const header = matchHeaders(grid.name, sheetDef('settings').columns, values[0] ?? []);
  const keyAt = header.index.get('setting');
  const valueAt = header.index.get('value');
  const rateAt = findRateHeader(values);
  if (keyAt !== undefined && valueAt !== undefined) {
    const end = rateAt === -1 ? values.length : rateAt;
    for (let r = 1; r < end; r++) {
      const def = DEF_BY_NAME.get(normalizeName(readText(values[r]?.[keyAt] ?? null)));
      // The first row of a setting wins, as in parseSettings.
      if (def && !settings.has(def.key))
        settings.set(def.key, {
          def,
          row: r + 1,
          col: valueAt + 1,
          cell: values[r]?.[valueAt] ?? null,
        });
    }
  }
  if (rateAt !== -1) {
    const h = matchHeaders(grid.name, EXCHANGE_RATE_COLUMNS, values[rateAt] ?? [], rateAt + 1);
    const cAt = h.index.get('currency') as number;
    const rAt = h.index.get('rate_to_home') as number;
    const seen = new Set<string>();
    for (let r = rateAt + 1; r < values.length; r++) {
      const code = readText(values[r]?.[cAt] ?? null).toUpperCase();
      if (code === '' || seen.has(code)) continue;
      seen.add(code);
      rates.push({ currency: code, row: r + 1, col: rAt + 1, cell: values[r]?.[rAt] ?? null });
    }
  }
  return { settings, rates };
}

/** Blank is accepted for every setting (the default applies), exactly as parseSettings does. */
function parsedOrBlank(
  def: SettingDef,
  v: CellValue,
): { ok: true; value: string | number | string[] | null } | { ok: false } {
  if (isBlank(v)) return { ok: true, value: null };
  const p = parseSettingValue(def, v);
  return p === undefined ? { ok: false } : { ok: true, value: p };
}

const validRate = (v: CellValue): number | undefined => {
  const n = readNumber(v);
  return n !== undefined && n > 0 ? n : undefined;
};

function languageOptions(locale: Locale): Choice[] {
  return [
    { code: 'auto', label: uiText('lang_auto', locale) },
    { code: 'en', label: uiText('lang_en', locale) },
    { code: 'zh-CN', label: uiText('lang_zh', locale) },
  ];
}

/** The Settings sidebar's view of the sheet (docs/workbook.md): every setting and exchange rate. */
export function settingsView(
  grid: SheetGrid | null,
  locale: Locale,
  automation: SettingsView['automation'] = null,
): SettingsView {
  const layout = grid ? locate(grid) : { settings: new Map<string, Located>(), rates: [] };
  const home = layout.settings.get('home_currency');
  const homeParsed = home ? parsedOrBlank(home.def, home.cell) : null;
  const homeCurrency =
    homeParsed && homeParsed.ok && typeof homeParsed.value === 'string' ? homeParsed.value : 'CNY';
  return {
    locale,
    labels: uiLabels(LABEL_KEYS, locale),
    sheet: grid ? grid.name : null,
    homeCurrency,
    automation,
    items: SETTING_DEFS.map((def) => {
      const at = layout.settings.get(def.key);
      return {
        key: def.key,
        group: settingGroup(def.key),
        type: def.type,
        value: at ? displayValue(at.cell) : '',
        description: pick(def.description, locale),
        defaultValue: String(def.default),
        min: def.min ?? null,
        max: def.max ?? null,
        present: at !== undefined,
        invalid: at !== undefined && !parsedOrBlank(def, at.cell).ok,
        options: def.type === 'language' ? languageOptions(locale) : null,
      };
    }),
    rates: layout.rates.map((r) => ({
      currency: r.currency,
      value: displayValue(r.cell),
      invalid: !isBlank(r.cell) && validRate(r.cell) === undefined,
    })),
  };
}

function hint(def: SettingDef, locale: Locale): string {
  const range = { min: def.min ?? 0, max: def.max ?? 0 };
  switch (def.type) {
    case 'integer':
    case 'hour':
      return uiText('err_setting_integer', locale, range);
    case 'number':
      return uiText('err_setting_number', locale, range);
    case 'language':
      return uiText('err_setting_language', locale);
    case 'currency':
      return uiText('err_setting_currency', locale);
    case 'email':
      return uiText('err_setting_email', locale);
    case 'emails':
      return uiText('err_setting_emails', locale);
    case 'domains':
      return uiText('err_setting_domains', locale);
    case 'text':
      return '';
    case 'source':
      return uiText('err_setting_source', locale);
    case 'bq_project':
    case 'bq_name':
      return uiText('err_setting_bq_name', locale);
  }
}

/** The cell to write for a valid setting: numbers as numbers, lists as `a, b`, codes as text. */
function cellOf(value: string | number | string[] | null): CellValue {
  if (value === null || value === '') return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

export interface SettingsPlan {
  readonly ok: boolean;
  /** One cell per changed setting or rate: only value cells, never a key or description. */
  readonly writes: CellWrite[];
  readonly errors: FieldError[];
  /** Keys of the changed settings (`rate:USD` for rates). */
  readonly changed: string[];
}

const asText = (v: unknown): string | null =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/**
 * Validates the values sent by the Settings sidebar and plans the writes. A setting counts as
 * changed when its text differs from what the sheet shows; only changed settings are validated
 * (a bad value already in the sheet does not block saving the others) with the same rules as
 * `parseSettings`, plus the cut-off order on the values after the save. Settings the sheet has
 * no row for, and keys the product does not know, are ignored. Nothing is planned when any
 * changed value is wrong.
 */
export function planSettings(input: unknown, grid: SheetGrid | null, locale: Locale): SettingsPlan {
  if (!grid)
    return {
      ok: false,
      writes: [],
      errors: [{ field: '', message: uiText('no_settings_sheet', locale) }],
      changed: [],
    };
  const body = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const values = (
    typeof body.values === 'object' && body.values !== null ? body.values : {}
  ) as Record<string, unknown>;
  const rates = (typeof body.rates === 'object' && body.rates !== null ? body.rates : {}) as Record<
    string,
    unknown
  >;
  const layout = locate(grid);
  const writes: CellWrite[] = [];
  const errors: FieldError[] = [];
  const changed: string[] = [];
  const after = new Map<string, string | number | string[] | null>();

  for (const [key, at] of layout.settings) {
    const before = parsedOrBlank(at.def, at.cell);
    if (before.ok) after.set(key, before.value);
    if (!Object.prototype.hasOwnProperty.call(values, key)) continue;
    const text = asText(values[key]);
    if (text === null || text === displayValue(at.cell).trim()) continue;
    const parsed = parsedOrBlank(at.def, text);
    if (!parsed.ok) {
      errors.push({ field: key, message: hint(at.def, locale) });
      continue;
    }
    after.set(key, parsed.value);
    changed.push(key);
    writes.push({ row: at.row, col: at.col, value: cellOf(parsed.value) });
  }

  const cut = (key: string, fallback: number): number => {
    const v = after.get(key);
    return typeof v === 'number' ? v : fallback;
  };
  if (
    (changed.includes('abc_cutoff_a') || changed.includes('abc_cutoff_b')) &&
    cut('abc_cutoff_a', 0.8) > cut('abc_cutoff_b', 0.95)
  ) {
    errors.push({
      field: changed.includes('abc_cutoff_a') ? 'abc_cutoff_a' : 'abc_cutoff_b',
      message: uiText('err_cutoffs', locale),
    });
  }

  for (const r of layout.rates) {
    if (!Object.prototype.hasOwnProperty.call(rates, r.currency)) continue;
    const text = asText(rates[r.currency]);
    if (text === null || text === displayValue(r.cell).trim()) continue;
    const n = validRate(text);
    if (n === undefined) {
      errors.push({ field: `rate:${r.currency}`, message: uiText('err_rate', locale) });
      continue;
    }
    changed.push(`rate:${r.currency}`);
    writes.push({ row: r.row, col: r.col, value: n });
  }

  return errors.length > 0
    ? { ok: false, writes: [], errors, changed: [] }
    : { ok: true, writes, errors: [], changed };
}
