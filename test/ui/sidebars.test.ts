import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Locale } from '../../src/core/i18n/locale';
import { UiHarness, type OpenedView, type PageGlobals } from './harness';
import { addDays, EVIL_NAME, header, isoOf, sheetName } from './workbook';

/**
 * The sidebars and the action board in headless Chromium: the HTML the built bundle hands to
 * showSidebar/showModalDialog, served from 127.0.0.1 with google.script.run bridged to the
 * bundle's real server functions running on the fake spreadsheet. Each test drives the page as
 * a person would and then checks the fake spreadsheet.
 */

const ui = new UiHarness();

beforeAll(async () => {
  await ui.start();
}, 60_000);

afterAll(async () => {
  await ui.stop();
});

/** Rows of a sheet as stored, keyed by column key through the sheet's header in `locale`. */
function table(
  sheet: Parameters<typeof sheetName>[0],
  keys: string[],
  locale: Locale,
): Record<string, unknown>[] {
  const values = ui.bundle!.control.sheetValues(sheetName(sheet, locale));
  const head = values[0] as string[];
  const names = header(sheet, keys, locale);
  return values
    .slice(1)
    .map((row) => Object.fromEntries(keys.map((k, i) => [k, row[head.indexOf(names[i])]])));
}

function select(locale: Locale, sheet: Parameters<typeof sheetName>[0], a1: string): void {
  ui.bundle!.control.sheet(sheetName(sheet, locale)).getRange(a1).activate();
}

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

