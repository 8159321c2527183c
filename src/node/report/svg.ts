import type { ChartTable } from '../../core/dashboard/tables';
import type { Locale } from '../../core/i18n/locale';
import { PIE_COLORS } from '../../core/dashboard/layout';
import { clip, compactNumber, esc, formatNumber, niceTicks, textWidth } from './format';

/**
 * Inline SVG for each kind of dashboard chart, drawn from the same ChartTable as the Sheets
 * charts: column 0 is the category (x of a scatter), each further column a series. No script,
 * no fonts, no network: the report opens anywhere and prints as it looks.
 */

const W = 640;
const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];
const AXIS = '#5f6368';
const GRID = '#e0e0e0';
const CHAR_PX = 6.2; // average width of an 11 px sans-serif character

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

const num = (v: string | number | undefined): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : 0;
const px = (x: number): string => String(Math.round(x * 10) / 10);

/** Vertical grid lines at `ticks`, each labelled under the box. */
function verticalGrid(
  ticks: readonly number[],
  x: (v: number) => number,
  box: Box,
  locale: Locale,
  stroke: (tick: number) => string,
): string {
  let svg = '';
  for (const tk of ticks) {
    svg += `<line x1="${px(x(tk))}" x2="${px(x(tk))}" y1="${box.top}" y2="${box.top + box.height}" stroke="${stroke(tk)}"/>`;
    svg += text(
      x(tk),
      box.top + box.height + 16,
      compactNumber(tk, locale),
      'middle',
      ' class="tick"',
    );
  }
  return svg;
}

function open(t: ChartTable, height: number): string {
  return `<svg class="chart" data-chart="${esc(t.id)}" data-kind="${t.kind}" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-label="${esc(t.title)}"><title>${esc(t.title)}</title>`;
}

function text(
  x: number,
  y: number,
  s: string,
  anchor: 'start' | 'middle' | 'end',
  extra = '',
): string {
  return `<text x="${px(x)}" y="${px(y)}" text-anchor="${anchor}"${extra}>${esc(s)}</text>`;
}

/** Horizontal grid lines and value labels of a vertical axis; returns the value → y mapping. */
function valueAxis(
  box: Box,
  ticks: number[],
  side: 'left' | 'right',
  label: (v: number) => string,
): { y: (v: number) => number; svg: string } {
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const y = (v: number): number => box.top + box.height - ((v - lo) / (hi - lo)) * box.height;
  let svg = '';
  for (const t of ticks) {
    if (side === 'left')
      svg += `<line x1="${box.left}" x2="${box.left + box.width}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="${t === 0 ? AXIS : GRID}"/>`;
    const x = side === 'left' ? box.left - 6 : box.left + box.width + 6;
    svg += text(x, y(t) + 4, label(t), side === 'left' ? 'end' : 'start', ` class="tick"`);
  }
  return { y, svg };
}

function legend(
  names: readonly string[],
  colors: readonly string[],
  y: number,
  kinds: readonly ('box' | 'line')[] = [],
): string {
  let x = W - 12;
  let svg = '';
  for (let i = names.length - 1; i >= 0; i--) {
    const label = clip(names[i], 28);
    x -= textWidth(label) * CHAR_PX;
    svg += text(x, y + 4, label, 'start', ' class="legend"');
    x -= 16;
    svg +=
      kinds[i] === 'line'
        ? `<line x1="${px(x)}" x2="${px(x + 12)}" y1="${y}" y2="${y}" stroke="${colors[i]}" stroke-width="2.5"/>`
        : `<rect x="${px(x)}" y="${y - 5}" width="11" height="11" rx="2" fill="${colors[i]}"/>`;
    x -= 14;
  }
  return svg;
}

/** Category labels under the x axis; thinned and slanted when they would collide. */
function categoryLabels(box: Box, cats: readonly string[], at: (i: number) => number): string {
  const slot = box.width / Math.max(cats.length, 1);
  const widest = Math.max(...cats.map((c) => textWidth(c))) * CHAR_PX;
  const slant = widest > slot - 4;
  const every = slant ? Math.max(1, Math.ceil(14 / slot)) : 1;
  let svg = '';
  cats.forEach((c, i) => {
    if (i % every !== 0) return;
    const y = box.top + box.height + 16;
    svg += slant
      ? text(
          at(i),
          y,
          clip(c, 14),
          'end',
          ` class="tick" transform="rotate(-35 ${px(at(i))} ${px(y)})"`,
        )
      : text(at(i), y, c, 'middle', ' class="tick"');
  });
  return svg;
}

