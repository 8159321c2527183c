import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Locale } from '../../src/core/i18n/locale';
import { ensureBuilt, entryPoints, loadBundle, type LoadedBundle } from '../bundle/load';
import { BridgeServer } from './bridge';
import { seedWorkbook, ZONE } from './workbook';

const ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

/** Debian's Chromium (installed by .ci/run); never a downloaded browser build. */
export const CHROMIUM = process.env.KAM_CHROMIUM ?? '/usr/bin/chromium';

export const SIDEBAR = { width: 300, height: 900 } as const;
export const DIALOG = { width: 1000, height: 640 } as const;

/** The HTML files the build copied into dist/, as Apps Script holds them (by name). */
function htmlFiles(): Record<string, string> {
  const dist = join(ROOT, 'dist');
  const out: Record<string, string> = {};
  for (const f of readdirSync(dist))
    if (f.endsWith('.html')) out[f.replace(/\.html$/, '')] = readFileSync(join(dist, f), 'utf8');
  return out;
}

/**
 * The page's globals, typed just enough for `page.evaluate` callbacks: the project compiles
 * without the DOM library (src/core must not see it), and the callbacks run in the browser.
 */
export interface PageGlobals {
  document: {
    documentElement: { scrollWidth: number };
    body: { classList: { contains(c: string): boolean } };
  };
  __kamPending(): number;
  __xss?: number;
  google: {
    script: {
      run: {
        withSuccessHandler(f: (reply: unknown) => void): Record<string, (arg?: unknown) => void>;
        withFailureHandler(f: (e: Error) => void): Record<string, (arg?: unknown) => void>;
      };
    };
  };
}

export interface OpenedView {
  readonly page: Page;
  /** Requests the page made: every one must go to the local server. */
  readonly requests: string[];
  /** Browser dialogs (alert/confirm) and uncaught page errors: there must be none. */
  readonly dialogs: string[];
  readonly errors: string[];
}

/** One browser and one local server for the whole UI suite. */
export class UiHarness {
  browser: Browser | null = null;
  readonly server = new BridgeServer();
  bundle: LoadedBundle | null = null;
  today = '';

  async start(): Promise<void> {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `No Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does), or set KAM_CHROMIUM.`,
      );
    ensureBuilt();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.server.start();
    this.server.allowed = new Set(entryPoints());
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server.stop();
  }

  /** A fresh spreadsheet in `locale`, seeded and set up through the bundle's own menu function. */
  workbook(locale: Locale): LoadedBundle {
    const bundle = loadBundle({
      locale: locale === 'zh-CN' ? 'zh_CN' : 'en_US',
      spreadsheetTimeZone: ZONE,
      activeUser: 'li@example.com',
      htmlFiles: htmlFiles(),
    });
    this.today = seedWorkbook(bundle.control, locale).today;
    bundle.call('kamSetupWorkbook');
    this.bundle = bundle;
    this.server.bundle = bundle;
    return bundle;
  }

  /** Runs a menu function of the bundle and opens the HTML it showed in a browser page. */
  async open(menuFunction: string, kind: 'sidebar' | 'dialog'): Promise<OpenedView> {
    const bundle = this.bundle!;
    const before =
      kind === 'sidebar' ? bundle.control.sidebars.length : bundle.control.dialogs.length;
    bundle.call(menuFunction);
    const shown = kind === 'sidebar' ? bundle.control.sidebars : bundle.control.dialogs;
    if (shown.length !== before + 1) throw new Error(`${menuFunction} showed no ${kind}`);
    const html = shown[shown.length - 1].content;
    const page = await this.browser!.newPage({ viewport: kind === 'sidebar' ? SIDEBAR : DIALOG });
    const view: OpenedView = { page, requests: [], dialogs: [], errors: [] };
    page.on('request', (r) => view.requests.push(r.url()));
    page.on('dialog', (d) => {
      view.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => view.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') view.errors.push(m.text());
    });
    await page.goto(this.server.page(html));
    return view;
  }

  /** Waits until no google.script.run call is in flight. */
  async settle(page: Page): Promise<void> {
    await page.waitForFunction(() => {
      const w = globalThis as unknown as PageGlobals;
      return w.__kamPending() === 0 && !w.document.body.classList.contains('busy');
    });
  }

  /** Saves test-output/screenshots/<name>.png; the whole page unless `fullPage` is false. */
  async screenshot(page: Page, name: string, fullPage = true): Promise<string> {
    const path = join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path, fullPage });
    return path;
  }
}
