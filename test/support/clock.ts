/**
 * Fixes "now" for a test file: Date.now() and new Date() return `at` (and move only with
 * jest.setSystemTime), while timers, microtasks and performance stay real so async code and
 * the browser tests still run. Apps Script code reads the real Date, so this is how a test
 * fixes "today" for the jobs and the fake alike.
 */
export function fixSystemTime(at: () => Date): void {
  beforeEach(() => {
    jest.useFakeTimers({
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    jest.setSystemTime(at());
  });
  afterEach(() => jest.useRealTimers());
}
