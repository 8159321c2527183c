import { pick, type Locale } from '../i18n/locale';
import type { EnumOption } from './types';

/** Enum values of docs/workbook.md, code first; the code, the English and the Chinese label all match. */
export const TIERS: readonly EnumOption[] = [
  { code: 'strategic', en: 'Strategic', zh: '战略' },
  { code: 'key', en: 'Key', zh: '重点' },
  { code: 'standard', en: 'Standard', zh: '普通' },
  { code: 'potential', en: 'Potential', zh: '潜在' },
];

export const ACCOUNT_STATUSES: readonly EnumOption[] = [
  { code: 'active', en: 'Active', zh: '合作中' },
  { code: 'prospect', en: 'Prospect', zh: '潜在' },
  { code: 'dormant', en: 'Dormant', zh: '休眠' },
  { code: 'lost', en: 'Lost', zh: '流失' },
];

export const CONTACT_ROLES: readonly EnumOption[] = [
  { code: 'decision_maker', en: 'Decision maker', zh: '决策者' },
  { code: 'influencer', en: 'Influencer', zh: '影响者' },
  { code: 'user', en: 'User', zh: '使用者' },
  { code: 'gatekeeper', en: 'Gatekeeper', zh: '把关者' },
];

export const INTERACTION_TYPES: readonly EnumOption[] = [
  { code: 'visit', en: 'Visit', zh: '拜访' },
  { code: 'call', en: 'Call', zh: '电话' },
  { code: 'email', en: 'Email', zh: '邮件' },
  { code: 'meeting', en: 'Meeting', zh: '会议' },
  { code: 'chat', en: 'Chat', zh: '在线沟通' },
  { code: 'follow_up', en: 'Follow-up', zh: '回访' },
  // Written by Account 360's "Record review" (a plan review held with the account).
  { code: 'review', en: 'Review', zh: '回顾' },
];

export const COMPLAINT_STATUSES: readonly EnumOption[] = [
  { code: 'open', en: 'Open', zh: '处理中' },
  { code: 'closed', en: 'Closed', zh: '已关闭' },
];

export const ACTION_STATUSES: readonly EnumOption[] = [
  { code: 'not_started', en: 'Not started', zh: '未开始' },
  { code: 'in_progress', en: 'In progress', zh: '进行中' },
  { code: 'done', en: 'Done', zh: '已完成' },
  { code: 'blocked', en: 'Blocked', zh: '受阻' },
];

export const YES_NO: readonly EnumOption[] = [
  { code: 'yes', en: 'Yes', zh: '是' },
  { code: 'no', en: 'No', zh: '否' },
];

export const ABC_CLASSES: readonly EnumOption[] = [
  { code: 'A', en: 'A', zh: 'A' },
  { code: 'B', en: 'B', zh: 'B' },
  { code: 'C', en: 'C', zh: 'C' },
];

export const RFM_SEGMENTS: readonly EnumOption[] = [
  { code: 'champions', en: 'Champions', zh: '重要价值客户' },
  { code: 'loyal_customers', en: 'Loyal customers', zh: '忠诚客户' },
  { code: 'potential_loyalists', en: 'Potential loyalists', zh: '潜力客户' },
  { code: 'new_customers', en: 'New customers', zh: '新客户' },
  { code: 'promising', en: 'Promising', zh: '有望客户' },
  { code: 'need_attention', en: 'Need attention', zh: '需要关注' },
  { code: 'about_to_sleep', en: 'About to sleep', zh: '即将沉睡' },
  { code: 'at_risk', en: 'At risk', zh: '流失风险' },
  { code: 'cant_lose_them', en: "Can't lose them", zh: '不能失去' },
  { code: 'hibernating', en: 'Hibernating', zh: '沉睡客户' },
  { code: 'no_purchases', en: 'No recent purchases', zh: '近期无交易' },
];

export const CHURN_RISKS: readonly EnumOption[] = [
  { code: 'active', en: 'Active', zh: '活跃' },
  { code: 'watch', en: 'Watch', zh: '观察' },
  { code: 'at_risk', en: 'At risk', zh: '有风险' },
  { code: 'churn_warning', en: 'Churn warning', zh: '流失预警' },
  { code: 'insufficient_history', en: 'Insufficient history', zh: '历史不足' },
];

/** Risk flags (docs/rules.md "Risk flags"), in the order `risk_flags` lists them. */
export const RISK_FLAGS: readonly EnumOption[] = [
  { code: 'churn', en: 'Churn warning', zh: '流失预警' },
  { code: 'revenue_drop', en: 'Revenue drop', zh: '收入下滑' },
  { code: 'credit', en: 'Credit risk', zh: '信用风险' },
  { code: 'complaint', en: 'Complaint overdue', zh: '投诉超时' },
  { code: 'plan_behind', en: 'Behind plan', zh: '计划落后' },
  { code: 'single_threaded', en: 'Single-threaded', zh: '单线联系' },
];

/** Opportunity stages (docs/workbook.md "opportunities"), in pipeline order. */
export const OPPORTUNITY_STAGES: readonly EnumOption[] = [
  { code: 'lead', en: 'Lead', zh: '线索' },
  { code: 'qualified', en: 'Qualified', zh: '已确认' },
  { code: 'proposal', en: 'Proposal', zh: '方案' },
  { code: 'negotiation', en: 'Negotiation', zh: '谈判' },
  { code: 'won', en: 'Won', zh: '赢单' },
  { code: 'lost', en: 'Lost', zh: '输单' },
];

export const HEALTH_BANDS: readonly EnumOption[] = [
  { code: 'green', en: 'Green', zh: '健康' },
  { code: 'yellow', en: 'Yellow', zh: '关注' },
  { code: 'red', en: 'Red', zh: '危险' },
];

export const CREDIT_RATINGS: readonly EnumOption[] = [
  { code: 'A', en: 'A', zh: 'A' },
  { code: 'B', en: 'B', zh: 'B' },
  { code: 'C', en: 'C', zh: 'C' },
  { code: 'D', en: 'D', zh: 'D' },
];

export const SEVERITIES: readonly EnumOption[] = [
  { code: 'error', en: 'error', zh: '错误' },
  { code: 'warning', en: 'warning', zh: '警告' },
];

export const REMINDER_STATUSES: readonly EnumOption[] = [
  { code: 'sending', en: 'sending', zh: '发送中' },
  { code: 'sent', en: 'sent', zh: '已发送' },
  { code: 'preview', en: 'preview', zh: '预览' },
  { code: 'skipped', en: 'skipped', zh: '已跳过' },
  { code: 'blocked', en: 'blocked', zh: '已拦截' },
  { code: 'deferred', en: 'deferred', zh: '已推迟' },
  { code: 'failed', en: 'failed', zh: '失败' },
];

/** Which digest a `reminder_log` row records: an owner's daily one or a manager's weekly one. */
export const DIGEST_KINDS: readonly EnumOption[] = [
  { code: 'owner', en: 'owner', zh: '负责人' },
  { code: 'manager', en: 'manager', zh: '经理' },
];

/** A value's label in a language (the code itself when the list does not have it). */
export function optionLabel(options: readonly EnumOption[], code: string, locale: Locale): string {
  const o = options.find((x) => x.code === code);
  return o ? pick(o, locale) : code;
}
