import fc from 'fast-check';
import {
  addMonthsClamped,
  dayFromYmd,
  formatDay,
  parseIsoDay,
  type Day,
} from '../../../src/core/calendar/day';
import { analysisWindow, inWindow, previousWindow } from '../../../src/core/rules/window';

const D = (s: string): Day => parseIsoDay(s) as Day;
const fmt = (w: { start: Day; end: Day }) => [formatDay(w.start), formatDay(w.end)];

describe('analysisWindow', () => {
  it('is [today − N months, today], both ends included', () => {
    const w = analysisWindow(D('2026-05-15'), 12);
    expect(fmt(w)).toEqual(['2025-05-15', '2026-05-15']);
    // A transaction exactly on the window start is in; one day before is out.
    expect(inWindow(D('2025-05-15'), w)).toBe(true);
    expect(inWindow(D('2025-05-14'), w)).toBe(false);
    expect(inWindow(D('2026-05-15'), w)).toBe(true);
    expect(inWindow(D('2026-05-16'), w)).toBe(false);
  });

  it('clamps the leap day: 2024-02-29 − 12 months = 2023-02-28', () => {
    expect(fmt(analysisWindow(D('2024-02-29'), 12))).toEqual(['2023-02-28', '2024-02-29']);
    // 48 months back lands on another leap year, so the 29th exists.
    expect(fmt(analysisWindow(D('2024-02-29'), 48))).toEqual(['2020-02-29', '2024-02-29']);
    // 31 March − 1 month = 29 February in a leap year.
    expect(fmt(analysisWindow(D('2024-03-31'), 1))).toEqual(['2024-02-29', '2024-03-31']);
  });
});

describe('previousWindow', () => {
  it('is the same number of months just before, ending the day before the window starts', () => {
    const w = analysisWindow(D('2026-05-15'), 12);
    expect(fmt(previousWindow(w, 12))).toEqual(['2024-05-15', '2025-05-14']);
  });

  it('counts back from today, so month-end clamping happens only once', () => {
    // today 2024-03-31, 1 month: current [2024-02-29, 2024-03-31];
    // previous = [2024-03-31 − 2 months, 2024-02-29 − 1] = [2024-01-31, 2024-02-28].
    const w = analysisWindow(D('2024-03-31'), 1);
    expect(fmt(previousWindow(w, 1))).toEqual(['2024-01-31', '2024-02-28']);
    // Leap day, 12 months: current [2023-02-28, 2024-02-29]; previous [2022-02-28, 2023-02-27].
    expect(fmt(previousWindow(analysisWindow(D('2024-02-29'), 12), 12))).toEqual([
      '2022-02-28',
      '2023-02-27',
    ]);
  });

  it('always touches the current window without overlap (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromYmd(1990, 1, 1), max: dayFromYmd(2100, 12, 31) }),
        fc.integer({ min: 1, max: 36 }),
        (today, months) => {
          const w = analysisWindow(today, months);
          const p = previousWindow(w, months);
          expect(p.end + 1).toBe(w.start);
          expect(p.start).toBeLessThan(p.end);
          expect(p.start).toBe(addMonthsClamped(today, -2 * months));
        },
      ),
      { numRuns: 200 },
    );
  });
});
