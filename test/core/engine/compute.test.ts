import fc from 'fast-check';
import { parseIsoDay, type Day } from '../../../src/core/calendar/day';
import { computeMetrics } from '../../../src/core/engine/compute';
import { generateModel } from '../../../src/core/sample-data/generate-model';
import { mulberry32, shuffled } from '../../../src/core/sample-data/random';
import type { AccountMetrics } from '../../../src/core/model/metrics';
import type {
  ActionRecord,
  ContactRecord,
  InteractionRecord,
  KamModel,
  TransactionRecord,
} from '../../../src/core/model/records';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/model';
import { account } from '../rules/model-builders';

const D = (s: string): Day => parseIsoDay(s) as Day;
const today = D('2026-05-15'); // window [2025-05-15, 2026-05-15]; previous [2024-05-15, 2025-05-14]

const tx = (
  accountId: string,
  date: string,
  amount: number,
  over: Partial<TransactionRecord> = {},
): TransactionRecord => ({
  row: 2,
  date: D(date),
  accountId,
  product: '',
  amount,
  currency: 'CNY',
  paymentDueDate: null,
  paidDate: null,
  ...over,
});
const interaction = (
  accountId: string,
  date: string,
  over: Partial<InteractionRecord> = {},
): InteractionRecord => ({
  row: 2,
  date: D(date),
  accountId,
  type: 'call',
  ownerEmail: null,
  summary: '',
  nextStep: '',
  satisfaction: null,
  complaint: false,
  complaintStatus: null,
  ...over,
});
const action = (accountId: string | null, over: Partial<ActionRecord> = {}): ActionRecord => ({
  row: 2,
  task: 't',
  accountId,
  ownerEmail: null,
  startDate: null,
  dueDate: null,
  status: 'not_started',
  completedDate: null,
  outcome: '',
  ...over,
});
const contact = (accountId: string | null, role: string | null): ContactRecord => ({
  row: 2,
  accountId,
  name: 'n',
  title: '',
  email: null,
  phone: '',
  role,
  influence: null,
  relationship: null,
  birthday: null,
});

const model: KamModel = {
  settings: DEFAULT_SETTINGS,
  accounts: [account('ACC1'), account('ACC2', { creditLimit: 1000 }), account('ACC3')],
  transactions: [
    tx('ACC1', '2025-05-15', 100), // on the window start: in
    tx('ACC1', '2025-05-14', 1000), // one day before: previous window
    tx('ACC1', '2026-05-01', 500, { paymentDueDate: D('2026-04-01') }), // unpaid, 44 days overdue
    tx('ACC1', '2026-05-10', -200), // return, same day as an order
    tx('ACC1', '2026-05-10', 300),
    tx('ACC2', '2026-01-10', 300),
    tx('ACC2', '2026-06-01', 999), // future: ignored (the parser normally drops it)
    tx('GHOST', '2026-05-01', 5000), // unknown account: ignored
  ],
  interactions: [
    interaction('ACC1', '2026-03-01', {
      satisfaction: 5,
      complaint: true,
      complaintStatus: 'open',
    }),
    interaction('ACC1', '2026-04-01', { satisfaction: 4, complaint: true, complaintStatus: null }),
    interaction('ACC1', '2026-04-15', {
      satisfaction: 4,
      complaint: true,
      complaintStatus: 'closed',
    }),
    interaction('ACC1', '2025-05-14', { satisfaction: 1 }), // before the window: not in the mean
    interaction('ACC3', '2026-05-10'),
    interaction('GHOST', '2026-05-14'),
  ],
  actions: [
    action('ACC1', { status: 'done', completedDate: D('2026-05-02') }),
    action('ACC1', { status: null, dueDate: D('2026-05-14') }), // blank status = open, overdue
    action('ACC1', { status: 'in_progress', dueDate: today }), // open, due today: not overdue
    action('ACC3', { status: 'done', completedDate: D('2026-05-12') }), // activity
    action('ACC3', { status: 'done', completedDate: D('2026-05-20') }), // future: not activity
    action('ACC3', { status: 'blocked', completedDate: D('2026-05-14') }), // not done: not activity
    action(null, { dueDate: D('2026-01-01') }),
  ],
  contacts: [
    contact('ACC1', 'decision_maker'),
    contact('ACC1', 'user'),
    contact(null, 'decision_maker'),
  ],
  plans: [],
  opportunities: [],
};

