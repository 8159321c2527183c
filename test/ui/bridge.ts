import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import vm from 'node:vm';
import type { LoadedBundle } from '../bundle/load';

/**
 * The browser side of the bridge: `google.script.run` and `google.script.host` as the sandboxed
 * frame of a Sheets sidebar offers them, carried over HTTP to the built bundle running on the
 * fake. Like the real one, `run` is asynchronous, takes only JSON-able arguments, and reports a
 * server exception to the failure handler as an Error.
 */
export const BRIDGE_SCRIPT = `
(function () {
  'use strict';
  var pending = 0;
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (fn) { return runner(fn, failure, userObject); };
        if (name === 'withFailureHandler') return function (fn) { return runner(success, fn, userObject); };
        if (name === 'withUserObject') return function (o) { return runner(success, failure, o); };
        if (typeof name !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          pending++;
          fetch('/__run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              pending--;
              if (res.ok) { if (success) success(res.value, userObject); }
              else if (failure) failure(new Error(res.error), userObject);
            }, function (err) { pending--; if (failure) failure(err, userObject); });
        };
      }
    });
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: {
      origin: location.origin,
      close: function () { window.__kamClosed = true; },
      setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () {} }
    }
  } };
  window.__kamPending = function () { return pending; };
})();
`;

/** Nothing leaves the page: no other origin, no external scripts, fonts or styles. */
export const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export interface BridgeCall {
  readonly name: string;
  readonly args: unknown[];
  readonly ok: boolean;
}

/** Throws when a value could not cross google.script.run (Dates, functions, NaN…). */
export function assertPlainJson(value: unknown, path = 'result'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}, which JSON cannot carry`);
    return;
  }
  if (typeof value === 'undefined') return;
  if (typeof value === 'function') throw new Error(`${path} is a function`);
  if (Object.prototype.toString.call(value) === '[object Date]')
    throw new Error(`${path} is a Date; google.script.run cannot return Dates`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertPlainJson(v, `${path}[${i}]`));
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null)
    throw new Error(
      `${path} is a ${(value as object).constructor?.name ?? 'class instance'}, not a plain object`,
    );
  for (const [k, v] of Object.entries(value as object)) assertPlainJson(v, `${path}.${k}`);
}

/**
 * A local HTTP server on 127.0.0.1: `GET /view/<id>` serves a page registered with `page()`
 * (the HTML the bundle handed to showSidebar/showModalDialog) with the bridge script injected;
 * `POST /__run` calls a top-level function of the bundle, as google.script.run would.
 */
export class BridgeServer {
  private server: Server | null = null;
  private readonly pages = new Map<string, string>();
  private nextId = 1;
  readonly calls: BridgeCall[] = [];
  bundle: LoadedBundle | null = null;
  /** Names the page may call (google.script.run only reaches the script's global functions). */
  allowed: ReadonlySet<string> = new Set();
  origin = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** Registers a page's HTML; returns its URL. */
  page(html: string): string {
    const id = String(this.nextId++);
    this.pages.set(id, html);
    return `${this.origin}/view/${id}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', this.origin);
      if (req.method === 'GET' && url.pathname.startsWith('/view/')) {
        const html = this.pages.get(url.pathname.slice(6));
        if (html === undefined) return this.send(res, 404, 'text/plain', 'no such page');
        const withBridge = html.replace(/<head>/i, () => `<head><script>${BRIDGE_SCRIPT}</script>`);
        return this.send(res, 200, 'text/html; charset=utf-8', withBridge, {
          'content-security-policy': CSP,
        });
      }
      if (url.pathname === '/favicon.ico') return this.send(res, 204, 'image/x-icon', '');
      if (req.method === 'POST' && url.pathname === '/__run') {
        const body = await readBody(req);
        return this.send(res, 200, 'application/json', JSON.stringify(this.run(body)));
      }
      this.send(res, 404, 'text/plain', 'not found');
    } catch (e) {
      this.send(res, 500, 'text/plain', String((e as Error).message));
    }
  }

  /** Calls the bundle with arguments parsed in its own realm, as Apps Script deserializes them. */
  private run(body: string): { ok: true; value: unknown } | { ok: false; error: string } {
    const bundle = this.bundle;
    let name = '';
    let args: unknown[] = [];
    try {
      if (!bundle) throw new Error('no bundle loaded');
      const parsed = (vm.runInContext('JSON', bundle.scope as vm.Context) as JSON).parse(body) as {
        name: string;
        args: unknown[];
      };
      name = parsed.name;
      args = parsed.args;
      if (!this.allowed.has(name)) throw new Error(`Script function not found: ${name}`);
      const value = bundle.call(name, ...args);
      assertPlainJson(value);
      this.calls.push({ name, args, ok: true });
      return { ok: true, value: value === undefined ? null : value };
    } catch (e) {
      this.calls.push({ name, args, ok: false });
      return { ok: false, error: (e as Error).message };
    }
  }

  private send(
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
