/** `SpreadsheetApp.getUi()` (menus, alerts, prompts, dialogs, sidebars) and `HtmlService`. */
/* eslint-disable prefer-rest-params -- every fake method hands its own `arguments` to the call tracker, keeping the real parameter lists for the shape checks */
import { Tracker, gasError } from './core';

export const Button = {
  CLOSE: 'CLOSE',
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
} as const;
export type ButtonValue = (typeof Button)[keyof typeof Button];

export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
export type ButtonSetValue = (typeof ButtonSet)[keyof typeof ButtonSet];

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export interface AlertRecord {
  title: string | null;
  prompt: string;
  buttons: ButtonSetValue;
  /**
   * Locks this execution held while the dialog was open. Apps Script suspends the script until
   * the user answers an alert or prompt, so a lock held then blocks every other run meanwhile.
   */
  heldLocks?: string[];
}

export type MenuItemRecord =
  { caption: string; functionName: string } | { separator: true } | { subMenu: MenuRecord };

export interface MenuRecord {
  title: string;
  items: MenuItemRecord[];
}

export interface DialogRecord {
  title: string;
  content: string;
  width: number | undefined;
  height: number | undefined;
  modal: boolean;
  output: FakeHtmlOutput;
}

export interface SidebarRecord {
  title: string;
  content: string;
  width: number | undefined;
  output: FakeHtmlOutput;
}

export interface PromptAnswer {
  text: string;
  button: ButtonValue;
}

export interface UiState {
  alerts: AlertRecord[];
  prompts: AlertRecord[];
  menus: MenuRecord[];
  dialogs: DialogRecord[];
  sidebars: SidebarRecord[];
  /** What `alert` returns: a button, or a function of the alert; default the set's first button. */
  alertResponse: ButtonValue | ((alert: AlertRecord) => ButtonValue) | undefined;
  /** What `prompt` returns; default `{ text: '', button: <first button> }`. */
  promptResponse: PromptAnswer | ((prompt: AlertRecord) => PromptAnswer) | undefined;
  /** The kinds of lock this execution holds now (set by createGas). */
  heldLocks?: () => string[];
}

export function newUiState(): UiState {
  return {
    alerts: [],
    prompts: [],
    menus: [],
    dialogs: [],
    sidebars: [],
    alertResponse: undefined,
    promptResponse: undefined,
  };
}

function firstButton(set: ButtonSetValue): ButtonValue {
  return set === ButtonSet.YES_NO || set === ButtonSet.YES_NO_CANCEL ? Button.YES : Button.OK;
}

/** alert/prompt take (prompt), (prompt, buttons) or (title, prompt, buttons). */
function dialogArgs(args: readonly unknown[]): AlertRecord {
  if (args.length >= 3) {
    return { title: String(args[0]), prompt: String(args[1]), buttons: args[2] as ButtonSetValue };
  }
  return {
    title: null,
    prompt: String(args[0]),
    buttons: (args.length === 2 ? args[1] : ButtonSet.OK) as ButtonSetValue,
  };
}

export class FakeMenu {
  readonly _record: MenuRecord;

  constructor(
    private readonly tracker: Tracker,
    private readonly state: UiState,
    title: string,
  ) {
    this._record = { title, items: [] };
  }

  addItem(caption: string, functionName: string): FakeMenu {
    this.tracker.track('Menu.addItem', arguments);
    this._record.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this.tracker.track('Menu.addSeparator', arguments);
    this._record.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: FakeMenu | GoogleAppsScript.Base.Menu): FakeMenu {
    this.tracker.track('Menu.addSubMenu', arguments);
    if (!(menu instanceof FakeMenu)) throw gasError('Invalid argument: menu');
    this._record.items.push({ subMenu: menu._record });
    return this;
  }

  addToUi(): void {
    this.tracker.track('Menu.addToUi', arguments);
    this.state.menus.push(this._record);
  }
}

