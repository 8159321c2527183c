/**
 * A team's own names change nothing: any generated workbook whose sheet and column names are
 * replaced by random built-in aliases, or by names we do not know plus Column Map rows for them,
 * reads to the very same model and summary figures as the original. Core-level (an in-memory
 * store), so it is fast; KAM_PBT_RUNS (set by `npm run soak`) makes it longer.
 */
import fc from 'fast-check';
import { dayFromYmd, type Day } from '../../src/core/calendar/day';
import { computeMetrics } from '../../src/core/engine/compute';
import { readWorkbook } from '../../src/core/jobs/read';
import { normalizeName } from '../../src/core/schema/normalize';
import { sheetDef } from '../../src/core/schema/sheets';
import type { SheetKey } from '../../src/core/schema/types';
import { dateCell, type CellValue, type Grid } from '../../src/core/values/cell';
import { memoryStore } from '../core/sidebar/fixtures';
import { runParams } from './checks';
import { workbookArb, type Cell, type GeneratedWorkbook } from './generate';

const RUNS = Number(process.env.KAM_PBT_RUNS ?? 60);

function coreCell(v: Cell): CellValue {
  if (!(v instanceof Date)) return v;
  const day = dayFromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  const seconds = v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds();
  return dateCell(day, seconds);
}

type Book = Record<string, Grid>;

function original(wb: GeneratedWorkbook): Book {
  return Object.fromEntries(wb.sheets.map((s) => [s.name, s.rows.map((r) => r.map(coreCell))]));
}

/** Aliases of a sheet's column that name it alone (not the deliberately ambiguous ones). */
function ownAliases(sheet: SheetKey, key: string): string[] {
  const columns = sheetDef(sheet).columns;
  const count = new Map<string, number>();
  for (const c of columns)
    for (const a of new Set((c.aliases ?? []).map(normalizeName)))
      count.set(a, (count.get(a) ?? 0) + 1);
  const col = columns.find((c) => c.key === key);
  return (col?.aliases ?? []).filter((a) => count.get(normalizeName(a)) === 1);
}

/** The workbook with every name replaced: `pick(i, options)` chooses among the options. */
function renamed(
  wb: GeneratedWorkbook,
  mode: 'alias' | 'mapped',
  pick: (i: number, n: number) => number,
): Book {
  const book: Book = {};
  const mapRows: CellValue[][] = [['sheet', 'header', 'maps_to', 'note']];
  let n = 0;
  for (const s of wb.sheets) {
    const def = sheetDef(s.key);
    const sheetAliases = def.aliases ?? [];
    const name =
      mode === 'alias' && sheetAliases.length > 0
        ? sheetAliases[pick(n++, sheetAliases.length)]
        : `Tab ${n++} of ours`;
    if (mode === 'mapped') mapRows.push([name, null, s.key, null]);
    const rows = s.rows.map((r) => r.map(coreCell));
    // Settings is read by its keys and values, not by a column map (only its name is the team's).
    if (s.key !== 'settings')
      rows[0] = rows[0].map((h, c) => {
        const key = s.keys[c];
        if (key === null || key === undefined) return h;
        if (mode === 'alias') {
          const options = ownAliases(s.key, key);
          return options.length > 0 ? options[pick(n++, options.length)] : h;
        }
        const header = `Field ${c} (${n++})`;
        mapRows.push([name, header, key, null]);
        return header;
      });
    book[name] = rows;
  }
  if (mode === 'mapped') book['Column Map'] = mapRows;
  return book;
}

function summaryOf(book: Book, wb: GeneratedWorkbook) {
  const today: Day = dayFromYmd(wb.today.y, wb.today.m, wb.today.d);
  const read = readWorkbook(memoryStore(book, wb.locale), today);
  return {
    model: read.parsed.model,
    metrics: computeMetrics(read.parsed.model, today),
    // Cell problems are the same, wherever the names came from.
    problems: read.issues
      .filter((i) => i.row !== null && i.row > 1)
      .map((i) => [i.row, i.code, i.value, i.severity])
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

describe('a workbook under the team’s own names', () => {
  const withAccounts = workbookArb({ maxRows: 8 }).filter((wb) =>
    wb.sheets.some((s) => s.key === 'accounts'),
  );

  test('random built-in aliases give exactly the same summary', () => {
    fc.assert(
      fc.property(withAccounts, fc.array(fc.nat(), { minLength: 1 }), (wb, seeds) => {
        const pick = (i: number, n: number): number => seeds[i % seeds.length] % n;
        expect(summaryOf(renamed(wb, 'alias', pick), wb)).toEqual(summaryOf(original(wb), wb));
      }),
      runParams(RUNS, 1000),
    );
  });

  test('unknown names mapped in Column Map give exactly the same summary', () => {
    fc.assert(
      fc.property(withAccounts, (wb) => {
        expect(
          summaryOf(
            renamed(wb, 'mapped', () => 0),
            wb,
          ),
        ).toEqual(summaryOf(original(wb), wb));
      }),
      runParams(RUNS, 1000),
    );
  });
});
