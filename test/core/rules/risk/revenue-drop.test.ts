import { revenueDropFlag } from '../../../../src/core/rules/risk/revenue-drop';

describe('revenue_drop flag (revenue_drop_pct 0.3)', () => {
  // Previous 12 months 100,000: the line is (1 − 0.3) × 100,000 = 70,000.
  it('is not raised exactly at the line, raised one cent below it', () => {
    expect(revenueDropFlag(70_000, 100_000, 0.3)).toBe(false);
    expect(revenueDropFlag(70_000.01, 100_000, 0.3)).toBe(false);
    expect(revenueDropFlag(69_999.99, 100_000, 0.3)).toBe(true);
    expect(revenueDropFlag(0, 100_000, 0.3)).toBe(true);
    expect(revenueDropFlag(-500, 100_000, 0.3)).toBe(true);
  });

  it('is not raised at a line that floating point misses by one rounding step', () => {
    // (1 − 0.3) × 333.33 = 233.33099999999996; 233.331 is the line.
    expect(revenueDropFlag(233.331, 333.33, 0.3)).toBe(false);
    expect(revenueDropFlag(233.33, 333.33, 0.3)).toBe(true);
  });

  it('needs positive previous revenue', () => {
    expect(revenueDropFlag(0, 0, 0.3)).toBe(false);
    expect(revenueDropFlag(-100, -50, 0.3)).toBe(false);
  });

  it('follows the setting: 0 = any fall, 1 = only negative revenue', () => {
    expect(revenueDropFlag(99_999.99, 100_000, 0)).toBe(true);
    expect(revenueDropFlag(100_000, 100_000, 0)).toBe(false);
    expect(revenueDropFlag(0, 100_000, 1)).toBe(false);
    expect(revenueDropFlag(-0.01, 100_000, 1)).toBe(true);
  });
});
