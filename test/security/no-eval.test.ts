/**
 * No code from strings: eval, new Function and string timers are lint errors for every
 * part of src/, and none appears in src/ or in the built bundle.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureBuilt } from '../bundle/load';

const ROOT = join(__dirname, '..', '..');
const RULES = ['no-eval', 'no-new-func', 'no-implied-eval'];

/** ESLint's own view of the configuration for one file (a child process: the config is ESM). */
function effectiveRules(files: readonly string[]): Record<string, Record<string, unknown>> {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
      const out = {};
      for (const f of ${JSON.stringify(files)}) out[f] = (await eslint.calculateConfigForFile(f)).rules;
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }),
  );
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const severity = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

describe('no eval, no new Function', () => {
  it('the lint configuration makes no-eval, no-new-func and no-implied-eval errors for every part of src/', () => {
    const probes = [
      'src/index.ts',
      'src/core/jobs/refresh.ts',
      'src/gas/store.ts',
      'src/node/cli/main.ts',
      'scripts/start.mjs',
    ];
    const rules = effectiveRules(probes);
    for (const f of probes)
      for (const r of RULES) expect([f, r, severity(rules[f][r])]).toEqual([f, r, 2]);
  });

  const forbidden =
    /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(\s*['"`]|set(Timeout|Interval)\s*\(\s*['"`]/;

  it('no file in src/ evaluates a string', () => {
    const hits = files(join(ROOT, 'src'))
      .filter((f) => /\.(ts|js|mjs|html)$/.test(f))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${relative(ROOT, f)}:${i + 1}`, line })),
      )
      .filter((l) => forbidden.test(l.line));
    expect(hits).toEqual([]);
  });

  it('nor does the built bundle', () => {
    const hits = ensureBuilt()
      .split('\n')
      .filter((line) => forbidden.test(line));
    expect(hits).toEqual([]);
  });
});
