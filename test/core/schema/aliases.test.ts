import { parseColumnMap } from '../../../src/core/schema/column-map';
import { matchHeaders, resolveSheets } from '../../../src/core/schema/match';
import { normalizeName } from '../../../src/core/schema/normalize';
import { SHEETS, sheetDef } from '../../../src/core/schema/sheets';
import type { SheetKey } from '../../../src/core/schema/types';

const cjk = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

describe('the alias dictionary', () => {
  test.each([
    ['accounts', 'account_id'],
    ['accounts', 'account_name'],
    ['accounts', 'owner_email'],
    ['accounts', 'industry'],
    ['accounts', 'region'],
    ['transactions', 'date'],
    ['transactions', 'amount'],
  ] as const)('%s.%s has at least five aliases in each language', (sheet, key) => {
    const aliases = sheetDef(sheet).columns.find((c) => c.key === key)?.aliases ?? [];
    expect(aliases.filter(cjk).length).toBeGreaterThanOrEqual(5);
    expect(aliases.filter((a) => !cjk(a)).length).toBeGreaterThanOrEqual(3);
  });

  test('every input sheet has aliases in both languages', () => {
    for (const key of [
      'accounts',
      'contacts',
      'transactions',
      'interactions',
      'actions',
    ] as const) {
      const aliases = sheetDef(key).aliases ?? [];
      expect(aliases.some(cjk) && aliases.some((a) => !cjk(a))).toBe(true);
    }
  });

  test('no alias is dead: none equals a name of another column of its sheet', () => {
    const dead: string[] = [];
    for (const def of SHEETS)
      for (const col of def.columns)
        for (const a of col.aliases ?? [])
          for (const other of def.columns)
            if ([other.key, other.en, other.zh].map(normalizeName).includes(normalizeName(a)))
              dead.push(`${def.key}.${col.key}: ${a} is ${other.key}`);
    expect(dead).toEqual([]);
  });

  test('the only alias shared by two columns of one sheet is the deliberate "date" of actions', () => {
    const shared = new Set<string>();
    for (const def of SHEETS) {
      const seen = new Map<string, string>();
      for (const col of def.columns)
        for (const a of new Set((col.aliases ?? []).map(normalizeName))) {
          if (seen.has(a)) shared.add(`${def.key}: ${a}`);
          seen.set(a, col.key);
        }
    }
    expect([...shared].sort()).toEqual(['actions: date', 'actions: 日期']);
  });

  test('a sheet alias names one sheet only, and never another sheet by its own name', () => {
    const owner = new Map<string, SheetKey>();
    for (const def of SHEETS)
      for (const n of [def.key, def.en, def.zh]) owner.set(normalizeName(n), def.key);
    for (const def of SHEETS)
      for (const a of def.aliases ?? []) {
        const n = normalizeName(a);
        expect([def.key, undefined]).toContain(owner.get(n));
        owner.set(n, def.key);
      }
  });
});

describe('matching with aliases and the column map', () => {
  const accounts = sheetDef('accounts').columns;

  test('a team sheet and its headers are recognised by alias', () => {
    const { sheets } = resolveSheets(['客户信息', '销售记录', 'Notes']);
    expect(sheets.get('accounts')).toBe('客户信息');
    expect(sheets.get('transactions')).toBe('销售记录');
    const m = matchHeaders('客户信息', accounts, [
      '编号',
      '客户全称',
      '所属行业',
      '区域',
      '备注说明',
    ]);
    expect(Object.fromEntries(m.index)).toEqual({
      account_id: 0,
      account_name: 1,
      industry: 2,
      region: 3,
    });
    expect(m.issues).toEqual([]);
    expect(m.unknown.map((u) => u.text)).toEqual(['备注说明']);
  });

  test('our own name wins over an alias of another sheet or column', () => {
    // `Accounts` is a name, `Customers` an alias: the name is matched, the alias reported.
    const { sheets, issues } = resolveSheets(['Customers', 'Accounts']);
    expect(sheets.get('accounts')).toBe('Accounts');
    expect(issues.map((i) => [i.sheet, i.code])).toEqual([['Customers', 'sheet_duplicate']]);
  });

  test('a header equal to aliases of two columns is never matched silently', () => {
    const actions = sheetDef('actions').columns;
    const m = matchHeaders('Tasks', actions, ['Task', '日期']);
    expect(m.index.has('start_date') || m.index.has('due_date')).toBe(false);
    expect(m.issues.map((i) => [i.code, i.column, i.severity])).toEqual([
      ['header_ambiguous', '日期', 'warning'],
    ]);
    expect(m.unknown[0].ambiguous.map((c) => c.key)).toEqual(['start_date', 'due_date']);
  });

  test('column map rows win over names and aliases; ignore hides a column and a sheet', () => {
    const map = parseColumnMap('列映射', [
      ['工作表', '表头', '对应', '备注'],
      ['台账', '', 'accounts', null],
      ['台账', '代码', 'account_id', null],
      ['台账', '客户编号', 'ignore', 'old column'],
      ['台账', '日期', '下次跟进日期', null],
      ['台账', 'Owner', 'no such column', null],
      ['Accounts', '', 'ignore', null],
    ]);
    const { sheets } = resolveSheets(['Accounts', '台账', '列映射'], map);
    expect(sheets.get('accounts')).toBe('台账');
    expect([...sheets.values()]).not.toContain('Accounts');
    expect([...sheets.values()]).not.toContain('列映射');
    const m = matchHeaders(
      '台账',
      accounts,
      ['客户编号', '代码', '客户全称', '日期', 'Owner'],
      1,
      map,
    );
    expect(m.index.get('account_id')).toBe(1);
    expect(m.index.get('account_name')).toBe(2);
    expect(m.index.get('next_action_date')).toBe(3);
    expect(m.unknown).toEqual([]);
    expect(m.issues.map((i) => [i.sheet, i.row, i.code])).toEqual([
      ['列映射', 6, 'map_unknown_target'],
    ]);
  });

  test('a mapped header taken before a same-named one makes the other a duplicate', () => {
    const map = parseColumnMap('Column Map', [
      ['Sheet', 'Header', 'Maps To'],
      ['Accounts', 'Code', 'account_id'],
    ]);
    const m = matchHeaders('Accounts', accounts, ['Account ID', 'Code', 'Company'], 1, map);
    expect(m.index.get('account_id')).toBe(1);
    expect(m.issues.map((i) => [i.code, i.column])).toEqual([['header_duplicate', 'Account ID']]);
  });
});
