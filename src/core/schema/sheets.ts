import {
  ABC_CLASSES,
  ACCOUNT_STATUSES,
  ACTION_STATUSES,
  COMPLAINT_STATUSES,
  CONTACT_ROLES,
  CREDIT_RATINGS,
  INTERACTION_TYPES,
  REMINDER_STATUSES,
  DIGEST_KINDS,
  OPPORTUNITY_STAGES,
  SEVERITIES,
  TIERS,
} from './enums';
import { COLUMN_ALIASES, SHEET_ALIASES } from './aliases';
import type { ColumnDef, ColumnType, SheetDef, SheetKey } from './types';

type Extra = Partial<Omit<ColumnDef, 'key' | 'en' | 'zh' | 'type' | 'owner'>>;

function user(key: string, en: string, zh: string, type: ColumnType, extra: Extra = {}): ColumnDef {
  return { key, en, zh, type, owner: 'user', ...extra };
}

function script(
  key: string,
  en: string,
  zh: string,
  type: ColumnType,
  extra: Extra = {},
): ColumnDef {
  return { key, en, zh, type, owner: 'script', refreshed: true, ...extra };
}

const NOTES = user('notes', 'Notes', '备注', 'text');
const ACCOUNT_ID = user('account_id', 'Account ID', '客户编号', 'text', { required: true });

/** docs/workbook.md */
const ACCOUNTS: SheetDef = {
  key: 'accounts',
  en: 'Accounts',
  zh: '客户',
  kind: 'user',
  columns: [
    ACCOUNT_ID,
    user('account_name', 'Account Name', '客户名称', 'text', { required: true }),
    user('parent_account_id', 'Parent Account ID', '上级客户编号', 'text'),
    user('industry', 'Industry', '行业', 'text'),
    user('region', 'Region', '地区', 'text'),
    user('address', 'Address', '地址', 'text'),
    user('owner_email', 'Owner Email', '负责人邮箱', 'email'),
    user('backup_owner_email', 'Backup Owner Email', '备份负责人邮箱', 'email'),
    user('tier', 'Tier', '客户级别', 'enum', { options: TIERS }),
    user('status', 'Status', '状态', 'enum', { options: ACCOUNT_STATUSES }),
    user('credit_limit', 'Credit Limit', '信用额度', 'number', { min: 0 }),
    user('next_action_date', 'Next Action Date', '下次跟进日期', 'date'),
    user('reminders_paused_until', 'Reminders Paused Until', '暂停提醒至', 'date'),
    NOTES,
    script('last_activity_date', 'Last Activity', '最近活动日期', 'date'),
    script('days_since_activity', 'Days Since Activity', '未跟进天数', 'integer'),
    script('revenue_12m', 'Revenue (12m)', '近12个月收入', 'number'),
    script('abc_class', 'ABC Class', 'ABC分类', 'enum', { options: ABC_CLASSES }),
    script('rfm_score', 'RFM Score', 'RFM评分', 'text'),
    script('rfm_segment', 'RFM Segment', 'RFM分群', 'text'),
    script('churn_risk', 'Churn Risk', '流失风险', 'text'),
    script('health_score', 'Health Score', '健康度', 'integer', { min: 0, max: 100 }),
    script('credit_rating', 'Credit Rating', '信用评级', 'enum', { options: CREDIT_RATINGS }),
    script('stale', 'Stale', '是否停滞', 'boolean'),
    // The raised risk flags' labels; rows with any are highlighted (setup/layout.ts).
    script('risk_flags', 'Risk Flags', '风险标记', 'text'),
    script('updated_at', 'Updated At', '更新时间', 'datetime', { refreshed: false }),
    script('updated_by', 'Updated By', '更新人', 'text', { refreshed: false }),
  ],
};

