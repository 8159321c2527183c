import { pick, type Locale } from '../../src/core/i18n/locale';
import { columnDef, sheetDef } from '../../src/core/schema/sheets';
import type { SheetKey } from '../../src/core/schema/types';
import type { GasControl } from '../fakes';

/**
 * A small key-account workbook for the browser tests, dated relative to the real today in
 * Asia/Shanghai (the bundle's clock is the real one). Headers and list values are in the
 * workbook's language, as a team would type them; one account name and one summary hold HTML, to
 * prove the views never turn a user's text into markup.
 */

export const ZONE = 'Asia/Shanghai';

/** Today in the spreadsheet's zone, as YYYY-MM-DD. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

export function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Midnight of a YYYY-MM-DD day in Shanghai (UTC+8, no DST): what Sheets holds in a date cell. */
export function dateCell(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - 8 * 3_600_000);
}

/** YYYY-MM-DD of a Date cell read back from the fake (midnight in Shanghai). */
export function isoOf(v: unknown): string {
  if (Object.prototype.toString.call(v) !== '[object Date]') return String(v);
  return new Date((v as Date).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const EVIL_NAME = 'Beta <img src=x onerror="window.__xss=1"> Ltd';

export function sheetName(key: SheetKey, locale: Locale): string {
  return pick(sheetDef(key), locale);
}

export function header(sheet: SheetKey, keys: readonly string[], locale: Locale): string[] {
  return keys.map((k) => pick(columnDef(sheet, k), locale));
}

function label(locale: Locale, en: string, zh: string): string {
  return locale === 'zh-CN' ? zh : en;
}

export function seedWorkbook(control: GasControl, locale: Locale): { today: string } {
  const today = todayIso();
  const day = (n: number): Date => dateCell(addDays(today, n));
  const L = (en: string, zh: string): string => label(locale, en, zh);
  const put = (key: SheetKey, keys: string[], rows: unknown[][]): void => {
    control.setSheetValues(sheetName(key, locale), [header(key, keys, locale), ...rows]);
  };

  put(
    'accounts',
    [
      'account_id',
      'account_name',
      'parent_account_id',
      'industry',
      'region',
      'owner_email',
      'tier',
      'status',
      'credit_limit',
      'notes',
    ],
    [
      [
        'C001',
        'Acme Trading Co.',
        '',
        L('Machinery', '机械'),
        L('East China', '华东'),
        'li@example.com',
        L('Strategic', '战略'),
        L('Active', '合作中'),
        500000,
        L('Prefers WeChat', '偏好微信沟通'),
      ],
      [
        'C002',
        EVIL_NAME,
        'C001', // a subsidiary: Acme is a group of two
        L('Retail', '零售'),
        L('North', '华北'),
        'wang@example.com',
        L('Key', '重点'),
        L('Active', '合作中'),
        100000,
        '',
      ],
      [
        'C003',
        L('Gamma Foods', '伽马食品'),
        '',
        L('Food', '食品'),
        L('South', '华南'),
        'zhao@example.com',
        L('Standard', '普通'),
        L('Active', '合作中'),
        '',
        '',
      ],
    ],
  );

  const tx: unknown[][] = [];
  for (let k = 0; k < 24; k++) {
    tx.push([day(-k * 30 - 3), 'C001', 20000 + ((k * 7919) % 9000)]);
    if (k % 3 === 0) tx.push([day(-k * 30 - 10), 'C002', 8000 + ((k * 104729) % 3000)]);
  }
  tx.push([day(-40), 'C001', -5000]);
  tx.push([day(-200), 'C003', 1200]);
  put('transactions', ['date', 'account_id', 'amount'], tx);

  const types = [L('Visit', '拜访'), L('Call', '电话'), L('Email', '邮件'), L('Meeting', '会议')];
  const ix: unknown[][] = [];
  for (let k = 0; k < 12; k++) {
    ix.push([
      day(-k * 9 - 2),
      'C001',
      types[k % 4],
      'li@example.com',
      L(`Check-in #${12 - k}`, `例行沟通 #${12 - k}`),
      k === 0 ? L('Send the revised quote', '发送修订报价') : '',
      3 + (k % 3),
      k === 4 ? L('Yes', '是') : '',
      k === 4 ? L('Open', '处理中') : '',
    ]);
  }
  ix.push([
    day(-20),
    'C002',
    types[1],
    'wang@example.com',
    '<b>not bold</b> & <script>window.__xss=2</script>',
    '',
    4,
    '',
    '',
  ]);
  put(
    'interactions',
    [
      'date',
      'account_id',
      'type',
      'owner_email',
      'summary',
      'next_step',
      'satisfaction',
      'complaint',
      'complaint_status',
    ],
    ix,
  );

  put(
    'contacts',
    ['account_id', 'name', 'title', 'email', 'role', 'influence', 'relationship'],
    [
      [
        'C001',
        L('Li Wei', '李伟'),
        L('Purchasing Director', '采购总监'),
        'liwei@acme.example',
        L('Decision maker', '决策者'),
        5,
        4,
      ],
      [
        'C001',
        L('Zhang Min', '张敏'),
        L('Engineer', '工程师'),
        'zhangmin@acme.example',
        L('User', '使用者'),
        2,
        3,
      ],
      ['C001', L('Chen Jie', '陈杰'), L('CFO', '财务总监'), '', L('Influencer', '影响者'), 4, 2],
      ['C002', L('Wang Fang', '王芳'), L('Owner', '老板'), '', L('Decision maker', '决策者'), 5, 3],
    ],
  );

  put(
    'actions',
    [
      'task',
      'account_id',
      'owner_email',
      'start_date',
      'due_date',
      'status',
      'completed_date',
      'outcome',
    ],
    [
      [
        L('Send revised quote', '发送修订报价'),
        'C001',
        'li@example.com',
        day(-10),
        day(-2),
        L('In progress', '进行中'),
        '',
        '',
      ],
      [
        L('Plan the QBR', '筹备季度业务回顾'),
        'C001',
        '',
        day(-5),
        day(10),
        L('Not started', '未开始'),
        '',
        '',
      ],
      [
        L('Site visit', '现场拜访'),
        'C001',
        'li@example.com',
        day(-40),
        day(-30),
        L('Done', '已完成'),
        day(-31),
        L('Went well', '进展顺利'),
      ],
      [
        L('Chase overdue invoice', '催收逾期款'),
        'C002',
        'wang@example.com',
        day(-3),
        day(4),
        L('Blocked', '受阻'),
        '',
        '',
      ],
      [
        L('Renew contract', '续签合同'),
        'C002',
        'wang@example.com',
        day(-1),
        day(20),
        L('Not started', '未开始'),
        '',
        '',
      ],
      [
        L('Intro call', '首次电话'),
        'C003',
        'zhao@example.com',
        day(-1),
        day(6),
        L('Not started', '未开始'),
        '',
        '',
      ],
    ],
  );

  const year = today.slice(0, 4);
  put(
    'plans',
    [
      'account_id',
      'period',
      'challenges',
      'goals',
      'value_proposition',
      'revenue_target',
      'next_review_date',
    ],
    [
      [
        'C001',
        String(Number(year) - 1),
        L('Old plan', '旧计划'),
        L('Last year', '去年目标'),
        '',
        200000,
        '',
      ],
      [
        'C001',
        year,
        L('Price pressure from local rivals', '本地竞争对手的价格压力'),
        L('Grow share of wallet to 40%', '钱包份额提升到 40%'),
        L('Uptime guarantee', '开机率保障'),
        400000,
        day(30),
      ],
    ],
  );

  control.setSheetValues(sheetName('settings', locale), [
    header('settings', ['setting', 'value', 'description'], locale),
    ['language', 'auto', ''],
    ['home_currency', 'CNY', ''],
    ['stale_days_a', 14, ''],
    ['abc_cutoff_a', 0.8, ''],
    ['abc_cutoff_b', 0.95, ''],
    ['reminder_hour', 8, ''],
    ['reminder_sender_name', 'Key Account Reminders', ''],
    ['allowed_recipient_domains', 'example.com', ''],
    [],
    header('settings', [], locale).concat(
      locale === 'zh-CN' ? ['币种', '兑本币汇率'] : ['Currency', 'Rate to Home Currency'],
    ),
    ['USD', 7.1],
    ['EUR', 7.8],
  ]);
  return { today };
}
