import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * A new contributor reads the repository alone: every relative link in the docs, and every
 * `docs/…` file named in code comments and config, must point at a file that exists.
 */
const ROOT = join(__dirname, '..', '..');

function files(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'out', '.git', 'test-output'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(path, keep));
    else if (keep(entry.name)) out.push(path);
  }
  return out;
}

describe('references in the repository', () => {
  it('every relative Markdown link resolves', () => {
    const broken: string[] = [];
    for (const md of files(ROOT, (n) => n.endsWith('.md'))) {
      const text = readFileSync(md, 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1].split('#')[0];
        if (!target || /^[a-z]+:/i.test(target)) continue;
        if (!existsSync(join(dirname(md), target))) broken.push(`${relative(ROOT, md)} → ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every docs/ file named in code, config and docs exists; no reference outside the repo', () => {
    const missing: string[] = [];
    const outside: string[] = [];
    const sources = [
      ...files(join(ROOT, 'src'), (n) => /\.(ts|html)$/.test(n)),
      ...files(join(ROOT, 'scripts'), (n) => /\.(mjs|cjs|ts)$/.test(n)),
      ...files(join(ROOT, 'bin'), (n) => n.endsWith('.js')),
      ...files(join(ROOT, 'test'), (n) => /\.(ts|cjs)$/.test(n) && n !== 'links.test.ts'),
      ...['eslint.config.mjs', 'rollup.config.mjs', 'README.md', 'README.zh-CN.md'].map((f) =>
        join(ROOT, f),
      ),
      ...files(join(ROOT, 'docs'), (n) => n.endsWith('.md')),
    ];
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bdocs\/[\w./-]+\.md\b/g))
        if (!existsSync(join(ROOT, m[0]))) missing.push(`${relative(ROOT, file)}: ${m[0]}`);
      if (/SPEC §|DESIGN\.md|\bissue [0-9]+/.test(text)) outside.push(relative(ROOT, file));
    }
    expect(missing).toEqual([]);
    expect(outside).toEqual([]);
  });
});
