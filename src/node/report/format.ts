import { pick, type Locale } from '../../core/i18n/locale';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and the like) make a name display as
 * something else ("Acme‮gnp.exe" reads as "Acmeexe.png") and can reorder the text around it.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for HTML and SVG: every value in the report comes from a user's workbook. */
export function esc(text: string | number): string {
  return String(text)
    .replace(BIDI_CONTROLS, '')
    .replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** 1,234,567.8 in both languages (the digests and Sheets use the same separators). */
export function formatNumber(n: number, decimals = 0): string {
  return n.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** Axis labels: 1.2k, 3.4M in English; 1.2万, 3.4亿 in Chinese, as a Chinese reader counts. */
export function compactNumber(n: number, locale: Locale): string {
  const abs = Math.abs(n);
  const trim = (x: number): string => String(Number(x.toFixed(abs >= 1 ? 1 : 2)));
  const units: readonly (readonly [number, string])[] = pick(
    {
      en: [
        [1e9, 'B'],
        [1e6, 'M'],
        [1e3, 'k'],
      ],
      zh: [
        [1e8, '亿'],
        [1e4, '万'],
      ],
    },
    locale,
  );
  const unit = units.find(([size]) => abs >= size);
  return unit ? `${trim(n / unit[0])}${unit[1]}` : trim(n);
}

/** About `count` round tick values covering [min, max] (1, 2, 2.5 or 5 × 10^k apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const lo = Math.min(min, 0);
  let hi = Math.max(max, 0);
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < hi)
    ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** Width of a label in "average characters": CJK glyphs take two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return w;
}

/** Cuts a label to `max` character widths with an ellipsis. */
export function clip(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}