/** Nothing went anywhere but the local server, nothing popped up, no script error. */
function expectClean(view: OpenedView): void {
  const origin = ui.server.origin;
  expect(view.requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  expect(view.dialogs).toEqual([]);
  expect(view.errors).toEqual([]);
}

const INTERACTION_KEYS = [
  'date',
  'account_id',
  'type',
  'owner_email',
  'summary',
  'next_step',
  'satisfaction',
  'complaint',
  'complaint_status',
];
const ACTION_KEYS = [
  'task',
  'account_id',
  'owner_email',
  'start_date',
  'due_date',
  'status',
  'completed_date',
  'outcome',
];

describe('Account 360 sidebar (en)', () => {
  const locale: Locale = 'en';
  let view: OpenedView;

  beforeAll(async () => {
    ui.workbook(locale);
    select(locale, 'accounts', 'B2'); // Acme, C001
    view = await ui.open('kamOpenAccount360', 'sidebar');
    await view.page.waitForSelector('#account-name');
  });

  afterAll(async () => {
    expectClean(view);
    await view.page.close();
  });

  it('shows the selected account: profile, badges, 24-month sparkline, contacts, interactions, actions, plan', async () => {
    const { page } = view;
    expect(await text(page, '#account-name')).toBe('Acme Trading Co.');
    expect(await text(page, '#account-id')).toBe('C001');
    const badges = await page
      .locator('#badges [data-badge]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-badge')));
    expect(badges).toEqual(['abc', 'rfm', 'churn', 'credit', 'health', 'activity']);
    expect(await page.getAttribute('[data-badge=abc]', 'data-code')).toBe('A');
    const values = ((await page.getAttribute('#sparkline', 'data-values')) ?? '').split(',');
    expect(values).toHaveLength(24);
    expect(await page.locator('#sparkline rect').count()).toBe(24);
    expect(await page.locator('#contacts li').count()).toBe(3);
    expect(await text(page, '#contacts li')).toContain('Li Wei'); // highest influence first
    expect(await page.locator('#interactions li').count()).toBe(10);
    expect(await text(page, '#interactions li')).toContain('Check-in #12');
    expect(await page.locator('#open-actions li').count()).toBe(2);
    expect(await text(page, '#open-actions li')).toContain('Overdue');
    expect(await text(page, 'h2:has-text("Account plan")')).toContain(ui.today.slice(0, 4));
    expect(await text(page, '#plan')).toContain('Grow share of wallet to 40%');
    expect(await page.locator('#profile-fields dd[data-key=industry]').textContent()).toBe(
      'Machinery',
    );
    // Acme is a group company with one subsidiary, whose HTML name shows as text.
    expect(await page.getAttribute('#group', 'data-group')).toBe('C001');
    expect(await page.locator('#group-members li').count()).toBe(2);
    expect(await page.getAttribute('#group-members li >> nth=0', 'data-current')).toBe('1');
    expect(await text(page, '#group-members li[data-id=C002]')).toContain(EVIL_NAME);
    expect(await text(page, '#group p')).toMatch(/^2 accounts · revenue \(12m\) .* · group ABC A$/);
    expect(await page.locator('#cross-sell').count()).toBe(0); // three accounts: no industry has five
    // The date field defaults to today in the spreadsheet's zone.
    expect(await page.inputValue('#log-form [name=date]')).toBe(ui.today);
    const width = await page.evaluate(
      () => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(300);
    const shot = await ui.screenshot(page, 'account360-en');
    expect(statSync(shot).size).toBeLessThan(200_000); // docs/images keeps a copy for the README
  });

  it('rejects an invalid interaction with messages at the fields and writes nothing', async () => {
    const { page } = view;
    const before = ui.bundle!.control.sheetValues(sheetName('interactions', locale)).length;
    await page.fill('#log-form [name=date]', addDays(ui.today, 3));
    await page.fill('#log-form [name=satisfaction]', '7');
    await page.click('#log-form button[type=submit]');
    await ui.settle(page);
    expect(await text(page, '#log-form [data-field=date] .err')).toBe(
      'The date cannot be in the future.',
    );
    expect(await text(page, '#log-form [data-field=satisfaction] .err')).toBe(
      'Must be between 1 and 5.',
    );
    expect(await page.getAttribute('#log-form [name=satisfaction]', 'aria-invalid')).toBe('true');
    expect(await text(page, '#status')).toContain('nothing was saved');
    expect(ui.bundle!.control.sheetValues(sheetName('interactions', locale))).toHaveLength(before);
  });

  it('logs a valid interaction in one row, formula-safe, and shows it first', async () => {
    const { page } = view;
    const before = ui.bundle!.control.sheetValues(sheetName('interactions', locale)).length;
    await page.selectOption('#log-form [name=type]', 'visit');
    await page.fill('#log-form [name=date]', ui.today);
    await page.fill('#log-form [name=summary]', '=HYPERLINK("http://evil.example","x") <b>met</b>');
    await page.fill('#log-form [name=next_step]', 'Send the contract');
    await page.fill('#log-form [name=satisfaction]', '4');
    await page.check('#log-form [name=complaint]');
    await page.click('#log-form button[type=submit]');
    await ui.settle(page);
    expect(await text(page, '#status')).toBe(`Interaction logged on row ${before + 1}.`);

    const rows = table('interactions', INTERACTION_KEYS, locale);
    expect(rows).toHaveLength(before);
    const last = rows[rows.length - 1];
    expect({ ...last, date: isoOf(last.date) }).toEqual({
      date: ui.today,
      account_id: 'C001',
      type: 'Visit',
      owner_email: 'li@example.com',
      summary: '=HYPERLINK("http://evil.example","x") <b>met</b>',
      next_step: 'Send the contract',
      satisfaction: 4,
      complaint: 'Yes',
      complaint_status: 'Open',
    });
    // Written as text: no formula in the cell.
    const formulas = ui.bundle!.control.sheetFormulas(sheetName('interactions', locale));
    expect(formulas[formulas.length - 1].every((f) => f === '')).toBe(true);

    // The new state: the interaction is first, shown as text, not markup; the form is reset.
    const first = page.locator('#interactions li').first();
    expect(await first.locator('.summary').textContent()).toBe(
      '=HYPERLINK("http://evil.example","x") <b>met</b>',
    );
    expect(await first.locator('.summary b').count()).toBe(0);
    expect(await page.locator('#interactions li').count()).toBe(10);
    expect(await page.inputValue('#log-form [name=summary]')).toBe('');
    expect(await text(page, '#activity')).toContain(`0 days since the last activity (${ui.today})`);
  });

  it('adds an action (invalid first), then marks one done', async () => {
    const { page } = view;
    const before = ui.bundle!.control.sheetValues(sheetName('actions', locale)).length;
    await page.click('#add-action summary');
    await page.fill('#action-form [name=owner_email]', 'not an email');
    await page.fill('#action-form [name=due_date]', addDays(ui.today, -3));
    await page.click('#action-form button[type=submit]');
    await ui.settle(page);
    expect(await text(page, '#action-form [data-field=task] .err')).toBe('Required.');
    expect(await text(page, '#action-form [data-field=owner_email] .err')).toBe(
      'Not a valid email address.',
    );
    expect(await text(page, '#action-form [data-field=due_date] .err')).toContain(
      'before the start date',
    );
    expect(ui.bundle!.control.sheetValues(sheetName('actions', locale))).toHaveLength(before);

    await page.fill('#action-form [name=task]', '@Prepare QBR deck');
    await page.fill('#action-form [name=owner_email]', 'Li@Example.com');
    await page.fill('#action-form [name=due_date]', addDays(ui.today, 7));
    await page.click('#action-form button[type=submit]');
    await ui.settle(page);
    expect(await text(page, '#status')).toBe(`Action added on row ${before + 1}.`);
    let rows = table('actions', ACTION_KEYS, locale);
    const added = rows[rows.length - 1];
    expect({
      ...added,
      start_date: isoOf(added.start_date),
      due_date: isoOf(added.due_date),
    }).toEqual({
      task: '@Prepare QBR deck',
      account_id: 'C001',
      owner_email: 'li@example.com',
      start_date: ui.today,
      due_date: addDays(ui.today, 7),
      status: 'Not started',
      completed_date: '',
      outcome: '',
    });
    expect(await page.locator('#open-actions li').count()).toBe(3);

    // Done on "Send revised quote" (row 2 of Action Plan).
    await page.click('#open-actions li[data-row="2"] button');
    await ui.settle(page);
    expect(await text(page, '#status')).toBe('Marked "Send revised quote" as done.');
    rows = table('actions', ACTION_KEYS, locale);
    expect(rows[0].status).toBe('Done');
    expect(isoOf(rows[0].completed_date)).toBe(ui.today);
    expect(await page.locator('#open-actions li').count()).toBe(2);
  });

  it('refuses to complete an action whose row changed since it was shown', async () => {
    const { page } = view;
    // Someone edits the task text of row 3 in the sheet after the sidebar loaded.
    const sheet = ui.bundle!.control.sheet(sheetName('actions', locale));
    sheet.getRange('A3').setValue('Plan the QBR (moved to Q3)');
    await page.click('#open-actions li[data-row="3"] button');
    await ui.settle(page);
    expect(await text(page, '#status')).toContain('changed in the sheet');
    expect(table('actions', ACTION_KEYS, locale)[1].status).toBe('Not started');
  });

  it('follows the selected row on Refresh, and shows HTML in names as text', async () => {
    const { page } = view;
    select(locale, 'actions', 'C5'); // a row of Action Plan naming C002
    await page.click('#refresh');
    await ui.settle(page);
    expect(await text(page, '#account-name')).toBe(EVIL_NAME);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#interactions .summary').first().textContent()).toBe(
      '<b>not bold</b> & <script>window.__xss=2</script>',
    );
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__xss)).toBeUndefined();

    select(locale, 'settings', 'A2'); // no account here: the hint, and open by ID
    await page.click('#refresh');
    await ui.settle(page);
    expect(await page.locator('#hint').count()).toBe(1);
    await page.fill('#open-id', 'NOPE');
    await page.click('.opener button');
    await ui.settle(page);
    expect(await text(page, '#status')).toBe('No account with ID "NOPE" in Accounts.');
    await page.fill('#open-id', 'C003');
    await page.click('.opener button');
    await ui.settle(page);
    expect(await text(page, '#account-name')).toBe('Gamma Foods');
    expect(await page.locator('#group').count()).toBe(0); // standalone: no group section

    // A member of a group opens from the group list.
    select(locale, 'accounts', 'B3'); // C002
    await page.click('#refresh');
    await ui.settle(page);
    await page.click('#group-members li[data-id=C001] a');
    await ui.settle(page);
    expect(await text(page, '#account-id')).toBe('C001');
  });
});

