import { parseIsoDay, type Day } from '../../../src/core/calendar/day';
import { computeMetrics } from '../../../src/core/engine/compute';
import type {
  AccountRecord,
  ContactRecord,
  InteractionRecord,
  KamModel,
  PlanRecord,
  TransactionRecord,
} from '../../../src/core/model/records';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/model';

const D = (s: string): Day => parseIsoDay(s) as Day;
// Window [2025-05-15, 2026-05-15]; previous [2024-05-15, 2025-05-14]; 2026-Q2 day 45 of 91.
const today = D('2026-05-15');

const account = (id: string, tier: string | null): AccountRecord => ({
  row: 2,
  id,
  name: id,
  parentId: null,
  industry: '',
  region: '',
  address: '',
  ownerEmail: null,
  backupOwnerEmail: null,
  tier,
  status: 'active',
  creditLimit: null,
  nextActionDate: null,
  remindersPausedUntil: null,
  notes: '',
});
const tx = (accountId: string, date: string, amount: number): TransactionRecord => ({
  row: 2,
  date: D(date),
  accountId,
  product: '',
  amount,
  currency: 'CNY',
  paymentDueDate: null,
  paidDate: null,
});
const complaint = (
  accountId: string,
  date: string,
  status: 'open' | 'closed' | null,
): InteractionRecord => ({
  row: 2,
  date: D(date),
  accountId,
  type: 'call',
  ownerEmail: null,
  summary: '',
  nextStep: '',
  satisfaction: null,
  complaint: true,
  complaintStatus: status,
});
const contact = (accountId: string): ContactRecord => ({
  row: 2,
  accountId,
  name: 'n',
  title: '',
  email: null,
  phone: '',
  role: null,
  influence: null,
  relationship: null,
  birthday: null,
});
const plan = (accountId: string, period: string, revenueTarget: number | null): PlanRecord => ({
  row: 2,
  accountId,
  period,
  challenges: '',
  goals: '',
  specialRequirements: '',
  valueProposition: '',
  revenueTarget,
  nextReviewDate: null,
  reviewCadenceMonths: 3,
});

const model: KamModel = {
  settings: DEFAULT_SETTINGS,
  opportunities: [],
  accounts: [account('R1', null), account('R2', 'standard')],
  transactions: [
    tx('R1', '2024-06-01', 100_000), // previous window
    tx('R1', '2025-06-01', 30_000),
    tx('R1', '2026-03-31', 10_000), // the day before 2026-Q2
    tx('R1', '2026-04-01', 20_000), // first day of 2026-Q2
    tx('R1', '2026-05-15', 5_000), // today
    tx('R2', '2025-01-01', 100),
    tx('R2', '2026-02-01', 500),
    tx('R2', '2026-03-01', -50),
  ],
  interactions: [
    complaint('R1', '2026-01-01', 'closed'),
    complaint('R1', '2026-05-07', 'open'), // 8 days ago
    complaint('R2', '2026-05-08', null), // exactly 7 days ago: within the SLA
  ],
  actions: [],
  contacts: [contact('R1'), contact('R2'), contact('R2')],
  plans: [
    plan('R1', '2026', 400_000),
    plan('R1', '2026-Q2', 90_000),
    plan('R1', '2026-Q1', 1),
    plan('R2', '2026', null),
  ],
};
const [r1, r2] = computeMetrics(model, today);

describe('risk flags through computeMetrics', () => {
  it('R1: revenue drop, overdue complaint, behind plan, single-threaded', () => {
    expect(r1.abcClass).toBe('A');
    // revenue_12m 30,000 + 10,000 + 20,000 + 5,000 = 65,000 < 0.7 × 100,000.
    expect(r1.revenue12m).toBe(65_000);
    expect(r1.revenuePrev12m).toBe(100_000);
    // The quarter is preferred to the year; period revenue 20,000 + 5,000 from 1 April.
    expect(r1.periodRevenue).toBe(25_000);
    expect(r1.planTarget).toBe(90_000);
    // 25,000 < 90,000 × 45/91 × 0.9 = 40,054.95; attainment 25,000 ÷ 90,000 = 0.28.
    expect(r1.planAttainment).toBe(0.28);
    expect(r1.riskFlags).toEqual(['revenue_drop', 'complaint', 'plan_behind', 'single_threaded']);
  });

  it('R2: a plan without target gives period revenue but no attainment and no flag', () => {
    expect(r2.abcClass).not.toBe('A');
    expect(r2.periodRevenue).toBe(450); // 500 − 50 since 1 January
    expect(r2.planTarget).toBeNull();
    expect(r2.planAttainment).toBeNull();
    expect(r2.openComplaints).toBe(1);
    expect(r2.riskFlags).toEqual([]);
  });
});
