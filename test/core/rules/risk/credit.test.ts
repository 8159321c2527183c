import { creditFlag } from '../../../../src/core/rules/risk/credit';

describe('credit flag', () => {
  it('is raised for rating C or D only', () => {
    expect(creditFlag('A')).toBe(false);
    expect(creditFlag('B')).toBe(false);
    expect(creditFlag('C')).toBe(true);
    expect(creditFlag('D')).toBe(true);
    expect(creditFlag(null)).toBe(false);
  });
});
