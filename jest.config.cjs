/**
 * `npx jest` runs every test once in the machine's zone; `npm test` uses jest.all.config.cjs,
 * which adds the date-sensitive suites under five more machine time zones in the same run.
 */
const base = require('./test/support/jest-base.cjs');

module.exports = {
  ...base,
  testTimeout: 60000,
  // Jest's default on two cores is one worker (cores − 1); the suite is CPU-bound, use both.
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/support/prerequisites.cjs',
};