/** docs/workbook.md */
const CONTACTS: SheetDef = {
  key: 'contacts',
  en: 'Contacts',
  zh: '联系人',
  kind: 'user',
  columns: [
    user('account_id', 'Account ID', '客户编号', 'text'),
    user('name', 'Name', '姓名', 'text', { required: true }),
    user('title', 'Title', '职位', 'text'),
    user('email', 'Email', '邮箱', 'email'),
    user('phone', 'Phone', '电话', 'text'),
    user('role', 'Role', '角色', 'enum', { options: CONTACT_ROLES }),
    user('influence', 'Influence', '影响力', 'integer', { min: 1, max: 5 }),
    user('relationship', 'Relationship', '关系强度', 'integer', { min: 1, max: 5 }),
    user('birthday', 'Birthday', '生日', 'date'),
    NOTES,
  ],
};

/** docs/workbook.md */
const TRANSACTIONS: SheetDef = {
  key: 'transactions',
  en: 'Transactions',
  zh: '交易记录',
  kind: 'user',
  columns: [
    user('date', 'Date', '交易日期', 'date', { required: true }),
    ACCOUNT_ID,
    user('product', 'Product', '产品', 'text'),
    user('quantity', 'Quantity', '数量', 'number'),
    user('unit_price', 'Unit Price', '单价', 'number'),
    user('amount', 'Amount', '金额', 'number'),
    user('currency', 'Currency', '币种', 'text'),
    user('payment_due_date', 'Payment Due Date', '应付款日期', 'date'),
    user('paid_date', 'Paid Date', '付款日期', 'date'),
    NOTES,
  ],
};

/** docs/workbook.md */
const INTERACTIONS: SheetDef = {
  key: 'interactions',
  en: 'Interactions',
  zh: '互动记录',
  kind: 'user',
  columns: [
    user('date', 'Date', '日期', 'date', { required: true }),
    ACCOUNT_ID,
    user('type', 'Type', '类型', 'enum', { options: INTERACTION_TYPES }),
    user('owner_email', 'Recorded By', '记录人邮箱', 'email'),
    user('summary', 'Summary', '摘要', 'text'),
    user('next_step', 'Next Step', '下一步', 'text'),
    user('satisfaction', 'Satisfaction', '满意度', 'integer', { min: 1, max: 5 }),
    user('complaint', 'Complaint', '投诉', 'yesno'),
    user('complaint_status', 'Complaint Status', '投诉状态', 'enum', {
      options: COMPLAINT_STATUSES,
    }),
  ],
};

/** docs/workbook.md */
const ACTIONS: SheetDef = {
  key: 'actions',
  en: 'Action Plan',
  zh: '行动计划',
  kind: 'user',
  columns: [
    user('task', 'Task', '任务', 'text', { required: true }),
    user('account_id', 'Account ID', '客户编号', 'text'),
    user('owner_email', 'Owner Email', '负责人邮箱', 'email'),
    user('start_date', 'Start Date', '开始日期', 'date'),
    user('due_date', 'Due Date', '截止日期', 'date'),
    user('status', 'Status', '状态', 'enum', { options: ACTION_STATUSES }),
    user('completed_date', 'Completed Date', '完成日期', 'date'),
    user('outcome', 'Outcome', '成果', 'text'),
  ],
};

/** docs/workbook.md */
const PLANS: SheetDef = {
  key: 'plans',
  en: 'Account Plans',
  zh: '客户计划',
  kind: 'user',
  columns: [
    // A plan belongs to an account: a row without one is reported and left out.
    user('account_id', 'Account ID', '客户编号', 'text', { required: true }),
    user('period', 'Period', '周期', 'text'),
    user('challenges', 'Challenges', '主要挑战', 'text'),
    user('goals', 'Goals', '期望目标', 'text'),
    user('special_requirements', 'Special Requirements', '特殊要求', 'text'),
    user('value_proposition', 'Value Proposition', '价值主张', 'text'),
    user('revenue_target', 'Revenue Target', '收入目标', 'number', { min: 0 }),
    user('next_review_date', 'Next Review Date', '下次回顾日期', 'date'),
    // Months between plan reviews: "Record review" moves next_review_date by this (blank = 3).
    user('review_cadence_months', 'Review Cadence (months)', '回顾周期（月）', 'integer', {
      min: 1,
      max: 60,
    }),
  ],
};

