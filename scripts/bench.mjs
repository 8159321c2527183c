#!/usr/bin/env node
// `npm run bench` (not a test: nothing here asserts a timing). Compiles the engine, the Apps
// Script adapters, the fake and scripts/bench/*.ts to out/bench/ (CommonJS, tsconfig.bench.json),
// then runs each case in a fresh `node --expose-gc --trace-gc` process and prints one JSON line
// per case. See docs/benchmarks.md for what the fields mean.
//
//   npm run bench                      every case, once
//   npm run bench -- engine            only cases whose name contains "engine" (e.g. 50k, gas-refresh)
//   npm run bench -- --repeat=3 50k    each selected case three times
//
// scripts/bench-kam.mjs (the `kam refresh` lines), when present, runs after these cases.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SEED = 42;

/** Each case: a label for filtering, the child's kind and sizes (about 20 transactions per account). */
const CASES = [
  { label: 'engine-1k', kind: 'engine', accounts: 1_000, transactions: 20_000 },
  { label: 'engine-10k', kind: 'engine', accounts: 10_000, transactions: 200_000 },
  { label: 'engine-50k', kind: 'engine', accounts: 50_000, transactions: 1_000_000 },
  { label: 'gas-refresh-1k', kind: 'gas-refresh', accounts: 1_000, transactions: 20_000 },
  { label: 'gas-refresh-10k', kind: 'gas-refresh', accounts: 10_000, transactions: 200_000 },
  { label: 'gas-refresh-50k', kind: 'gas-refresh', accounts: 50_000, transactions: 1_000_000 },
  // kam refresh --transactions: DuckDB sums a Parquet file (core/sql), the rules finish in core.
  { label: 'duckdb-50k', kind: 'duckdb', accounts: 50_000, transactions: 1_000_000 },
  // The summary rows of 50k accounts as the CSV of the BigQuery Looker tables' load jobs.
  { label: 'looker-csv-50k', kind: 'looker-csv', accounts: 50_000, transactions: 1_000_000 },
  { label: 'duckdb-10m', kind: 'duckdb', accounts: 50_000, transactions: 10_000_000 },
];

const args = process.argv.slice(2);
const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.slice('--repeat='.length) ?? 1);
const filters = args.filter((a) => !a.startsWith('--'));
const selected = CASES.filter(
  (c) => filters.length === 0 || filters.some((f) => c.label.includes(f)),
);

function compile() {
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.bench.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    process.stderr.write('bench: compiling with tsconfig.bench.json failed\n');
    process.exit(1);
  }
}

// `Scavenge 812.4 (830.1) -> 790.2 (835.1) MB, …`: heap used before (committed) -> after.
const GC_LINE = /(\d+(?:\.\d+)?) \((\d+(?:\.\d+)?)\) -> (\d+(?:\.\d+)?) \((\d+(?:\.\d+)?)\) MB/;

/**
 * Peak heap of the timed part: the case forces a collection just before and just after it (V8
 * logs those with the reason "testing"). Heap use only falls at a collection, so the peak is the
 * largest "before" size among the collections in between, or the size at the closing one.
 */
function peakHeapMb(traceGc) {
  const gcs = traceGc
    .split('\n')
    .map((line) => ({ line, m: GC_LINE.exec(line) }))
    .filter((g) => g.m !== null);
  const markers = gcs.map((g, i) => (/testing/.test(g.line) ? i : -1)).filter((i) => i >= 0);
  if (markers.length < 2) return null;
  const window = gcs.slice(markers[0] + 1, markers[markers.length - 1] + 1);
  return Math.max(...window.map((g) => Number(g.m[1])));
}

function runCase(c) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--trace-gc',
        // The fake holds every cell of the workbook; 50k accounts need more than the default.
        '--max-old-space-size=8192',
        join(root, 'out/bench/scripts/bench/case.js'),
        c.kind,
        String(c.accounts),
        String(c.transactions),
        String(SEED),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    child.on('close', (code) => {
      const line = err.split('\n').find((l) => l.startsWith('@@result '));
      if (code !== 0 || line === undefined) {
        process.stderr.write(`bench: ${c.label} failed (exit ${code})\n${err}`);
        resolve(false);
        return;
      }
      const r = JSON.parse(line.slice('@@result '.length));
      const peak = peakHeapMb(out);
      const heap = Math.max(r.heap_end_mb, peak ?? 0);
      const {
        name,
        accounts,
        transactions,
        ms,
        rss_mb,
        service_calls,
        heap_base_mb,
        heap_end_mb: _end,
        ...rest
      } = r;
      const result = {
        name,
        accounts,
        transactions,
        ms,
        heap_mb: Math.round(heap * 10) / 10,
        service_calls,
        rss_mb,
        heap_base_mb,
        ...rest,
      };
      process.stdout.write(JSON.stringify(result) + '\n');
      resolve(true);
    });
  });
}

compile();
let ok = true;
for (const c of selected) for (let i = 0; i < repeat; i++) ok = (await runCase(c)) && ok;

const kam = join(root, 'scripts/bench-kam.mjs');
if (existsSync(kam)) {
  const r = spawnSync(process.execPath, [kam, ...args], { cwd: root, stdio: 'inherit' });
  ok = r.status === 0 && ok;
}
process.exit(ok ? 0 : 1);
