import { translate, type Bilingual, type Locale } from '../i18n/locale';

/**
 * Every text the sidebars and the action board show, in both languages. The server sends the
 * texts of the workbook's language with each view, so the HTML holds no language of its own.
 * Column names come from the sheet definitions (schema/sheets.ts), not from here.
 */
export const UI_TEXTS = {
  // ---- common ----
  refresh: { en: 'Refresh', zh: '刷新' },
  loading: { en: 'Loading…', zh: '加载中…' },
  saving: { en: 'Saving…', zh: '正在保存…' },
  close: { en: 'Close', zh: '关闭' },
  all: { en: 'All', zh: '全部' },
  nothing: { en: '—', zh: '—' },
  fix_below: {
    en: 'Fix the fields marked below; nothing was saved.',
    zh: '请修改下方标出的字段；未保存任何内容。',
  },
  overdue: { en: 'Overdue', zh: '已逾期' },
  due_on: { en: 'Due {date}', zh: '{date} 到期' },
  yes: { en: 'Yes', zh: '是' },
  no: { en: 'No', zh: '否' },

  // ---- Account 360 ----
  a360_title: { en: 'Account 360', zh: '客户360视图' },
  a360_hint: {
    en: 'Select a row on Accounts (or on any sheet with an Account ID), then click Refresh. Or open an account by its ID:',
    zh: '在「客户」表（或任何含客户编号的表）中选中一行，然后点击「刷新」；或按客户编号打开：',
  },
  a360_open: { en: 'Open', zh: '打开' },
  a360_not_found: {
    en: 'No account with ID "{id}" in Accounts.',
    zh: '客户表中没有编号为「{id}」的客户。',
  },
  profile: { en: 'Profile', zh: '基本信息' },
  badge_abc: { en: 'ABC', zh: 'ABC' },
  badge_rfm: { en: 'RFM', zh: 'RFM' },
  badge_churn: { en: 'Churn', zh: '流失' },
  badge_credit: { en: 'Credit', zh: '信用' },
  badge_health: { en: 'Health', zh: '健康度' },
  stale: { en: 'Stale', zh: '停滞' },
  due_soon: { en: 'Contact due soon', zh: '即将需要跟进' },
  on_track: { en: 'On track', zh: '正常' },
  days_since: {
    en: '{days} days since the last activity ({date})',
    zh: '距上次活动 {days} 天（{date}）',
  },
  no_activity: { en: 'No activity yet', zh: '尚无活动' },
  revenue_24m: { en: 'Revenue, last 24 months ({currency})', zh: '近24个月收入（{currency}）' },
  revenue_12m: { en: '12 months: {amount}', zh: '近12个月：{amount}' },
  contacts: { en: 'Contacts', zh: '联系人' },
  no_contacts: { en: 'No contacts yet.', zh: '暂无联系人。' },
  influence_of: { en: 'Influence {n}/5', zh: '影响力 {n}/5' },
  interactions: { en: 'Last 10 interactions', zh: '最近10次互动' },
  no_interactions: { en: 'No interactions yet.', zh: '暂无互动记录。' },
  complaint_tag: { en: 'Complaint', zh: '投诉' },
  satisfaction_of: { en: 'Satisfaction {n}/5', zh: '满意度 {n}/5' },
  open_actions: { en: 'Open actions', zh: '未完成行动' },
  no_actions: { en: 'No open actions.', zh: '没有未完成的行动。' },
  mark_done: { en: 'Done', zh: '完成' },
  plan: { en: 'Account plan', zh: '客户计划' },
  no_plan: { en: 'No plan for this account yet.', zh: '该客户暂无客户计划。' },
  log_title: { en: 'Log an interaction', zh: '记录互动' },
  log_submit: { en: 'Log it', zh: '记录' },
  complaint_check: { en: 'This is a complaint', zh: '这是一条投诉' },
  action_title: { en: 'Add an action', zh: '新增行动' },
  action_submit: { en: 'Add action', zh: '添加行动' },
  logged: { en: 'Interaction logged on row {row}.', zh: '已记录互动（第 {row} 行）。' },
  action_added: { en: 'Action added on row {row}.', zh: '已添加行动（第 {row} 行）。' },
  action_done: { en: 'Marked "{task}" as done.', zh: '已将「{task}」标记为完成。' },
  choose: { en: '(choose)', zh: '（请选择）' },

  // ---- action board ----
  board_title: { en: 'Action board', zh: '行动看板' },
  filter_owner: { en: 'Owner', zh: '负责人' },
  filter_account: { en: 'Account', zh: '客户' },
  no_owner: { en: '(no owner)', zh: '（无负责人）' },
  no_account: { en: '(no account)', zh: '（无客户）' },
  move_to: { en: 'Move to…', zh: '移动到…' },
  moved: { en: 'Moved "{task}" to {status}.', zh: '已将「{task}」移到「{status}」。' },
  column_empty: { en: 'No actions', zh: '暂无行动' },
  more_done: {
    en: '{count} older done actions are not shown.',
    zh: '另有 {count} 条较早完成的行动未显示。',
  },
  drag_hint: {
    en: 'Drag a card to another column, or use its "Move to…" list.',
    zh: '把卡片拖到其他列，或使用卡片上的「移动到…」列表。',
  },

  // ---- map columns ----
  map_title: { en: 'Map columns', zh: '映射列' },
  map_intro: {
    en: 'Sheets and headers of yours that are not recognised. Choose what each one is; saving adds rows to the Column Map sheet.',
    zh: '以下是未被识别的工作表和表头。请为每一项选择对应内容；保存后会在「列映射」工作表中添加行。',
  },
  map_col_sheet: { en: 'Sheet', zh: '工作表' },
  map_col_header: { en: 'Header', zh: '表头' },
  map_col_maps_to: { en: 'Maps to', zh: '对应' },
  map_whole_sheet: { en: '(whole sheet)', zh: '（整个工作表）' },
  map_skip: { en: '— decide later —', zh: '— 稍后决定 —' },
  map_ignore: { en: 'ignore (not ours)', zh: 'ignore（不是我们的列）' },
  map_save: { en: 'Save to Column Map', zh: '保存到列映射' },
  map_saved: {
    en: 'Saved {count} rows to Column Map. Run Refresh scores to use them.',
    zh: '已在列映射中保存 {count} 行。请运行 刷新评分 以使用它们。',
  },
  map_nothing: {
    en: 'Every sheet and column is recognised: nothing to map.',
    zh: '所有工作表和列均已识别，无需映射。',
  },
  map_bad: { en: 'Not a valid mapping: {row}', zh: '无效的映射：{row}' },
  map_note: { en: 'added with Map columns', zh: '由 映射列 添加' },

  // ---- settings ----
  settings_title: { en: 'Settings', zh: '设置' },
  settings_save: { en: 'Save settings', zh: '保存设置' },
  settings_saved: { en: 'Saved {count} settings.', zh: '已保存 {count} 项设置。' },
  settings_unchanged: { en: 'Nothing changed.', zh: '没有修改。' },
  setting_absent: {
    en: 'Not in the sheet yet: run Key Accounts → Set up workbook to add it.',
    zh: '表中还没有此项：请运行 大客户管理 → 初始化工作簿 添加。',
  },
  setting_invalid_now: {
    en: 'The sheet holds an invalid value; the default {default} is used.',
    zh: '表中的值无效，当前使用默认值 {default}。',
  },
  rates: { en: 'Exchange rates (to {home})', zh: '汇率（兑 {home}）' },
  group_general: { en: 'Language and currency', zh: '语言与币种' },
  group_scoring: { en: 'Scoring and staleness', zh: '评分与停滞' },
  group_reminders: { en: 'Reminders', zh: '提醒' },
  group_health: { en: 'Health score weights', zh: '健康度权重' },
  lang_auto: { en: 'auto (spreadsheet locale)', zh: 'auto（跟随表格区域设置）' },
  lang_en: { en: 'en (English)', zh: 'en（英文）' },
  lang_zh: { en: 'zh-CN (简体中文)', zh: 'zh-CN（简体中文）' },
  automation: { en: 'Daily automation', zh: '每日自动化' },
  automation_turn_on: { en: 'Turn on', zh: '开启' },
  automation_turn_off: { en: 'Turn off', zh: '关闭' },
  no_settings_sheet: {
    en: 'There is no Settings sheet. Run Key Accounts → Set up workbook.',
    zh: '没有「设置」工作表。请运行 大客户管理 → 初始化工作簿。',
  },

  // ---- validation ----
  err_required: { en: 'Required.', zh: '必填。' },
  err_future: { en: 'The date cannot be in the future.', zh: '日期不能晚于今天。' },
  err_unknown_account: {
    en: 'Account {id} is not in Accounts.',
    zh: '客户编号 {id} 不在客户表中。',
  },
  err_no_sheet: {
    en: 'The {sheet} sheet is missing. Run Key Accounts → Set up workbook.',
    zh: '缺少「{sheet}」工作表。请运行 大客户管理 → 初始化工作簿。',
  },
  err_no_column: {
    en: 'The {sheet} sheet has no "{column}" column. Run Key Accounts → Set up workbook.',
    zh: '「{sheet}」工作表中没有「{column}」列。请运行 大客户管理 → 初始化工作簿。',
  },
  err_changed: {
    en: 'This action changed in the sheet since it was shown. Click Refresh and try again.',
    zh: '该行动在表格中已被修改。请点击「刷新」后重试。',
  },
  err_due_before_start: {
    en: 'The due date is before the start date ({date}).',
    zh: '截止日期早于开始日期（{date}）。',
  },
  err_cutoffs: {
    en: 'abc_cutoff_a must not be above abc_cutoff_b.',
    zh: 'abc_cutoff_a 不能大于 abc_cutoff_b。',
  },
  err_setting_integer: {
    en: 'Enter a whole number from {min} to {max}.',
    zh: '请输入 {min} 到 {max} 之间的整数。',
  },
  err_setting_number: {
    en: 'Enter a number from {min} to {max}.',
    zh: '请输入 {min} 到 {max} 之间的数字。',
  },
  err_setting_language: { en: 'Use auto, en or zh-CN.', zh: '请填写 auto、en 或 zh-CN。' },
  err_setting_currency: {
    en: 'Use a three-letter currency code such as CNY.',
    zh: '请填写三位字母的币种代码，例如 CNY。',
  },
  err_setting_email: {
    en: 'Enter one email address, or leave it blank.',
    zh: '请填写一个邮箱地址，或留空。',
  },
  err_setting_domains: {
    en: 'Comma-separated domains or addresses, such as example.com, boss@gmail.com.',
    zh: '用逗号分隔的域名或邮箱，例如 example.com, boss@gmail.com。',
  },
  err_rate: { en: 'Exchange rate must be a number above 0.', zh: '汇率必须是大于 0 的数字。' },
} satisfies Record<string, Bilingual>;

export type UiKey = keyof typeof UI_TEXTS;

export function uiText(
  key: UiKey,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return translate(UI_TEXTS, key, locale, params);
}

/** The texts of some keys in one language, as sent to the HTML (placeholders left in). */
export function uiLabels(keys: readonly UiKey[], locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = locale === 'zh-CN' ? UI_TEXTS[k].zh : UI_TEXTS[k].en;
  return out;
}

export interface FieldError {
  /** The form field the message belongs to; '' for the form as a whole. */
  readonly field: string;
  readonly message: string;
}

/** A value in the HTML's terms: a code and the label to show for it. */
export interface Choice {
  readonly code: string;
  readonly label: string;
}