describe('computeMetrics on a hand-built workbook', () => {
  const byId = new Map(computeMetrics(model, today).map((m) => [m.accountId, m]));
  const acc1 = byId.get('ACC1') as AccountMetrics;
  const acc2 = byId.get('ACC2') as AccountMetrics;
  const acc3 = byId.get('ACC3') as AccountMetrics;

  it('keeps the accounts order', () => {
    expect(computeMetrics(model, today).map((m) => m.accountId)).toEqual(['ACC1', 'ACC2', 'ACC3']);
  });

  it('sums revenue in the window, returns included, and the previous window', () => {
    // 100 (window start) + 500 − 200 + 300 = 700; the 1000 of 2025-05-14 is in the previous window.
    expect(acc1.revenue12m).toBe(700);
    expect(acc1.revenuePrev12m).toBe(1000);
    expect(acc1.orders12m).toBe(3); // positive amounts in the window: 100, 500, 300
    expect(acc1.lastOrderDate).toBe(D('2026-05-10'));
    expect(acc2.revenue12m).toBe(300);
    expect(acc3).toMatchObject({
      revenue12m: 0,
      revenuePrev12m: 0,
      orders12m: 0,
      lastOrderDate: null,
    });
  });

  it('classifies ABC over positive revenue', () => {
    // Total 1000: ACC1 before 0 → A; ACC2 before 0.7 < 0.8 → A; ACC3 revenue 0 → C.
    expect([acc1.abcClass, acc2.abcClass, acc3.abcClass]).toEqual(['A', 'A', 'C']);
  });

  it('scores RFM over accounts with a positive amount in the window', () => {
    // n = 2. ACC1: 5 days, 3 distinct dates (2025-05-15, 2026-05-01, 2026-05-10), 700.
    // ACC2: 125 days, 1 date, 300. The better one ranks 2 → percent rank 1 → 5; the other 1.
    expect(acc1.rfm).toEqual({
      recencyDays: 5,
      frequency: 3,
      monetary: 700,
      r: 5,
      f: 5,
      m: 5,
      score: '555',
    });
    expect(acc1.rfmSegment).toBe('champions');
    expect(acc2.rfm?.score).toBe('111');
    expect(acc2.rfmSegment).toBe('hibernating');
    expect(acc3.rfm).toBeNull();
    expect(acc3.rfmSegment).toBe('no_purchases');
  });

  it('derives churn from all positive dates', () => {
    // ACC1 distinct positive dates 2025-05-14, 2025-05-15, 2026-05-01, 2026-05-10: gaps 1, 351, 9
    // → median 9; 5 days since the last → 0.56 → active. ACC2 has one date.
    expect(acc1.churnRisk).toBe('active');
    expect(acc2.churnRisk).toBe('insufficient_history');
  });

  it('finds the last activity among interactions, transactions and completed actions', () => {
    expect(acc1.lastActivityDate).toBe(D('2026-05-10')); // the transactions
    expect(acc2.lastActivityDate).toBe(D('2026-01-10')); // the future row does not count
    expect(acc3.lastActivityDate).toBe(D('2026-05-12')); // done action, not the future one
    expect(acc3.daysSinceActivity).toBe(3);
    // ACC2 is A (threshold 14) with 125 days → stale; ACC3 is C (60) with 3 days → fine.
    expect(acc2).toMatchObject({
      stale: true,
      staleReasons: ['over_threshold'],
      staleThreshold: 14,
    });
    expect(acc3).toMatchObject({ stale: false, dueSoon: false, staleThreshold: 60 });
  });

  it('counts actions, complaints, satisfaction and contacts', () => {
    expect(acc1).toMatchObject({
      openActions: 2,
      overdueActions: 1,
      openComplaints: 2,
      contactsCount: 2,
    });
    // (5 + 4 + 4) / 3 = 4.333… → 4.33; the rating of 2025-05-14 is outside the window.
    expect(acc1.avgSatisfaction).toBe(4.33);
    expect(acc3).toMatchObject({
      openActions: 1,
      overdueActions: 0,
      openComplaints: 0,
      avgSatisfaction: null,
      contactsCount: 0,
    });
  });

  it('rates credit', () => {
    // ACC1: 500 unpaid, due 2026-04-01 → 44 days overdue → C (no limit).
    expect(acc1.creditRating).toBe('C');
    // ACC2: limit 1000, no invoices → utilisation 0 → A. ACC3: nothing → blank.
    expect(acc2.creditRating).toBe('A');
    expect(acc3.creditRating).toBeNull();
  });

  it('computes the health score', () => {
    // See health.test.ts "combines the components of a real account": 5 days (A: 14), trend
    // 600 vs 0, satisfaction 13/3, 2 open complaints, 1 overdue action, 2 contacts with a
    // decision maker → 78.81 → 79, green.
    expect(acc1.healthComponents).toMatchObject({
      trend: 100,
      complaints: 0,
      actions: 75,
      contacts: 100,
    });
    expect(acc1.healthScore).toBe(79);
    expect(acc1.healthBand).toBe('green');
  });
});

