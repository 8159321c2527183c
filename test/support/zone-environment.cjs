/**
 * The Jest environment of every test file. A Jest worker runs files of every project of
 * jest.all.config.cjs in one process, so each file first restores the worker's original
 * environment, then applies its project's machine time zone (`globals.KAM_ZONE`) and the fast
 * hardening sizes. This must happen in the worker's own `process` before the sandbox copies
 * `process.env`: Node re-reads `TZ` when it is assigned there, so a file of the
 * "TZ=Asia/Shanghai" project sees that zone even if the file before it ran under another.
 */
const { TestEnvironment } = require('jest-environment-node');

const KEYS = ['TZ', 'KAM_PBT_RUNS', 'KAM_XLSX_RUNS', 'KAM_FAULT_STRIDE', 'KAM_SCALE'];
// The zone reruns use a fast hardening subset unless the caller set the sizes.
const SUBSET = { KAM_PBT_RUNS: '12', KAM_XLSX_RUNS: '1', KAM_FAULT_STRIDE: '36', KAM_SCALE: '0' };

function applyZone(zone) {
  if (!process.kamOriginalEnv) {
    process.kamOriginalEnv = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  }
  const original = process.kamOriginalEnv;
  for (const k of KEYS) {
    if (original[k] === undefined) delete process.env[k];
    else process.env[k] = original[k];
  }
  if (!zone) return;
  process.env.TZ = zone;
  for (const [k, v] of Object.entries(SUBSET)) if (original[k] === undefined) process.env[k] = v;
}

class ZoneEnvironment extends TestEnvironment {
  constructor(config, context) {
    applyZone(config.projectConfig.globals.KAM_ZONE);
    super(config, context);
    this.global.process.kamOriginalEnv = { ...process.kamOriginalEnv };
  }
}

module.exports = ZoneEnvironment;
