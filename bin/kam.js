#!/usr/bin/env node
// The `kam` command (docs/cli.md). It runs out/node/kam.cjs, the bundle of src/node that `npm ci`
// builds (the `prepare` script). In a clone whose sources are newer than the bundle (a developer
// editing src/), it rebuilds first, so `node bin/kam.js` always runs the code on disk.
'use strict';

const MIN_NODE = 20;

(async () => {
  if (Number(process.versions.node.split('.')[0]) < MIN_NODE) {
    process.stderr.write(
      `kam: Node.js ${MIN_NODE} or newer is required (this is ${process.version})\n`,
    );
    process.exit(2);
  }
  const { existsSync, readdirSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const { spawnSync } = await import('node:child_process');
  const root = join(__dirname, '..');
  const bundle = join(root, 'out', 'node', 'kam.cjs');

  /** Newest modification time of the sources the bundle is made from (0 when not a clone). */
  const newestSource = () => {
    let newest = 0;
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
      }
    };
    for (const dir of ['src/core', 'src/node'])
      if (existsSync(join(root, dir))) walk(join(root, dir));
    return newest;
  };

  const canBuild =
    existsSync(join(root, 'node_modules', 'rollup')) && existsSync(join(root, 'src', 'node'));
  if (canBuild && (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource())) {
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-node.mjs')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) process.exit(2);
  }
  if (!existsSync(bundle)) {
    process.stderr.write(
      'kam: the CLI is not built; run `npm ci` (or `npm run build:node`) in the kam-sheets folder\n',
    );
    process.exit(2);
  }
  // `kam init` lays sheets out through ExcelJS, which holds a whole workbook in memory (about
  // 1 KB per cell at its peak), and a million-row workbook needs about 1.5 GB even streamed:
  // Node's default heap can be smaller than either on a laptop. For a big workbook the CLI runs
  // again in a child with a heap sized to the machine.
  const { totalmem } = await import('node:os');
  const { getHeapStatistics } = await import('node:v8');
  const wanted = Math.min(Math.floor((totalmem() * 0.75) / 2 ** 20), 32768);
  const big = process.argv
    .slice(2)
    .some((a) => /\.xlsx$/i.test(a) && existsSync(a) && statSync(a).size > 4e6);
  if (
    big &&
    !process.env.KAM_CHILD &&
    getHeapStatistics().heap_size_limit / 2 ** 20 < wanted * 0.9
  ) {
    // The child dies with this process: it exits as soon as the IPC channel closes, which also
    // happens when this process is killed with SIGKILL and cannot forward anything.
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${wanted}`, __filename, ...process.argv.slice(2)],
      {
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
        env: { ...process.env, KAM_CHILD: '1' },
      },
    );
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
      process.on(signal, () => child.kill(signal));
    const { constants } = await import('node:os');
    child.on('error', (e) => {
      process.stderr.write(`kam: ${e.message}\n`);
      process.exit(2);
    });
    child.on('exit', (status, signal) =>
      process.exit(status ?? 128 + ((signal && constants.signals[signal]) || 0)),
    );
    return;
  }
  const { main } = await import(pathToFileURL(bundle).href);
  process.exitCode = await main(process.argv);
})().catch((e) => {
  process.stderr.write(`kam: ${e && e.message ? e.message : e}\n`);
  process.exit(2);
});