describe('The server validates again, whatever the page sends', () => {
  let view: OpenedView;
  beforeAll(async () => {
    ui.workbook('en');
    view = await ui.open('kamOpenAccount360', 'sidebar');
    await view.page.waitForSelector('#hint');
  });
  afterAll(async () => {
    expectClean(view);
    await view.page.close();
  });

  /** Calls a server function straight from the page, as a tampered page could. */
  function run(
    page: Page,
    name: string,
    arg: unknown,
  ): Promise<{ ok: boolean; errors: { field: string; message: string }[]; message: string }> {
    return page.evaluate(
      ([n, a]) =>
        new Promise((resolve) => {
          const g = (globalThis as unknown as PageGlobals).google;
          g.script.run.withSuccessHandler(resolve)[n as string](a);
        }),
      [name, arg] as const,
    ) as never;
  }

  it('rejects bad interactions, actions and moves without writing', async () => {
    const control = ui.bundle!.control;
    const before = ['interactions', 'actions'].map((k) =>
      JSON.stringify(control.sheetValues(sheetName(k as 'actions', 'en'))),
    );
    const bad = await run(view.page, 'kamLogInteraction', {
      account_id: 'NOPE',
      date: 'tomorrow',
      type: 'Bogus',
      satisfaction: 9,
      summary: { toString: 1 },
    });
    expect(bad.ok).toBe(false);
    expect(bad.errors.map((e) => e.field).sort()).toEqual([
      'account_id',
      'date',
      'satisfaction',
      'type',
    ]);
    const noTask = await run(view.page, 'kamAddAction', {
      account_id: 'C001',
      task: '   ',
      status: 'Finished',
    });
    expect(noTask.errors.map((e) => e.field).sort()).toEqual(['status', 'task']);
    const wrongRow = await run(view.page, 'kamMoveCard', {
      row: 999,
      task: 'Renew contract',
      status: 'done',
    });
    expect(wrongRow.ok).toBe(false);
    const notAnObject = await run(view.page, 'kamLogInteraction', 'DROP TABLE');
    expect(notAnObject.ok).toBe(false);
    const after = ['interactions', 'actions'].map((k) =>
      JSON.stringify(control.sheetValues(sheetName(k as 'actions', 'en'))),
    );
    expect(after).toEqual(before);
  });

  it('only reaches the functions the script declares', async () => {
    const reply = await view.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const g = (globalThis as unknown as PageGlobals).google;
          g.script.run.withFailureHandler((e) => resolve(e.message)).handleSetup();
        }),
    );
    expect(reply).toContain('Script function not found');
  });
});