export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly tracker: Tracker,
    private readonly state: UiState,
  ) {}

  createMenu(caption: string): FakeMenu {
    this.tracker.track('Ui.createMenu', arguments);
    return new FakeMenu(this.tracker, this.state, caption);
  }

  createAddonMenu(): FakeMenu {
    this.tracker.track('Ui.createAddonMenu', arguments);
    return new FakeMenu(this.tracker, this.state, '(add-on)');
  }

  /** The dialog, and the locks held while it is open (recorded only when there are some). */
  private record(args: readonly unknown[]): AlertRecord {
    const held = this.state.heldLocks?.() ?? [];
    return held.length > 0 ? { ...dialogArgs(args), heldLocks: held } : dialogArgs(args);
  }

  alert(...args: unknown[]): ButtonValue {
    this.tracker.track('Ui.alert', args);
    const record = this.record(args);
    this.state.alerts.push(record);
    const r = this.state.alertResponse;
    if (r === undefined) return firstButton(record.buttons);
    return typeof r === 'function' ? r(record) : r;
  }

  prompt(...args: unknown[]): { getResponseText(): string; getSelectedButton(): ButtonValue } {
    this.tracker.track('Ui.prompt', args);
    const record = this.record(args);
    this.state.prompts.push(record);
    const r = this.state.promptResponse;
    const answer =
      r === undefined
        ? { text: '', button: firstButton(record.buttons) }
        : typeof r === 'function'
          ? r(record)
          : r;
    return { getResponseText: () => answer.text, getSelectedButton: () => answer.button };
  }

  showSidebar(userInterface: HtmlOutputLike): void {
    this.tracker.track('Ui.showSidebar', arguments);
    const output = toOutput(userInterface);
    this.state.sidebars.push({
      title: output._title,
      content: output._content,
      width: output._width,
      output,
    });
  }

  showModalDialog(userInterface: HtmlOutputLike, title: string): void {
    this.tracker.track('Ui.showModalDialog', arguments);
    this.dialog(userInterface, title, true);
  }

  showModelessDialog(userInterface: HtmlOutputLike, title: string): void {
    this.tracker.track('Ui.showModelessDialog', arguments);
    this.dialog(userInterface, title, false);
  }

  private dialog(userInterface: HtmlOutputLike, title: string, modal: boolean): void {
    const output = toOutput(userInterface);
    this.state.dialogs.push({
      title: String(title),
      content: output._content,
      width: output._width,
      height: output._height,
      modal,
      output,
    });
  }
}

/** What Ui accepts: the fake's own output (a real HtmlOutput is never seen here). */
export interface HtmlOutputLike {
  getContent(): string;
}

function toOutput(x: HtmlOutputLike): FakeHtmlOutput {
  if (x instanceof FakeHtmlOutput) return x;
  throw gasError('Invalid argument: userInterface');
}

// ---------------------------------------------------------------------------------------------
// HtmlService

export class FakeHtmlOutput {
  _content: string;
  _title = '';
  _width: number | undefined = undefined;
  _height: number | undefined = undefined;
  _sandboxMode: string = SandboxMode.IFRAME;
  _xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  _metaTags: { name: string; content: string }[] = [];
  _faviconUrl = '';

  constructor(
    private readonly tracker: Tracker,
    content: string,
  ) {
    this._content = content;
  }

  private t(method: string, args: ArrayLike<unknown>): void {
    this.tracker.track(`HtmlOutput.${method}`, args);
  }

  getContent(): string {
    this.t('getContent', arguments);
    return this._content;
  }

  setContent(content: string): FakeHtmlOutput {
    this.t('setContent', arguments);
    this._content = String(content);
    return this;
  }

  append(addedContent: string): FakeHtmlOutput {
    this.t('append', arguments);
    this._content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): FakeHtmlOutput {
    this.t('appendUntrusted', arguments);
    this._content += escapeHtml(String(addedContent));
    return this;
  }

  clear(): FakeHtmlOutput {
    this.t('clear', arguments);
    this._content = '';
    return this;
  }

  getTitle(): string {
    this.t('getTitle', arguments);
    return this._title;
  }

  setTitle(title: string): FakeHtmlOutput {
    this.t('setTitle', arguments);
    this._title = String(title);
    return this;
  }

  getWidth(): number | undefined {
    this.t('getWidth', arguments);
    return this._width;
  }

  setWidth(width: number): FakeHtmlOutput {
    this.t('setWidth', arguments);
    this._width = width;
    return this;
  }

  getHeight(): number | undefined {
    this.t('getHeight', arguments);
    return this._height;
  }

  setHeight(height: number): FakeHtmlOutput {
    this.t('setHeight', arguments);
    this._height = height;
    return this;
  }

  setSandboxMode(mode: unknown): FakeHtmlOutput {
    this.t('setSandboxMode', arguments);
    this._sandboxMode = String(mode);
    return this;
  }

