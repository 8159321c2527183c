import { parseIsoDay, type Day } from '../../../../src/core/calendar/day';
import {
  elapsedShare,
  parsePeriod,
  periodContains,
  periodLength,
} from '../../../../src/core/rules/risk/period';

const D = (s: string): Day => parseIsoDay(s) as Day;
const span = (text: string) => {
  const p = parsePeriod(text);
  return p === null ? null : { first: p.first, last: p.last };
};

describe('parsePeriod', () => {
  it('reads YYYY as the calendar year', () => {
    expect(span('2026')).toEqual({ first: D('2026-01-01'), last: D('2026-12-31') });
    expect(periodLength(parsePeriod('2026')!)).toBe(365);
    expect(periodLength(parsePeriod('2024')!)).toBe(366); // leap year
  });

  it('reads YYYY-Qn as the quarter, Q1 of a leap year and Q4 ending 31 December', () => {
    expect(span('2026-Q1')).toEqual({ first: D('2026-01-01'), last: D('2026-03-31') });
    expect(periodLength(parsePeriod('2026-Q1')!)).toBe(90);
    expect(periodLength(parsePeriod('2024-Q1')!)).toBe(91);
    expect(span('2026-Q2')).toEqual({ first: D('2026-04-01'), last: D('2026-06-30') });
    expect(span('2026-Q3')).toEqual({ first: D('2026-07-01'), last: D('2026-09-30') });
    expect(span('2026-Q4')).toEqual({ first: D('2026-10-01'), last: D('2026-12-31') });
    expect(periodLength(parsePeriod('2026-Q4')!)).toBe(92);
    expect(span(' 2026-q4 ')).toEqual(span('2026-Q4'));
  });

  it('reads YYYY-MM as the month, February by leap year', () => {
    expect(span('2024-02')).toEqual({ first: D('2024-02-01'), last: D('2024-02-29') });
    expect(span('2026-02')).toEqual({ first: D('2026-02-01'), last: D('2026-02-28') });
    expect(span('2000-02')).toEqual({ first: D('2000-02-01'), last: D('2000-02-29') });
    expect(span('1900-02')).toEqual({ first: D('1900-02-01'), last: D('1900-02-28') });
    expect(span('2026-12')).toEqual({ first: D('2026-12-01'), last: D('2026-12-31') });
  });

  it('rejects anything else', () => {
    for (const t of [
      '',
      '26',
      '2026-Q0',
      '2026-Q5',
      '2026-13',
      '2026-00',
      '2026-1',
      'FY2026',
      '2026-H1',
      '2026-01-01',
    ])
      expect(parsePeriod(t)).toBeNull();
  });
});

describe('elapsedShare and periodContains at the edges', () => {
  it('YYYY: first day 1/365, last day 1, one day either side outside', () => {
    const p = parsePeriod('2026')!;
    expect(elapsedShare(p, D('2026-01-01'))).toBeCloseTo(1 / 365, 12);
    expect(elapsedShare(p, D('2026-07-02'))).toBeCloseTo(183 / 365, 12);
    expect(elapsedShare(p, D('2026-12-31'))).toBe(1);
    expect(periodContains(p, D('2025-12-31'))).toBe(false);
    expect(periodContains(p, D('2026-01-01'))).toBe(true);
    expect(periodContains(p, D('2026-12-31'))).toBe(true);
    expect(periodContains(p, D('2027-01-01'))).toBe(false);
    expect(elapsedShare(p, D('2025-12-31'))).toBe(0);
    expect(elapsedShare(p, D('2027-01-01'))).toBe(1);
  });

  it('YYYY-Qn: Q4 runs 1 October to 31 December (92 days)', () => {
    const p = parsePeriod('2026-Q4')!;
    expect(periodContains(p, D('2026-09-30'))).toBe(false);
    expect(elapsedShare(p, D('2026-10-01'))).toBeCloseTo(1 / 92, 12);
    expect(elapsedShare(p, D('2026-11-15'))).toBeCloseTo(46 / 92, 12); // exactly one half
    expect(elapsedShare(p, D('2026-12-30'))).toBeCloseTo(91 / 92, 12);
    expect(elapsedShare(p, D('2026-12-31'))).toBe(1);
    expect(periodContains(p, D('2027-01-01'))).toBe(false);
  });

  it('YYYY-MM: leap-year February, 29 days', () => {
    const p = parsePeriod('2024-02')!;
    expect(periodContains(p, D('2024-01-31'))).toBe(false);
    expect(elapsedShare(p, D('2024-02-01'))).toBeCloseTo(1 / 29, 12);
    expect(elapsedShare(p, D('2024-02-28'))).toBeCloseTo(28 / 29, 12);
    expect(elapsedShare(p, D('2024-02-29'))).toBe(1);
    expect(periodContains(p, D('2024-03-01'))).toBe(false);
    const common = parsePeriod('2026-02')!;
    expect(elapsedShare(common, D('2026-02-28'))).toBe(1);
    expect(periodContains(common, D('2026-03-01'))).toBe(false);
  });
});
