import { formatDay, type Day } from '../calendar/day';
import { pick, type Locale } from '../i18n/locale';
import type { EnumOption } from '../schema/types';
import type { Choice } from './texts';

/** How the sidebars show values: plain strings and numbers only, so the views are plain JSON. */

export function dayText(day: Day | null | undefined): string | null {
  return day === null || day === undefined ? null : formatDay(day);
}

/** 1234567.5 → "1,234,567.50"; whole numbers without decimals. */
export function amountText(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const r = Math.round(n * 100) / 100;
  const [int, dec] = Math.abs(r).toFixed(2).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${r < 0 ? '-' : ''}${grouped}${dec === '00' ? '' : `.${dec}`}`;
}

export function choice(
  options: readonly EnumOption[],
  code: string | null | undefined,
  locale: Locale,
): Choice | null {
  if (code === null || code === undefined || code === '') return null;
  const o = options.find((x) => x.code === code);
  return { code, label: o ? pick(o, locale) : code };
}

export function choices(options: readonly EnumOption[], locale: Locale): Choice[] {
  return options.map((o) => ({ code: o.code, label: pick(o, locale) }));
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