  setXFrameOptionsMode(mode: unknown): FakeHtmlOutput {
    this.t('setXFrameOptionsMode', arguments);
    this._xFrameOptionsMode = String(mode);
    return this;
  }

  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this.t('addMetaTag', arguments);
    this._metaTags.push({ name, content });
    return this;
  }

  getMetaTags(): { getName(): string; getContent(): string }[] {
    this.t('getMetaTags', arguments);
    return this._metaTags.map((m) => ({ getName: () => m.name, getContent: () => m.content }));
  }

  setFaviconUrl(iconUrl: string): FakeHtmlOutput {
    this.t('setFaviconUrl', arguments);
    this._faviconUrl = iconUrl;
    return this;
  }

  getFaviconUrl(): string {
    this.t('getFaviconUrl', arguments);
    return this._faviconUrl;
  }
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

type Expr =
  | { kind: 'literal'; value: unknown }
  | { kind: 'name'; name: string }
  | { kind: 'member'; object: Expr; property: string | number }
  | { kind: 'call'; callee: Expr; args: Expr[] };

type TemplatePart = { text: string } | { expr: Expr; escape: boolean; source: string };

const TOKEN =
  /\s*(?:([A-Za-z_$][\w$]*)|(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|([.(),[\]]))/y;

/**
 * Parses a scriptlet expression without evaluating code (the project evaluates no strings):
 * names, member access (`a.b`, `a[0]`, `a['b']`), calls (`include('Style')`) and literals.
 */
function parseExpression(source: string): Expr {
  const tokens: { type: 'id' | 'num' | 'str' | 'punct'; text: string }[] = [];
  TOKEN.lastIndex = 0;
  const text = source.trim();
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (m === null) throw new Error(`fake HtmlTemplate: cannot parse <?= ${source} ?>`);
    if (m[1] !== undefined) tokens.push({ type: 'id', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ type: 'num', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ type: 'str', text: m[3] });
    else tokens.push({ type: 'punct', text: m[4] });
  }
  let i = 0;
  const fail = (): never => {
    throw new Error(
      `fake HtmlTemplate: unsupported expression <?= ${source} ?> (names, members, calls and literals only)`,
    );
  };
  const primary = (): Expr => {
    const t = tokens[i++] ?? fail();
    if (t.type === 'num') return { kind: 'literal', value: Number(t.text) };
    if (t.type === 'str') {
      const body = t.text
        .slice(1, -1)
        .replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
      return { kind: 'literal', value: body };
    }
    if (t.type === 'id') {
      if (t.text === 'true' || t.text === 'false')
        return { kind: 'literal', value: t.text === 'true' };
      if (t.text === 'null') return { kind: 'literal', value: null };
      return { kind: 'name', name: t.text };
    }
    return fail();
  };
  const postfix = (): Expr => {
    let e = primary();
    for (;;) {
      const t = tokens[i];
      if (t?.text === '.' && tokens[i + 1]?.type === 'id') {
        e = { kind: 'member', object: e, property: tokens[i + 1].text };
        i += 2;
      } else if (t?.text === '[') {
        i += 1;
        const key = primary();
        if (key.kind !== 'literal' || tokens[i++]?.text !== ']') fail();
        e = { kind: 'member', object: e, property: (key as { value: string | number }).value };
      } else if (t?.text === '(') {
        i += 1;
        const args: Expr[] = [];
        while (tokens[i]?.text !== ')') {
          args.push(postfix());
          if (tokens[i]?.text === ',') i += 1;
          else if (tokens[i]?.text !== ')') fail();
        }
        i += 1;
        e = { kind: 'call', callee: e, args };
      } else {
        return e;
      }
    }
  };
  const expr = postfix();
  if (i !== tokens.length) fail();
  return expr;
}

function evaluateExpression(
  e: Expr,
  scope: Record<string, unknown>,
): { value: unknown; self: unknown } {
  switch (e.kind) {
    case 'literal':
      return { value: e.value, self: undefined };
    case 'name': {
      const global = globalThis as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(scope, e.name))
        return { value: scope[e.name], self: undefined };
      if (e.name in global) return { value: global[e.name], self: undefined };
      throw new Error(`ReferenceError: ${e.name} is not defined`);
    }
    case 'member': {
      const object = evaluateExpression(e.object, scope).value as Record<string | number, unknown>;
      return { value: object[e.property], self: object };
    }
    case 'call': {
      const { value: fn, self } = evaluateExpression(e.callee, scope);
      if (typeof fn !== 'function') throw new Error('TypeError: not a function in template');
      const args = e.args.map((a) => evaluateExpression(a, scope).value);
      return { value: (fn as (...a: unknown[]) => unknown).apply(self, args), self: undefined };
    }
  }
}

