/**
 * The whole suite as `npm test` runs it: every test once in the machine's zone, and the
 * date-sensitive suites again under other machine time zones (less the machine's own, which the
 * first run already is), all in one Jest run so both cores
 * stay busy. The fake spreadsheet has its own zone, which these runs make differ from the
 * machine's, so a conversion that silently uses the machine's zone fails here. The hardening
 * suite runs a fast subset in each zone (the full one runs once); KAM_TEST_ZONES overrides the
 * list.
 */
const base = require('./test/support/jest-base.cjs');

// The "all" project already runs every file in the machine's own zone: rerunning it there would
// repeat the same run (on this machine and in CI that zone is UTC).
const machineZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
const sameZone = (zone) =>
  zone === machineZone ||
  (['UTC', 'Etc/UTC', 'Etc/GMT'].includes(zone) &&
    ['UTC', 'Etc/UTC', 'Etc/GMT'].includes(machineZone));
// npm test: the fake's zone (east, no DST), one west with DST and one south of the equator across
// the date line; `npm run test:tz` adds Europe/Berlin (east with northern DST) through
// KAM_TEST_ZONES. Berlin also stays a spreadsheet and script zone in test/tz/dst.test.ts.
const zones = (
  process.env.KAM_TEST_ZONES ?? 'UTC,Asia/Shanghai,America/Los_Angeles,Pacific/Auckland'
)
  .split(',')
  .filter((zone) => process.env.KAM_TEST_ZONES !== undefined || !sameZone(zone));
const dateSensitive = [
  'test/tz',
  'test/gas',
  'test/bundle',
  'test/core/values',
  'test/core/calendar',
  'test/hardening',
];

// Files in those folders whose results cannot depend on the machine's zone (names, sizes, which
// functions are global, locks, cell counts): run once, in the "all" project.
const zoneFree = [
  '/test/bundle/(globals|digest-size|alerts|edit-user|cell-limit)\\.test\\.ts$',
  '/test/(gas|hardening)/recognition\\.test\\.ts$',
  '/test/gas/refresh-cell-limit\\.test\\.ts$',
  // DuckDB answers the fake BigQuery in a worker; the date conversions these use are the
  // refresh's own, which refresh.test runs in every zone.
  '/test/(gas|bundle)/bigquery(-looker|-interactions)?\\.test\\.ts$',
];

module.exports = {
  // A worker that grew past this after a file is replaced: the scale test builds a 10-million-
  // cell workbook, and a worker still holding earlier files' garbage makes it several times slower.
  workerIdleMemoryLimit: '1500MB',
  testTimeout: 60000,
  // Jest's default on two cores is one worker (cores − 1); the suite is CPU-bound, use both.
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/support/prerequisites.cjs',
  projects: [
    { ...base, displayName: 'all' },
    ...zones.map((zone) => ({
      ...base,
      displayName: `TZ=${zone}`,
      globals: { KAM_ZONE: zone },
      testMatch: dateSensitive.map((dir) => `<rootDir>/${dir}/**/*.test.ts`),
      testPathIgnorePatterns: zoneFree,
    })),
  ],
};
