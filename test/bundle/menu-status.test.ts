import { seedReminderBook, shanghaiToday } from '../gas/reminder-book';
import { loadBundle, type LoadedBundle } from './load';

/**
 * The menu's last item says whether automation is on and how the last run went, in the
 * workbook's language: all of it, the last run's summary included.
 */
describe('dist/Code.js: the menu status line', () => {
  /** A workbook set up and filled in; `language` is its Settings `language`. */
  function book(language: string): LoadedBundle {
    const bundle = loadBundle();
    bundle.call('kamSetupWorkbook');
    seedReminderBook(bundle.control, shanghaiToday(new Date()), { settings: { language } });
    return bundle;
  }

  function statusLine(bundle: LoadedBundle): string {
    bundle.call('onOpen', bundle.control.openEvent());
    const item = bundle.control.menus
      .at(-1)!
      .items.find((i) => 'functionName' in i && i.functionName === 'kamAutomationStatus');
    return (item as { caption: string }).caption;
  }

  const AT = String.raw`\d\d-\d\d \d\d:\d\d`;

  it('a Chinese workbook: after the daily reminders, in Chinese', () => {
    const bundle = book('zh-CN');
    bundle.call('kamDailyReminders');
    expect(bundle.control.sentMails).toHaveLength(4);
    expect(statusLine(bundle)).toMatch(new RegExp(`^自动化：已关闭 · 上次运行 ${AT}：已发送 4$`));
  });

  it('a Chinese workbook: after the nightly refresh, in Chinese', () => {
    const bundle = book('zh-CN');
    bundle.call('kamNightlyRefresh');
    expect(statusLine(bundle)).toMatch(
      new RegExp(`^自动化：已关闭 · 上次运行 ${AT}：6 个客户，\\d+ 个数据问题$`),
    );
  });

  it('a Chinese workbook: the status dialog says the same', () => {
    const bundle = book('zh-CN');
    bundle.call('kamNightlyRefresh');
    bundle.call('kamAutomationStatus');
    expect(bundle.control.alerts.at(-1)?.prompt ?? '').toMatch(
      /^自动化：已关闭 · 上次运行 .*：6 个客户，\d+ 个数据问题$/,
    );
  });

  it('a Chinese workbook: a run that found the workbook busy, in Chinese', () => {
    const bundle = book('zh-CN');
    bundle.control.holdDocumentLock();
    bundle.call('kamDailyReminders');
    expect(bundle.control.sentMails).toEqual([]);
    expect(statusLine(bundle)).toMatch(
      new RegExp(
        `^自动化：已关闭 · 上次运行 ${AT} 失败：未运行（工作簿正忙或运行失败，详见执行记录）$`,
      ),
    );
  });

  it('an English workbook keeps its English line', () => {
    const bundle = book('en');
    bundle.call('kamDailyReminders');
    expect(statusLine(bundle)).toMatch(new RegExp(`^Automation: off · last run ${AT}: sent 4$`));
    bundle.call('kamNightlyRefresh');
    expect(statusLine(bundle)).toMatch(
      new RegExp(`^Automation: off · last run ${AT}: 6 accounts, \\d+ data issues$`),
    );
    bundle.control.holdDocumentLock();
    bundle.call('kamNightlyRefresh');
    expect(statusLine(bundle)).toMatch(
      new RegExp(
        `^Automation: off · last run ${AT} FAILED: not run \\(busy or failed, see Executions\\)$`,
      ),
    );
  });
});
