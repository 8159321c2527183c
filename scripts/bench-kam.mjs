// `npm run bench:kam`: the local runner on big workbooks: 10k accounts / 200k transactions and
// 50k accounts / 1M transactions (`--small` runs only the first).
// Prints one JSON line per measured command: wall time (ms, xlsx read and write included) and
// the peak resident set size of the process (peak_rss_mb, whole process, not only the JS heap).
// The workbook is generated once by `kam demo` into out/bench/ and reused (`--fresh` remakes it).
// Arguments as for scripts/bench.mjs, which runs this file after its own cases: words filter
// the cases by label (kam-demo, kam-refresh, kam-check, kam-report), --repeat=N repeats each.
// Timings are for reading, not asserting: tests never check them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kam = join(root, 'bin', 'kam.js');
const SIZES = [
  { accounts: 10_000, transactions: 200_000 },
  { accounts: 50_000, transactions: 1_000_000 },
];
const TODAY = '2025-11-20';
let dir = '';
let ACCOUNTS = 0;
let TRANSACTIONS = 0;

const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const repeat = Number(process.argv.find((a) => a.startsWith('--repeat='))?.slice(9) ?? 1) || 1;
const wanted = (name) =>
  filters.length === 0 || filters.some((f) => name.replace(' ', '-').includes(f));

function run(name, args, okCodes = [0]) {
  const rssFile = join(dir, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [kam, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      LANG: 'en_US.UTF-8',
      // Refreshed, the 50k workbook (with its Products and Groups sheets) unpacks to just over
      // the default 1,024 MiB guard (docs/cli.md "Size limit"): the bench raises it as a user would.
      ...(ACCOUNTS > 10_000 ? { KAM_MAX_UNPACKED_MB: '2048' } : {}),
      KAM_BENCH_RSS: rssFile,
      NODE_OPTIONS: `--require ${join(root, 'scripts', 'bench-rss.cjs')}`,
    },
  });
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  if (!okCodes.includes(r.status)) {
    process.stderr.write(`${name} failed (${r.status}): ${r.stderr}\n`);
    process.exit(1);
  }
  const peakKb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
  rmSync(rssFile, { force: true });
  console.log(
    JSON.stringify({
      name,
      accounts: ACCOUNTS,
      transactions: TRANSACTIONS,
      ms,
      peak_rss_mb: Math.round(peakKb / 1024),
    }),
  );
}

if (!['kam-demo', 'kam-refresh', 'kam-check', 'kam-report'].some(wanted)) process.exit(0);
// Builds the CLI first when the sources are newer, so the build is not timed.
spawnSync(process.execPath, [kam, '--version'], { stdio: 'ignore' });
const sizes = process.argv.includes('--small') ? SIZES.slice(0, 1) : SIZES;
for (const size of sizes) {
  ACCOUNTS = size.accounts;
  TRANSACTIONS = size.transactions;
  dir = join(root, 'out', ACCOUNTS === 10_000 ? 'bench' : `bench-${ACCOUNTS / 1000}k`);
  mkdirSync(dir, { recursive: true });
  const source = join(dir, 'kam-demo.xlsx');
  const book = join(dir, 'bench.xlsx');
  if (process.argv.includes('--fresh') || !existsSync(source))
    run('kam demo', [
      'demo',
      '--out',
      dir,
      '--accounts',
      String(ACCOUNTS),
      '--transactions',
      String(TRANSACTIONS),
      '--today',
      TODAY,
    ]);
  for (let i = 0; i < repeat; i++) {
    copyFileSync(source, book);
    if (wanted('kam refresh')) run('kam refresh', ['refresh', book, '--today', TODAY]);
    // The demo plants data errors on purpose: check exits 1.
    if (wanted('kam check')) run('kam check', ['check', book, '--today', TODAY], [0, 1]);
    if (wanted('kam report'))
      run('kam report', [
        'report',
        book,
        '--today',
        TODAY,
        '--out',
        join(dir, 'bench-report.html'),
      ]);
  }
}
