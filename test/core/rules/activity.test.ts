import { parseIsoDay, type Day } from '../../../src/core/calendar/day';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/model';
import { lastActivity, staleness, type StalenessInput } from '../../../src/core/rules/activity';

const D = (s: string): Day => parseIsoDay(s) as Day;
const today = D('2026-05-15');
const base: StalenessInput = {
  lastActivityDate: today,
  abcClass: 'A',
  status: 'active',
  nextActionDate: null,
  remindersPausedUntil: null,
};
const check = (over: Partial<StalenessInput>) =>
  staleness({ ...base, ...over }, DEFAULT_SETTINGS, today);

describe('lastActivity', () => {
  it('takes the latest date up to today', () => {
    expect(lastActivity([today - 3, null, today - 1, today + 2], today)).toBe(today - 1);
    expect(lastActivity([null, today + 1], today)).toBeNull();
    expect(lastActivity([], today)).toBeNull();
  });
});

describe('staleness', () => {
  it('is not stale exactly at the threshold and stale one day over', () => {
    // Class A threshold 14 days, warning 3.
    expect(check({ lastActivityDate: today - 14 })).toMatchObject({
      stale: false,
      dueSoon: true,
      threshold: 14,
    });
    expect(check({ lastActivityDate: today - 15 })).toMatchObject({
      stale: true,
      reasons: ['over_threshold'],
      dueSoon: false,
    });
    expect(check({ lastActivityDate: today - 61, abcClass: 'C' })).toMatchObject({
      stale: true,
      threshold: 60,
    });
    expect(check({ lastActivityDate: today - 60, abcClass: 'C' })).toMatchObject({
      stale: false,
      threshold: 60,
    });
  });

  it('is due soon when days since activity > threshold − warning days', () => {
    // 14 − 3 = 11: 11 days is not due soon, 12 is.
    expect(check({ lastActivityDate: today - 11 }).dueSoon).toBe(false);
    expect(check({ lastActivityDate: today - 12 }).dueSoon).toBe(true);
  });

  it('is stale without any activity', () => {
    expect(check({ lastActivityDate: null })).toMatchObject({
      stale: true,
      reasons: ['no_activity'],
      dueSoon: false,
    });
  });

  it('is stale when the next action date has passed, not when it is today', () => {
    expect(check({ nextActionDate: today }).stale).toBe(false);
    expect(check({ nextActionDate: today - 1 })).toMatchObject({
      stale: true,
      reasons: ['next_action_passed'],
    });
    expect(check({ nextActionDate: today - 1, lastActivityDate: today - 20 }).reasons).toEqual([
      'over_threshold',
      'next_action_passed',
    ]);
  });

  it('exempts lost accounts and accounts paused until today or later', () => {
    const worst = { lastActivityDate: null, nextActionDate: today - 5 };
    expect(check({ ...worst, remindersPausedUntil: today })).toMatchObject({
      stale: false,
      dueSoon: false,
      exempt: true,
      reasons: [],
    });
    expect(check({ ...worst, remindersPausedUntil: today - 1 })).toMatchObject({
      stale: true,
      exempt: false,
    });
    expect(check({ ...worst, status: 'lost' })).toMatchObject({ stale: false, exempt: true });
    expect(check({ lastActivityDate: today - 13, status: 'lost' }).dueSoon).toBe(false);
  });
});
