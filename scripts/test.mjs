// `npm test`: the static checks and the Apps Script build side by side (each is mostly
// single-threaded; on a two-core machine running them in a row leaves a core idle), then one Jest
// run of every test plus the time-zone reruns (jest.all.config.cjs). Extra arguments go to Jest.
import { spawn, spawnSync } from 'node:child_process';

const checks = [
  ['format', 'prettier', ['--check', '.']],
  ['typecheck', 'tsc', ['-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'eslint', ['.']],
  ['build', 'rollup', ['-c', 'rollup.config.mjs']],
];

function run([name, bin, args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npx', ['--no-install', bin, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${code === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)\n`);
      if (code !== 0) process.stdout.write(output.trimEnd() + '\n');
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(checks.map(run));
if (results.includes(false)) {
  process.stdout.write('\nStatic checks failed (npm run format fixes formatting); Jest not run.\n');
  process.exit(1);
}
const jest = spawnSync(
  'npx',
  ['--no-install', 'jest', '-c', 'jest.all.config.cjs', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(jest.status ?? 1);
