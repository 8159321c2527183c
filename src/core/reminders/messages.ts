import type { Locale } from '../i18n/locale';

/**
 * Every text of the reminder email, in both workbook languages. `MESSAGES` is typed
 * `Record<Locale, ReminderMessages>`, so the compiler rejects a locale that misses a key or has
 * one too many. Values that come from users are passed in already made safe for the target
 * (plain text or escaped HTML); these functions only arrange them.
 *
 * Chinese follows the usual mixed-script style: full-width punctuation, a space between Chinese
 * and numbers, dates and IDs as ISO `YYYY-MM-DD`.
 */
export interface SubjectCounts {
  readonly stale: number;
  readonly dueSoon: number;
  readonly actions: number;
  readonly birthdays: number;
  readonly reviews: number;
}

/** The digest's sections, for the note on items left out of a long digest. */
export type DigestSectionKind = 'stale' | 'actions' | 'care' | 'reviews';

export interface ReminderMessages {
  readonly htmlLang: string;
  /** Subject: count phrases that are not zero, and the run date. */
  subject(counts: SubjectCounts, date: string): string;
  readonly greeting: string;
  intro(date: string, spreadsheetName: string): string;

  readonly staleHeading: string;
  readonly actionsHeading: string;
  readonly careHeading: string;
  readonly reviewsHeading: string;
  /** A section heading with its item count. */
  heading(title: string, count: number): string;

  abcClass(cls: string): string;
  overThreshold(days: number, limit: number): string;
  nextActionPassed(date: string | null): string;
  readonly noActivity: string;
  dueSoon(days: number, limit: number): string;
  readonly recycle: string;
  readonly escalate: string;
  /** Joins the reasons of one account. */
  joinReasons(parts: readonly string[]): string;

  actionDue(date: string, daysLeft: number): string;
  birthday(contactName: string, date: string, daysUntil: number): string;
  review(period: string, date: string, daysUntil: number): string;

  /**
   * Closes a section that lists only its first items: how many more there are and where to find
   * them (the sheet, and the column to filter on your address when there is one).
   */
  more(
    count: number,
    kind: DigestSectionKind,
    sheetName: string,
    ownerColumn: string | null,
  ): string;
  /** The link text of that note's link to the sheet. */
  readonly moreLinkText: string;

  readonly linkText: string;
  readonly columnAccount: string;
  readonly columnDetail: string;

