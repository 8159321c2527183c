import type { Locale } from '../core/i18n/locale';
import { message, type MessageKey } from '../core/i18n/messages';
import type { CommandMenu } from '../core/ports/automation';

/** Menu items in order; `null` is a separator. Only capabilities that exist are listed. */
export const MENU_ITEMS: readonly ([MessageKey, string] | null)[] = [
  ['menu_setup', 'kamSetupWorkbook'],
  ['menu_map', 'kamOpenMapColumns'],
  ['menu_fill_ids', 'kamFillAccountIds'],
  ['menu_refresh', 'kamRefreshScores'],
  ['menu_dashboard', 'kamRebuildDashboard'],
  ['menu_load_bigquery', 'kamLoadToBigQuery'],
  null,
  ['menu_send', 'kamSendReminders'],
  ['menu_preview', 'kamPreviewReminders'],
  ['menu_test', 'kamSendTestDigest'],
  ['menu_test_manager', 'kamSendTestManagerDigest'],
  null,
  ['menu_automation_on', 'kamAutomationOn'],
  ['menu_automation_off', 'kamAutomationOff'],
  null,
  ['menu_account360', 'kamOpenAccount360'],
  ['menu_board', 'kamOpenActionBoard'],
  ['menu_settings', 'kamOpenSettings'],
];

/**
 * Builds the Key Accounts / 大客户管理 menu in the workbook's language. The last item shows
 * whether automation is on and how its last run went; choosing it opens the full status.
 */
export function buildMenu(locale: Locale, status: string | null = null): void {
  const menu = SpreadsheetApp.getUi().createMenu(message('menu_title', locale));
  for (const item of MENU_ITEMS) {
    if (item === null) menu.addSeparator();
    else menu.addItem(message(item[0], locale), item[1]);
  }
  menu.addItem(status ?? message('menu_automation_status', locale), 'kamAutomationStatus');
  menu.addToUi();
}

/** The CommandMenu port: the Key Accounts menu. */
export const GAS_MENU: CommandMenu = { show: (locale, status) => buildMenu(locale, status) };
