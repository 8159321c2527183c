import { translate, type Bilingual, type Locale } from '../core/i18n/locale';

const TEXTS = {
  on: {
    en: 'Daily automation is on: scores refresh at {refresh}:00 and reminders go out at {hour}:00 ({zone}), running as {user}.',
    zh: '每日自动化已开启：每天 {refresh}:00 刷新评分，{hour}:00 发送提醒（{zone}），以 {user} 的身份运行。',
  },
  off: { en: 'Daily automation is off.', zh: '每日自动化已关闭。' },
  already_off: { en: 'Daily automation was already off.', zh: '每日自动化原本就是关闭的。' },
  limit: {
    en: 'Cannot turn on automation: this script already has {count} of the {limit} triggers Apps Script allows per user. Delete unused ones in Extensions → Apps Script → Triggers, then try again.',
    zh: '无法开启自动化：此脚本已有 {count} 个触发器，达到 Apps Script 每位用户 {limit} 个的上限。请在 扩展程序 → Apps Script → 触发器 中删除不用的触发器后重试。',
  },
  owned_by: {
    en: 'Daily automation is already on, run by {user}. Triggers belong to the person who made them, so {user} must turn it off before someone else turns it on.',
    zh: '每日自动化已由 {user} 开启。触发器只属于创建它的人，需先由 {user} 关闭，其他人才能开启。',
  },
  owned_by_off: {
    en: 'Daily automation was turned on by {user}; only {user} can turn it off (Key Accounts → Turn off daily automation).',
    zh: '每日自动化由 {user} 开启，只有 {user} 能关闭（大客户管理 → 关闭每日自动化）。',
  },
  failed: { en: 'Could not install the triggers: {message}', zh: '无法安装触发器：{message}' },
  status_on: { en: 'Automation: on', zh: '自动化：已开启' },
  status_off: { en: 'Automation: off', zh: '自动化：已关闭' },
  never_ran: { en: 'has not run yet', zh: '尚未运行' },
  last_ok: { en: 'last run {at}: {summary}', zh: '上次运行 {at}：{summary}' },
  last_failed: { en: 'last run {at} FAILED: {summary}', zh: '上次运行 {at} 失败：{summary}' },
  summary_refresh: {
    en: '{accounts} accounts, {issues} data issues',
    zh: '{accounts} 个客户，{issues} 个数据问题',
  },
  summary_not_run: {
    en: 'not run (busy or failed, see Executions)',
    zh: '未运行（工作簿正忙或运行失败，详见执行记录）',
  },
  summary_nothing: { en: 'nothing to send', zh: '没有需要发送的提醒' },
  summary_separator: { en: ', ', zh: '，' },
  test_sent: { en: 'Test digest sent to {email}.', zh: '测试摘要已发送至 {email}。' },
  test_nothing: {
    en: 'Nothing to put in a digest today: no stale accounts, actions, birthdays or reviews.',
    zh: '今天没有可发送的内容：没有停滞客户、待办行动、生日或计划回顾。',
  },
  test_no_user: {
    en: 'Your email address is not available to the script, so no test digest was sent.',
    zh: '脚本无法获取你的邮箱地址，因此未发送测试摘要。',
  },
  preview_title: { en: 'Reminder preview', zh: '提醒预览' },
  preview_empty: {
    en: 'No owner has anything to report today.',
    zh: '今天没有负责人需要收到提醒。',
  },
} satisfies Record<string, Bilingual>;

export type AutomationMessage = keyof typeof TEXTS;

export function automationMessage(
  key: AutomationMessage,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return translate(TEXTS, key, locale, params);
}