  whyReceived(spreadsheetName: string): string;
  /** How to pause: the localized Accounts sheet name, column header and its key. */
  howToPause(sheetName: string, columnHeader: string, columnKey: string): string;
  escalationNote(cc: string): string;
  /** `link` is the spreadsheet URL (plain text) or an anchor (HTML). */
  openSpreadsheet(link: string): string;
  sentBy(senderName: string): string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const en: ReminderMessages = {
  htmlLang: 'en',
  subject(c, date) {
    const parts: string[] = [];
    if (c.stale > 0) parts.push(`${c.stale} stale`);
    if (c.dueSoon > 0) parts.push(`${c.dueSoon} due soon`);
    if (c.actions > 0) parts.push(`${plural(c.actions, 'action', 'actions')} due`);
    if (c.birthdays > 0) parts.push(plural(c.birthdays, 'birthday', 'birthdays'));
    if (c.reviews > 0) parts.push(plural(c.reviews, 'plan review', 'plan reviews'));
    return `Key accounts: ${parts.join(', ')} — ${date}`;
  },
  greeting: 'Hello,',
  intro: (date, name) =>
    `Here is your key-account digest for ${date} from the spreadsheet "${name}".`,

  staleHeading: 'Accounts to follow up',
  actionsHeading: 'Actions due',
  careHeading: 'Contact birthdays',
  reviewsHeading: 'Plan reviews',
  heading: (title, count) => `${title} (${count})`,

  abcClass: (cls) => `class ${cls}`,
  overThreshold: (days, limit) => `no activity for ${plural(days, 'day', 'days')} (limit ${limit})`,
  nextActionPassed: (date) =>
    date === null ? 'the next action date has passed' : `next action date ${date} has passed`,
  noActivity: 'no activity recorded',
  dueSoon: (days, limit) =>
    `due soon: ${plural(days, 'day', 'days')} without activity (limit ${limit})`,
  recycle: 'eligible for reassignment (公海)',
  escalate: 'over twice the limit',
  joinReasons: (parts) => parts.join('; '),

  actionDue(date, daysLeft) {
    if (daysLeft < 0) return `due ${date}, ${plural(-daysLeft, 'day', 'days')} overdue`;
    if (daysLeft === 0) return `due today (${date})`;
    if (daysLeft === 1) return `due tomorrow (${date})`;
    return `due ${date}, in ${plural(daysLeft, 'day', 'days')}`;
  },
  birthday(name, date, daysUntil) {
    const when =
      daysUntil === 0
        ? 'today'
        : daysUntil === 1
          ? 'tomorrow'
          : `in ${plural(daysUntil, 'day', 'days')}`;
    return `${name}: birthday on ${date} (${when})`;
  },
  review(period, date, daysUntil) {
    const what = period === '' ? 'Plan review' : `Plan ${period} review`;
    if (daysUntil < 0) return `${what} was due ${date} (${plural(-daysUntil, 'day', 'days')} ago)`;
    if (daysUntil === 0) return `${what} due today (${date})`;
    return `${what} due ${date} (in ${plural(daysUntil, 'day', 'days')})`;
  },

  more(count, kind, sheet, column) {
    const what = {
      stale: plural(count, 'more account', 'more accounts') + ' to follow up',
      actions: plural(count, 'more action', 'more actions') + ' due',
      care: plural(count, 'more contact birthday', 'more contact birthdays'),
      reviews: plural(count, 'more plan review', 'more plan reviews'),
    }[kind];
    const where =
      column === null
        ? `open the ${sheet} sheet`
        : `open the ${sheet} sheet and filter its ${column} column on your address`;
    return `…and ${what}, not listed here to keep this email short. To see them all, ${where}.`;
  },
  moreLinkText: 'Open the sheet',

  linkText: 'Open',
  columnAccount: 'Account',
  columnDetail: 'Details',

  whyReceived: (name) =>
    `You receive this email because you own these accounts or actions in the spreadsheet "${name}".`,
  howToPause: (sheet, header, key) =>
    `To pause reminders for an account, enter a date in its ${header} column (${key}) on the ${sheet} sheet; reminders resume the day after that date.`,
  escalationNote: (cc) =>
    `A copy goes to ${cc} because at least one account has gone without activity for over twice its limit.`,
  openSpreadsheet: (link) => `Open the spreadsheet: ${link}`,
  sentBy: (sender) => `Sent by ${sender}.`,
};

const zhCN: ReminderMessages = {
  htmlLang: 'zh-CN',
  subject(c, date) {
    const parts: string[] = [];
    if (c.stale > 0) parts.push(`${c.stale} 个停滞客户`);
    if (c.dueSoon > 0) parts.push(`${c.dueSoon} 个即将停滞`);
    if (c.actions > 0) parts.push(`${c.actions} 项待办`);
    if (c.birthdays > 0) parts.push(`${c.birthdays} 位联系人生日`);
    if (c.reviews > 0) parts.push(`${c.reviews} 项计划回顾`);
    return `大客户提醒：${parts.join('，')} — ${date}`;
  },
  greeting: '您好，',
  intro: (date, name) => `以下是表格“${name}”中您负责的大客户在 ${date} 的提醒。`,

  staleHeading: '需要跟进的客户',
  actionsHeading: '待办行动',
  careHeading: '联系人生日',
  reviewsHeading: '客户计划回顾',
  heading: (title, count) => `${title}（${count}）`,

  abcClass: (cls) => `${cls} 类`,
  overThreshold: (days, limit) => `已 ${days} 天未跟进（阈值 ${limit} 天）`,
  nextActionPassed: (date) => (date === null ? '下次跟进日期已过' : `下次跟进日期 ${date} 已过`),
  noActivity: '尚无任何活动记录',
  dueSoon: (days, limit) => `即将停滞：已 ${days} 天未跟进（阈值 ${limit} 天）`,
  recycle: '可重新分配（公海）',
  escalate: '已超过阈值两倍',
  joinReasons: (parts) => parts.join('；'),

  actionDue(date, daysLeft) {
    if (daysLeft < 0) return `截止 ${date}，已逾期 ${-daysLeft} 天`;
    if (daysLeft === 0) return `今天到期（${date}）`;
    if (daysLeft === 1) return `明天到期（${date}）`;
    return `截止 ${date}，还有 ${daysLeft} 天`;
  },
  birthday(name, date, daysUntil) {
    const when = daysUntil === 0 ? '今天' : daysUntil === 1 ? '明天' : `${daysUntil} 天后`;
    return `${name}，生日 ${date}（${when}）`;
  },
  review(period, date, daysUntil) {
    const what = period === '' ? '计划回顾' : `${period} 计划回顾`;
    if (daysUntil < 0) return `${what}：${date}（已过 ${-daysUntil} 天）`;
    if (daysUntil === 0) return `${what}：${date}（今天）`;
    return `${what}：${date}（${daysUntil} 天后）`;
  },

  more(count, kind, sheet, column) {
    const what = {
      stale: `${count} 个需要跟进的客户`,
      actions: `${count} 项待办行动`,
      care: `${count} 位联系人生日`,
      reviews: `${count} 项计划回顾`,
    }[kind];
    const where =
      column === null ? `请打开“${sheet}”表` : `请打开“${sheet}”表，按“${column}”列筛选您的邮箱`;
    return `……另有 ${what}未在此列出，以免邮件过长。${where}查看全部。`;
  },
  moreLinkText: '打开工作表',

  linkText: '打开',
  columnAccount: '客户',
  columnDetail: '详情',

  whyReceived: (name) => `您收到这封邮件，是因为您是表格“${name}”中这些客户或行动的负责人。`,
  howToPause: (sheet, header, key) =>
    `如需暂停某个客户的提醒，请在“${sheet}”表的“${header}”列（${key}）填写日期，提醒将在该日期的次日恢复。`,
  escalationNote: (cc) => `由于有客户未跟进天数已超过阈值两倍，本邮件同时抄送 ${cc}。`,
  openSpreadsheet: (link) => `打开表格：${link}`,
  sentBy: (sender) => `发件人：${sender}`,
};

export const MESSAGES: Readonly<Record<Locale, ReminderMessages>> = { en, 'zh-CN': zhCN };

export function reminderMessages(locale: Locale): ReminderMessages {
  return MESSAGES[locale];
}
