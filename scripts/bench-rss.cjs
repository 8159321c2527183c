// Preloaded by scripts/bench-kam.mjs (NODE_OPTIONS=--require …) into every `kam` process: writes
// the process's peak resident set size to the file named by KAM_BENCH_RSS when it exits.
'use strict';
const { appendFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.KAM_BENCH_RSS)
    appendFileSync(process.env.KAM_BENCH_RSS, `${process.resourceUsage().maxRSS}\n`);
});
