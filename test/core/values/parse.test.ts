import { dayFromYmd, formatDay } from '../../../src/core/calendar/day';
import { ACCOUNT_STATUSES, TIERS } from '../../../src/core/schema/enums';
import { dateCell } from '../../../src/core/values/cell';
import {
  readDate,
  readEmail,
  readEnum,
  readInteger,
  readMonthDay,
  readNumber,
  readYesNo,
} from '../../../src/core/values/parse';

describe('readDate (docs/rules.md "Reading values")', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026/03/05', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    [' 2026 年 12 月 31 日 ', '2026-12-31'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %p', (text, iso) => {
    expect(formatDay(readDate(text) as number)).toBe(iso);
  });

  it.each([
    '2026/13/45',
    '2023-02-29',
    '2026-00-10',
    '05/03/2026',
    'yesterday',
    '2026-3',
    '20260305',
  ])('rejects %p', (text) => {
    expect(readDate(text)).toBeUndefined();
  });

  it('takes date cells as they are and refuses numbers and booleans', () => {
    expect(readDate(dateCell(dayFromYmd(2026, 1, 2)))).toBe(dayFromYmd(2026, 1, 2));
    expect(readDate(45000)).toBeUndefined();
    expect(readDate(true)).toBeUndefined();
  });
});

describe('readMonthDay (birthdays whose year may be unknown)', () => {
  it('reads full dates with the year and month-day alone without', () => {
    expect(readMonthDay('1980-07-14')).toEqual({ month: 7, day: 14, year: 1980 });
    expect(readMonthDay('07-14')).toEqual({ month: 7, day: 14, year: null });
    expect(readMonthDay('--02-29')).toEqual({ month: 2, day: 29, year: null });
    expect(readMonthDay('3月8日')).toEqual({ month: 3, day: 8, year: null });
    expect(readMonthDay('02-30')).toBeUndefined();
  });
});

describe('readNumber', () => {
  it.each([
    [1234.5, 1234.5],
    ['1,234.50', 1234.5],
    ['¥1,234', 1234],
    ['￥ 1 234', 1234],
    ['$-12.5', -12.5],
    ['-¥50', -50],
    ['USD 1,200', 1200],
    ['1 200 EUR', 1200],
    ['€3', 3],
    ['1,200元', 1200],
    ['  42  ', 42],
    ['１２３', 123],
  ])('reads %p as %p', (v, n) => {
    expect(readNumber(v)).toBe(n);
  });

  it.each(['abc', '1,2,3', '12,34', '1.2.3', 'USD', '', '--5', 'NaN', 'Infinity', 'abc1'])(
    'rejects %p',
    (v) => {
      expect(readNumber(v)).toBeUndefined();
    },
  );

  it('refuses booleans, dates and non-finite numbers', () => {
    expect(readNumber(true)).toBeUndefined();
    expect(readNumber(dateCell(1))).toBeUndefined();
    expect(readNumber(Number.NaN)).toBeUndefined();
  });

  it('readInteger accepts only whole numbers', () => {
    expect(readInteger('4')).toBe(4);
    expect(readInteger(4.5)).toBeUndefined();
  });
});

describe('readEnum: the code, the English or the Chinese label, any case and spacing', () => {
  it.each([
    ['Strategic', 'strategic'],
    ['STRATEGIC', 'strategic'],
    ['战略', 'strategic'],
    [' key ', 'key'],
    ['重点', 'key'],
    ['potential', 'potential'],
  ])('tier %p → %p', (v, code) => {
    expect(readEnum(v, TIERS)).toBe(code);
  });

  it('status in both languages and unknown values', () => {
    expect(readEnum('合作中', ACCOUNT_STATUSES)).toBe('active');
    expect(readEnum('Lost', ACCOUNT_STATUSES)).toBe('lost');
    expect(readEnum('gone', ACCOUNT_STATUSES)).toBeUndefined();
  });
});

describe('readYesNo and readEmail', () => {
  it('yes/no in both languages', () => {
    for (const y of ['yes', 'Yes', 'Y', '是', 'TRUE', true, 1]) expect(readYesNo(y)).toBe(true);
    for (const n of ['no', 'No', '否', 'false', false, 0]) expect(readYesNo(n)).toBe(false);
    expect(readYesNo('maybe')).toBeUndefined();
    expect(readYesNo(2)).toBeUndefined();
  });

  it('emails are trimmed and lower-cased; lists and display names are refused', () => {
    expect(readEmail(' Li.Lei@Example.COM ')).toBe('li.lei@example.com');
    expect(readEmail('mailto:a@b.cn')).toBe('a@b.cn');
    for (const bad of ['a@b', 'a b@c.com', 'a@b.com, c@d.com', 'Li Lei <li@x.com>', '@x.com', 'x@'])
      expect(readEmail(bad)).toBeUndefined();
  });
});
