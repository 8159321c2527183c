import fc from 'fast-check';
import {
  addMonthsClamped,
  dayFromYmd,
  formatDay,
  parseIsoDay,
  ymdFromDay,
} from '../../../src/core/calendar/day';

describe('calendar days', () => {
  it('round-trips every day from 1900 to 2100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromYmd(1900, 1, 1), max: dayFromYmd(2100, 12, 31) }),
        (day) => {
          const { y, m, d } = ymdFromDay(day);
          expect(dayFromYmd(y, m, d)).toBe(day);
          expect(parseIsoDay(formatDay(day))).toBe(day);
        },
      ),
    );
  });

  it('N months before clamps to the month end (docs/rules.md "Window")', () => {
    expect(formatDay(addMonthsClamped(dayFromYmd(2024, 2, 29), -12))).toBe('2023-02-28');
    expect(formatDay(addMonthsClamped(dayFromYmd(2026, 3, 31), -1))).toBe('2026-02-28');
    expect(formatDay(addMonthsClamped(dayFromYmd(2026, 1, 15), -12))).toBe('2025-01-15');
    expect(formatDay(addMonthsClamped(dayFromYmd(2025, 12, 31), 2))).toBe('2026-02-28');
  });

  it('parseIsoDay refuses impossible dates', () => {
    expect(parseIsoDay('2026-02-29')).toBeNull();
    expect(parseIsoDay('2026-2-1')).toBeNull();
  });
});