/** docs/workbook.md "opportunities": the deals of each account. */
const OPPORTUNITIES: SheetDef = {
  key: 'opportunities',
  en: 'Opportunities',
  zh: '销售机会',
  kind: 'user',
  columns: [
    user('opportunity_id', 'Opportunity ID', '机会编号', 'text', { required: true }),
    ACCOUNT_ID,
    user('name', 'Name', '机会名称', 'text'),
    user('owner_email', 'Owner Email', '负责人邮箱', 'email'),
    user('stage', 'Stage', '阶段', 'enum', { options: OPPORTUNITY_STAGES }),
    user('amount', 'Amount', '金额', 'number', { min: 0 }),
    user('currency', 'Currency', '币种', 'text'),
    user('probability', 'Probability', '赢率', 'number', { min: 0, max: 100 }),
    user('expected_close_date', 'Expected Close', '预计成交日期', 'date'),
    // Stamped by the edit trigger when `stage` changes; people may correct it.
    user('stage_changed_date', 'Stage Changed', '阶段变更日期', 'date'),
    user('closed_date', 'Closed Date', '成交日期', 'date'),
    user('lost_reason', 'Lost Reason', '输单原因', 'text'),
    user('product', 'Product', '产品', 'text'),
    user('next_step', 'Next Step', '下一步', 'text'),
  ],
};

/**
 * docs/workbook.md: a key/value table; the exchange-rate table below it has its own header row
 * (`EXCHANGE_RATE_COLUMNS`), found by matching those headers.
 */
const SETTINGS: SheetDef = {
  key: 'settings',
  en: 'Settings',
  zh: '设置',
  kind: 'settings',
  columns: [
    user('setting', 'Setting', '设置项', 'text', { required: true }),
    user('value', 'Value', '值', 'text'),
    script('description', 'Description', '说明', 'text', { refreshed: false }),
  ],
};

export const EXCHANGE_RATE_COLUMNS: readonly ColumnDef[] = [
  user('currency', 'Currency', '币种', 'text', { required: true }),
  user('rate_to_home', 'Rate to Home Currency', '兑本币汇率', 'number', { min: 0 }),
];

