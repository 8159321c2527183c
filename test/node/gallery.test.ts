/**
 * A gallery of team workbooks as KAM guides lay them out (Chinese and English, keyed by company
 * name, WPS full-width punctuation, Traditional characters, extra note columns, units in
 * headers). Each starts "not recognised" (the refresh stops and says why), and reaches a correct
 * refresh with `kam map --apply` plus at most the Column Map rows counted here, added by hand.
 * The commands run in-process (the same functions `kam` calls) to keep this fast.
 */
import { join } from 'node:path';
import { writeXlsx } from '../support/workbook-spec';
import { parseIsoDay, type Day } from '../../src/core/calendar/day';
import { initCommand } from '../../src/node/cli/commands/init';
import { mapCommand } from '../../src/node/cli/commands/map';
import { refreshCommand } from '../../src/node/cli/commands/refresh';
import type { CommandContext } from '../../src/node/cli/context';
import { CliError } from '../../src/node/cli/messages';
import { readBook, sheetRows, tempDir, TODAY } from './helpers';

type Row = (string | number | Date | null)[];
interface Gallery {
  readonly title: string;
  readonly lang: 'en' | 'zh-CN';
  readonly sheets: Record<string, Row[]>;
  /** Column Map rows a person adds by hand after `kam map --apply` (sheet, header, maps_to). */
  readonly byHand: [string, string, string][];
  /** account_id → revenue_12m expected in the summary. */
  readonly revenue: Record<string, number>;
  /** account_id → overdue actions, where the gallery has an action plan. */
  readonly overdue?: Record<string, number>;
  /** Merged title cells, by sheet (A1 ranges). */
  readonly merges?: Record<string, string>;
  /** Headers that must still be there, untouched, after everything. */
  readonly kept: Record<string, string[]>;
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const GALLERY: Gallery[] = [
  {
    title: 'Chinese ledger: Traditional headers, a WPS full-width email header, 金额（元）',
    lang: 'zh-CN',
    sheets: {
      台账2025: [
        ['客戶編號', '公司名称', 'ＫＡＭ邮箱', '行業', '备注说明'],
        ['C001', '华为', 'zs@example.com', '通信', '老客户'],
        ['C002', '美的', 'ls@example.com', '家电', null],
      ],
      流水: [
        ['成交日期', '客户代码', '金额（元）'],
        [day('2025-10-01'), 'C001', 1000],
        [day('2025-09-01'), 'C002', 500],
        [day('2025-08-01'), 'C001', 250],
      ],
    },
    byHand: [],
    revenue: { C001: 1250, C002: 500 },
    kept: { 台账2025: ['客戶編號', '备注说明'] },
  },
  {
    title: 'English master list with note columns',
    lang: 'en',
    sheets: {
      'KA Master FY25': [
        ['Client ID', 'Company Name', 'Account Manager', 'Sector', 'Notes (internal)', 'Last call'],
        ['K-1', 'Acme Ltd', 'ann@example.com', 'Retail', 'VIP', 'Oct'],
        ['K-2', 'Globex', 'bob@example.com', 'Energy', null, null],
      ],
      'Sales Log 2025': [
        ['Order Date', 'Client ID', 'Product', 'Revenue', 'Remark'],
        [day('2025-06-30'), 'K-1', 'Widgets', 300, 'paid'],
        [day('2025-07-15'), 'K-2', 'Gears', 700, null],
      ],
    },
    byHand: [],
    revenue: { 'K-1': 300, 'K-2': 700 },
    kept: { 'KA Master FY25': ['Notes (internal)', 'Last call'] },
  },
  {
    title: 'Chinese key-customer list keyed by company name, no ID column',
    lang: 'zh-CN',
    sheets: {
      重点客户名录: [
        ['序号', '公司名称', '所属行业', '区域', '客户经理邮箱'],
        [1, '海尔集团', '家电', '华东', 'wang@example.com'],
        [2, '比亚迪', '汽车', '华南', 'li@example.com'],
      ],
      回款明细: [
        ['日期', '公司名称', '成交金额', '备注'],
        [day('2025-03-01'), '海尔集团', 800, null],
        [day('2025-04-01'), '比亚迪', 1200, null],
        [day('2025-05-01'), '比亚迪', 300, null],
      ],
    },
    byHand: [],
    revenue: { 海尔集团: 800, 比亚迪: 1500 },
    kept: { 重点客户名录: ['序号', '公司名称'] },
  },
  {
    title: 'WPS export: full-width brackets and colons in sheet and header names',
    lang: 'zh-CN',
    sheets: {
      '客户名单（2025版）': [
        ['客户编号（ID）', '客户名称：', '负责人　邮箱', '地区'],
        ['A01', '格力', 'zhao@example.com', '华南'],
      ],
      '交易记录（2025）': [
        ['交易日期：', '客户编号（ID）', '金额（万元）'],
        [day('2025-02-02'), 'A01', 12],
      ],
    },
    byHand: [],
    revenue: { A01: 12 },
    kept: {},
  },
  {
    title: 'English CRM export with spelling slips',
    lang: 'en',
    sheets: {
      'Accts export': [
        ['Acount ID', 'Acount Name', 'Owner Emial', 'Regoin'],
        ['X1', 'Initech', 'pm@example.com', 'EMEA'],
      ],
      'Transactons export': [
        ['Date', 'Acount ID', 'Ammount', 'Currency'],
        [day('2025-09-09'), 'X1', 42, 'CNY'],
      ],
    },
    byHand: [],
    revenue: { X1: 42 },
    kept: {},
  },
  {
    title: 'Chinese to-do list whose 日期 could be start or due: one row by hand',
    lang: 'zh-CN',
    sheets: {
      我的客户: [
        ['客户代码', '客户全称', '负责人邮箱'],
        ['M1', '联想', 'chen@example.com'],
      ],
      成交: [
        ['下单日期', '客户代码', '销售额'],
        [day('2025-10-10'), 'M1', 66],
      ],
      待办事项: [
        ['事项', '客户代码', '日期', '执行人'],
        ['续约谈判', 'M1', day('2025-11-01'), 'chen@example.com'],
      ],
    },
    byHand: [['待办事项', '日期', 'due_date']],
    revenue: { M1: 66 },
    overdue: { M1: 1 },
    kept: { 待办事项: ['日期'] },
  },
  {
    title: 'English sheet whose owner column is only recognisable by its emails: one row by hand',
    lang: 'en',
    sheets: {
      Sheet1: [
        ['Account ID', 'Account Name', 'Contact', 'Region'],
        ['B7', 'Umbrella', 'kim@example.com', 'APAC'],
        ['B8', 'Stark', 'kim@example.com', 'EMEA'],
      ],
      Sheet2: [
        ['Date', 'Account ID', 'Amount', 'Product'],
        [day('2025-01-20'), 'B7', 99, 'Kit'],
      ],
    },
    byHand: [['Sheet1', 'Contact', 'owner_email']],
    revenue: { B7: 99, B8: 0 },
    kept: { Sheet1: ['Contact'] },
  },
  {
    title: 'Traditional-Chinese workbook from a Taiwan office',
    lang: 'zh-CN',
    sheets: {
      客戶資料: [
        ['客戶編號', '客戶名稱', '負責人郵箱', '地區'],
        ['T1', '台積電', 'lin@example.com', '新竹'],
      ],
      交易紀錄表: [
        ['交易日期', '客戶編號', '金額', '幣種'],
        [day('2025-07-07'), 'T1', 5, 'CNY'],
      ],
    },
    byHand: [],
    revenue: { T1: 5 },
    kept: { 客戶資料: ['客戶編號'] },
  },
  {
    title: 'Chinese register under a merged title row and a blank row (header on row 3)',
    lang: 'zh-CN',
    sheets: {
      '2025年重点客户': [
        ['2025年重点客户名录'],
        [],
        ['客户编号', '客户名称', '负责人邮箱', '行业'],
        ['Z1', '宁德时代', 'xu@example.com', '电池'],
        ['Z2', '小米', 'he@example.com', '电子'],
      ],
      销售明细: [
        ['单位：元'],
        ['日期', '客户编号', '金额'],
        [day('2025-09-30'), 'Z1', 900],
        [day('2025-10-30'), 'Z2', 100],
      ],
    },
    merges: { '2025年重点客户': 'A1:D1' },
    byHand: [],
    revenue: { Z1: 900, Z2: 100 },
    kept: {},
  },
  {
    title: 'English register with a title and a subtitle above the header (header on row 3)',
    lang: 'en',
    sheets: {
      'Register 2025': [
        ['ACME Corp: key account register'],
        ['Confidential, do not forward'],
        ['Customer ID', 'Customer Name', 'Account Manager', 'Territory', 'Comments'],
        ['R1', 'Wayne Ent.', 'al@example.com', 'US', 'renewal Q1'],
      ],
      Sales: [
        ['Order Date', 'Customer ID', 'Total'],
        [day('2025-05-05'), 'R1', 321],
      ],
    },
    merges: { 'Register 2025': 'A1:E1' },
    byHand: [],
    revenue: { R1: 321 },
    kept: {},
  },
];

function context(lang: 'en' | 'zh-CN', lines: string[]): CommandContext {
  const progress = { start: () => undefined, tick: () => undefined, stop: () => undefined };
  return { lang, progress, out: (l) => lines.push(l) };
}

async function addByHand(path: string, rows: readonly [string, string, string][]): Promise<void> {
  if (rows.length === 0) return;
  const wb = await readBook(path);
  const sheet = wb.getWorksheet('列映射') ?? wb.getWorksheet('Column Map');
  if (!sheet) throw new Error('no Column Map sheet');
  for (const r of rows) sheet.addRow([...r, 'by hand']);
  await wb.xlsx.writeFile(path);
}

/** account_id → a column of the summary sheet (found by its key headers). */
async function summary(path: string, column: string): Promise<Record<string, unknown>> {
  const wb = await readBook(path);
  const ws = wb.worksheets.find((w) => {
    const h = (w.getRow(1).values as unknown[]) ?? [];
    return h.includes('snapshot_date') && h.includes('revenue_12m') && w.name !== 'History_';
  });
  if (!ws) throw new Error('no summary sheet');
  const rows = sheetRows(wb, ws.name);
  const head = rows[0] as string[];
  return Object.fromEntries(
    rows.slice(1).map((r) => [String(r[head.indexOf('account_id')]), r[head.indexOf(column)]]),
  );
}

describe('bring your own workbook: the gallery', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const today = parseIsoDay(TODAY) as Day;

  test.each(GALLERY.map((g, i) => [g.title, g, i] as const))('%s', async (_t, g, i) => {
    const path = join(tmp.dir, `gallery-${i}.xlsx`);
    await writeXlsx(path, g.sheets, g.merges);
    const lines: string[] = [];
    const ctx = context(g.lang, lines);

    // Not recognised: the refresh stops with a message naming kam map, never "0 accounts".
    const before = refreshCommand(path, { today }, ctx);
    await expect(before).rejects.toThrow(CliError);
    await expect(before).rejects.toThrow(/kam map|kam init/);

    expect(await mapCommand(path, { apply: true }, ctx)).toBe(0);
    // What is added by hand is what kam map listed as left for the user.
    for (const [, header] of g.byHand)
      expect(lines.some((l) => l.includes(header) && /not sure|无法确定/.test(l))).toBe(true);
    await addByHand(path, g.byHand);
    expect(g.byHand.length).toBeLessThanOrEqual(1);

    lines.length = 0;
    expect(await refreshCommand(path, { today }, ctx)).toBe(0);
    expect(await summary(path, 'revenue_12m')).toEqual(g.revenue);
    if (g.overdue) expect(await summary(path, 'overdue_actions')).toMatchObject(g.overdue);

    // The team's sheets are where they were, under their names, every cell of theirs untouched.
    const wb = await readBook(path);
    for (const [name, rows] of Object.entries(g.sheets)) {
      const now = sheetRows(wb, name);
      rows.forEach((row, r) => expect(Array.from(row, (_, c) => now[r]?.[c] ?? null)).toEqual(row));
    }
    for (const [name, headers] of Object.entries(g.kept))
      for (const h of headers) expect(sheetRows(wb, name)[0]).toContain(h);

    // kam init then adds only what is missing: no sheet of ours beside the team's, no second
    // copy of a column the team has under its own name, and the figures stay the same.
    expect(await initCommand(path, {}, ctx)).toBe(0);
    const after = await readBook(path);
    const names = after.worksheets.map((w) => w.name);
    for (const ours of ['Accounts', '客户', 'Transactions', '交易记录'])
      expect(names).not.toContain(ours);
    for (const [name, rows] of Object.entries(g.sheets)) {
      const width = Math.max(...rows.map((r) => r.length));
      const added = sheetRows(after, name)
        .slice(0, 4)
        .flatMap((r) => (r ?? []).slice(width));
      for (const twin of ['Account ID', '客户编号', 'Account Name', '客户名称', 'Amount', '金额'])
        if (added.includes(twin)) expect([name, twin]).toEqual(['a column the team lacked', twin]);
    }
    expect(await refreshCommand(path, { today }, ctx)).toBe(0);
    expect(await summary(path, 'revenue_12m')).toEqual(g.revenue);
  });
});

