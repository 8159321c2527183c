// Builds the `kam` CLI (src/node) into out/node/ for Node 20+: kam.cjs, which bin/kam.js loads,
// and mail-worker.cjs, the thread that sends mail (src/node/mail/worker.ts). Dependencies stay
// in node_modules (external); src/core is bundled in, the same code the Apps Script bundle has.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import typescript from '@rollup/plugin-typescript';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const deps = Object.keys(pkg.dependencies ?? {});
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const external = (id) => builtins.has(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));

export default {
  input: { kam: 'src/node/cli/main.ts', 'mail-worker': 'src/node/mail/worker.ts' },
  output: {
    dir: 'out/node',
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
    banner: '// kam-sheets — generated from src/node by `npm run build:node`. Do not edit.',
    intro: `const KAM_VERSION = ${JSON.stringify(pkg.version)};`,
    exports: 'named',
    generatedCode: 'es2015',
  },
  external,
  treeshake: { moduleSideEffects: (id) => id.endsWith('worker.ts') },
  // Type errors are `npm run typecheck`'s job: here they would only stop `npm ci` on a new machine.
  plugins: [
    typescript({ tsconfig: './tsconfig.node.json', noCheck: true, outputToFilesystem: false }),
  ],
};
