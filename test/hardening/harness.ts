/**
 * Runs the real dist/Code.js against the fake, the way Apps Script would, with "now" fixed.
 *
 * `loadBundle()` (test/bundle/load.ts) compiles the 230 KB bundle for every load and leaves the
 * vm's clock real. The hardening suite loads it thousands of times, so this harness compiles it
 * once (`vm.Script`) and runs it in a fresh context per case, then replaces the context's `Date`
 * with one whose `now` is a value the test sets: `Date.now()`, `new Date()` and the fake's clock
 * all agree, and "today" is fixed in whatever TZ the process runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { ensureBuilt } from '../bundle/load';
import { createGas, type GasControl, type GasOptions } from '../fakes';

let compiled: vm.Script | null = null;
let html: Record<string, string> | null = null;

/** The HTML files the build copies next to Code.js (sidebars, board), as Apps Script has them. */
function distHtml(): Record<string, string> {
  if (html === null) {
    ensureBuilt();
    const dir = join(__dirname, '..', '..', 'dist');
    html = Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => [f.slice(0, -'.html'.length), readFileSync(join(dir, f), 'utf8')]),
    );
  }
  return html;
}

function bundleScript(): vm.Script {
  compiled ??= new vm.Script(ensureBuilt(), { filename: 'Code.js' });
  return compiled;
}

/** Replaces `Date` in the context; returns a setter for "now" (epoch ms). */
const FIXED_DATE = `(function () {
  var RealDate = Date;
  var now = 0;
  function FixedDate() {
    var args = Array.prototype.slice.call(arguments);
    if (!new.target) return String(new RealDate(now));
    return args.length === 0 ? new RealDate(now) : Reflect.construct(RealDate, args);
  }
  FixedDate.prototype = RealDate.prototype;
  FixedDate.now = function () { return now; };
  FixedDate.UTC = RealDate.UTC;
  FixedDate.parse = RealDate.parse;
  globalThis.Date = FixedDate;
  return function (ms) { now = ms; };
})()`;

export interface BundleRun {
  readonly control: GasControl;
  readonly scope: Record<string, unknown>;
  /** Calls a top-level function of Code.js (a menu item, a trigger handler). */
  call(name: string, ...args: unknown[]): unknown;
  /** Moves "now" for the bundle and the fake together. */
  setNow(ms: number): void;
  now(): number;
}

export interface RunOptions extends Omit<GasOptions, 'now' | 'dateConstructor'> {
  /** The instant of the run (epoch ms). */
  readonly nowMs: number;
}

export function bundleRun(options: RunOptions): BundleRun {
  const context = vm.createContext({});
  const RealDate = vm.runInContext('Date', context) as DateConstructor;
  let now = options.nowMs;
  const gas = createGas({
    htmlFiles: distHtml(),
    ...options,
    dateConstructor: RealDate,
    now: () => new Date(now),
  });
  Object.assign(context, gas.globals);
  bundleScript().runInContext(context);
  const setBundleNow = vm.runInContext(FIXED_DATE, context) as (ms: number) => void;
  setBundleNow(now);
  const scope = context as Record<string, unknown>;
  return {
    control: gas.control,
    scope,
    call(name: string, ...args: unknown[]): unknown {
      const fn = scope[name];
      if (typeof fn !== 'function')
        throw new Error(`${name} is not a global function of the bundle`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
    setNow(ms: number): void {
      now = ms;
      setBundleNow(ms);
    },
    now: () => now,
  };
}
