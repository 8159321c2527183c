import { ensureBuilt, entryPoints, loadBundle } from './load';

/**
 * What `clasp push` uploads is dist/Code.js alone: these tests load it as Apps Script would and
 * drive it through the fake — no other test proves the built file works.
 */
describe('dist/Code.js', () => {
  const code = ensureBuilt();

  it('has no import or export statement (Apps Script would fail with "Unexpected token \'export\'")', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('declares every entry point of src/index.ts as a top-level function', () => {
    const names = entryPoints();
    expect(names).toEqual(
      expect.arrayContaining([
        'onOpen',
        'onEdit',
        'kamSetupWorkbook',
        'kamRefreshScores',
        'KAM_ABC',
      ]),
    );
    const bundle = loadBundle();
    for (const name of names) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
      expect(typeof bundle.scope[name]).toBe('function');
    }
  });

  it('keeps the @customfunction JSDoc of each custom function', () => {
    for (const name of entryPoints().filter((n) => /^[A-Z_]+$/.test(n))) {
      expect(code).toMatch(new RegExp(`@customfunction\\s*\\*/\\s*function ${name}\\(`));
    }
  });

  it('onOpen builds the menu in the workbook language, and every item calls a global function', () => {
    for (const [locale, title] of [
      ['en_US', 'Key Accounts'],
      ['zh_CN', '大客户管理'],
    ]) {
      const bundle = loadBundle({ locale });
      bundle.call('onOpen', bundle.control.openEvent());
      const menu = bundle.control.menus.at(-1)!;
      expect(menu.title).toBe(title);
      const items = menu.items.filter((i) => 'functionName' in i && i.functionName) as {
        functionName: string;
      }[];
      expect(items.length).toBeGreaterThan(5);
      for (const item of items) expect(typeof bundle.scope[item.functionName]).toBe('function');
    }
  });

  it('onOpen → menu → Set up workbook creates every sheet against a fake spreadsheet', () => {
    const bundle = loadBundle({ locale: 'zh_CN' });
    bundle.call('onOpen', bundle.control.openEvent());
    const setup = bundle.control.menus
      .at(-1)!
      .items.find((i) => 'caption' in i && i.caption === '初始化工作簿') as {
      functionName: string;
    };
    bundle.call(setup.functionName);
    const names = bundle.control.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(
      expect.arrayContaining([
        '客户',
        '联系人',
        '交易记录',
        '互动记录',
        '行动计划',
        '客户计划',
        '设置',
        '数据问题',
        '提醒记录',
        '修改记录',
        '仪表板',
      ]),
    );
    expect(bundle.control.sheetValues('客户')[0]).toEqual(
      expect.arrayContaining(['客户编号', '客户名称', '负责人邮箱', 'ABC分类']),
    );
    expect(bundle.control.toasts.at(-1)!.msg).toContain('工作簿已就绪');
  });

  it('custom functions run from the bundle', () => {
    const bundle = loadBundle();
    // Shares before each: 0, 100/140, 130/140 → A, A, B; zero revenue → C.
    expect(bundle.call('KAM_ABC', [[100], [30], [10], [0]])).toEqual([['A'], ['A'], ['B'], ['C']]);
    expect(bundle.call('KAM_SEGMENT', 5, 5)).toEqual([['Champions']]);
    expect(bundle.call('KAM_SEGMENT', [[5], [1]], [[5], [1]], 'zh-CN')).toEqual([
      ['重要价值客户'],
      ['沉睡客户'],
    ]);
    const rfm = bundle.call('KAM_RFM', [[1], [30]], [[5], [1]], [[900], [10]]) as unknown[][];
    expect(rfm).toEqual([
      [5, 5, 5, '555', 'champions'],
      [1, 1, 1, '111', 'hibernating'],
    ]);
  });
});

describe('custom functions follow the workbook language', () => {
  it('KAM_SEGMENT without a language uses Settings language over the spreadsheet locale', () => {
    const bundle = loadBundle({ locale: 'en_US' });
    expect(bundle.call('KAM_SEGMENT', 5, 5)).toEqual([['Champions']]);
    bundle.control.setSheetValues('Settings', [
      ['setting', 'value'],
      ['language', 'zh-CN'],
    ]);
    expect(bundle.call('KAM_SEGMENT', 5, 5)).toEqual([['重要价值客户']]);
  });
});
