import type { WorkbookStore } from '../../core/ports/workbook';
import { findRateHeader } from '../../core/parse/settings-sheet';
import { matchHeaders, resolveSheets } from '../../core/schema/match';
import { normalizeName } from '../../core/schema/normalize';
import { DATA_SHEETS, sheetDef } from '../../core/schema/sheets';
import { displayValue } from '../../core/values/parse';
import type { CellValue, Grid } from '../../core/values/cell';
import type { DemoData } from './generate';

/**
 * Puts the demo rows into a workbook that Set up workbook has just made, by header name (the
 * same matching users get), one write per sheet; then fills in the demo's settings and rates.
 */
export function writeDemo(store: WorkbookStore, data: DemoData): void {
  const names = resolveSheets(store.sheetNames()).sheets;
  for (const key of DATA_SHEETS) {
    const rows = data.rows[key];
    const name = names.get(key);
    if (!rows || rows.length === 0 || name === undefined) continue;
    const header = store.readSheet(name)[0] ?? [];
    const index = matchHeaders(name, sheetDef(key).columns, header).index;
    const grid: Grid = rows.map((r) => {
      const out = new Array<CellValue>(header.length).fill(null);
      for (const [k, v] of Object.entries(r)) {
        const at = index.get(k);
        if (at !== undefined) out[at] = v;
      }
      return out;
    });
    store.writeRange(name, 2, 1, grid);
  }
  const settings = names.get('settings');
  if (settings !== undefined) writeSettings(store, settings, data);
}

function writeSettings(store: WorkbookStore, name: string, data: DemoData): void {
  const grid = store.readSheet(name);
  const index = matchHeaders(name, sheetDef('settings').columns, grid[0] ?? []).index;
  const keyAt = index.get('setting') ?? 0;
  const valueAt = index.get('value') ?? 1;
  const wanted = new Map(Object.entries(data.settings).map(([k, v]) => [normalizeName(k), v]));
  grid.forEach((row, r) => {
    const v = wanted.get(normalizeName(displayValue(row[keyAt] ?? null)));
    if (r > 0 && v !== undefined) store.writeRange(name, r + 1, valueAt + 1, [[v]]);
  });
  const rateAt = findRateHeader(grid);
  if (rateAt === -1 || data.rates.length === 0) return;
  let last = rateAt;
  while (last + 1 < grid.length && displayValue(grid[last + 1]?.[keyAt] ?? null).trim() !== '')
    last++;
  store.writeRange(
    name,
    last + 2,
    keyAt + 1,
    data.rates.map(([c, rate]) => [c, rate]),
  );
}