/** docs/looker.md: the Looker-ready columns, in order. `history` has the same. */
export const SUMMARY_COLUMNS: readonly ColumnDef[] = [
  script('snapshot_date', 'Snapshot Date', '快照日期', 'date'),
  script('account_id', 'Account ID', '客户编号', 'text'),
  script('account_name', 'Account Name', '客户名称', 'text'),
  script('parent_account_id', 'Parent Account ID', '上级客户编号', 'text'),
  script('owner_email', 'Owner Email', '负责人邮箱', 'text'),
  script('industry', 'Industry', '行业', 'text'),
  script('region', 'Region', '地区', 'text'),
  script('tier', 'Tier', '客户级别', 'text'),
  script('status', 'Status', '状态', 'text'),
  script('abc_class', 'ABC Class', 'ABC分类', 'text'),
  script('revenue_12m', 'Revenue (12m)', '近12个月收入', 'number'),
  script('revenue_prev_12m', 'Revenue (previous 12m)', '上期12个月收入', 'number'),
  script('orders_12m', 'Orders (12m)', '近12个月订单数', 'integer'),
  script('last_order_date', 'Last Order Date', '最近下单日期', 'date'),
  script('last_activity_date', 'Last Activity', '最近活动日期', 'date'),
  script('days_since_activity', 'Days Since Activity', '未跟进天数', 'integer'),
  script('is_stale', 'Stale', '是否停滞', 'boolean'),
  script('rfm_recency_days', 'RFM Recency (days)', 'RFM最近购买天数', 'integer'),
  script('rfm_r', 'RFM R', 'RFM R分', 'integer'),
  script('rfm_f', 'RFM F', 'RFM F分', 'integer'),
  script('rfm_m', 'RFM M', 'RFM M分', 'integer'),
  script('rfm_score', 'RFM Score', 'RFM评分', 'text'),
  script('rfm_segment', 'RFM Segment', 'RFM分群', 'text'),
  script('churn_risk', 'Churn Risk', '流失风险', 'text'),
  script('health_score', 'Health Score', '健康度', 'integer'),
  script('health_band', 'Health Band', '健康等级', 'text'),
  script('credit_rating', 'Credit Rating', '信用评级', 'text'),
  script('open_actions', 'Open Actions', '未完成行动', 'integer'),
  script('overdue_actions', 'Overdue Actions', '逾期行动', 'integer'),
  script('open_complaints', 'Open Complaints', '未关闭投诉', 'integer'),
  script('avg_satisfaction', 'Average Satisfaction', '平均满意度', 'number'),
  script('contacts_count', 'Contacts', '联系人数', 'integer'),
  script('home_currency', 'Home Currency', '本币', 'text'),
  script('risk_flags', 'Risk Flags', '风险标记', 'text'),
  script('risk_count', 'Risk Count', '风险数', 'integer'),
  script('period_revenue', 'Period Revenue', '本期收入', 'number'),
  script('plan_target', 'Plan Target', '计划目标', 'number'),
  script('plan_attainment', 'Plan Attainment', '计划达成率', 'number'),
  script('open_pipeline', 'Open Pipeline', '在途商机金额', 'number'),
  script('weighted_pipeline', 'Weighted Pipeline', '加权商机金额', 'number'),
  script('won_12m', 'Won (12m)', '近12个月赢单金额', 'number'),
  script('win_rate_12m', 'Win Rate (12m)', '近12个月赢率', 'number'),
  script('stalled_opportunities', 'Stalled Opportunities', '停滞商机数', 'integer'),
  script('group_id', 'Group ID', '集团编号', 'text'),
  script('cross_sell', 'Cross-sell', '交叉销售推荐', 'text'),
];

/** docs/looker.md "groups": one row per group company (a top account that has children). */
export const GROUPS_COLUMNS: readonly ColumnDef[] = [
  script('snapshot_date', 'Snapshot Date', '快照日期', 'date'),
  script('group_id', 'Group ID', '集团编号', 'text'),
  script('group_name', 'Group Name', '集团名称', 'text'),
  script('members', 'Members', '成员数', 'integer'),
  script('revenue_12m', 'Revenue (12m)', '近12个月收入', 'number'),
  script('revenue_prev_12m', 'Revenue (previous 12m)', '上期12个月收入', 'number'),
  script('abc_class', 'ABC Class', 'ABC分类', 'text'),
  script('worst_health_band', 'Worst Health Band', '最差健康等级', 'text'),
  script('members_at_risk', 'Members at Risk', '有风险成员数', 'integer'),
  script('owners', 'Owners', '负责人', 'text'),
];

/** docs/looker.md "products": one row per account and product with revenue in the window. */
export const PRODUCTS_COLUMNS: readonly ColumnDef[] = [
  script('snapshot_date', 'Snapshot Date', '快照日期', 'date'),
  script('account_id', 'Account ID', '客户编号', 'text'),
  script('product', 'Product', '产品', 'text'),
  script('revenue_12m', 'Revenue (12m)', '近12个月收入', 'number'),
  script('orders_12m', 'Orders (12m)', '近12个月订单数', 'integer'),
  script('last_order_date', 'Last Order Date', '最近下单日期', 'date'),
];

