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
    en: 'The refresh stopped before writing anything because it would run past {minutes} minutes. It will finish in the next run (scheduled in a minute).',
    zh: '刷新在写入任何内容前停止，因为将超过 {minutes} 分钟。下一次运行（一分钟后）会完成刷新。',
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
