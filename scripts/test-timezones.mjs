// Runs the date-sensitive suites again under several machine time zones (DESIGN.md "Dates and
// time zones"). The fake spreadsheet has its own zone, which these runs make differ from the
// machine's, so a conversion that silently uses the machine's zone fails here.
import { spawnSync } from 'node:child_process';

const zones = (
  process.env.KAM_TEST_ZONES ??
  'UTC,Asia/Shanghai,America/Los_Angeles,Europe/Berlin,Pacific/Auckland'
).split(',');
const suites = [
  'test/tz',
  'test/gas',
  'test/bundle',
  'test/core/values',
  'test/core/calendar',
  'test/hardening',
];
// The hardening suite runs a fast subset in each zone (the full one runs once in `jest`): fewer
// generated workbooks (through the fake and through `kam` on .xlsx files), every 5th fault
// position, no scale run. Set the variables to override.
const hardening = {
  KAM_PBT_RUNS: process.env.KAM_PBT_RUNS ?? '40',
  KAM_XLSX_RUNS: process.env.KAM_XLSX_RUNS ?? '8',
  KAM_FAULT_STRIDE: process.env.KAM_FAULT_STRIDE ?? '5',
  KAM_SCALE: process.env.KAM_SCALE ?? '0',
};
let failed = 0;
for (const tz of zones) {
  process.stdout.write(`\n== TZ=${tz}\n`);
  const run = spawnSync('npx', ['jest', '--silent', ...suites], {
    stdio: 'inherit',
    env: { ...process.env, ...hardening, TZ: tz },
  });
  if (run.status !== 0) failed++;
}
console.log(`\nTime-zone runs: ${zones.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