describe('kam init --fill-ids on accounts keyed by company name', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const today = parseIsoDay(TODAY) as Day;

  test('adds an ID column, fills blank IDs only, logs each, and the name references keep working', async () => {
    const g = GALLERY.find((x) => x.title.includes('no ID column')) as Gallery;
    const path = join(tmp.dir, 'fill.xlsx');
    await writeXlsx(path, {
      ...g.sheets,
      重点客户名录: [...g.sheets['重点客户名录'], [3, '格力电器', '家电', '华南', null]],
    });
    const lines: string[] = [];
    const ctx = context('zh-CN', lines);
    await mapCommand(path, { apply: true }, ctx);
    expect(await initCommand(path, { fillIds: true }, ctx)).toBe(0);
    expect(lines.at(-1)).toMatch(/已补全 3 个/);

    const wb = await readBook(path);
    const rows = sheetRows(wb, '重点客户名录');
    const at = (rows[0] as string[]).indexOf('客户编号');
    expect(at).toBe(5);
    expect(rows.slice(1).map((r) => r[at])).toEqual(['KA-0001', 'KA-0002', 'KA-0003']);
    // Every cell of the team's is as it was; only the new column was written.
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      [1, '海尔集团', '家电', '华东', 'wang@example.com'],
      [2, '比亚迪', '汽车', '华南', 'li@example.com'],
      [3, '格力电器', '家电', '华南'],
    ]);
    const log = sheetRows(wb, '修改记录');
    expect(log.slice(1).map((r) => [r[2], r[3], r[4], r[5] ?? '', r[6]])).toEqual([
      ['重点客户名录', 'F2', '客户编号', '', 'KA-0001'],
      ['重点客户名录', 'F3', '客户编号', '', 'KA-0002'],
      ['重点客户名录', 'F4', '客户编号', '', 'KA-0003'],
    ]);

    expect(await refreshCommand(path, { today }, ctx)).toBe(0);
    expect(await summary(path, 'revenue_12m')).toEqual({
      'KA-0001': 800,
      'KA-0002': 1500,
      'KA-0003': 0,
    });
    lines.length = 0;
    expect(await initCommand(path, { fillIds: true }, ctx)).toBe(0);
    expect(lines.at(-1)).toMatch(/已补全 0 个/);
  });
});