/**
 * Splits a template into text and `<?= expr ?>` (escaped) / `<?!= expr ?>` (raw) scriptlets.
 * `<? code ?>` scriptlets would need a JavaScript evaluator, which this project does not
 * allow; the fake rejects them with a clear error.
 */
function parseTemplate(source: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) {
    if (m.index > last) parts.push({ text: source.slice(last, m.index) });
    if (m[1] === undefined) {
      throw new Error(`fake HtmlTemplate: <? code ?> scriptlets are not supported: <?${m[2]}?>`);
    }
    parts.push({ expr: parseExpression(m[2]), escape: m[1] === '=', source: m[2].trim() });
    last = re.lastIndex;
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  return parts;
}

function renderTemplate(source: string, scope: Record<string, unknown>): string {
  let out = '';
  for (const part of parseTemplate(source)) {
    if ('text' in part) {
      out += part.text;
      continue;
    }
    const v = evaluateExpression(part.expr, scope).value;
    const s = v === null || v === undefined ? '' : String(v);
    out += part.escape ? escapeHtml(s) : s;
  }
  return out;
}

export class FakeHtmlTemplate {
  [variable: string]: unknown;

  constructor(tracker: Tracker, source: string) {
    Object.defineProperty(this, '__tracker', { value: tracker, enumerable: false });
    Object.defineProperty(this, '__source', { value: source, enumerable: false });
  }

  private static tracker(self: FakeHtmlTemplate): Tracker {
    return self.__tracker as Tracker;
  }

  evaluate(): FakeHtmlOutput {
    const tracker = FakeHtmlTemplate.tracker(this);
    tracker.track('HtmlTemplate.evaluate', arguments);
    const scope: Record<string, unknown> = {};
    for (const key of Object.keys(this)) scope[key] = this[key];
    return new FakeHtmlOutput(tracker, renderTemplate(this.__source as string, scope));
  }

  /** Not Apps Script's generated code: one line per part, for debugging only. */
  getCode(): string {
    FakeHtmlTemplate.tracker(this).track('HtmlTemplate.getCode', arguments);
    return parseTemplate(this.__source as string)
      .map((p) =>
        'text' in p
          ? `text ${JSON.stringify(p.text)}`
          : `${p.escape ? 'print' : 'force-print'} ${p.source}`,
      )
      .join('\n');
  }

  getRawContent(): string {
    FakeHtmlTemplate.tracker(this).track('HtmlTemplate.getRawContent', arguments);
    return this.__source as string;
  }
}

export class FakeHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    private readonly tracker: Tracker,
    private readonly files: Readonly<Record<string, string>>,
  ) {}

  private file(name: string): string {
    const files = this.files;
    const bare = name.replace(/\.html$/, '');
    for (const candidate of [name, `${bare}.html`, bare]) {
      if (Object.prototype.hasOwnProperty.call(files, candidate)) return files[candidate];
    }
    throw gasError(`No HTML file named ${bare} was found.`);
  }

  createHtmlOutput(html?: string): FakeHtmlOutput {
    this.tracker.track('HtmlService.createHtmlOutput', arguments);
    return new FakeHtmlOutput(this.tracker, html === undefined ? '' : String(html));
  }

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.tracker.track('HtmlService.createHtmlOutputFromFile', arguments);
    return new FakeHtmlOutput(this.tracker, this.file(filename));
  }

  createTemplate(html: string): FakeHtmlTemplate {
    this.tracker.track('HtmlService.createTemplate', arguments);
    return new FakeHtmlTemplate(this.tracker, String(html));
  }

  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    this.tracker.track('HtmlService.createTemplateFromFile', arguments);
    return new FakeHtmlTemplate(this.tracker, this.file(filename));
  }

  getUserAgent(): string {
    this.tracker.track('HtmlService.getUserAgent', arguments);
    return 'Mozilla/5.0 (fake)';
  }
}
