import { BIGQUERY_NAME, BIGQUERY_PROJECT } from '../sql/dialect';
import { inBoth } from '../i18n/catalogue';
import { languageSetting } from '../i18n/workbook-locale';
import type { IssueList } from '../issues/issue';
import { matchHeaders } from '../schema/match';
import { normalizeName } from '../schema/normalize';
import { EXCHANGE_RATE_COLUMNS, sheetDef } from '../schema/sheets';
import { SETTING_DEFS, type SettingDef } from '../settings/definitions';
import { DEFAULT_SETTINGS, type HealthWeights, type Settings } from '../settings/model';
import { isBlank, type CellValue } from '../values/cell';
import { displayValue, readEmail, readInteger, readNumber, readText } from '../values/parse';
import type { SheetGrid } from './table';

const DEF_BY_NAME = new Map(SETTING_DEFS.map((d) => [normalizeName(d.key), d]));

/** Where the exchange-rate table starts: the first row whose cells match its two headers. */
export function findRateHeader(values: readonly (readonly CellValue[])[]): number {
  for (let r = 1; r < values.length; r++) {
    const m = matchHeaders('', EXCHANGE_RATE_COLUMNS, values[r] ?? []);
    if (m.index.size === EXCHANGE_RATE_COLUMNS.length) return r;
  }
  return -1;
}

type Raw = { value: CellValue; row: number; label: string };

