/**
 * The README's deploy walkthrough has to work the first time with clasp 3.4.1, without anything
 * from Google in these tests. clasp finds `.clasp.json` by searching up from the current folder
 * and treats any `scriptId` field (even "") as an existing project: `clasp create-script` and
 * `clone-script` then stop with "Project file already exists.", and `clasp push` with an empty
 * one says only "Project settings not found." (node_modules/@google/clasp/build/src/core/
 * project.js `exists()`, core/utils.js `assertScriptConfigured`). So the repository ships none,
 * and `npm run deploy` checks for it before building or starting clasp. Fake `npm` and `clasp`
 * programs record any call, so a test never reaches Google.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DEPLOY = join(ROOT, 'scripts', 'deploy.mjs');
const CREATE = 'npx clasp create-script --type sheets --title "Key Accounts" --rootDir ./dist';
const CLONE = 'npx clasp clone-script <Script ID> --rootDir ./dist';

/** A project folder with fake `npm` and `clasp` that append their arguments to calls.log. */
function project(claspJson?: unknown): { dir: string; calls: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kam-deploy-'));
  const log = join(dir, 'calls.log');
  const fake = (path: string, name: string): void => {
    writeFileSync(path, `#!/bin/sh\necho "${name} $*" >> "${log}"\nexit 0\n`);
    chmodSync(path, 0o755);
  };
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  fake(join(dir, 'bin', 'npm'), 'npm');
  fake(join(dir, 'bin', 'clasp'), 'clasp');
  fake(join(dir, 'node_modules', '.bin', 'clasp'), 'clasp');
  if (claspJson !== undefined)
    writeFileSync(
      join(dir, '.clasp.json'),
      typeof claspJson === 'string' ? claspJson : JSON.stringify(claspJson),
    );
  return {
    dir,
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
  };
}

function deploy(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [DEPLOY, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}` },
  });
}

describe('deploying with clasp', () => {
  it('ships no .clasp.json (clasp create-script would refuse) and git-ignores one', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((p) => p === '.clasp.json' || p.endsWith('/.clasp.json'));
    expect(tracked).toEqual([]);
    // A person's own .clasp.json names their project: never committed by accident.
    const ignored = spawnSync('git', ['check-ignore', '-q', '.clasp.json'], { cwd: ROOT });
    expect(ignored.status).toBe(0);
  });

  it('npm run deploy runs scripts/deploy.mjs; npm run push the same without the build', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.deploy).toBe('node scripts/deploy.mjs');
    expect(scripts.push).toBe('node scripts/deploy.mjs --no-build');
  });

  it.each([
    ['no .clasp.json', undefined, 'there is no .clasp.json here'],
    ['an empty scriptId', { scriptId: '', rootDir: 'dist' }, '.clasp.json has no scriptId'],
    ['a .clasp.json that is not JSON', '{ scriptId: ', '.clasp.json is not valid JSON'],
  ])('with %s: says what to run, in both languages, exits 1, never starts clasp', (_, cfg, why) => {
    const p = project(cfg);
    const run = deploy(p.dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`npm run deploy: ${why}`);
    expect(run.stderr).toContain(CREATE);
    expect(run.stderr).toContain(CLONE);
    expect(run.stderr).toContain('npm run deploy：');
    expect(run.stderr).toContain('新建表格');
    expect(p.calls()).toEqual([]);
  });

  it('refuses a .clasp.json whose rootDir is not dist (it would upload the wrong files)', () => {
    const p = project({ scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', rootDir: 'src' });
    const run = deploy(p.dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('must have "rootDir": "dist"');
    expect(p.calls()).toEqual([]);
  });

  it('with a project: builds, then clasp push --force (push alone skips the build)', () => {
    const p = project({ scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789', rootDir: 'dist' });
    expect(deploy(p.dir).status).toBe(0);
    expect(p.calls()).toEqual(['npm run build', 'clasp push --force']);
    expect(deploy(p.dir, '--no-build').status).toBe(0);
    expect(p.calls()).toEqual(['npm run build', 'clasp push --force', 'clasp push --force']);
  });

  it.each(['README.md', 'README.zh-CN.md'])(
    '%s gives the same commands as the message, and no step relies on a shipped .clasp.json',
    (file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text).toContain(CREATE);
      expect(text).toContain(CLONE);
      expect(text).not.toMatch(/ships a `\.clasp\.json`|自带一个/);
      // Troubleshooting is keyed on clasp 3.4.1's own words.
      expect(text).toContain('`Project settings not found.`');
      expect(text).toContain('`Project file already exists.`');
    },
  );
});
