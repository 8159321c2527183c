import { singleThreadedFlag } from '../../../../src/core/rules/risk/single-threaded';

describe('single_threaded flag', () => {
  it('class A with 0 or 1 contacts is raised, 2 is not', () => {
    expect(singleThreadedFlag('A', 0)).toBe(true);
    expect(singleThreadedFlag('A', 1)).toBe(true);
    expect(singleThreadedFlag('A', 2)).toBe(false);
  });

  it('class B and C never', () => {
    expect(singleThreadedFlag('B', 0)).toBe(false);
    expect(singleThreadedFlag('B', 1)).toBe(false);
    expect(singleThreadedFlag('C', 1)).toBe(false);
  });
});
