// `npm test`: formatting, type checking, lint and the Apps Script build side by side (each is
// mostly single-threaded), and the one Jest run of every test plus the time-zone reruns
// (jest.all.config.cjs) as soon as the build is there. A static check that fails stops Jest at
// once: nothing passes with unformatted, mistyped or unlinted code. Extra arguments go to Jest.
import { spawn } from 'node:child_process';

const statics = [
  ['format', 'prettier', ['--check', '.']],
  ['typecheck', 'tsc', ['-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'eslint', ['.']],
];
const build = ['build', 'rollup', ['-c', 'rollup.config.mjs']];

let jest = null;
let failed = false;

function fail(why) {
  if (failed) return;
  failed = true;
  process.stdout.write(`\n${why}\n`);
  if (jest) jest.kill('SIGTERM');
}

/** Runs one check with its output held back; prints one line, and the output when it fails. */
function check([name, bin, args]) {
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
      if (code !== 0) {
        process.stdout.write(output.trimEnd() + '\n');
        fail(
          `${name} failed${name === 'format' ? ' (npm run format fixes it)' : ''}; the tests were stopped.`,
        );
      }
      resolve(code === 0);
    });
  });
}

const staticRuns = statics.map(check);
if (await check(build)) {
  jest = spawn(
    'npx',
    ['--no-install', 'jest', '-c', 'jest.all.config.cjs', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  const jestCode = await new Promise((resolve) => jest.on('close', (code) => resolve(code ?? 1)));
  await Promise.all(staticRuns);
  process.exit(failed || jestCode !== 0 ? 1 : 0);
}
await Promise.all(staticRuns);
process.exit(1);
