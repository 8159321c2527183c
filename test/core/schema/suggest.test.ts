import { sheetDef } from '../../../src/core/schema/sheets';
import {
  confidentCandidate,
  editDistance,
  foldVariants,
  suggestColumns,
  suggestSheets,
} from '../../../src/core/schema/suggest';
import { dateCell } from '../../../src/core/values/cell';

const accounts = sheetDef('accounts').columns;
const best = (header: string, values: unknown[] = [], open = accounts) =>
  suggestColumns(header, values as never[], open)[0];

describe('suggestions for a header that is none of ours', () => {
  test('folds Traditional characters, full-width forms, email words and units', () => {
    expect(foldVariants('客戶編號')).toBe(foldVariants('客户编号'));
    expect(foldVariants('ＫＡＭ　Ｅｍａｉｌ')).toBe(foldVariants('KAM邮箱'));
    expect(foldVariants('负责人电子邮件')).toBe(foldVariants('负责人邮箱'));
    expect(foldVariants('金额（元）')).toBe(foldVariants('金额'));
    expect(best('客戶編號')).toMatchObject({ key: 'account_id', score: 0.9 });
    expect(best('负责人电子邮件')).toMatchObject({ key: 'owner_email', score: 0.9 });
    expect(best('Revenue (USD)', [], sheetDef('transactions').columns)).toMatchObject({
      key: 'amount',
    });
  });

  test('a slip of spelling in a longer word is confident, a short one is not', () => {
    expect(editDistance('acountname', 'accountname')).toBe(1);
    expect(best('Acount Name')).toMatchObject({ key: 'account_name', score: 0.8 });
    expect(suggestColumns('Tie', [], accounts)).toEqual([]);
  });

  test('the values under a header suggest, but never confidently', () => {
    const emails = ['a@example.com', 'b@example.com', 'c@example.com'];
    const s = suggestColumns('联系方式', emails, accounts);
    expect(s[0]).toMatchObject({ key: 'owner_email', why: 'values' });
    expect(confidentCandidate(s)).toBeNull();
    const dates = [dateCell(20000), dateCell(20001)];
    expect(suggestColumns('合作开始', dates, accounts)[0]).toMatchObject({ why: 'values' });
  });

  test('script columns and columns already present are never offered', () => {
    const open = accounts.filter((c) => c.key !== 'owner_email');
    expect(suggestColumns('Owner Emial', [], open).map((c) => c.key)).not.toContain('owner_email');
    expect(suggestColumns('Revenue 12m', [], accounts)).toEqual([]);
  });

  test('a sheet is suggested by its name or by two or more of its headers', () => {
    const counts = new Map([
      [sheetDef('accounts'), 3],
      [sheetDef('transactions'), 1],
    ]);
    const s = suggestSheets('台账', counts);
    expect(s.map((c) => [c.key, c.score])).toEqual([['accounts', 0.9]]);
    expect(suggestSheets('客戶資料', new Map([[sheetDef('contacts'), 0]]))).toEqual([]);
    expect(suggestSheets('客戶信息', new Map([[sheetDef('accounts'), 0]]))[0]).toMatchObject({
      key: 'accounts',
      score: 0.9,
    });
  });

  test('a confident candidate reaches the threshold and is clearly ahead of the next', () => {
    const c = (key: string, score: number) => ({
      key,
      en: key,
      zh: key,
      score,
      why: 'alias' as const,
    });
    expect(confidentCandidate([c('a', 0.9), c('b', 0.6)])?.key).toBe('a');
    expect(confidentCandidate([c('a', 0.9), c('b', 0.9)])).toBeNull();
    expect(confidentCandidate([c('a', 0.9), c('b', 0.85)])).toBeNull();
    expect(confidentCandidate([c('b', 0.8), c('a', 0.95)])?.key).toBe('a');
    expect(confidentCandidate([c('a', 0.75)])).toBeNull();
  });
});
