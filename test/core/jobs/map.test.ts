import { applyMapping, planMapping } from '../../../src/core/jobs/map';
import type { WorkbookStore } from '../../../src/core/ports/workbook';
import type { CellValue, Grid } from '../../../src/core/values/cell';

/** An in-memory store with the writes kam map makes (create, write, append). */
function store(sheets: Record<string, CellValue[][]>): WorkbookStore {
  return {
    sheetNames: () => Object.keys(sheets),
    readSheet: (name: string) => sheets[name] ?? [],
    createSheet: (name: string) => void (sheets[name] = []),
    writeRange: (name: string, row: number, col: number, values: Grid) =>
      values.forEach((v, r) =>
        v.forEach((x, c) => {
          const target = (sheets[name][row - 1 + r] ??= []);
          target[col - 1 + c] = x;
        }),
      ),
    appendRows: (name: string, rows: Grid) => sheets[name].push(...rows.map((r) => [...r])),
    locale: () => 'zh_CN',
  } as unknown as WorkbookStore;
}

describe('kam map planning and saving', () => {
  it('maps a sheet, then its headers, in one plan; writes only Column Map', () => {
    const sheets: Record<string, CellValue[][]> = {
      台账: [
        ['客戶編號', '公司名称', '负责人电子邮件', '合作开始时间'],
        ['C1', '华为', 'a@example.com', null],
      ],
    };
    const s = store(sheets);
    const plan = planMapping(s);
    expect(plan.rows.map((r) => [r.sheet, r.header, r.mapsTo])).toEqual([
      ['台账', '', 'accounts'],
      ['台账', '客戶編號', 'account_id'],
      ['台账', '负责人电子邮件', 'owner_email'],
    ]);
    expect(plan.left.map((l) => l.header)).toEqual([]);
    const before = JSON.stringify(sheets['台账']);
    expect(applyMapping(s, plan.rows, 'zh-CN', 'kam map')).toBe('列映射');
    expect(JSON.stringify(sheets['台账'])).toBe(before);
    expect(sheets['列映射']).toEqual([
      ['工作表', '表头', '对应', '备注'],
      ['台账', null, 'accounts', 'kam map'],
      ['台账', '客戶編號', 'account_id', 'kam map'],
      ['台账', '负责人电子邮件', 'owner_email', 'kam map'],
    ]);
    // Mapped: nothing is left to suggest.
    expect(planMapping(s).rows).toEqual([]);
  });

  it('appends under the columns of a Column Map the team laid out in its own order', () => {
    const sheets: Record<string, CellValue[][]> = {
      Clients2: [['Client ID', 'Company Name', 'Owner', 'Sector']],
      'Column Map': [['Note', 'Maps To', 'Sheet', 'Header']],
    };
    const s = store(sheets);
    const plan = planMapping(s);
    applyMapping(s, plan.rows, 'en', 'auto');
    expect(sheets['Column Map'].slice(1)).toEqual([['auto', 'accounts', 'Clients2', null]]);
  });
});