/** Columns per category; for `combo` the last series is a line on a right-hand percent axis. */
function columnChart(t: ChartTable, locale: Locale): string {
  const H = 340;
  const combo = t.kind === 'combo' && t.header.length > 2;
  const barSeries = t.header.slice(1, combo ? -1 : undefined);
  const box: Box = { left: 64, top: 34, width: W - 64 - (combo ? 52 : 16), height: H - 34 - 60 };
  const values = t.rows.flatMap((r) => barSeries.map((_, s) => num(r[s + 1])));
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const axis = valueAxis(box, ticks, 'left', (v) => compactNumber(v, locale));
  const n = t.rows.length;
  const slot = box.width / Math.max(n, 1);
  const barW = (slot * 0.7) / barSeries.length;
  const centre = (i: number): number => box.left + slot * (i + 0.5);
  let svg = open(t, H) + axis.svg;
  t.rows.forEach((r, i) => {
    barSeries.forEach((name, s) => {
      const v = num(r[s + 1]);
      const x = centre(i) - (barW * barSeries.length) / 2 + s * barW;
      const y0 = axis.y(0);
      const y1 = axis.y(v);
      svg += `<rect x="${px(x)}" y="${px(Math.min(y0, y1))}" width="${px(Math.max(barW - 1, 1))}" height="${px(Math.abs(y1 - y0))}" fill="${PALETTE[s % PALETTE.length]}"><title>${esc(`${r[0]} · ${name}: ${formatNumber(v, v % 1 === 0 ? 0 : 2)}`)}</title></rect>`;
    });
  });
  const colors = barSeries.map((_, s) => PALETTE[s % PALETTE.length]);
  const kinds: ('box' | 'line')[] = barSeries.map(() => 'box');
  const names = [...barSeries];
  if (combo) {
    const lineCol = t.header.length - 1;
    const lineVals = t.rows.map((r) => num(r[lineCol]));
    const right = valueAxis(
      box,
      niceTicks(0, Math.max(100, ...lineVals), 4),
      'right',
      (v) => `${v}%`,
    );
    const points = t.rows.map((r, i) => `${px(centre(i))},${px(right.y(num(r[lineCol])))}`);
    const color = PALETTE[barSeries.length % PALETTE.length];
    svg +=
      right.svg +
      `<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="2.5"/>`;
    t.rows.forEach((r, i) => {
      svg += `<circle cx="${px(centre(i))}" cy="${px(right.y(num(r[lineCol])))}" r="3.5" fill="${color}"><title>${esc(`${r[0]} · ${t.header[lineCol]}: ${num(r[lineCol])}%`)}</title></circle>`;
    });
    colors.push(color);
    kinds.push('line');
    names.push(t.header[lineCol]);
  }
  svg += categoryLabels(
    box,
    t.rows.map((r) => String(r[0])),
    centre,
  );
  svg += legend(names, colors, 14, kinds);
  return `${svg}</svg>`;
}

/** Horizontal bars, one row per category, with the value at the end of each bar. */
function barChart(t: ChartTable, locale: Locale): string {
  const n = t.rows.length;
  const rowH = 22;
  const H = 44 + n * rowH + 28;
  const labels = t.rows.map((r) => clip(String(r[0]), 30));
  const left = Math.min(220, 12 + Math.max(...labels.map((l) => textWidth(l))) * CHAR_PX);
  const box: Box = { left, top: 34, width: W - left - 56, height: n * rowH };
  const values = t.rows.map((r) => num(r[1]));
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 4);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const x = (v: number): number => box.left + ((v - lo) / (hi - lo)) * box.width;
  let svg = open(t, H);
  svg += verticalGrid(ticks, x, box, locale, (tk) => (tk === 0 ? AXIS : GRID));
  t.rows.forEach((r, i) => {
    const v = num(r[1]);
    const y = box.top + i * rowH + 4;
    const x0 = x(Math.min(0, v));
    const w = Math.abs(x(v) - x(0));
    svg += text(box.left - 8, y + 11, labels[i], 'end', ' class="tick"');
    svg += `<rect x="${px(x0)}" y="${y}" width="${px(Math.max(w, v === 0 ? 0 : 1))}" height="${rowH - 8}" rx="2" fill="${PALETTE[0]}"><title>${esc(`${r[0]}: ${formatNumber(v, v % 1 === 0 ? 0 : 2)}`)}</title></rect>`;
    svg += text(x(v) + 5, y + 11, formatNumber(v, v % 1 === 0 ? 0 : 2), 'start', ' class="value"');
  });
  svg += legend([t.header[1]], [PALETTE[0]], 14);
  return `${svg}</svg>`;
}

