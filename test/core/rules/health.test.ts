import fc from 'fast-check';
import type { HealthComponents } from '../../../src/core/model/metrics';
import {
  actionsComponent,
  complaintsComponent,
  contactsComponent,
  healthBand,
  healthComponents,
  healthScore,
  recencyComponent,
  satisfactionComponent,
  trendComponent,
} from '../../../src/core/rules/health';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/model';

const W = DEFAULT_SETTINGS.healthWeights; // 30/20/20/10/10/10, sum 100
const all = (x: number): HealthComponents => ({
  recency: x,
  trend: x,
  satisfaction: x,
  complaints: x,
  actions: x,
  contacts: x,
});

describe('health components', () => {
  it('recency: 100 × clamp01(1 − days / (2 × threshold)), 0 without activity', () => {
    expect(recencyComponent(null, 14)).toBe(0);
    expect(recencyComponent(0, 14)).toBe(100);
    expect(recencyComponent(7, 14)).toBe(75); // 1 − 7/28
    expect(recencyComponent(28, 14)).toBe(0);
    expect(recencyComponent(40, 14)).toBe(0);
    expect(recencyComponent(0, 0)).toBe(100);
    expect(recencyComponent(1, 0)).toBe(0);
  });

  it('trend: 50 + 50 × (cur − prev) / max(|cur|, |prev|), clamped; 50 when both ≤ 0', () => {
    expect(trendComponent(0, 0)).toBe(50);
    expect(trendComponent(-10, -5)).toBe(50);
    expect(trendComponent(100, 0)).toBe(100);
    expect(trendComponent(0, 100)).toBe(0);
    expect(trendComponent(100, 100)).toBe(50);
    expect(trendComponent(150, 100)).toBeCloseTo(50 + (50 * 50) / 150, 12); // 66.67
    // Returns: cur −10 vs prev 5 → 50 + 50 × (−15)/10 = −25 → 0; cur 50 vs prev −50 → 150 → 100.
    expect(trendComponent(-10, 5)).toBe(0);
    expect(trendComponent(50, -50)).toBe(100);
  });

  it('satisfaction, complaints, actions, contacts', () => {
    expect(satisfactionComponent(null)).toBe(50);
    expect(satisfactionComponent(1)).toBe(0);
    expect(satisfactionComponent(4)).toBe(75);
    expect(satisfactionComponent(5)).toBe(100);
    expect([0, 1, 2, 3].map(complaintsComponent)).toEqual([100, 50, 0, 0]);
    expect([0, 1, 3, 4, 5].map(actionsComponent)).toEqual([100, 75, 25, 0, 0]);
    expect(contactsComponent(0, false)).toBe(0);
    expect(contactsComponent(1, false)).toBe(25);
    expect(contactsComponent(5, false)).toBe(50);
    expect(contactsComponent(2, true)).toBe(100);
  });
});

describe('healthScore and bands', () => {
  it('bands at 49/50/74/75', () => {
    expect([49, 50, 74, 75].map((x) => healthScore(all(x), W))).toEqual([49, 50, 74, 75]);
    expect([49, 50, 74, 75].map(healthBand)).toEqual(['red', 'yellow', 'yellow', 'green']);
    expect(healthBand(0)).toBe('red');
    expect(healthBand(100)).toBe('green');
  });

  it('is the rounded weighted mean', () => {
    // recency 50 and trend 50 (weights 30 + 20), the rest 49 (weights 50):
    // (50 × 50 + 49 × 50) / 100 = 49.5 → 50, yellow.
    expect(
      healthScore(
        { recency: 50, trend: 50, satisfaction: 49, complaints: 49, actions: 49, contacts: 49 },
        W,
      ),
    ).toBe(50);
    // Only complaints weighted: the score is the complaints component.
    const only = { recency: 0, trend: 0, satisfaction: 0, complaints: 1, actions: 0, contacts: 0 };
    expect(healthScore({ ...all(10), complaints: 50 }, only)).toBe(50);
    // All weights 0 → 50.
    expect(healthScore(all(90), { ...only, complaints: 0 })).toBe(50);
  });

  it('combines the components of a real account', () => {
    // recency 5 days / threshold 14 → 100 × (1 − 5/28) = 82.142857…; trend 600 vs 0 → 100;
    // satisfaction mean 13/3 → (10/3)/4 × 100 = 83.333…; 2 open complaints → 0;
    // 1 overdue action → 75; 2 contacts with a decision maker → 100.
    // (30 × 82.142857 + 20 × 100 + 20 × 83.333 + 10 × 0 + 10 × 75 + 10 × 100) / 100 = 78.81 → 79.
    const c = healthComponents({
      daysSinceActivity: 5,
      staleThreshold: 14,
      revenueLast90: 600,
      revenuePrev90: 0,
      meanSatisfaction: 13 / 3,
      openComplaints: 2,
      overdueActions: 1,
      contactsCount: 2,
      hasDecisionMaker: true,
    });
    expect(c.recency).toBeCloseTo(82.142857, 5);
    expect(c.satisfaction).toBeCloseTo(83.333333, 5);
    expect(healthScore(c, W)).toBe(79);
  });

  it('stays an integer within 0–100 (property)', () => {
    const input = fc.record({
      daysSinceActivity: fc.option(fc.integer({ min: 0, max: 2000 })),
      staleThreshold: fc.integer({ min: 0, max: 120 }),
      revenueLast90: fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      revenuePrev90: fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      meanSatisfaction: fc.option(fc.double({ min: 1, max: 5, noNaN: true })),
      openComplaints: fc.nat(10),
      overdueActions: fc.nat(10),
      contactsCount: fc.nat(10),
      hasDecisionMaker: fc.boolean(),
    });
    const weights = fc.record({
      recency: fc.nat(100),
      trend: fc.nat(100),
      satisfaction: fc.nat(100),
      complaints: fc.nat(100),
      actions: fc.nat(100),
      contacts: fc.nat(100),
    });
    fc.assert(
      fc.property(input, weights, (i, w) => {
        const c = healthComponents(i);
        for (const v of Object.values(c)) expect(v >= 0 && v <= 100).toBe(true);
        const s = healthScore(c, w);
        expect(Number.isInteger(s) && s >= 0 && s <= 100).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
