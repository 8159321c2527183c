import type { SheetKey } from './types';

/**
 * Names teams already use for our sheets and columns, besides the key and the English and
 * Chinese names. Matched after those, case-, space- and punctuation-insensitively (full-width
 * forms fold to half-width). An alias listed for two columns of one sheet is ambiguous on
 * purpose: such a header is reported, never matched silently. docs/workbook.md lists them all
 * (a test keeps the two in step).
 */
export const SHEET_ALIASES: Readonly<Record<SheetKey, readonly string[]>> = {
  accounts: [
    '客户信息',
    '客户列表',
    '客户清单',
    '客户档案',
    '大客户',
    '重点客户',
    '客户名单',
    'Customers',
    'Customer List',
    'Key Accounts',
    'Clients',
  ],
  contacts: ['联系人信息', '联系人列表', '客户联系人', '通讯录', 'Contact List', 'People'],
  transactions: [
    '交易明细',
    '销售记录',
    '订单',
    '订单明细',
    '销售明细',
    '成交记录',
    'Sales',
    'Orders',
    'Deals',
    'Invoices',
  ],
  interactions: ['拜访记录', '跟进记录', '沟通记录', 'Activities', 'Visits', 'Activity Log'],
  actions: ['行动', '待办', '任务', '工作计划', 'Actions', 'Tasks', 'To Do'],
  plans: ['客户规划', '大客户计划', 'Plans', 'Key Account Plans'],
  settings: ['配置', '参数', 'Config', 'Configuration'],
  summary: ['概要'],
  history: ['历史记录'],
  monthly: ['月报'],
  data_issues: ['数据错误', 'Issues'],
  reminder_log: ['提醒日志'],
  change_log: ['修改日志', 'Audit Log'],
  dashboard: ['看板'],
};

const ACCOUNT_ID = [
  '编号',
  '客户代码',
  '客户ID',
  '客户号',
  'Customer ID',
  'Account No',
  'Client ID',
];
const NOTES = ['说明', '注释', 'Remarks', 'Comment', 'Comments', 'Memo'];

/** Column aliases of the user sheets, by sheet and column key. */
export const COLUMN_ALIASES: Readonly<
  Partial<Record<SheetKey, Readonly<Record<string, readonly string[]>>>>
> = {
  accounts: {
    account_id: ACCOUNT_ID,
    account_name: [
      '公司名称',
      '客户全称',
      '企业名称',
      '客户名',
      '单位名称',
      'Company',
      'Customer',
      'Customer Name',
      'Company Name',
      'Client',
    ],
    parent_account_id: ['上级编号', '母公司编号', '集团编号', 'Parent ID', 'Parent'],
    industry: ['所属行业', '行业类别', '行业分类', 'Sector', 'Vertical', 'Industry Type'],
    region: ['区域', '所在地区', '大区', '省份', '城市', 'Area', 'Territory', 'Location'],
    address: ['公司地址', '联系地址', '详细地址', 'Street Address'],
    owner_email: [
      '负责人',
      '销售负责人',
      '客户经理',
      '客户经理邮箱',
      '销售邮箱',
      'Owner',
      'Account Manager',
      'Sales Rep Email',
      'KAM Email',
    ],
    backup_owner_email: ['备份负责人', '协助人邮箱', 'Backup Owner', 'Backup Email'],
    tier: ['客户等级', '等级', '级别', 'Level', 'Grade', 'Account Tier'],
    status: ['客户状态', '合作状态', 'Account Status', 'State'],
    credit_limit: ['授信额度', '信用额', 'Credit Line', 'Credit'],
    next_action_date: ['下次跟进', '下次联系日期', 'Next Follow-up', 'Next Contact Date'],
    reminders_paused_until: ['暂停提醒', 'Paused Until'],
    notes: NOTES,
  },
  contacts: {
    account_id: ACCOUNT_ID,
    name: ['联系人', '联系人姓名', '名字', 'Contact', 'Contact Name', 'Full Name'],
    title: ['职务', '岗位', 'Job Title', 'Position'],
    email: ['电子邮箱', '联系人邮箱', 'E-mail', 'Email Address', 'Mail'],
    phone: ['手机', '手机号', '联系电话', '电话号码', 'Mobile', 'Phone Number', 'Tel'],
    role: ['决策角色', '角色类型', 'Buying Role', 'Contact Role'],
    influence: ['影响程度', 'Influence Level'],
    relationship: ['关系', '亲密度', 'Relationship Strength'],
    birthday: ['出生日期', '生辰', 'Date of Birth', 'DOB'],
    notes: NOTES,
  },
  transactions: {
    date: ['日期', '下单日期', '成交日期', '订单日期', '销售日期', 'Order Date', 'Sale Date'],
    account_id: ACCOUNT_ID,
    product: ['产品名称', '商品', '品名', 'Item', 'Product Name', 'SKU'],
    quantity: ['销量', '件数', 'Qty', 'Units', 'Volume'],
    unit_price: ['价格', '售价', 'Price', 'Unit Cost'],
    amount: ['销售额', '成交金额', '订单金额', '合同金额', '销售金额', 'Revenue', 'Total', 'Value'],
    currency: ['货币', '币别', 'Curr', 'CCY'],
    payment_due_date: ['到期日', '应收日期', '账期到期', 'Due Date', 'Invoice Due Date'],
    paid_date: ['回款日期', '收款日期', '付款时间', 'Payment Date', 'Date Paid'],
    notes: NOTES,
  },
  interactions: {
    date: ['日期', '拜访日期', '沟通日期', '跟进日期', 'Visit Date', 'Activity Date'],
    account_id: ACCOUNT_ID,
    type: ['方式', '跟进方式', '沟通方式', 'Channel', 'Activity Type'],
    owner_email: ['记录人', '跟进人', '拜访人', 'Owner', 'Logged By'],
    summary: ['内容', '沟通内容', '拜访内容', '纪要', 'Description', 'Notes'],
    next_step: ['下一步计划', '后续行动', 'Follow-up', 'Next Action'],
    satisfaction: ['满意程度', '评分', 'CSAT', 'Rating'],
    complaint: ['是否投诉', '有无投诉', 'Is Complaint'],
    complaint_status: ['投诉处理状态', 'Complaint State'],
  },
  actions: {
    task: ['事项', '行动项', '工作内容', 'Action', 'To Do', 'Item'],
    account_id: ACCOUNT_ID,
    owner_email: ['负责人', '执行人', '责任人', 'Owner', 'Assignee'],
    start_date: ['开始时间', '日期', 'Start', 'Date'],
    due_date: ['截止时间', '到期日期', '日期', 'Deadline', 'Due', 'Date'],
    status: ['进度', '完成情况', 'State', 'Progress'],
    completed_date: ['完成时间', 'Done Date', 'Completed'],
    outcome: ['结果', '成效', 'Result'],
  },
  plans: {
    account_id: ACCOUNT_ID,
    period: ['计划周期', '年度', 'Plan Period', 'Year'],
    challenges: ['挑战', '痛点', 'Pain Points'],
    goals: ['目标', '计划目标', 'Objectives'],
    special_requirements: ['特殊需求', 'Requirements'],
    value_proposition: ['价值定位', 'Value Prop'],
    revenue_target: ['销售目标', '业绩目标', 'Sales Target', 'Target'],
    next_review_date: ['回顾日期', 'Review Date'],
  },
};
