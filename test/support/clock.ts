/**
 * Fixes "now" for a test file (or a describe block): Date.now() and new Date() return `at` (and move only with
 * jest.setSystemTime), while timers, microtasks and performance stay real so async code and
 * the browser tests still run. Apps Script code reads the real Date, so this is how a test
 * fixes "today" for the jobs and the fake alike.
 */
export function fixSystemTime(at: () => Date | number, scope: 'each' | 'all' = 'each'): void {
  // 'all': once for the enclosing describe block, so a test that moves the clock moves it for
  // the tests after it (suites that walk through days rely on that).
  (scope === 'each' ? beforeEach : beforeAll)(() => {
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
  (scope === 'each' ? afterEach : afterAll)(() => jest.useRealTimers());
}
