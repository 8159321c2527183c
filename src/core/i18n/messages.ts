import { translate, type Bilingual, type Locale } from './locale';

/** Every text the menu, toasts and alerts show, in both languages. `{x}` are parameters. */
export const MESSAGES = {
  menu_title: { en: 'Key Accounts', zh: '大客户管理' },
  menu_setup: { en: 'Set up workbook', zh: '初始化工作簿' },
  menu_map: { en: 'Map columns', zh: '映射列' },
  menu_fill_ids: { en: 'Fill missing account IDs', zh: '补全客户编号' },
  menu_refresh: { en: 'Refresh scores', zh: '刷新评分' },
  menu_send: { en: 'Send reminders now', zh: '立即发送提醒' },
  menu_preview: { en: 'Preview reminders', zh: '预览提醒' },
  menu_test: { en: 'Send me a test digest', zh: '给我发送测试摘要' },
  menu_automation_on: { en: 'Turn on daily automation', zh: '开启每日自动化' },
  menu_automation_off: { en: 'Turn off daily automation', zh: '关闭每日自动化' },
  menu_automation_status: { en: 'Automation status…', zh: '自动化状态…' },
  menu_dashboard: { en: 'Rebuild dashboard', zh: '重建仪表板' },
  menu_account360: { en: 'Account 360', zh: '客户360视图' },
  menu_board: { en: 'Action board', zh: '行动看板' },
  menu_settings: { en: 'Settings', zh: '设置' },
  fill_ids_done: {
    en: '{count} missing account IDs filled in (KA-0001…); each is logged in Change Log.',
    zh: '已补全 {count} 个缺少的客户编号（KA-0001…），每个都记录在修改记录中。',
  },
  setup_done: {
    en: 'Workbook ready: {created} sheets created, {columns} columns and {settings} settings added.',
    zh: '工作簿已就绪：新建 {created} 个工作表，新增 {columns} 列和 {settings} 个设置项。',
  },
  setup_unchanged: {
    en: 'Workbook already set up: nothing to add.',
    zh: '工作簿已初始化，无需添加任何内容。',
  },
  refresh_start: { en: 'Refreshing scores…', zh: '正在刷新评分…' },
  refresh_done: {
    en: 'Refreshed {accounts} accounts · {issues} data issues',
    zh: '已刷新 {accounts} 个客户 · {issues} 个数据问题',
  },
  refresh_budget: {
    en: 'The refresh stopped before writing anything because it would run past {minutes} minutes.',
    zh: '刷新在写入任何内容前停止，因为将超过 {minutes} 分钟。',
  },
  refresh_budget_partial: {
    en: 'The refresh stopped after updating {sheets} because it would run past {minutes} minutes; the other sheets keep their previous contents.',
    zh: '刷新在更新「{sheets}」后停止，因为将超过 {minutes} 分钟；其他工作表保持原样。',
  },
  refresh_continues: {
    en: 'It continues in a new run in a minute (run {run} of at most {max} today).',
    zh: '一分钟后将在新的运行中继续（今天第 {run} 次，最多 {max} 次）。',
  },
  refresh_gave_up: {
    en: "That was run {max} of {max} today, so it stops until the next nightly refresh and leaves the daily trigger time to the reminders. The workbook is too big to refresh within Apps Script's 6 minutes: lower history_retention_days or analysis_window_months in Settings, or move old transactions and interactions to another spreadsheet, then choose Refresh scores.",
    zh: '这是今天第 {max} 次（最多 {max} 次），因此停止到下一次夜间刷新，把每日触发器时间留给提醒。工作簿太大，无法在 Apps Script 的 6 分钟内完成刷新：请在设置中调低 history_retention_days 或 analysis_window_months，或把旧的交易和互动记录移到另一个电子表格，然后选择“刷新评分”。',
  },
  refresh_status_continuing: {
    en: 'refresh ran out of time (run {run} of {max}); continuing in a minute',
    zh: '刷新超时（第 {run} 次，最多 {max} 次）；一分钟后继续',
  },
  refresh_status_gave_up: {
    en: 'refresh ran out of time {max} times today and stopped: see Data Issues',
    zh: '刷新今天已超时 {max} 次并停止：请查看数据问题',
  },
  cell_limit_write: {
    en: 'Sheet "{sheet}" could not grow by {rows} rows: the workbook is at Google Sheets\' 10,000,000-cell limit, so nothing more was written to it. Delete the empty rows and columns of your largest sheets, or move old rows to another spreadsheet, then run this again.',
    zh: '工作表「{sheet}」无法再增加 {rows} 行：工作簿已达 Google 表格 1000 万单元格上限，因此没有再写入。请删除最大的几个工作表中的空行和空列，或把旧数据移到另一个电子表格，然后重新运行。',
  },
  change_log_full: {
    en: "This change was not written to the Change Log: the workbook is at Google Sheets' 10,000,000-cell limit, so the log cannot grow. Delete the empty rows and columns of your largest sheets, or move old rows to another spreadsheet.",
    zh: '此修改未能写入修改记录：工作簿已达 Google 表格 1000 万单元格上限，修改记录无法再增加行。请删除最大的几个工作表中的空行和空列，或把旧数据移到另一个电子表格。',
  },
  busy: {
    en: 'Another run is updating this workbook. Try again in a minute.',
    zh: '另一个任务正在更新此工作簿，请一分钟后再试。',
  },
  sheet_missing: {
    en: 'Sheet "{name}" is missing. {setup}',
    zh: '缺少工作表「{name}」。{setup}',
  },
  accounts_unrecognised: {
    en: 'No accounts sheet recognised: "{sheet}" looks like accounts. To map it, {map}',
    zh: '未识别到客户表：「{sheet}」看起来是客户表。映射方法：{map}',
  },
  broken_header: {
    en: 'Sheet "{sheet}": {problem}',
    zh: '工作表「{sheet}」：{problem}',
  },
  error_generic: {
    en: 'Something went wrong: {message}. The run may have stopped part-way: run it again to finish (nothing is sent or written twice). Details: Extensions → Apps Script → Executions.',
    zh: '出错了：{message}。运行可能中途停止：请再运行一次以完成（不会重复发送或写入）。详情见 扩展程序 → Apps Script → 执行记录。',
  },
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

export function message(
  key: MessageKey,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return translate(MESSAGES, key, locale, params);
}

/** Thousands separators that read the same in both languages: 1,204. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
