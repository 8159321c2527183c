import fc from 'fast-check';
import {
  dayFromYmd,
  firstDayOfMonthIndex,
  monthIndexOfDay,
  ymdFromDay,
} from '../../../src/core/calendar/day';

/** The Date-based definition the integer arithmetic replaces. */
const viaDate = (day: number): number => {
  const { y, m } = ymdFromDay(day);
  return y * 12 + (m - 1);
};

describe('month index without a Date', () => {
  it('matches ymdFromDay on every day from 1900 to 2100', () => {
    for (let day = dayFromYmd(1900, 1, 1); day <= dayFromYmd(2100, 12, 31); day++) {
      const i = monthIndexOfDay(day);
      if (i !== viaDate(day)) throw new Error(`day ${day}: ${i} vs ${viaDate(day)}`);
      const { y, m } = ymdFromDay(day);
      if (firstDayOfMonthIndex(i) !== dayFromYmd(y, m, 1)) throw new Error(`first of ${i}`);
    }
  });

  it('matches ymdFromDay anywhere a Date reaches, fractional days and year 0 included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (day) => {
        expect(monthIndexOfDay(day)).toBe(viaDate(day));
        expect(monthIndexOfDay(day + 0.75)).toBe(viaDate(day + 0.75));
        // Near the ends the first of the month is itself out of a Date's reach.
        if (Math.abs(day) < 99_999_000)
          expect(firstDayOfMonthIndex(monthIndexOfDay(day))).toBe(
            dayFromYmd(ymdFromDay(day).y, ymdFromDay(day).m, 1),
          );
      }),
    );
    expect(monthIndexOfDay(dayFromYmd(0, 1, 1))).toBe(0);
    // 29 February of year 0 (a leap year) still belongs to February.
    expect(monthIndexOfDay(dayFromYmd(0, 2, 28) + 1)).toBe(1);
    expect(monthIndexOfDay(dayFromYmd(-1, 12, 31))).toBe(-1);
    expect(firstDayOfMonthIndex(-1)).toBe(dayFromYmd(-1, 12, 1));
  });

  it('is NaN where a Date is invalid, like ymdFromDay', () => {
    expect(monthIndexOfDay(100_000_001)).toBeNaN();
    expect(viaDate(100_000_001)).toBeNaN();
    expect(monthIndexOfDay(Number.NaN)).toBeNaN();
  });
});
