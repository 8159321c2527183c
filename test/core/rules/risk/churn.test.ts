import { churnFlag } from '../../../../src/core/rules/risk/churn';

describe('churn flag', () => {
  it('is raised for at_risk and churn_warning only', () => {
    expect(churnFlag('at_risk', 'A', null)).toBe(true);
    expect(churnFlag('churn_warning', 'A', null)).toBe(true);
    expect(churnFlag('watch', 'A', 'strategic')).toBe(false);
    expect(churnFlag('active', 'A', 'strategic')).toBe(false);
    expect(churnFlag('insufficient_history', 'A', 'strategic')).toBe(false);
  });

  it('needs class A or B, or tier Strategic or Key', () => {
    expect(churnFlag('at_risk', 'B', null)).toBe(true);
    expect(churnFlag('at_risk', 'C', null)).toBe(false);
    expect(churnFlag('at_risk', 'C', 'standard')).toBe(false);
    expect(churnFlag('at_risk', 'C', 'potential')).toBe(false);
    expect(churnFlag('churn_warning', 'C', 'strategic')).toBe(true);
    expect(churnFlag('churn_warning', 'C', 'key')).toBe(true);
  });
});
