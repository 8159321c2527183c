import { UiHarness, type OpenedView } from './harness';
import { sheetName } from './workbook';

/**
 * The Map columns dialog in headless Chromium: a team's accounts sheet under its own name, with
 * a Traditional-Chinese header. The dialog lists the sheet and the header with the confident
 * choices preselected, saving appends them to Column Map, and the refresh then reads the sheet.
 */
const ui = new UiHarness();

beforeAll(async () => {
  await ui.start();
}, 60_000);

afterAll(async () => {
  await ui.stop();
});

describe('Map columns dialog (zh-CN)', () => {
  let view: OpenedView;

  beforeAll(async () => {
    const { control } = ui.workbook('zh-CN');
    const accounts = control.sheet(sheetName('accounts', 'zh-CN'));
    const head = accounts.getRange(1, 1, 1, accounts.getLastColumn()).getValues()[0];
    accounts.getRange(1, head.indexOf('客户编号') + 1).setValue('客戶編號');
    accounts.getRange(1, head.indexOf('客户名称') + 1).setValue('企業名稱');
    accounts.setName('台账');
    view = await ui.open('kamOpenMapColumns', 'dialog');
    await view.page.waitForSelector('#map-form');
  });

  afterAll(async () => {
    const origin = ui.server.origin;
    expect(view.requests.filter((u) => !u.startsWith(origin))).toEqual([]);
    expect(view.dialogs).toEqual([]);
    expect(view.errors).toEqual([]);
    await view.page.close();
  });

  it('lists the sheet and its headers with the confident choice preselected', async () => {
    const { page } = view;
    const rows = await page.$$eval('#map-form tbody tr', (trs) =>
      trs.map((tr) => {
        const cells = tr.querySelectorAll('td');
        const s = tr.querySelector('select') as unknown as { value: string };
        return [cells[0].textContent, cells[1].textContent, s.value];
      }),
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        ['台账', '（整个工作表）', 'accounts'],
        ['台账', '客戶編號', 'account_id'],
      ]),
    );
    expect(await page.textContent('h1')).toBe('映射列');
  });

  it('saving appends the chosen rows to Column Map, and the refresh then reads the sheet', async () => {
    const { page } = view;
    // The person settles what was not sure: 企業名稱 is the account name.
    const nameSelect = page.locator('select[data-header="企業名稱"]');
    await nameSelect.selectOption('account_name');
    await page.click('#map-save');
    await ui.settle(page);
    expect(await page.textContent('#status')).toMatch(/已在列映射中保存 \d+ 行/);
    const map = ui.bundle!.control.sheetValues('列映射');
    expect(map[0]).toEqual(['工作表', '表头', '对应', '备注']);
    expect(map.slice(1).map((r) => r.slice(0, 3))).toEqual(
      expect.arrayContaining([
        ['台账', '', 'accounts'],
        ['台账', '客戶編號', 'account_id'],
        ['台账', '企業名稱', 'account_name'],
      ]),
    );
    ui.bundle!.call('kamRefreshScores');
    const summary = ui.bundle!.control.sheetValues('汇总');
    expect(summary.length).toBeGreaterThan(1);
    expect(await page.locator('#map-nothing').count()).toBe(1);
  });
});