/** docs/looker.md "pipeline": one row per opportunity, for Looker Studio. */
export const PIPELINE_COLUMNS: readonly ColumnDef[] = [
  script('snapshot_date', 'Snapshot Date', '快照日期', 'date'),
  script('opportunity_id', 'Opportunity ID', '机会编号', 'text'),
  script('account_id', 'Account ID', '客户编号', 'text'),
  script('account_name', 'Account Name', '客户名称', 'text'),
  script('name', 'Name', '机会名称', 'text'),
  script('owner_email', 'Owner Email', '负责人邮箱', 'text'),
  script('stage', 'Stage', '阶段', 'text'),
  script('amount', 'Amount', '金额', 'number'),
  script('currency', 'Currency', '币种', 'text'),
  script('probability', 'Probability', '赢率', 'number'),
  script('expected_close_date', 'Expected Close', '预计成交日期', 'date'),
  script('stage_changed_date', 'Stage Changed', '阶段变更日期', 'date'),
  script('closed_date', 'Closed Date', '成交日期', 'date'),
  script('lost_reason', 'Lost Reason', '输单原因', 'text'),
  script('product', 'Product', '产品', 'text'),
  script('amount_home', 'Amount (home currency)', '本币金额', 'number'),
  script('weighted', 'Weighted', '加权金额', 'number'),
  script('days_in_stage', 'Days in Stage', '停留天数', 'integer'),
  script('is_stalled', 'Stalled', '是否停滞', 'boolean'),
  script('close_month', 'Close Month', '成交月份', 'date'),
];

const MONTHLY_COLUMNS: readonly ColumnDef[] = [
  script('month', 'Month', '月份', 'date'),
  script('account_id', 'Account ID', '客户编号', 'text'),
  script('owner_email', 'Owner Email', '负责人邮箱', 'text'),
  script('abc_class', 'ABC Class', 'ABC分类', 'text'),
  script('revenue', 'Revenue', '收入', 'number'),
  script('orders', 'Orders', '订单数', 'integer'),
];

const DATA_ISSUES_COLUMNS: readonly ColumnDef[] = [
  script('sheet', 'Sheet', '工作表', 'text'),
  script('row', 'Row', '行号', 'integer'),
  script('column', 'Column', '列', 'text'),
  script('value', 'Value', '值', 'text'),
  script('problem', 'Problem', '问题', 'text'),
  script('severity', 'Severity', '严重程度', 'enum', { options: SEVERITIES }),
  script('detected_at', 'Detected At', '发现时间', 'datetime'),
];

const REMINDER_LOG_COLUMNS: readonly ColumnDef[] = [
  script('sent_at', 'Sent At', '发送时间', 'datetime'),
  script('run_date', 'Run Date', '运行日期', 'date'),
  script('owner_email', 'Owner Email', '负责人邮箱', 'text'),
  script('stale_accounts', 'Stale Accounts', '停滞客户数', 'integer'),
  script('overdue_actions', 'Overdue Actions', '逾期行动数', 'integer'),
  script('due_soon_actions', 'Actions Due Soon', '即将到期行动数', 'integer'),
  script('care_items', 'Care Items', '关怀事项数', 'integer'),
  script('status', 'Status', '状态', 'enum', { options: REMINDER_STATUSES }),
  script('detail', 'Detail', '详情', 'text'),
  // Added after the first release: a log written before has no such columns (blank = owner).
  script('digest', 'Digest', '摘要类型', 'enum', { options: DIGEST_KINDS }),
  script('risk_items', 'Risk Items', '风险项', 'text'),
];

const CHANGE_LOG_COLUMNS: readonly ColumnDef[] = [
  script('changed_at', 'Changed At', '修改时间', 'datetime'),
  script('user', 'User', '修改人', 'text'),
  script('sheet', 'Sheet', '工作表', 'text'),
  script('cell', 'Cell', '单元格', 'text'),
  script('column', 'Column', '列', 'text'),
  script('old_value', 'Old Value', '原值', 'text'),
  script('new_value', 'New Value', '新值', 'text'),
];

