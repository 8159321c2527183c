import { parseIsoDay, type Day } from '../../../src/core/calendar/day';
import { churnRisk } from '../../../src/core/rules/churn';

const D = (s: string): Day => parseIsoDay(s) as Day;
const today = D('2026-05-15');
/** Dates given as "days before today". */
const ago = (...days: number[]) => days.map((d) => today - d);

describe('churnRisk', () => {
  it('needs three distinct dates', () => {
    expect(churnRisk([], today)).toBe('insufficient_history');
    expect(churnRisk(ago(30, 10), today)).toBe('insufficient_history');
    // Three rows but only two distinct dates.
    expect(churnRisk(ago(30, 10, 10), today)).toBe('insufficient_history');
    // A future date does not count.
    expect(churnRisk([...ago(30, 10), today + 5], today)).toBe('insufficient_history');
  });

  it('compares days since the last date with the median gap (three dates)', () => {
    // Dates 40, 30, 20 days + s ago... shifted so the last is s days ago: gaps 10 and 10,
    // median (even count: mean of 10 and 10) = 10; ratio = s / 10.
    const at = (s: number) => churnRisk(ago(s + 20, s + 10, s), today);
    expect(at(9)).toBe('active'); // 0.9
    expect(at(10)).toBe('watch'); // 1.0 is not < 1
    expect(at(14)).toBe('watch'); // 1.4
    expect(at(15)).toBe('at_risk'); // 1.5 is not < 1.5
    expect(at(19)).toBe('at_risk'); // 1.9
    expect(at(20)).toBe('churn_warning'); // 2.0 is not < 2
  });

  it('uses the middle gap for an odd count', () => {
    // Gaps 2, 10, 4 → sorted 2, 4, 10 → median 4. Since 5 → 1.25 → watch; since 3 → active.
    expect(churnRisk(ago(21, 19, 9, 5), today)).toBe('watch');
    expect(churnRisk(ago(19, 17, 7, 3), today)).toBe('active');
  });

  it('averages the two middle gaps for an even count', () => {
    // Gaps 2, 10, 4, 6 → sorted 2, 4, 6, 10 → median (4 + 6)/2 = 5.
    // Since 4 → 0.8 active; 7 → 1.4 watch; 9 → 1.8 at_risk; 10 → 2.0 churn_warning.
    const at = (s: number) => churnRisk(ago(s + 22, s + 20, s + 10, s + 6, s), today);
    expect(at(4)).toBe('active');
    expect(at(7)).toBe('watch');
    expect(at(9)).toBe('at_risk');
    expect(at(10)).toBe('churn_warning');
  });

  it('accepts unsorted, repeated dates', () => {
    // Distinct dates 30, 20, 10 days ago (gaps 10, 10), last 10 days ago → ratio 1 → watch.
    expect(churnRisk(ago(10, 30, 20, 10, 30), today)).toBe('watch');
  });
});
