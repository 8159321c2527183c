// Builds the `kam` CLI bundle (rollup.node.config.mjs → out/node/). Runs on `npm ci` (prepare)
// and from bin/kam.js when the sources are newer than the bundle. Every file is written under a
// temporary name and renamed, so a CLI started meanwhile (parallel tests) never loads half a file.
// `--if-possible` (prepare): skip quietly when rollup is not installed (`npm ci --omit=dev`).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

let rollup;
try {
  ({ rollup } = await import('rollup'));
} catch {
  if (process.argv.includes('--if-possible')) process.exit(0);
  console.error('kam: rollup is not installed; run `npm ci` first.');
  process.exit(2);
}
const { default: config } = await import(pathToFileURL(join(root, 'rollup.node.config.mjs')).href);
const bundle = await rollup({
  ...config,
  onwarn: (w, warn) => (w.code === 'UNRESOLVED_IMPORT' ? warn(w) : undefined),
});
const { output } = await bundle.generate(config.output);
await bundle.close();
mkdirSync(config.output.dir, { recursive: true });
for (const chunk of output) {
  const file = join(config.output.dir, chunk.fileName);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, chunk.type === 'chunk' ? chunk.code : chunk.source);
  renameSync(tmp, file);
}
