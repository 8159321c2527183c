/**
 * OAuth scopes: appsscript.json asks for nothing beyond the set documented, with a
 * reason each, in docs/security.md; and the bundle uses no service that would need more.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../bundle/load';

const ROOT = join(__dirname, '..', '..');

/** Rows of the scope table: | `https://www.googleapis.com/auth/…` | reason | used by | */
function documentedScopes(): Map<string, string> {
  const doc = readFileSync(join(ROOT, 'docs', 'security.md'), 'utf8');
  const section = doc.slice(
    doc.indexOf('## OAuth scopes'),
    doc.indexOf('\n## ', doc.indexOf('## OAuth scopes') + 1),
  );
  const out = new Map<string, string>();
  for (const line of section.split('\n')) {
    const m = /^\|\s*`(https:\/\/www\.googleapis\.com\/auth\/[^`]+)`\s*\|([^|]*)\|/.exec(line);
    if (m) out.set(m[1], m[2].trim());
  }
  return out;
}

const manifest = (file: string): { oauthScopes?: string[] } =>
  JSON.parse(readFileSync(file, 'utf8'));

describe('OAuth scopes', () => {
  const documented = documentedScopes();

  it('docs/security.md documents a scope table', () => {
    expect(documented.size).toBeGreaterThanOrEqual(3);
  });

  it('every documented scope has a reason', () => {
    for (const [scope, reason] of documented)
      expect([scope, reason.length >= 30]).toEqual([scope, true]);
  });

  it('appsscript.json lists its scopes explicitly, and only documented ones', () => {
    const scopes = manifest(join(ROOT, 'appsscript.json')).oauthScopes;
    expect(Array.isArray(scopes)).toBe(true);
    for (const s of scopes as string[]) expect([s, documented.has(s)]).toEqual([s, true]);
    expect(new Set(scopes).size).toBe((scopes as string[]).length);
  });

  it('the manifest clasp pushes (dist/appsscript.json) is the same', () => {
    ensureBuilt();
    expect(manifest(join(ROOT, 'dist', 'appsscript.json'))).toEqual(
      manifest(join(ROOT, 'appsscript.json')),
    );
  });

  it('the bundle names no service that would need a scope outside the table', () => {
    const code = ensureBuilt();
    const needsMore =
      /\b(GmailApp|DriveApp|UrlFetchApp|DocumentApp|CalendarApp|FormApp|SlidesApp|ContactsApp|People|AdminDirectory|Jdbc|openById|openByUrl|SpreadsheetApp\.create)\b/;
    const hits = code
      .split('\n')
      .filter((line) => needsMore.test(line) && !/^\s*(\*|\/\/)/.test(line));
    expect(hits).toEqual([]);
  });
});

describe('the build with BigQuery (docs/outgrow.md)', () => {
  /** rollup.config.mjs's manifest(), in a child process (an ES module). */
  const built = (withBigQuery: boolean): Record<string, unknown> => {
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { manifest } from './rollup.config.mjs'; process.stdout.write(JSON.stringify(manifest(${withBigQuery})));`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  };

  it('adds exactly the documented BigQuery scope and the advanced service, and only when asked', () => {
    const plain = built(false);
    const bq = built(true) as { oauthScopes: string[]; dependencies: unknown };
    expect(plain).toEqual(manifest(join(ROOT, 'appsscript.json')));
    const added = bq.oauthScopes.filter((s) => !(plain.oauthScopes as string[]).includes(s));
    expect(added).toEqual(['https://www.googleapis.com/auth/bigquery']);
    expect(documentedScopes().get(added[0])).toMatch(/Only in the build with BigQuery/);
    expect(bq.dependencies).toEqual({
      enabledAdvancedServices: [{ userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' }],
    });
    expect(JSON.stringify(plain)).not.toMatch(/bigquery/i);
  });
});
