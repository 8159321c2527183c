import type { Bilingual } from '../i18n/locale';

/** Every data problem the script reports, in both languages. `{x}` are parameters. */
export const ISSUE_TEXTS = {
  sheet_missing: {
    en: 'Sheet "{name}" is missing. {setup}',
    zh: '缺少工作表「{name}」。{setup}',
  },
  sheet_duplicate: {
    en: 'Two sheets match "{name}"; using "{used}". Rename or delete the other one.',
    zh: '有两个工作表都对应「{name}」，当前使用「{used}」。请重命名或删除另一个。',
  },
  header_missing: {
    en: 'Required column "{name}" is missing. {setup} Or map one of your headers to it: {map}',
    zh: '缺少必需的列「{name}」。{setup}或把您的某个表头映射到它：{map}',
  },
  header_ambiguous: {
    en: 'Header "{name}" could be {a} or {b}, so it is not read. Say which: {map}',
    zh: '表头「{name}」既可能是「{a}」也可能是「{b}」，因此未读取。请指明：{map}',
  },
  header_unrecognised: {
    en: 'Column "{name}" is not recognised. Did you mean {suggestion}? Map it (or to ignore): {map}',
    zh: '未识别列「{name}」。您是指 {suggestion} 吗？请映射它（或映射为 ignore）：{map}',
  },
  header_not_ours: {
    en: 'Column "{name}" is not one of the columns kam-sheets reads, so it is left alone. If it holds one of ours, map it; if it is your own, map it to ignore and this warning goes away: {map}',
    zh: '列「{name}」不是 kam-sheets 读取的列，因此保持原样、不读取。如果它对应我们的某一列，请映射它；如果是您自己的列，请映射为 ignore，此提示即消失：{map}',
  },
  sheet_unrecognised: {
    en: 'Sheet "{name}" looks like {suggestion} but is not recognised. Map it: {map}',
    zh: '工作表「{name}」看起来是 {suggestion}，但未被识别。请映射它：{map}',
  },
  map_unknown_target: {
    en: '"{target}" is not a column of sheet "{sheet}" nor ignore; this Column Map row is not used.',
    zh: '「{target}」不是工作表「{sheet}」的列，也不是 ignore；列映射中的这一行未被使用。',
  },
  header_duplicate: {
    en: 'Column "{name}" appears twice (columns {first} and {second}); only the first is read. Rename or delete one.',
    zh: '列「{name}」出现了两次（第 {first} 列和第 {second} 列），只读取第一列。请重命名或删除其中一列。',
  },
  required_missing: {
    en: '{name} is required; the row is left out of the figures.',
    zh: '「{name}」为必填项，该行未计入统计。',
  },
  not_a_date: {
    en: 'Not a date. Use a date cell or YYYY-MM-DD.',
    zh: '不是有效日期。请使用日期格式或 YYYY-MM-DD。',
  },
  not_a_number: {
    en: 'Not a number.',
    zh: '不是有效数字。',
  },
  not_an_integer: {
    en: 'Not a whole number.',
    zh: '不是整数。',
  },
  out_of_range: {
    en: 'Must be between {min} and {max}.',
    zh: '必须在 {min} 到 {max} 之间。',
  },
  below_minimum: {
    en: 'Must be at least {min}.',
    zh: '不能小于 {min}。',
  },
  not_an_email: {
    en: 'Not a valid email address.',
    zh: '不是有效的邮箱地址。',
  },
  not_in_list: {
    en: 'Not one of: {options}.',
    zh: '不在可选值中：{options}。',
  },
  not_yes_no: {
    en: 'Use yes or no.',
    zh: '请填写 是 或 否。',
  },
  not_a_birthday: {
    en: 'Not a date. Use YYYY-MM-DD, or MM-DD when the year is unknown.',
    zh: '不是有效日期。请使用 YYYY-MM-DD；年份未知时可写 MM-DD。',
  },
  duplicate_id: {
    en: 'Account ID {id} is used again (first on row {first}); this row is left out.',
    zh: '客户编号 {id} 重复（首次出现在第 {first} 行），该行未计入统计。',
  },
  unknown_account: {
    en: 'Account ID {id} is not in Accounts; the row is left out.',
    zh: '客户编号 {id} 不在客户表中，该行未计入统计。',
  },
  unknown_parent: {
    en: 'Parent account {id} is not in Accounts.',
    zh: '上级客户 {id} 不在客户表中。',
  },
  parent_cycle: {
    en: 'Parent accounts form a cycle: {path}.',
    zh: '上级客户形成了循环：{path}。',
  },
  unknown_currency: {
    en: 'No exchange rate for {currency} in Settings; the row is left out of the figures.',
    zh: '设置中没有 {currency} 的汇率，该行未计入统计。',
  },
  future_date: {
    en: 'Date is in the future; the row is ignored until then.',
    zh: '日期在未来，该行暂不计入。',
  },
  amount_missing: {
    en: 'No amount, and quantity × unit price cannot be computed; the row is left out.',
    zh: '没有金额，也无法用 数量 × 单价 计算，该行未计入统计。',
  },
  unknown_setting: {
    en: 'Unknown setting "{name}"; it is ignored.',
    zh: '未知的设置项「{name}」，已忽略。',
  },
  invalid_setting: {
    en: 'Invalid value for {name}; using the default {default}.',
    zh: '{name} 的值无效，使用默认值 {default}。',
  },
  cutoffs_order: {
    en: 'abc_cutoff_a must not be above abc_cutoff_b; using the defaults 0.8 and 0.95.',
    zh: 'abc_cutoff_a 不能大于 abc_cutoff_b，已使用默认值 0.8 和 0.95。',
  },
  invalid_rate: {
    en: 'Exchange rate must be a number above 0.',
    zh: '汇率必须是大于 0 的数字。',
  },
  owner_missing: {
    en: 'No owner email: this account gets no reminders.',
    zh: '没有负责人邮箱：该客户不会收到提醒。',
  },
  recipient_blocked: {
    en: '{email} is outside allowed_recipient_domains; no reminder was sent to it.',
    zh: '{email} 不在 allowed_recipient_domains 允许的范围内，未向其发送提醒。',
  },
  recycle_candidate: {
    en: 'No activity for {days} days (recycle_after_days = {limit}): eligible for reassignment (公海).',
    zh: '已 {days} 天无活动（recycle_after_days = {limit}）：可重新分配（公海）。',
  },
  cell_limit: {
    en: "The workbook would need {cells} cells, more than Google Sheets' 10,000,000-cell limit, so these sheets were not updated this time: {skipped}. Trim {sheet}{hint}.",
    zh: '工作簿将需要 {cells} 个单元格，超过 Google 表格 1000 万单元格上限，因此本次未更新这些工作表：{skipped}。请精简「{sheet}」{hint}。',
  },
  refresh_time: {
    en: 'The refresh ran out of time in {runs} runs today (Apps Script stops a run at 6 minutes) and stops until the next nightly refresh; the sheets it did not reach keep their previous contents. Make the workbook smaller: lower history_retention_days or analysis_window_months in Settings, or move old transactions and interactions to another spreadsheet; then choose Refresh scores.',
    zh: '刷新今天在 {runs} 次运行中都超时（Apps Script 每次运行最多 6 分钟），将停止到下一次夜间刷新；未写到的工作表保持原样。请缩小工作簿：在设置中调低 history_retention_days 或 analysis_window_months，或把旧的交易和互动记录移到另一个电子表格；然后选择“刷新评分”。',
  },
  cell_budget: {
    en: "The workbook will hold {cells} cells, {percent}% of Google Sheets' 10,000,000-cell limit. Trim {sheet}{hint}.",
    zh: '工作簿将有 {cells} 个单元格，已达 Google 表格 1000 万单元格上限的 {percent}%。请精简「{sheet}」{hint}。',
  },
} satisfies Record<string, Bilingual>;

export type IssueCode = keyof typeof ISSUE_TEXTS;