describe('Action board dialog (en)', () => {
  const locale: Locale = 'en';
  let view: OpenedView;

  beforeAll(async () => {
    ui.workbook(locale);
    view = await ui.open('kamOpenActionBoard', 'dialog');
    await view.page.waitForSelector('#board');
  });

  afterAll(async () => {
    expectClean(view);
    await view.page.close();
  });

  const rowsIn = (page: Page, status: string): Promise<number[]> =>
    page
      .locator(`section.col[data-status=${status}] article.card`)
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-row'))));

  it('shows the action plan as four columns', async () => {
    const { page } = view;
    const dialog = ui.bundle!.control.dialogs.at(-1)!;
    expect(dialog.title).toBe('Action board');
    expect(dialog.modal).toBe(true);
    const columns = await page.locator('section.col h2 span:first-child').allTextContents();
    expect(columns).toEqual(['Not started', 'In progress', 'Done', 'Blocked']);
    expect(await rowsIn(page, 'not_started')).toEqual([7, 3, 6]); // by due date
    expect(await rowsIn(page, 'in_progress')).toEqual([2]);
    expect(await rowsIn(page, 'done')).toEqual([4]);
    expect(await rowsIn(page, 'blocked')).toEqual([5]);
    expect(await page.locator('article.card[data-row="2"] .overdue').count()).toBe(1);
    expect(await page.locator('article.card[data-row="5"]').textContent()).toContain(EVIL_NAME);
    expect(await page.locator('img').count()).toBe(0);
    await ui.screenshot(page, 'board-en');
  });

  it('filters by owner and by account', async () => {
    const { page } = view;
    await page.selectOption('#filter-owner', 'wang@example.com');
    await ui.settle(page);
    expect(await page.locator('article.card').count()).toBe(2);
    expect(await rowsIn(page, 'not_started')).toEqual([6]);
    await page.selectOption('#filter-owner', '');
    await ui.settle(page);
    await page.selectOption('#filter-account', 'C001');
    await ui.settle(page);
    expect(
      (
        await page
          .locator('article.card')
          .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-row'))))
      ).sort(),
    ).toEqual([2, 3, 4]);
    await page.selectOption('#filter-account', '');
    await ui.settle(page);
    expect(await page.locator('article.card').count()).toBe(6);
  });

  it('moves a card by drag and drop, and by the Move to… list', async () => {
    const { page } = view;
    const control = ui.bundle!.control;
    await page.dragAndDrop('article.card[data-row="6"]', 'section.col[data-status=in_progress]');
    await ui.settle(page);
    expect(await text(page, '#status')).toBe('Moved "Renew contract" to In progress.');
    expect(await rowsIn(page, 'in_progress')).toEqual([2, 6]);
    let rows = table('actions', ACTION_KEYS, locale);
    expect(rows[4].status).toBe('In progress');
    expect(rows[4].completed_date).toBe('');

    await page.selectOption('article.card[data-row="6"] select.move', 'done');
    await ui.settle(page);
    rows = table('actions', ACTION_KEYS, locale);
    expect(rows[4].status).toBe('Done');
    expect(isoOf(rows[4].completed_date)).toBe(ui.today);
    expect(await rowsIn(page, 'done')).toEqual([6, 4]); // newest completion first

    await page.selectOption('article.card[data-row="6"] select.move', 'blocked');
    await ui.settle(page);
    rows = table('actions', ACTION_KEYS, locale);
    expect(rows[4].status).toBe('Blocked');
    expect(rows[4].completed_date).toBe('');
    // Only the status and completed-date cells of that row were written.
    expect(rows.map((r) => r.task)).toEqual([
      'Send revised quote',
      'Plan the QBR',
      'Site visit',
      'Chase overdue invoice',
      'Renew contract',
      'Intro call',
    ]);
    expect(
      control
        .sheetFormulas(sheetName('actions', locale))
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
  });
});

describe('Settings sidebar (en)', () => {
  const locale: Locale = 'en';
  let view: OpenedView;

  beforeAll(async () => {
    ui.workbook(locale);
    view = await ui.open('kamOpenSettings', 'sidebar');
    await view.page.waitForSelector('#settings-form');
  });

  afterAll(async () => {
    expectClean(view);
    await view.page.close();
  });

  const settingsValues = (): unknown[][] =>
    ui.bundle!.control.sheetValues(sheetName('settings', locale));

  it('shows every setting, the exchange rates and the automation status', async () => {
    const { page } = view;
    expect(await page.inputValue('[name=stale_days_a]')).toBe('14');
    expect(await page.inputValue('[name=language]')).toBe('auto');
    expect(await page.inputValue('[name="rate:USD"]')).toBe('7.1');
    expect(await page.locator('.setting').count()).toBeGreaterThanOrEqual(23);
    expect(await page.getAttribute('#automation', 'data-on')).toBe('false');
    expect(await text(page, '#automation-status')).toContain('Automation: off');
    const width = await page.evaluate(
      () => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(300);
    await ui.screenshot(page, 'settings-en', false); // the save bar sticks to the bottom of the sidebar
  });

  it('rejects invalid values at their fields and writes nothing', async () => {
    const { page } = view;
    const before = JSON.stringify(settingsValues());
    await page.fill('[name=stale_days_a]', 'abc');
    await page.fill('[name=abc_cutoff_a]', '0.99');
    await page.fill('[name=escalation_cc]', 'boss at example');
    await page.fill('[name="rate:EUR"]', '-1');
    await page.click('#save');
    await ui.settle(page);
    expect(await text(page, '[data-field=stale_days_a] .err')).toBe(
      'Enter a whole number from 1 to 3650.',
    );
    expect(await text(page, '[data-field=abc_cutoff_a] .err')).toBe(
      'abc_cutoff_a must not be above abc_cutoff_b.',
    );
    expect(await text(page, '[data-field=escalation_cc] .err')).toBe(
      'Enter one email address, or leave it blank.',
    );
    expect(await text(page, '[data-field="rate:EUR"] .err')).toBe(
      'Exchange rate must be a number above 0.',
    );
    expect(JSON.stringify(settingsValues())).toBe(before);
  });

  it('writes only the value cells of changed settings, formula-safe', async () => {
    const { page } = view;
    const before = settingsValues();
    await page.fill('[name=stale_days_a]', '21');
    await page.fill('[name=abc_cutoff_a]', '0.8');
    await page.fill('[name=escalation_cc]', '');
    await page.fill('[name="rate:EUR"]', '7.8');
    await page.fill('[name=reminder_sender_name]', '=IMPORTXML("http://evil.example","//a")');
    await page.fill('[name="rate:USD"]', '7.25');
    await page.click('#save');
    await ui.settle(page);
    expect(await text(page, '#status')).toBe('Saved 3 settings.');
    const after = settingsValues();
    const changed: string[] = [];
    after.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== before[r][c]) changed.push(`${String(before[r][0])}=${String(v)}`);
      }),
    );
    expect(changed.sort()).toEqual([
      'USD=7.25',
      'reminder_sender_name==IMPORTXML("http://evil.example","//a")',
      'stale_days_a=21',
    ]);
    expect(
      ui
        .bundle!.control.sheetFormulas(sheetName('settings', locale))
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    expect(await page.inputValue('[name=stale_days_a]')).toBe('21');
  });

  it('turns automation on and off', async () => {
    const { page } = view;
    const control = ui.bundle!.control;
    await page.click('#automation-toggle');
    await ui.settle(page);
    expect(control.triggers.map((t) => t.handler).sort()).toEqual([
      'kamDailyReminders',
      'kamNightlyRefresh',
    ]);
    expect(await page.getAttribute('#automation', 'data-on')).toBe('true');
    expect(await text(page, '#status')).toContain('Daily automation is on');
    expect(await text(page, '#automation-status')).toContain('Automation: on');
    await page.click('#automation-toggle');
    await ui.settle(page);
    expect(control.triggers).toEqual([]);
    expect(await page.getAttribute('#automation', 'data-on')).toBe('false');
  });

  it('switches the workbook language, and the sidebar and menu follow', async () => {
    const { page } = view;
    await page.selectOption('[name=language]', 'zh-CN');
    await page.click('#save');
    await ui.settle(page);
    expect(await text(page, 'h1')).toBe('设置');
    expect(await text(page, '#status')).toBe('已保存 1 项设置。');
    expect(ui.bundle!.control.menus.at(-1)!.title).toBe('大客户管理');
  });
});

