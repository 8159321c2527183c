import { createGas } from './index';

describe('Ui', () => {
  // https://developers.google.com/apps-script/reference/base/menu
  it('records menus built with createMenu / addItem / addSeparator / addSubMenu / addToUi', () => {
    const { globals, control } = createGas();
    const ui = globals.SpreadsheetApp.getUi();
    ui.createMenu('KAM')
      .addItem('Refresh', 'refresh')
      .addSeparator()
      .addSubMenu(ui.createMenu('Setup').addItem('Set up workbook', 'setUpWorkbook'))
      .addToUi();
    expect(control.menus).toEqual([
      {
        title: 'KAM',
        items: [
          { caption: 'Refresh', functionName: 'refresh' },
          { separator: true },
          {
            subMenu: {
              title: 'Setup',
              items: [{ caption: 'Set up workbook', functionName: 'setUpWorkbook' }],
            },
          },
        ],
      },
    ]);
  });

  // https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)
  it('records alerts and answers with the configured button', () => {
    const { globals, control } = createGas();
    const ui = globals.SpreadsheetApp.getUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Send?', 'Send 3 reminders?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    control.alertResponse = ui.Button.NO as unknown as 'NO';
    expect(ui.alert('Send?', 'again', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(control.alerts).toEqual([
      { title: null, prompt: 'Done', buttons: 'OK' },
      { title: 'Send?', prompt: 'Send 3 reminders?', buttons: 'YES_NO' },
      { title: 'Send?', prompt: 'again', buttons: 'YES_NO' },
    ]);
    control.promptResponse = { text: 'Acme', button: 'OK' };
    const answer = ui.prompt('Account name?');
    expect(answer.getResponseText()).toBe('Acme');
    expect(answer.getSelectedButton()).toBe(ui.Button.OK);
  });

  // https://developers.google.com/apps-script/reference/base/ui#alert(String)
  // "This method suspends the server-side script while the dialog is open." A lock held then
  // makes every other run (triggers, sidebars) wait for the user's click.
  it('records the locks an execution holds while an alert or prompt is open', () => {
    const { globals, control } = createGas();
    const ui = globals.SpreadsheetApp.getUi();
    const lock = globals.LockService.getDocumentLock();
    lock.waitLock(1000);
    ui.alert('held');
    ui.prompt('held too');
    lock.releaseLock();
    ui.alert('free');
    expect(control.alerts.map((a) => a.heldLocks)).toEqual([['document'], undefined]);
    expect(control.prompts[0].heldLocks).toEqual(['document']);
  });

  it('records sidebars and dialogs with their HTML and title', () => {
    const { globals, control } = createGas();
    const ui = globals.SpreadsheetApp.getUi();
    const html = globals.HtmlService.createHtmlOutput('<p>Hello</p>').setTitle('KAM').setWidth(320);
    ui.showSidebar(html);
    ui.showModalDialog(globals.HtmlService.createHtmlOutput('<b>x</b>').setHeight(200), 'Dialog');
    expect(control.sidebars[0]).toMatchObject({
      title: 'KAM',
      content: '<p>Hello</p>',
      width: 320,
    });
    expect(control.dialogs[0]).toMatchObject({
      title: 'Dialog',
      content: '<b>x</b>',
      height: 200,
      modal: true,
    });
  });
});

describe('HtmlService', () => {
  const files = {
    Sidebar:
      '<h1><?= title ?></h1><?!= include("Style") ?><p><?= account.tiers[1] ?> <?= fmt(n, \'x\') ?></p>',
    Loop: '<? for (var i = 0; i < 2; i++) { ?>x<? } ?>',
    'Style.html': '<style>b{}</style>',
  };

  it('createHtmlOutputFromFile reads the project files', () => {
    const { globals } = createGas({ htmlFiles: files });
    expect(globals.HtmlService.createHtmlOutputFromFile('Style').getContent()).toBe(
      '<style>b{}</style>',
    );
    expect(globals.HtmlService.createHtmlOutputFromFile('Style.html').getContent()).toBe(
      '<style>b{}</style>',
    );
    expect(() => globals.HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  // https://developers.google.com/apps-script/guides/html/templates — <?= ?> escapes, <?!= ?>
  // does not; template variables are properties set on the template; global functions (such as
  // an include() helper) are callable. The fake evaluates no code, so <? ?> is refused.
  it('evaluates printing and force-printing scriptlets', () => {
    const { globals } = createGas({ htmlFiles: files });
    const g = globalThis as Record<string, unknown>;
    g.include = (name: string) => globals.HtmlService.createHtmlOutputFromFile(name).getContent();
    try {
      const template = globals.HtmlService.createTemplateFromFile('Sidebar');
      template.title = '<KAM & co>';
      template.account = { tiers: ['A', 'B'] };
      template.n = 2;
      template.fmt = (n: number, unit: string) => `${n}${unit}`;
      expect(template.evaluate().getContent()).toBe(
        '<h1>&lt;KAM &amp; co&gt;</h1><style>b{}</style><p>B 2x</p>',
      );
      expect(() => globals.HtmlService.createTemplateFromFile('Loop').evaluate()).toThrow(
        'fake HtmlTemplate: <? code ?> scriptlets are not supported',
      );
    } finally {
      delete g.include;
    }
  });

  it('output setters chain and are readable', () => {
    const { globals } = createGas();
    const out = globals.HtmlService.createHtmlOutput('a')
      .append('b')
      .setTitle('T')
      .setSandboxMode(globals.HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(globals.HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getContent()).toBe('ab');
    expect(out.getTitle()).toBe('T');
  });
});

describe('Logger', () => {
  it('captures lines, with %s placeholders', () => {
    const { globals, control } = createGas();
    globals.Logger.log('refreshed %s rows in %s', 12, 'Accounts');
    globals.Logger.log({ a: 1 });
    expect(control.logs).toEqual(['refreshed 12 rows in Accounts', '{"a":1}']);
    expect(globals.Logger.getLog()).toBe('refreshed 12 rows in Accounts\n{"a":1}');
  });
});
