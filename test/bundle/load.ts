import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createGas, isSimpleTriggerAuth, type Gas, type GasOptions } from '../fakes';

const ROOT = join(__dirname, '..', '..');
export const BUNDLE = join(ROOT, 'dist', 'Code.js');

/** Builds dist/Code.js when it is missing or older than a source file (jest run alone). */
export function ensureBuilt(): string {
  const stale = !existsSync(BUNDLE) || newestSource(join(ROOT, 'src')) > statSync(BUNDLE).mtimeMs;
  if (stale)
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'rollup', 'dist', 'bin', 'rollup'),
        '-c',
        'rollup.config.mjs',
        '--silent',
      ],
      { cwd: ROOT, stdio: 'pipe' },
    );
  return readFileSync(BUNDLE, 'utf8');
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The entry points src/index.ts lists in its final `export { … }`. */
export function entryPoints(): string[] {
  const src = readFileSync(join(ROOT, 'src', 'index.ts'), 'utf8');
  const block = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(src);
  if (!block) throw new Error('src/index.ts has no final export list');
  return block[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface LoadedBundle extends Gas {
  /** The Apps Script global scope: every top-level function of Code.js. */
  readonly scope: Record<string, unknown>;
  call(name: string, ...args: unknown[]): unknown;
}

/** Sheets runs these reserved names as simple triggers, without the user's authorization. */
const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onSelectionChange', 'onInstall']);

function firedAsSimpleTrigger(name: string, event: unknown): boolean {
  if (!SIMPLE_TRIGGERS.has(name) || typeof event !== 'object' || event === null) return false;
  return isSimpleTriggerAuth((event as { authMode?: unknown }).authMode);
}

/**
 * Loads dist/Code.js the way Apps Script does: one global scope holding the services, in which
 * the file's top-level function declarations become globals. Dates come from the context's own
 * realm, as they would inside Apps Script. With `options.now` the context's clock (`Date.now()`,
 * `new Date()`) is the fake's test clock, so a test can make an execution slow.
 */
export function loadBundle(options: GasOptions = {}): LoadedBundle {
  const code = ensureBuilt();
  const context = vm.createContext({});
  let now: () => number = () => Date.now();
  if (options.now !== undefined) {
    const follow = vm.runInContext(
      `(function (now) {
        var Real = Date;
        function FakeDate() {
          if (!(this instanceof FakeDate)) return new Real(now()).toString();
          var args = Array.prototype.slice.call(arguments);
          return args.length === 0 ? new Real(now()) : new (Function.prototype.bind.apply(Real, [null].concat(args)))();
        }
        FakeDate.prototype = Real.prototype;
        FakeDate.now = function () { return now(); };
        FakeDate.UTC = Real.UTC;
        FakeDate.parse = Real.parse;
        Date = FakeDate;
      })`,
      context,
    ) as (now: () => number) => void;
    follow(() => now());
  }
  const dateConstructor = vm.runInContext('Date', context) as DateConstructor;
  const gas = createGas({ ...options, dateConstructor });
  now = () => gas.control.now().getTime();
  Object.assign(context, gas.globals);
  vm.runInContext(code, context, { filename: 'Code.js' });
  const scope = context as Record<string, unknown>;
  return {
    ...gas,
    scope,
    call(name: string, ...args: unknown[]): unknown {
      const fn = scope[name];
      if (typeof fn !== 'function')
        throw new Error(`${name} is not a global function of the bundle`);
      gas.control.beginExecution({ simpleTrigger: firedAsSimpleTrigger(name, args[0]) });
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
  };
}
