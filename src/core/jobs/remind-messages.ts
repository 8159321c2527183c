import { translate, type Bilingual, type Locale } from '../i18n/locale';
import { optionLabel, REMINDER_STATUSES } from '../schema/enums';

const TEXTS = {
  no_allow_list: {
    en: 'Reminders were not sent: fill in the setting allowed_recipient_domains (Settings sheet) with the email domains reminders may go to, e.g. example.com.',
    zh: '未发送提醒：请在「设置」表中填写 allowed_recipient_domains，即允许接收提醒的邮箱域名，例如 example.com。',
  },
  invalid_owner: { en: 'Not a valid email address: {email}', zh: '邮箱地址无效：{email}' },
  blocked: {
    en: '{email} is outside allowed_recipient_domains',
    zh: '{email} 不在 allowed_recipient_domains 允许范围内',
  },
  quota: {
    en: 'Daily email quota used up; will be sent in the next run',
    zh: '今日邮件配额已用完，将在下次运行时发送',
  },
  delivered_before: {
    en: 'delivered before the previous run was interrupted; not sent again',
    zh: '上次运行中断前已送达，不再重复发送',
  },
  cc: { en: 'cc {cc} (stale for twice the threshold)', zh: '抄送 {cc}（停滞超过阈值两倍）' },
  done: { en: 'Reminders: {summary}', zh: '提醒：{summary}' },
  done_incomplete: {
    en: 'Reminders paused at the time limit ({summary}); the rest follow in a minute.',
    zh: '提醒因时间限制暂停（{summary}），其余将在一分钟后继续发送。',
  },
} satisfies Record<string, Bilingual>;

export function reminderMessage(
  key: keyof typeof TEXTS,
  locale: Locale,
  params: Record<string, string> = {},
): string {
  return translate(TEXTS, key, locale, params);
}

/** Outcomes of a run that are not rows of reminder_log. */
const RUN_OUTCOMES: Record<string, Bilingual> = {
  already_sent: { en: 'already_sent', zh: '今日已发送' },
  not_reached: { en: 'not_reached', zh: '未处理' },
};

/** A digest's status in the run's language (the log keeps the code; its dropdown shows these). */
export function statusWord(status: string, locale: Locale): string {
  const outcome = RUN_OUTCOMES[status];
  if (outcome) return locale === 'zh-CN' ? outcome.zh : outcome.en;
  return optionLabel(REMINDER_STATUSES, status, locale === 'zh-CN');
}