/** Attaches the built-in aliases, kept as data in aliases.ts. */
function withAliases(def: SheetDef): SheetDef {
  const columns = COLUMN_ALIASES[def.key];
  const name = ACCOUNTS.columns.find((c) => c.key === 'account_name') as ColumnDef;
  const byName = [name.key, name.en, name.zh, ...(COLUMN_ALIASES.accounts?.account_name ?? [])];
  return {
    ...def,
    aliases: SHEET_ALIASES[def.key],
    columns: columns
      ? def.columns.map((c) => ({
          ...c,
          ...(columns[c.key] ? { aliases: columns[c.key] } : {}),
          ...(c.key === 'account_id' && def.key !== 'accounts' ? { fallback: byName } : {}),
        }))
      : def.columns,
  };
}

/** Every sheet, in the order `Set up workbook` creates them. */
export const SHEETS: readonly SheetDef[] = (
  [
    ACCOUNTS,
    CONTACTS,
    TRANSACTIONS,
    INTERACTIONS,
    ACTIONS,
    PLANS,
    OPPORTUNITIES,
    SETTINGS,
    {
      key: 'summary',
      en: 'Summary',
      zh: '汇总',
      kind: 'script',
      columns: SUMMARY_COLUMNS,
      keyHeaders: true,
    },
    {
      key: 'history',
      en: 'History',
      zh: '历史',
      kind: 'script',
      columns: SUMMARY_COLUMNS,
      keyHeaders: true,
    },
    {
      key: 'monthly',
      en: 'Monthly',
      zh: '月度',
      kind: 'script',
      columns: MONTHLY_COLUMNS,
      keyHeaders: true,
    },
    {
      key: 'pipeline',
      en: 'Pipeline',
      zh: '销售管道',
      kind: 'script',
      columns: PIPELINE_COLUMNS,
      keyHeaders: true,
    },
    {
      key: 'groups',
      en: 'Groups',
      zh: '集团',
      kind: 'script',
      columns: GROUPS_COLUMNS,
      keyHeaders: true,
    },
    {
      key: 'products',
      en: 'Products',
      zh: '产品',
      kind: 'script',
      columns: PRODUCTS_COLUMNS,
      keyHeaders: true,
    },
    {
      key: 'data_issues',
      en: 'Data Issues',
      zh: '数据问题',
      kind: 'script',
      columns: DATA_ISSUES_COLUMNS,
    },
    {
      key: 'reminder_log',
      en: 'Reminder Log',
      zh: '提醒记录',
      kind: 'log',
      columns: REMINDER_LOG_COLUMNS,
    },
    {
      key: 'change_log',
      en: 'Change Log',
      zh: '修改记录',
      kind: 'log',
      columns: CHANGE_LOG_COLUMNS,
    },
    { key: 'dashboard', en: 'Dashboard', zh: '仪表板', kind: 'dashboard', columns: [] },
  ] satisfies SheetDef[]
).map(withAliases);

const BY_KEY = new Map<SheetKey, SheetDef>(SHEETS.map((s) => [s.key, s]));

export function sheetDef(key: SheetKey): SheetDef {
  const def = BY_KEY.get(key);
  if (!def) throw new Error(`Unknown sheet key ${key}`);
  return def;
}

export function columnDef(sheet: SheetKey, key: string): ColumnDef {
  const col = sheetDef(sheet).columns.find((c) => c.key === key);
  if (!col) throw new Error(`Unknown column ${sheet}.${key}`);
  return col;
}

/**
 * The sheets people fill in, one row per account or per thing about an account: read by every
 * job, mappable under a team's own names, and opening Account 360 from a selected row.
 */
export const DATA_SHEETS: readonly SheetKey[] = [
  'accounts',
  'contacts',
  'transactions',
  'interactions',
  'actions',
  'plans',
  'opportunities',
];
