import { dayFromYmd } from '../../../src/core/calendar/day';
import type { FormDeps } from '../../../src/core/jobs/forms';
import { nextReviewAfter, recordReview } from '../../../src/core/jobs/record-review';
import { uiText } from '../../../src/core/sidebar/texts';
import { dateCell, type Grid } from '../../../src/core/values/cell';
import { d, TODAY, sampleSheets } from '../sidebar/fixtures';
import { fixedClock, MemoryLock, MemoryStore } from './memory-store';

const D = (y: number, m: number, day: number) => dayFromYmd(y, m, day);

describe('nextReviewAfter: the later of the review date and today, plus the cadence', () => {
  it.each([
    // [next review date, today, cadence, expected]
    [D(2026, 1, 31), D(2026, 1, 20), 1, D(2026, 2, 28)], // held early: from the date, clamped
    [D(2024, 1, 31), D(2024, 1, 31), 1, D(2024, 2, 29)], // leap year
    [D(2026, 11, 15), D(2026, 12, 5), 3, D(2027, 3, 5)], // late: from today, over the year end
    [D(2026, 12, 31), D(2026, 12, 1), 2, D(2027, 2, 28)],
    [null, D(2026, 8, 31), 6, D(2027, 2, 28)], // no date yet: from today
    [D(2026, 5, 10), D(2026, 5, 10), 12, D(2027, 5, 10)],
  ])('%s, today %s, %i months → %s', (current, today, months, expected) => {
    expect(nextReviewAfter(current, today, months)).toBe(expected);
  });
});

function book(plans: Grid): MemoryStore {
  return new MemoryStore({ ...sampleSheets(), 'Account Plans': plans });
}

function deps(store: MemoryStore) {
  const lock = new MemoryLock();
  const d: FormDeps = { store, clock: fixedClock(TODAY), lock, user: () => 'li@example.com' };
  return { d, lock };
}

const PLANS: Grid = [
  ['Account ID', 'Period', 'Goals', 'Next Review Date', 'Review Cadence (months)'],
  ['A1', '2026', 'this year', d(2026, 11, 1), ''],
  ['A1', '2026-Q4', 'this quarter', d(2026, 12, 15), 2],
];

describe('recordReview: Account 360 "Record review"', () => {
  it('logs a Review interaction with the outcome and moves the shown plan on by its cadence', () => {
    const store = book(PLANS);
    const { d: deps_, lock } = deps(store);
    const reply = recordReview(deps_, {
      account_id: 'A1',
      plan_row: 3,
      outcome: ' Renewed, +10 % ',
    });
    expect(lock.runs).toBe(1);
    expect(reply.ok).toBe(true);
    // 2026-12-15 is after today (2026-11-23): two months from it.
    expect(reply.message).toBe(uiText('review_recorded', 'en', { row: 15, date: '2027-02-15' }));
    expect(store.writes).toEqual([
      {
        op: 'write',
        sheet: 'Interactions',
        row: 15,
        col: 1,
        values: [['A1', dateCell(TODAY), 'Review', 'Renewed, +10 %', null, null, null]],
      },
      { op: 'write', sheet: 'Account Plans', row: 3, col: 4, values: [[dateCell(D(2027, 2, 15))]] },
    ]);
    const view = reply.view!.account!;
    expect(view.interactions[0]).toMatchObject({
      summary: 'Renewed, +10 %',
      type: { code: 'review' },
    });
    expect(view.plan!.fields.find((f) => f.key === 'next_review_date')?.value).toBe('2027-02-15');
  });

  it('a blank cadence is 3 months, counted from today when the review date has passed', () => {
    const store = book(PLANS);
    const reply = recordReview(deps(store).d, { account_id: 'A1', plan_row: 2, outcome: 'ok' });
    expect(reply.ok).toBe(true);
    expect(store.writes[1]).toMatchObject({ row: 2, values: [[dateCell(D(2027, 2, 23))]] });
  });

  it.each([
    ['no outcome', { account_id: 'A1', plan_row: 3, outcome: '  ' }, 'outcome', 'err_required'],
    [
      'a plan row of another account',
      { account_id: 'B2', plan_row: 3, outcome: 'x' },
      '',
      'err_plan_changed',
    ],
    [
      'a row that is not a plan',
      { account_id: 'A1', plan_row: 9, outcome: 'x' },
      '',
      'err_plan_changed',
    ],
  ] as const)('%s: an error, nothing written', (_what, fields, field, key) => {
    const store = book(PLANS);
    const reply = recordReview(deps(store).d, fields);
    expect(reply.ok).toBe(false);
    expect(reply.errors).toEqual([{ field, message: uiText(key, 'en') }]);
    expect(store.writes).toEqual([]);
  });

  it('a plans sheet without Next Review Date says how to add it, and writes nothing', () => {
    const store = new MemoryStore(sampleSheets());
    const reply = recordReview(deps(store).d, { account_id: 'A1', plan_row: 3, outcome: 'x' });
    expect(reply.message).toBe(uiText('err_no_review_column', 'en'));
    expect(store.writes).toEqual([]);
  });

  it('an unreadable cadence is a data issue and counts as 3', () => {
    const store = book([PLANS[0], ['A1', '2026-Q4', 'q', d(2026, 12, 15), 'monthly']]);
    const reply = recordReview(deps(store).d, { account_id: 'A1', plan_row: 2, outcome: 'x' });
    expect(store.writes[1]).toMatchObject({ values: [[dateCell(D(2027, 3, 15))]] });
    expect(reply.ok).toBe(true);
  });
});