/** One setting's value as the refresh reads it; undefined when invalid (blank handled by callers). */
export function parseSettingValue(
  def: SettingDef,
  v: CellValue,
): string | number | string[] | undefined {
  switch (def.type) {
    case 'integer':
    case 'hour': {
      const n = readInteger(v);
      return n !== undefined && n >= (def.min ?? -Infinity) && n <= (def.max ?? Infinity)
        ? n
        : undefined;
    }
    case 'number': {
      const n = readNumber(v);
      return n !== undefined && n >= (def.min ?? -Infinity) && n <= (def.max ?? Infinity)
        ? n
        : undefined;
    }
    case 'language': {
      return languageSetting(normalizeName(readText(v)));
    }
    case 'currency': {
      const s = readText(v).toUpperCase();
      return /^[A-Z]{3}$/.test(s) ? s : undefined;
    }
    case 'email': {
      if (isBlank(v)) return '';
      return readEmail(v);
    }
    case 'emails': {
      const parts = readText(v)
        .split(/[,，;；\s]+/)
        .filter((p) => p !== '');
      const emails = parts.map((p) => readEmail(p));
      return emails.every((e): e is string => typeof e === 'string') ? emails : undefined;
    }
    case 'domains': {
      const parts = readText(v)
        .split(/[,，;；\s]+/)
        .map((p) =>
          p
            .trim()
            .toLowerCase()
            .replace(/^(@|\*\.)/, ''),
        )
        .filter((p) => p !== '');
      return parts.every((p) => /^([^\s@]+@)?[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(p))
        ? parts
        : undefined;
    }
    case 'text':
      return readText(v);
    case 'source': {
      const s = normalizeName(readText(v));
      return s === 'sheet' || s === normalizeName('工作表')
        ? 'sheet'
        : s === 'bigquery'
          ? 'bigquery'
          : undefined;
    }
    case 'bq_project': {
      const s = readText(v).trim();
      return s === '' || BIGQUERY_PROJECT.test(s) ? s : undefined;
    }
    case 'bq_name': {
      const s = readText(v).trim();
      return s === '' || BIGQUERY_NAME.test(s) ? s : undefined;
    }
  }
}

/**
 * Parses the Settings sheet (docs/workbook.md): the key/value table and the exchange-rate table below
 * it. Unknown or invalid settings are reported and the default is used, so a typo never stops a
 * run. A missing sheet means all defaults.
 */
export function parseSettings(grid: SheetGrid | null, issues: IssueList): Settings {
  if (!grid || grid.values.length === 0) return DEFAULT_SETTINGS;
  const values = grid.values;
  const rateAt = findRateHeader(values);
  const header = matchHeaders(grid.name, sheetDef('settings').columns, values[0] ?? []);
  header.issues.forEach((i) => issues.add(i));
  const keyAt = header.index.get('setting');
  const valueAt = header.index.get('value');
  const raw = new Map<string, Raw>();
  if (keyAt !== undefined && valueAt !== undefined) {
    const end = rateAt === -1 ? values.length : rateAt;
    for (let r = 1; r < end; r++) {
      const keyText = readText(values[r]?.[keyAt] ?? null);
      if (keyText === '') continue;
      const def = DEF_BY_NAME.get(normalizeName(keyText));
      if (!def) {
        issues.add({
          sheet: grid.name,
          row: r + 1,
          column: header.label.get('setting') ?? 'setting',
          value: keyText,
          code: 'unknown_setting',
          params: { name: keyText },
          severity: 'warning',
        });
        continue;
      }
      if (!raw.has(def.key))
        raw.set(def.key, {
          value: values[r]?.[valueAt] ?? null,
          row: r + 1,
          label: header.label.get('value') ?? 'value',
        });
    }
  }
  const got = new Map<string, string | number | string[]>();
  for (const def of SETTING_DEFS) {
    const entry = raw.get(def.key);
    if (!entry) continue;
    if (
      isBlank(entry.value) &&
      def.type !== 'domains' &&
      def.type !== 'emails' &&
      def.type !== 'email' &&
      def.type !== 'text'
    ) {
      continue;
    }
    const parsed = parseSettingValue(def, entry.value);
    if (parsed === undefined) {
      issues.add({
        sheet: grid.name,
        row: entry.row,
        column: entry.label,
        value: displayValue(entry.value),
        code: 'invalid_setting',
        params: {
          name: def.key,
          default: def.default === '' ? inBoth('issue_part.blank') : String(def.default),
        },
        severity: 'error',
      });
      continue;
    }
    got.set(def.key, parsed);
  }
  const num = (key: string, fallback: number): number => {
    const v = got.get(key);
    return typeof v === 'number' ? v : fallback;
  };
  let cutA = num('abc_cutoff_a', DEFAULT_SETTINGS.abcCutoffA);
  let cutB = num('abc_cutoff_b', DEFAULT_SETTINGS.abcCutoffB);
  if (cutA > cutB) {
    issues.add({
      sheet: grid.name,
      row: raw.get('abc_cutoff_a')?.row ?? null,
      column: 'abc_cutoff_a',
      value: `${cutA} > ${cutB}`,
      code: 'cutoffs_order',
      severity: 'error',
    });
    cutA = DEFAULT_SETTINGS.abcCutoffA;
    cutB = DEFAULT_SETTINGS.abcCutoffB;
  }
  const dw = DEFAULT_SETTINGS.healthWeights;
  const healthWeights: HealthWeights = {
    recency: num('health_weight_recency', dw.recency),
    trend: num('health_weight_trend', dw.trend),
    satisfaction: num('health_weight_satisfaction', dw.satisfaction),
    complaints: num('health_weight_complaints', dw.complaints),
    actions: num('health_weight_actions', dw.actions),
    contacts: num('health_weight_contacts', dw.contacts),
  };
  const homeCurrency =
    (got.get('home_currency') as string | undefined) ?? DEFAULT_SETTINGS.homeCurrency;
  const str = (key: string, fallback: string): string => {
    const v = got.get(key);
    return typeof v === 'string' && v !== '' ? v : fallback;
  };
  return {
    language: (got.get('language') as Settings['language'] | undefined) ?? 'auto',
    homeCurrency,
    analysisWindowMonths: num('analysis_window_months', DEFAULT_SETTINGS.analysisWindowMonths),
    abcCutoffA: cutA,
    abcCutoffB: cutB,
    staleDays: {
      A: num('stale_days_a', DEFAULT_SETTINGS.staleDays.A),
      B: num('stale_days_b', DEFAULT_SETTINGS.staleDays.B),
      C: num('stale_days_c', DEFAULT_SETTINGS.staleDays.C),
    },
    warningDays: num('warning_days', DEFAULT_SETTINGS.warningDays),
    dueSoonDays: num('due_soon_days', DEFAULT_SETTINGS.dueSoonDays),
    careDaysAhead: num('care_days_ahead', DEFAULT_SETTINGS.careDaysAhead),
    reminderHour: num('reminder_hour', DEFAULT_SETTINGS.reminderHour),
    allowedRecipientDomains: (got.get('allowed_recipient_domains') as string[] | undefined) ?? [],
    reminderSenderName: str('reminder_sender_name', DEFAULT_SETTINGS.reminderSenderName),
    escalationCc: (got.get('escalation_cc') as string | undefined) ?? '',
    recycleAfterDays: num('recycle_after_days', DEFAULT_SETTINGS.recycleAfterDays),
    historyRetentionDays: num('history_retention_days', DEFAULT_SETTINGS.historyRetentionDays),
    healthWeights,
    revenueDropPct: num('revenue_drop_pct', DEFAULT_SETTINGS.revenueDropPct),
    complaintSlaDays: num('complaint_sla_days', DEFAULT_SETTINGS.complaintSlaDays),
    planTolerance: num('plan_tolerance', DEFAULT_SETTINGS.planTolerance),
    managerEmails: (got.get('manager_emails') as string[] | undefined) ?? [],
    managerDigestWeekday: num('manager_digest_weekday', DEFAULT_SETTINGS.managerDigestWeekday),
    stageRotDays: {
      lead: num('stage_rot_days_lead', DEFAULT_SETTINGS.stageRotDays.lead),
      qualified: num('stage_rot_days_qualified', DEFAULT_SETTINGS.stageRotDays.qualified),
      proposal: num('stage_rot_days_proposal', DEFAULT_SETTINGS.stageRotDays.proposal),
      negotiation: num('stage_rot_days_negotiation', DEFAULT_SETTINGS.stageRotDays.negotiation),
    },
    dataSource: (got.get('data_source') as 'sheet' | 'bigquery' | undefined) ?? 'sheet',
    bigQuery: {
      project: str('bigquery_project', ''),
      dataset: str('bigquery_dataset', ''),
      transactionsTable: str('bigquery_transactions_table', 'transactions') || 'transactions',
      summaryTable: str('bigquery_summary_table', ''),
      historyTable: str('bigquery_history_table', ''),
      interactionsTable: str('bigquery_interactions_table', ''),
    },
    whitespaceMinShare: num('whitespace_min_share', DEFAULT_SETTINGS.whitespaceMinShare),
    whitespaceMinAccounts: num('whitespace_min_accounts', DEFAULT_SETTINGS.whitespaceMinAccounts),
    rates: parseRates(grid, rateAt, homeCurrency, issues),
  };
}

function parseRates(
  grid: SheetGrid,
  rateAt: number,
  home: string,
  issues: IssueList,
): Map<string, number> {
  const rates = new Map<string, number>([[home, 1]]);
  if (rateAt === -1) return rates;
  const header = matchHeaders(
    grid.name,
    EXCHANGE_RATE_COLUMNS,
    grid.values[rateAt] ?? [],
    rateAt + 1,
  );
  const cAt = header.index.get('currency') as number;
  const rAt = header.index.get('rate_to_home') as number;
  for (let r = rateAt + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const code = readText(row[cAt] ?? null).toUpperCase();
    if (code === '') continue;
    const rate = readNumber(row[rAt] ?? null);
    if (rate === undefined || rate <= 0) {
      issues.add({
        sheet: grid.name,
        row: r + 1,
        column: header.label.get('rate_to_home') ?? 'rate_to_home',
        value: displayValue(row[rAt] ?? null),
        code: 'invalid_rate',
        severity: 'error',
      });
      continue;
    }
    if (code !== home) rates.set(code, rate);
  }
  return rates;
}
