/**
 * docs/workbook.md and docs/workbook.zh-CN.md document every sheet, column and setting of the
 * schema. This test fails when the schema gains (or renames) one that the docs do not show:
 * each sheet is in the overview table and has a section headed with its key in backticks; each of
 * its columns is a row of that section's table with its English and Chinese names and, for a list
 * column, every value with both labels (the `history` section lists the keys only: it has the
 * columns of `summary`); every setting is a row of the settings table with its default.
 * Table rows are compared cell by cell, so padding added by a formatter does not matter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXCHANGE_RATE_COLUMNS, SHEETS } from '../../src/core/schema/sheets';
import type { ColumnDef, SheetDef } from '../../src/core/schema/types';
import { SETTING_DEFS } from '../../src/core/settings/definitions';

const FILES = ['docs/workbook.md', 'docs/workbook.zh-CN.md'];

function read(file: string): string {
  return readFileSync(join(__dirname, '..', '..', file), 'utf8');
}

/** The trimmed cells of a Markdown table row, or null when the line is not one. */
function cells(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith('|') || !t.endsWith('|')) return null;
  return t
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());
}

/** The first table row (as cells) among `lines` whose first cell is `first`. */
function rowStartingWith(lines: readonly string[], first: string): string[] | null {
  for (const line of lines) {
    const c = cells(line);
    if (c && c[0] === first) return c;
  }
  return null;
}

/** The lines from the `### \`key\`` heading to the next heading of level 2 or 3. */
function section(markdown: string, key: string): string[] | null {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`### \`${key}\``));
  if (start === -1) return null;
  let end = start + 1;
  while (end < lines.length && !/^#{2,3} /.test(lines[end])) end++;
  return lines.slice(start, end);
}

/** The rows of the settings table: the table whose header starts with Setting | Default. */
function settingsTable(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => {
    const c = cells(l);
    return (
      c !== null && ['Setting', '设置项'].includes(c[0]) && ['Default', '默认值'].includes(c[1])
    );
  });
  if (start === -1) return [];
  let end = start + 1;
  while (end < lines.length && cells(lines[end]) !== null) end++;
  return lines.slice(start + 2, end);
}

/** Problems of one column in its sheet's section; names are checked only in full tables. */
function columnProblems(lines: readonly string[], col: ColumnDef, withNames: boolean): string[] {
  const key = `\`${col.key}\``;
  if (!withNames) return lines.some((l) => l.includes(key)) ? [] : [`column ${key} is missing`];
  const row = rowStartingWith(lines, key);
  if (!row) return [`column ${key} has no table row`];
  const problems: string[] = [];
  if (row[1] !== col.en)
    problems.push(`column ${key}: English name "${row[1]}", expected "${col.en}"`);
  if (row[2] !== col.zh)
    problems.push(`column ${key}: Chinese name "${row[2]}", expected "${col.zh}"`);
  const text = row.join(' | ');
  for (const o of col.options ?? [])
    for (const label of [o.code, o.en, o.zh])
      if (!text.includes(label)) problems.push(`column ${key}: list value "${label}" is missing`);
  return problems;
}

function sheetProblems(markdown: string, def: SheetDef): string[] {
  const lines = section(markdown, def.key);
  if (lines === null) return [`no section "### \`${def.key}\`"`];
  const problems: string[] = [];
  if (!lines[0].includes(def.en) || !lines[0].includes(def.zh))
    problems.push(`heading must name "${def.en}" and "${def.zh}"`);
  const withNames = def.key !== 'history';
  const columns = def.key === 'settings' ? [...def.columns, ...EXCHANGE_RATE_COLUMNS] : def.columns;
  for (const col of columns) problems.push(...columnProblems(lines, col, withNames));
  return problems.map((p) => `${def.key}: ${p}`);
}

/** The lines of the alias tables: from `### Aliases` (`### 别名`) to the next level-2 heading. */
function aliasLines(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^### (Aliases|别名)$/.test(l));
  if (start === -1) return [];
  let end = start + 1;
  while (end < lines.length && !/^## /.test(lines[end])) end++;
  return lines.slice(start, end);
}

/** Every alias table row the schema calls for, first cell → aliases in order. */
function expectedAliasRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const def of SHEETS) {
    if (def.aliases?.length) rows.set(`\`${def.key}\``, def.aliases.join(', '));
  }
  for (const def of SHEETS)
    for (const col of def.columns)
      if (col.aliases?.length) rows.set(`\`${def.key}.${col.key}\``, col.aliases.join(', '));
  return rows;
}

describe.each(FILES)('%s', (file) => {
  const markdown = read(file);
  const lines = markdown.split('\n');

  test.each(SHEETS.map((s) => [s.key, s] as const))(
    'documents sheet %s and all its columns',
    (_key, def) => {
      expect(sheetProblems(markdown, def)).toEqual([]);
    },
  );

  test('lists every sheet in the overview table', () => {
    const missing = SHEETS.filter((s) => {
      const row = rowStartingWith(lines, `\`${s.key}\``);
      return !row || row[1] !== s.en || row[2] !== s.zh;
    }).map((s) => s.key);
    expect(missing).toEqual([]);
  });

  test('lists the built-in aliases of every sheet and column, and no others', () => {
    const expected = expectedAliasRows();
    const shown = new Map<string, string>();
    for (const line of aliasLines(markdown)) {
      const c = cells(line);
      if (c && c[0].startsWith('`')) shown.set(c[0], c[1]);
    }
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
    expect(expected.size).toBeGreaterThan(60);
  });

  test('has a settings table row, with the default, for every setting', () => {
    const rows = settingsTable(markdown);
    const problems = SETTING_DEFS.flatMap((d) => {
      const row = rowStartingWith(rows, `\`${d.key}\``);
      if (!row) return [`${d.key}: no row`];
      const ok =
        d.default === '' ? ['(blank)', '（空）'].includes(row[1]) : row[1] === String(d.default);
      return ok
        ? []
        : [
            `${d.key}: default shown as "${row[1]}", expected ${d.default === '' ? 'blank' : d.default}`,
          ];
    });
    expect(problems).toEqual([]);
  });
});