/** One line per series over the categories (months), with a dot per value. */
function lineChart(t: ChartTable, locale: Locale): string {
  const H = 320;
  const series = t.header.slice(1);
  const box: Box = { left: 64, top: 34, width: W - 64 - 16, height: H - 34 - 60 };
  const values = t.rows.flatMap((r) => series.map((_, s) => num(r[s + 1])));
  const axis = valueAxis(
    box,
    niceTicks(Math.min(0, ...values), Math.max(0, ...values)),
    'left',
    (v) => compactNumber(v, locale),
  );
  const n = t.rows.length;
  const at = (i: number): number => box.left + (n <= 1 ? box.width / 2 : (i / (n - 1)) * box.width);
  let svg = open(t, H) + axis.svg;
  series.forEach((name, s) => {
    const color = PALETTE[s % PALETTE.length];
    const points = t.rows.map((r, i) => `${px(at(i))},${px(axis.y(num(r[s + 1])))}`);
    svg += `<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round"/>`;
    t.rows.forEach((r, i) => {
      svg += `<circle cx="${px(at(i))}" cy="${px(axis.y(num(r[s + 1])))}" r="2.5" fill="${color}"><title>${esc(`${r[0]} · ${name}: ${formatNumber(num(r[s + 1]))}`)}</title></circle>`;
    });
  });
  svg += categoryLabels(
    box,
    t.rows.map((r) => String(r[0])),
    at,
  );
  svg += legend(
    series,
    series.map((_, s) => PALETTE[s % PALETTE.length]),
    14,
  );
  return `${svg}</svg>`;
}

/** Points (x = column 0, y = column 1), translucent so dense clusters show as darker areas. */
function scatterChart(t: ChartTable, locale: Locale): string {
  const H = 340;
  const box: Box = { left: 64, top: 24, width: W - 64 - 16, height: H - 24 - 56 };
  const xs = t.rows.map((r) => num(r[0]));
  const ys = t.rows.map((r) => num(r[1]));
  const xt = niceTicks(Math.min(0, ...xs), Math.max(...xs, 1), 5);
  const axis = valueAxis(box, niceTicks(Math.min(0, ...ys), Math.max(0, ...ys)), 'left', (v) =>
    compactNumber(v, locale),
  );
  const x = (v: number): number =>
    box.left + ((v - xt[0]) / (xt[xt.length - 1] - xt[0])) * box.width;
  let svg = open(t, H) + axis.svg;
  svg += verticalGrid(xt, x, box, locale, () => GRID);
  svg += `<g fill="${PALETTE[0]}" fill-opacity="0.55">`;
  t.rows.forEach((_, i) => {
    svg += `<circle cx="${px(x(xs[i]))}" cy="${px(axis.y(ys[i]))}" r="3.2"/>`;
  });
  svg += '</g>';
  svg += text(box.left + box.width / 2, H - 12, t.header[0], 'middle', ' class="axis-title"');
  svg += text(
    16,
    box.top + box.height / 2,
    t.header[1],
    'middle',
    ` class="axis-title" transform="rotate(-90 16 ${px(box.top + box.height / 2)})"`,
  );
  return `${svg}</svg>`;
}

/** A point on a circle, angle 0 at 12 o'clock, clockwise. */
function polar(cx: number, cy: number, r: number, turn: number): [number, number] {
  const a = turn * 2 * Math.PI;
  return [cx + r * Math.sin(a), cy - r * Math.cos(a)];
}

/** Slices in row order from 12 o'clock, with a legend of label, count and share. */
function pieChart(t: ChartTable, locale: Locale): string {
  const H = 300;
  const cx = 150;
  const cy = 160;
  const r = 110;
  const values = t.rows.map((row) => Math.max(0, num(row[1])));
  const total = values.reduce((s, v) => s + v, 0);
  let svg = open(t, H);
  if (total === 0) svg += `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${GRID}"/>`;
  let at = 0;
  t.rows.forEach((row, i) => {
    const v = values[i];
    if (v === 0 || total === 0) return;
    const color = PIE_COLORS[i % PIE_COLORS.length];
    const share = v / total;
    const tip = `<title>${esc(`${row[0]}: ${formatNumber(v)} (${Math.round(share * 100)}%)`)}</title>`;
    if (share >= 1) svg += `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}">${tip}</circle>`;
    else {
      const [x0, y0] = polar(cx, cy, r, at);
      const [x1, y1] = polar(cx, cy, r, at + share);
      svg += `<path d="M${cx},${cy} L${px(x0)},${px(y0)} A${r},${r} 0 ${share > 0.5 ? 1 : 0} 1 ${px(x1)},${px(y1)} Z" fill="${color}" stroke="#fff" stroke-width="1.5">${tip}</path>`;
    }
    at += share;
  });
  t.rows.forEach((row, i) => {
    const y = 80 + i * 28;
    const share = total === 0 ? 0 : Math.round((values[i] / total) * 100);
    svg += `<rect x="300" y="${y - 10}" width="14" height="14" rx="2" fill="${PIE_COLORS[i % PIE_COLORS.length]}"/>`;
    svg += text(
      322,
      y + 2,
      `${clip(String(row[0]), 24)}  ${compactNumber(values[i], locale)} (${share}%)`,
      'start',
      ' class="legend"',
    );
  });
  return `${svg}</svg>`;
}

export function chartSvg(t: ChartTable, locale: Locale): string {
  switch (t.kind) {
    case 'column':
    case 'combo':
      return columnChart(t, locale);
    case 'bar':
      return barChart(t, locale);
    case 'line':
      return lineChart(t, locale);
    case 'scatter':
      return scatterChart(t, locale);
    case 'pie':
      return pieChart(t, locale);
  }
}
