import { parseIsoDay, type Day } from '../../../src/core/calendar/day';
import { computeMetrics } from '../../../src/core/engine/compute';
import { generateModel } from '../../../src/core/sample-data/generate-model';

const today = parseIsoDay('2026-05-15') as Day;

describe('generateModel', () => {
  const model = generateModel({ accounts: 500, transactions: 20000, seed: 7, today });

  it('is deterministic for a seed', () => {
    expect(generateModel({ accounts: 50, transactions: 500, seed: 7, today })).toEqual(
      generateModel({ accounts: 50, transactions: 500, seed: 7, today }),
    );
    expect(generateModel({ accounts: 50, transactions: 500, seed: 8, today })).not.toEqual(
      generateModel({ accounts: 50, transactions: 500, seed: 7, today }),
    );
  });

  it('produces the requested sizes, unique ids and valid references', () => {
    expect(model.accounts).toHaveLength(500);
    expect(model.transactions).toHaveLength(20000);
    const ids = new Set(model.accounts.map((a) => a.id));
    expect(ids.size).toBe(500);
    expect(model.transactions.filter((t) => !ids.has(t.accountId))).toEqual([]);
    expect(model.accounts.filter((a) => a.parentId !== null && !ids.has(a.parentId))).toEqual([]);
    expect(
      model.transactions.every(
        (t) => t.date <= today && (t.paidDate === null || t.paidDate <= today),
      ),
    ).toBe(true);
    expect(model.interactions.length).toBeGreaterThan(0);
    expect(model.actions.length).toBeGreaterThan(0);
    expect(model.contacts.length).toBeGreaterThan(0);
    expect(model.plans.length).toBeGreaterThan(0);
  });

  it('looks like real sales data', () => {
    const returns = model.transactions.filter((t) => t.amount < 0).length;
    const foreign = model.transactions.filter((t) => t.currency !== 'CNY').length;
    expect(returns / 20000).toBeGreaterThan(0.01);
    expect(returns / 20000).toBeLessThan(0.06);
    expect(foreign).toBeGreaterThan(0);
    // Pareto-ish: fewer A accounts than C accounts, and some accounts without purchases.
    const metrics = computeMetrics(model, today);
    const count = (c: string) => metrics.filter((m) => m.abcClass === c).length;
    expect(count('A')).toBeLessThan(count('C'));
    expect(metrics.some((m) => m.rfmSegment === 'no_purchases')).toBe(true);
    expect(new Set(metrics.map((m) => m.churnRisk)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(metrics.map((m) => m.healthBand)).size).toBe(3);
  });

  it('handles empty sizes', () => {
    const empty = generateModel({ accounts: 0, transactions: 100, seed: 1, today });
    expect(empty.accounts).toHaveLength(0);
    expect(empty.transactions).toHaveLength(0);
    expect(computeMetrics(empty, today)).toEqual([]);
  });
});
