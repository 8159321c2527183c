import { handleRefresh, handleSetup } from '../../src/gas/handlers';
import { fixSystemTime } from '../support/clock';
import { installGas } from './seed';

const NOW = new Date(Date.UTC(2026, 10, 23, 2, 30));

/** A team's own accounts sheet, under a name we do not know, with headers we mostly know. */
function teamBook() {
  const gas = installGas({
    locale: 'zh_CN',
    now: () => new Date(NOW),
    activeUser: 'li@example.com',
  });
  gas.control.setSheetValues('台账', [
    ['编号', '客户全称', '负责人邮箱', '所属行业'],
    ['C1', '华为', 'li@example.com', '通信'],
  ]);
  return gas;
}

const said = (gas: ReturnType<typeof installGas>): string[] => [
  ...gas.control.alerts.map((a) => a.prompt),
  ...gas.control.toasts.map((t) => t.msg),
];

describe('a team workbook in Sheets, before it is mapped', () => {
  fixSystemTime(() => NOW, 'all');

  it('the refresh says which sheet looks like accounts and names the menu, not "0 accounts"', () => {
    const gas = teamBook();
    handleRefresh(true);
    const text = said(gas).join('\n');
    expect(text).toContain('未识别到客户表：「台账」看起来是客户表');
    expect(text).toContain('大客户管理 → 映射列');
    expect(text).not.toMatch(/kam /);
    expect(text).not.toMatch(/0 个客户/);
  });

  it('Set up reports the lookalike and creates no accounts sheet beside it', () => {
    const gas = teamBook();
    handleSetup();
    expect(() => gas.control.sheet('客户')).toThrow(/no sheet named/);
    expect(gas.control.sheetValues('台账')[0]).toEqual([
      '编号',
      '客户全称',
      '负责人邮箱',
      '所属行业',
    ]);
    expect(said(gas).join('\n')).toContain('工作表「台账」看起来是 客户（accounts），但未被识别');
  });
});
