// `npm start`: the one-minute demo. Runs `kam demo` (bin/kam.js) into out/demo/ — git-ignored —
// unless the arguments say otherwise, e.g. `npm start -- --locale zh-CN --accounts 500`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const out = args.includes('--out') ? [] : ['--out', join(root, 'out', 'demo')];
const run = spawnSync(process.execPath, [join(root, 'bin', 'kam.js'), 'demo', ...out, ...args], {
  stdio: 'inherit',
});
process.exit(run.status ?? 2);