/** The same structure with every number rounded to 10 significant digits. */
function roundDeep(x: unknown): unknown {
  if (typeof x === 'number') return Number(x.toPrecision(10));
  if (Array.isArray(x)) return x.map(roundDeep);
  if (x !== null && typeof x === 'object')
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, roundDeep(v)]));
  return x;
}

const small = (seed: number) => generateModel({ accounts: 30, transactions: 400, seed, today });
const key = (m: AccountMetrics) => [m.abcClass, m.rfm?.score ?? '-', m.rfmSegment].join('|');

describe('computeMetrics properties', () => {
  it('gives every account one ABC class, one segment, RFM 1–5 and health 0–100', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const mod = small(seed);
        const out = computeMetrics(mod, today);
        expect(out.map((m) => m.accountId)).toEqual(mod.accounts.map((a) => a.id));
        // One expect per run: jest's matchers are slow, the checks themselves are not.
        const bad = out.filter(
          (m) =>
            !['A', 'B', 'C'].includes(m.abcClass) ||
            (m.rfmSegment === 'no_purchases') !== (m.rfm === null) ||
            (m.rfm !== null && ![m.rfm.r, m.rfm.f, m.rfm.m].every((v) => v >= 1 && v <= 5)) ||
            !(Number.isInteger(m.healthScore) && m.healthScore >= 0 && m.healthScore <= 100) ||
            (m.exempt && (m.stale || m.dueSoon)),
        );
        expect(bad).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (seed, shuffleSeed) => {
        const mod = small(seed);
        const rand = mulberry32(shuffleSeed);
        const mixed: KamModel = {
          ...mod,
          accounts: shuffled(rand, mod.accounts),
          transactions: shuffled(rand, mod.transactions),
          interactions: shuffled(rand, mod.interactions),
          actions: shuffled(rand, mod.actions),
          contacts: shuffled(rand, mod.contacts),
        };
        // Sums in a different order may differ in the last bit; compare to 10 significant digits.
        const byId = (ms: AccountMetrics[]) =>
          JSON.stringify(roundDeep([...ms].sort((x, y) => (x.accountId < y.accountId ? -1 : 1))));
        expect(byId(computeMetrics(mixed, today))).toBe(byId(computeMetrics(mod, today)));
      }),
      { numRuns: 200 },
    );
  });

  it('changes no ABC class and no RFM score when every amount is converted with one rate', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(7.1, 0.1375, 0.1, 1 / 3), (seed, rate) => {
        const mod = small(seed);
        const scaled: KamModel = {
          ...mod,
          transactions: mod.transactions.map((t) => ({ ...t, amount: t.amount * rate })),
        };
        expect(computeMetrics(scaled, today).map(key).join()).toBe(
          computeMetrics(mod, today).map(key).join(),
        );
      }),
      { numRuns: 200 },
    );
  });
});
