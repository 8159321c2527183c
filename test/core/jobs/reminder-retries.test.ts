import { MAX_REMINDER_RETRIES, takeReminderRetry } from '../../../src/core/jobs/reminder-retries';
import { MemoryState } from './memory-store';

describe('reminder-retries', () => {
  it('allows MAX_REMINDER_RETRIES retries per run date, then none, and starts again the next day', () => {
    const state = new MemoryState();
    const tries = Array.from({ length: MAX_REMINDER_RETRIES + 2 }, () =>
      takeReminderRetry(state, 100),
    );
    expect(tries).toEqual([
      ...Array.from({ length: MAX_REMINDER_RETRIES }, () => true),
      false,
      false,
    ]);
    expect(takeReminderRetry(state, 101)).toBe(true);
    expect(state.get('kam.reminders.retries')).toBe('101:1');
  });

  it('treats a damaged record as no retries yet', () => {
    const state = new MemoryState();
    state.set('kam.reminders.retries', 'garbage');
    expect(takeReminderRetry(state, 5)).toBe(true);
    expect(state.get('kam.reminders.retries')).toBe('5:1');
  });
});