describe('Every view in Chinese (zh-CN)', () => {
  const locale: Locale = 'zh-CN';
  const views: OpenedView[] = [];

  beforeAll(() => {
    ui.workbook(locale);
  });

  afterAll(async () => {
    for (const v of views) {
      expectClean(v);
      await v.page.close();
    }
  });

  it('Account 360: labels, errors and written values in Chinese', async () => {
    select(locale, 'accounts', 'A2');
    const view = await ui.open('kamOpenAccount360', 'sidebar');
    views.push(view);
    const { page } = view;
    await page.waitForSelector('#account-name');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await text(page, '#log summary')).toBe('记录互动');
    expect(await text(page, '[data-badge=churn]')).toContain('活跃');
    expect(await text(page, '#open-actions')).toContain('已逾期');
    expect(statSync(await ui.screenshot(page, 'account360-zh-CN')).size).toBeLessThan(200_000);

    await page.fill('#log-form [name=satisfaction]', '0');
    await page.click('#log-form button[type=submit]');
    await ui.settle(page);
    expect(await text(page, '#log-form [data-field=satisfaction] .err')).toBe(
      '必须在 1 到 5 之间。',
    );

    await page.selectOption('#log-form [name=type]', 'visit');
    await page.fill('#log-form [name=satisfaction]', '5');
    await page.fill('#log-form [name=summary]', '+86 电话确认了交期');
    await page.click('#log-form button[type=submit]');
    await ui.settle(page);
    const rows = table('interactions', INTERACTION_KEYS, locale);
    const last = rows[rows.length - 1];
    expect([last.type, last.summary, last.satisfaction, last.complaint]).toEqual([
      '拜访',
      '+86 电话确认了交期',
      5,
      '',
    ]);
    expect(await text(page, '#status')).toBe(`已记录互动（第 ${rows.length + 1} 行）。`);
  });

  it('Action board: columns and moves in Chinese', async () => {
    const view = await ui.open('kamOpenActionBoard', 'dialog');
    views.push(view);
    const { page } = view;
    await page.waitForSelector('#board');
    expect(await page.locator('section.col h2 span:first-child').allTextContents()).toEqual([
      '未开始',
      '进行中',
      '已完成',
      '受阻',
    ]);
    await ui.screenshot(page, 'board-zh-CN');
    await page.dragAndDrop('article.card[data-row="7"]', 'section.col[data-status=done]');
    await ui.settle(page);
    expect(await text(page, '#status')).toBe('已将「首次电话」移到「已完成」。');
    const rows = table('actions', ACTION_KEYS, locale);
    expect([rows[5].status, isoOf(rows[5].completed_date)]).toEqual(['已完成', ui.today]);
  });

  it('Settings: labels and messages in Chinese', async () => {
    const view = await ui.open('kamOpenSettings', 'sidebar');
    views.push(view);
    const { page } = view;
    await page.waitForSelector('#settings-form');
    expect(await text(page, 'h1')).toBe('设置');
    expect(await text(page, '#automation-status')).toContain('自动化：已关闭');
    await ui.screenshot(page, 'settings-zh-CN', false);
    await page.fill('[name=warning_days]', '五');
    await page.click('#save');
    await ui.settle(page);
    expect(await text(page, '[data-field=warning_days] .err')).toBe('请输入 0 到 365 之间的整数。');
    expect(await text(page, '#status')).toBe('请修改下方标出的字段；未保存任何内容。');
  });
});
