import type { Bilingual } from '../i18n/locale';

export type SettingType =
  | 'language'
  | 'currency'
  | 'number'
  | 'integer'
  | 'text'
  | 'email'
  | 'emails'
  | 'domains'
  | 'hour'
  /** `sheet` or `bigquery` (docs/outgrow.md). */
  | 'source'
  /** A BigQuery project ID, or a dataset or table name; blank = not set. */
  | 'bq_project'
  | 'bq_name';

export interface SettingDef {
  readonly key: string;
  readonly type: SettingType;
  /** The default as written into the sheet (blank for "not set"). */
  readonly default: string | number;
  readonly min?: number;
  readonly max?: number;
  readonly description: Bilingual;
}

/**
 * docs/workbook.md, plus the health-score weights that docs/rules.md keeps in Settings (see docs/rules.md).
 * Order is the order rows are written by `Set up workbook`.
 */
export const SETTING_DEFS: readonly SettingDef[] = [
  {
    key: 'language',
    type: 'language',
    default: 'auto',
    description: {
      en: 'auto (from the spreadsheet locale), en or zh-CN',
      zh: 'auto（跟随表格区域设置）、en 或 zh-CN',
    },
  },
  {
    key: 'home_currency',
    type: 'currency',
    default: 'CNY',
    description: { en: 'Currency of every computed amount', zh: '所有计算金额使用的本币' },
  },
  {
    key: 'analysis_window_months',
    type: 'integer',
    default: 12,
    min: 1,
    max: 120,
    description: {
      en: 'Months of history for revenue, RFM and ABC',
      zh: '收入、RFM 和 ABC 分析所用的月数',
    },
  },
  {
    key: 'abc_cutoff_a',
    type: 'number',
    default: 0.8,
    min: 0,
    max: 1,
    description: {
      en: 'Cumulative revenue share that makes an account A',
      zh: 'A 类客户的累计收入占比上限',
    },
  },
  {
    key: 'abc_cutoff_b',
    type: 'number',
    default: 0.95,
    min: 0,
    max: 1,
    description: {
      en: 'Cumulative revenue share that makes an account B',
      zh: 'B 类客户的累计收入占比上限',
    },
  },
  {
    key: 'stale_days_a',
    type: 'integer',
    default: 14,
    min: 1,
    max: 3650,
    description: {
      en: 'Days without activity before an A account is stale',
      zh: 'A 类客户未跟进多少天视为停滞',
    },
  },
  {
    key: 'stale_days_b',
    type: 'integer',
    default: 30,
    min: 1,
    max: 3650,
    description: {
      en: 'Days without activity before a B account is stale',
      zh: 'B 类客户未跟进多少天视为停滞',
    },
  },
  {
    key: 'stale_days_c',
    type: 'integer',
    default: 60,
    min: 1,
    max: 3650,
    description: {
      en: 'Days without activity before a C account is stale',
      zh: 'C 类客户未跟进多少天视为停滞',
    },
  },
  {
    key: 'warning_days',
    type: 'integer',
    default: 3,
    min: 0,
    max: 365,
    description: { en: 'Lead time for "contact due soon"', zh: '"即将需要跟进"的提前天数' },
  },
  {
    key: 'due_soon_days',
    type: 'integer',
    default: 7,
    min: 0,
    max: 365,
    description: {
      en: 'Actions and plan reviews due within this many days are listed',
      zh: '多少天内到期的行动和计划回顾会被提醒',
    },
  },
  {
    key: 'care_days_ahead',
    type: 'integer',
    default: 7,
    min: 0,
    max: 365,
    description: {
      en: 'Contact birthdays within this many days are listed',
      zh: '多少天内的联系人生日会被提醒',
    },
  },
  {
    key: 'reminder_hour',
    type: 'hour',
    default: 8,
    min: 0,
    max: 23,
    description: {
      en: 'Hour of the daily reminder run (spreadsheet time zone)',
      zh: '每日提醒的发送时刻（表格时区，0–23 点）',
    },
  },
  {
    key: 'allowed_recipient_domains',
    type: 'domains',
    default: '',
    description: {
      en: 'Comma-separated email domains reminders may go to; blank = the domain of the user who turned automation on',
      zh: '允许接收提醒的邮箱域名，逗号分隔；留空 = 开启自动化的用户所在域名',
    },
  },
  {
    key: 'reminder_sender_name',
    type: 'text',
    default: 'Key Account Reminders',
    description: { en: 'Sender name of reminder emails', zh: '提醒邮件的发件人名称' },
  },
  {
    key: 'escalation_cc',
    type: 'email',
    default: '',
    description: {
      en: 'Manager copied on accounts stale for twice their threshold (blank = off)',
      zh: '停滞超过阈值两倍时抄送的经理邮箱（留空 = 关闭）',
    },
  },
  {
    key: 'recycle_after_days',
    type: 'integer',
    default: 0,
    min: 0,
    max: 3650,
    description: {
      en: '公海 rule: flag accounts with no activity this long for reassignment (0 = off)',
      zh: '公海规则：超过多少天无活动的客户标记为待重新分配（0 = 关闭）',
    },
  },
  {
    key: 'history_retention_days',
    type: 'integer',
    default: 400,
    min: 1,
    max: 3650,
    description: { en: 'Days of daily snapshots kept in History', zh: '历史快照保留天数' },
  },
  {
    key: 'revenue_drop_pct',
    type: 'number',
    default: 0.3,
    min: 0,
    max: 1,
    description: {
      en: 'Risk flag "revenue drop": revenue (12m) fell more than this share below the prior 12m',
      zh: '风险标记"收入下滑"：近12个月收入比上期12个月下降超过此比例',
    },
  },
  {
    key: 'complaint_sla_days',
    type: 'integer',
    default: 7,
    min: 0,
    max: 3650,
    description: {
      en: 'Risk flag "complaint overdue": an open complaint older than this many days',
      zh: '风险标记"投诉超时"：未关闭投诉超过多少天',
    },
  },
  {
    key: 'plan_tolerance',
    type: 'number',
    default: 0.1,
    min: 0,
    max: 1,
    description: {
      en: 'Risk flag "behind plan": how far below the pro-rata revenue target is still on plan',
      zh: '风险标记"计划落后"：低于按时间折算的收入目标多少比例仍算正常',
    },
  },
  {
    key: 'manager_emails',
    type: 'emails',
    default: '',
    description: {
      en: 'Comma-separated emails of the managers who get the weekly risk digest (blank = off)',
      zh: '接收每周风险摘要的经理邮箱，逗号分隔（留空 = 关闭）',
    },
  },
  {
    key: 'manager_digest_weekday',
    type: 'integer',
    default: 1,
    min: 1,
    max: 7,
    description: {
      en: "Day of the managers' risk digest: 1 = Monday … 7 = Sunday",
      zh: '经理风险摘要的发送日：1 = 周一 … 7 = 周日',
    },
  },
  {
    key: 'stage_rot_days_lead',
    type: 'integer',
    default: 14,
    min: 1,
    max: 3650,
    description: {
      en: 'Days an open opportunity may stay in Lead before it is stalled',
      zh: '商机停留在“线索”阶段超过多少天视为停滞',
    },
  },
  {
    key: 'stage_rot_days_qualified',
    type: 'integer',
    default: 21,
    min: 1,
    max: 3650,
    description: {
      en: 'Days an open opportunity may stay in Qualified before it is stalled',
      zh: '商机停留在“已确认”阶段超过多少天视为停滞',
    },
  },
  {
    key: 'stage_rot_days_proposal',
    type: 'integer',
    default: 30,
    min: 1,
    max: 3650,
    description: {
      en: 'Days an open opportunity may stay in Proposal before it is stalled',
      zh: '商机停留在“方案”阶段超过多少天视为停滞',
    },
  },
  {
    key: 'stage_rot_days_negotiation',
    type: 'integer',
    default: 21,
    min: 1,
    max: 3650,
    description: {
      en: 'Days an open opportunity may stay in Negotiation before it is stalled',
      zh: '商机停留在“谈判”阶段超过多少天视为停滞',
    },
  },
  {
    key: 'whitespace_min_share',
    type: 'number',
    default: 0.3,
    min: 0.01,
    max: 1,
    description: {
      en: "Cross-sell: share of an industry's accounts that must buy a product before it is suggested to the others",
      zh: '交叉销售：同行业中至少有多大比例的客户购买了某产品，才向其余客户推荐',
    },
  },
  {
    key: 'whitespace_min_accounts',
    type: 'integer',
    default: 5,
    min: 2,
    max: 100000,
    description: {
      en: 'Cross-sell: fewest accounts an industry needs before its products are suggested',
      zh: '交叉销售：行业至少有多少个客户时才给出推荐',
    },
  },
  {
    key: 'data_source',
    type: 'source',
    default: 'sheet',
    description: {
      en: 'Where the refresh reads transactions: sheet, or bigquery (docs/outgrow.md)',
      zh: '刷新从哪里读取交易记录：sheet（工作表）或 bigquery（见 docs/outgrow.zh-CN.md）',
    },
  },
  {
    key: 'bigquery_project',
    type: 'bq_project',
    default: '',
    description: {
      en: 'BigQuery: the Google Cloud project ID that holds the dataset and pays for the queries',
      zh: 'BigQuery：存放数据集并支付查询费用的 Google Cloud 项目 ID',
    },
  },
  {
    key: 'bigquery_dataset',
    type: 'bq_name',
    default: '',
    description: {
      en: 'BigQuery: the dataset of the transactions table',
      zh: 'BigQuery：交易表所在的数据集',
    },
  },
  {
    key: 'bigquery_transactions_table',
    type: 'bq_name',
    default: 'transactions',
    description: {
      en: 'BigQuery: the table of transactions (columns named by the keys of the Transactions sheet)',
      zh: 'BigQuery：交易表（列名为交易记录表的列键）',
    },
  },
  {
    key: 'bigquery_interactions_table',
    type: 'bq_name',
    default: '',
    description: {
      en: 'BigQuery: the table of interactions, read instead of the Interactions sheet (blank = the sheet)',
      zh: 'BigQuery：互动记录表，代替互动记录工作表读取（留空 = 使用工作表）',
    },
  },
  {
    key: 'bigquery_summary_table',
    type: 'bq_name',
    default: '',
    description: {
      en: 'BigQuery: table each refresh rewrites with the Looker summary, e.g. kam_summary (blank = not written)',
      zh: 'BigQuery：每次刷新写入 Looker 摘要的表，例如 kam_summary（留空 = 不写入）',
    },
  },
  {
    key: 'bigquery_history_table',
    type: 'bq_name',
    default: '',
    description: {
      en: 'BigQuery: table of daily snapshots for Looker, partitioned by snapshot_date, e.g. kam_history (blank = not written)',
      zh: 'BigQuery：供 Looker 使用的每日快照表，按 snapshot_date 分区，例如 kam_history（留空 = 不写入）',
    },
  },
  {
    key: 'health_weight_recency',
    type: 'number',
    default: 30,
    min: 0,
    max: 100,
    description: { en: 'Health score weight: recency of activity', zh: '健康度权重：最近活动' },
  },
  {
    key: 'health_weight_trend',
    type: 'number',
    default: 20,
    min: 0,
    max: 100,
    description: {
      en: 'Health score weight: revenue trend (last 90 days vs the 90 before)',
      zh: '健康度权重：收入趋势（近 90 天对比前 90 天）',
    },
  },
  {
    key: 'health_weight_satisfaction',
    type: 'number',
    default: 20,
    min: 0,
    max: 100,
    description: {
      en: 'Health score weight: satisfaction (last 12 months)',
      zh: '健康度权重：满意度（近 12 个月）',
    },
  },
  {
    key: 'health_weight_complaints',
    type: 'number',
    default: 10,
    min: 0,
    max: 100,
    description: { en: 'Health score weight: open complaints', zh: '健康度权重：未关闭投诉' },
  },
  {
    key: 'health_weight_actions',
    type: 'number',
    default: 10,
    min: 0,
    max: 100,
    description: { en: 'Health score weight: overdue actions', zh: '健康度权重：逾期行动' },
  },
  {
    key: 'health_weight_contacts',
    type: 'number',
    default: 10,
    min: 0,
    max: 100,
    description: { en: 'Health score weight: contact coverage', zh: '健康度权重：联系人覆盖' },
  },
];

/** Exchange rates written by `Set up workbook` as an example; the user edits them. */
export const DEFAULT_RATES: readonly { currency: string; rate: number }[] = [
  { currency: 'CNY', rate: 1 },
  { currency: 'USD', rate: 7.1 },
  { currency: 'EUR', rate: 7.8 },
];
