// `npm start`: the demo. It runs the `kam demo` command of the local runner when it is built.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('bin/kam.js')) {
  console.log('kam-sheets: the demo arrives with the local runner (`kam demo`), which is not built yet.');
  console.log('Meanwhile: `npm test` runs every check, and `npm run build` makes dist/ for Google Sheets (see README).');
  process.exit(0);
}
const run = spawnSync(process.execPath, ['bin/kam.js', 'demo', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
