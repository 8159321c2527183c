import { columnLetter, matchHeaders, resolveSheets } from '../../../src/core/schema/match';
import { normalizeName } from '../../../src/core/schema/normalize';
import { SHEETS, sheetDef } from '../../../src/core/schema/sheets';

describe('normalizeName', () => {
  it('ignores case, spaces and punctuation, and folds full-width characters', () => {
    expect(normalizeName('Revenue (12m)')).toBe(normalizeName('revenue_12m'));
    expect(normalizeName(' ACCOUNT id ')).toBe(normalizeName('account_id'));
    expect(normalizeName('ＡＢＣ分类')).toBe(normalizeName('ABC分类'));
    expect(normalizeName('客户编号：')).toBe('客户编号');
  });
});

describe('resolveSheets', () => {
  it('matches sheets by key, English or Chinese name', () => {
    const { sheets, issues } = resolveSheets([
      'accounts',
      '联系人',
      'Action Plan',
      'My notes',
      'DATA ISSUES',
    ]);
    expect(sheets.get('accounts')).toBe('accounts');
    expect(sheets.get('contacts')).toBe('联系人');
    expect(sheets.get('actions')).toBe('Action Plan');
    expect(sheets.get('data_issues')).toBe('DATA ISSUES');
    expect(issues).toEqual([]);
  });

  it('reports a second sheet for the same key and keeps the first', () => {
    const { sheets, issues } = resolveSheets(['客户', 'Accounts']);
    expect(sheets.get('accounts')).toBe('客户');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      sheet: 'Accounts',
      code: 'sheet_duplicate',
      severity: 'warning',
    });
  });

  it('every sheet and column has distinct aliases within its sheet', () => {
    const sheetAliases = new Map<string, string>();
    for (const def of SHEETS) {
      for (const a of [def.key, def.en, def.zh].map(normalizeName)) {
        expect([undefined, def.key]).toContain(sheetAliases.get(a));
        sheetAliases.set(a, def.key);
      }
      const colAliases = new Map<string, string>();
      for (const col of def.columns) {
        for (const a of [col.key, col.en, col.zh].map(normalizeName)) {
          expect([undefined, col.key]).toContain(colAliases.get(a));
          colAliases.set(a, col.key);
        }
      }
    }
  });
});

describe('matchHeaders', () => {
  const accounts = sheetDef('accounts').columns;

  it('maps headers in any order and language, and ignores extra user columns', () => {
    const m = matchHeaders('客户', accounts, [
      '客户名称',
      'My column',
      '客户编号',
      'owner email',
      null,
      '备注',
    ]);
    expect(m.index.get('account_name')).toBe(0);
    expect(m.index.get('account_id')).toBe(2);
    expect(m.index.get('owner_email')).toBe(3);
    expect(m.index.get('notes')).toBe(5);
    expect(m.label.get('owner_email')).toBe('owner email');
    expect(m.issues).toEqual([]);
    expect(m.missing.map((c) => c.key)).toContain('tier');
  });

  it('names the sheet and header of a duplicate or missing required header', () => {
    const m = matchHeaders('Accounts', accounts, ['Account ID', '客户编号', 'Tier']);
    const dup = m.issues.find((i) => i.code === 'header_duplicate');
    expect(dup).toMatchObject({
      sheet: 'Accounts',
      column: '客户编号',
      severity: 'error',
      params: { first: 'A', second: 'B' },
    });
    const missing = m.issues.find((i) => i.code === 'header_missing');
    expect(missing).toMatchObject({ sheet: 'Accounts', column: 'Account Name' });
  });

  it('columnLetter', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'ZZ',
      'AAA',
    ]);
  });
});
