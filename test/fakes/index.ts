/**
 * An in-memory Apps Script for tests: `createGas()` returns the globals the bundle and the
 * adapters use (`SpreadsheetApp`, `MailApp`, …, typed as `Pick`s of the real interfaces) and a
 * `control` object to seed data, inspect what happened, count calls and inject faults.
 *
 *   const { globals, control } = createGas({ now: () => clock });
 *   Object.assign(globalThis, globals);
 *   control.setSheetValues('Accounts', [['Name'], ['Acme']]);
 */
/* eslint-disable prefer-rest-params -- every fake method hands its own `arguments` to the call tracker, keeping the real parameter lists for the shape checks */
import { toA1 } from './a1';
import { Clock, SPREADSHEET_CLASSES, Tracker, CallHook, CallPredicate, gasError } from './core';
import { Check } from './shape';
import type {
  FakeChartsGlobal,
  FakeHtmlServiceGlobal,
  FakeLockServiceGlobal,
  FakeLoggerGlobal,
  FakeMailAppGlobal,
  FakePropertiesServiceGlobal,
  FakeScriptAppGlobal,
  FakeSessionGlobal,
  FakeSpreadsheetApp,
  FakeUtilitiesGlobal,
  SpreadsheetAppKeys,
} from './shape';
import {
  AuthMode,
  FakeLockService,
  FakeLogger,
  FakeMailApp,
  FakePropertiesService,
  FakeSession,
  FakeUser,
  FakeUtilities,
  LockSlot,
  LockState,
  MailRecord,
  MailState,
  PropertyStores,
  ScriptState,
  TriggerRecord,
  Users,
  visibleActiveUser,
  newLockState,
  newScriptApp,
} from './services';
import {
  BooleanCriteria,
  ChartType,
  DataValidationCriteria,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
  FakeRange,
  FakeSheet,
  FakeSpreadsheet,
  FormatProperty,
  ProtectionType,
  SheetArg,
  SpreadsheetEnv,
  fake,
  ToastRecord,
  WrapStrategy,
} from './spreadsheet';
import {
  AlertRecord,
  ButtonValue,
  DialogRecord,
  FakeHtmlService,
  FakeUi,
  MenuRecord,
  PromptAnswer,
  SidebarRecord,
  UiState,
  newUiState,
} from './ui';

export interface GasOptions {
  /** Default 'Asia/Shanghai'. */
  spreadsheetTimeZone?: string;
  /** Session.getScriptTimeZone(); default 'America/Los_Angeles'. */
  scriptTimeZone?: string;
  /** Spreadsheet locale; default 'en_US'. */
  locale?: string;
  /** Session.getActiveUserLocale(); default: the language of `locale` ('en'). */
  userLocale?: string;
  /** Default 'owner@example.com'. */
  activeUser?: string;
  /** Default: `activeUser`. Owns the triggers this execution creates. */
  effectiveUser?: string;
  /**
   * Whether a simple trigger (`onEdit`, `onOpen`) may see the editor's email. Default false: as
   * Google documents, `Session.getActiveUser().getEmail()` and the event's `user.getEmail()` are
   * '' there. true models the exceptions: the developer editing, or an editor in the script
   * owner's Google Workspace domain.
   */
  revealUserToSimpleTriggers?: boolean;
  /** Remaining email recipients today; default 100 (consumer accounts). */
  mailQuota?: number;
  /** Largest mail body in bytes (plain + HTML); default MAIL_BODY_LIMIT (consumer accounts). */
  mailBodyLimit?: number;
  /** A test clock; `Utilities.sleep` and lock waits move it forward. Default: real time. */
  now?: () => Date;
  spreadsheetName?: string;
  spreadsheetId?: string;
  url?: string;
  /** Sheets of the new spreadsheet; default ['Sheet1']. */
  sheetNames?: string[];
  /** Project HTML files for HtmlService, by name ('Sidebar' or 'Sidebar.html'). */
  htmlFiles?: Record<string, string>;
  scriptId?: string;
  scriptProperties?: Record<string, string>;
  userProperties?: Record<string, string>;
  documentProperties?: Record<string, string>;
  /**
   * Constructor for the Dates the fake hands out (getValues, getValue). Pass the vm context's
   * `Date` when the code under test runs in a `vm` context, so its `instanceof Date` holds.
   */
  dateConstructor?: DateConstructor;
}

class FakeSpreadsheetAppImpl {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly WrapStrategy = WrapStrategy;

  constructor(
    private readonly env: SpreadsheetEnv,
    private readonly ss: FakeSpreadsheet,
    private readonly ui: FakeUi,
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this.env.tracker.track(`SpreadsheetApp.${method}`, args);
  }

  getActive(): FakeSpreadsheet {
    this.t('getActive', arguments);
    return this.ss;
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.t('getActiveSpreadsheet', arguments);
    return this.ss;
  }

  getActiveSheet(): FakeSheet {
    this.t('getActiveSheet', arguments);
    return this.ss._activeSheet();
  }

  getActiveRange(): FakeRange {
    this.t('getActiveRange', arguments);
    const sheet = this.ss._activeSheet();
    const r = this.ss._activeRange;
    return r !== null && r._sheet === sheet ? r : new FakeRange(sheet, 1, 1, 1, 1);
  }

  setActiveSheet(sheetArg: SheetArg, restoreSelection?: boolean): FakeSheet {
    this.t('setActiveSheet', arguments);
    void restoreSelection;
    const sheet = fake(FakeSheet, sheetArg, 'SpreadsheetApp.setActiveSheet');
    this.ss._active = sheet;
    return sheet;
  }

  /** Counted, so tests can assert it is not called in a loop. */
  flush(): void {
    this.t('flush', arguments);
  }

  getUi(): FakeUi {
    this.t('getUi', arguments);
    return this.ui;
  }

  newDataValidation(): FakeDataValidationBuilder {
    this.t('newDataValidation', arguments);
    return new FakeDataValidationBuilder(this.env);
  }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.t('newConditionalFormatRule', arguments);
    return new FakeConditionalFormatRuleBuilder(this.env);
  }

  /** Only the fake's own spreadsheet exists. */
  openById(id: string): FakeSpreadsheet {
    this.t('openById', arguments);
    if (id !== this.ss._id)
      throw gasError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return this.ss;
  }
}

export type SpreadsheetAppShapeCheck = Check<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  SpreadsheetAppKeys,
  FakeSpreadsheetAppImpl
>;

export interface GasGlobals {
  SpreadsheetApp: FakeSpreadsheetApp;
  MailApp: FakeMailAppGlobal;
  ScriptApp: FakeScriptAppGlobal;
  LockService: FakeLockServiceGlobal;
  PropertiesService: FakePropertiesServiceGlobal;
  Session: FakeSessionGlobal;
  Utilities: FakeUtilitiesGlobal;
  HtmlService: FakeHtmlServiceGlobal;
  Logger: FakeLoggerGlobal;
  Charts: FakeChartsGlobal;
}

export type LockKind = 'document' | 'script' | 'user';

export interface EditEventOptions {
  /** Default LIMITED (a simple trigger); FULL for an installable one. */
  authMode?: string;
  /** Installable triggers only. */
  triggerUid?: string;
}

/** Test handles. Nothing here counts as an Apps Script call. */
export class GasControl {
  /** Every fake object is reachable from here; use it to inspect formats, charts, etc. */
  readonly spreadsheet: FakeSpreadsheet;
  readonly sentMails: MailRecord[];
  readonly properties: PropertyStores;
  readonly toasts: ToastRecord[];
  readonly alerts: AlertRecord[];
  readonly prompts: AlertRecord[];
  readonly menus: MenuRecord[];
  readonly dialogs: DialogRecord[];
  readonly sidebars: SidebarRecord[];
  readonly logs: string[];

  constructor(
    private readonly tracker: Tracker,
    private readonly clock: Clock,
    spreadsheet: FakeSpreadsheet,
    private readonly mail: MailState,
    private readonly script: ScriptState,
    private readonly locks: LockState,
    private readonly ui: UiState,
    private readonly users: Users,
    properties: PropertyStores,
    toasts: ToastRecord[],
    logs: string[],
  ) {
    this.spreadsheet = spreadsheet;
    this.sentMails = mail.sent;
    this.properties = properties;
    this.toasts = toasts;
    this.alerts = ui.alerts;
    this.prompts = ui.prompts;
    this.menus = ui.menus;
    this.dialogs = ui.dialogs;
    this.sidebars = ui.sidebars;
    this.logs = logs;
  }

  // --- calls -----------------------------------------------------------------------------------

  /** Live counters keyed 'Class.method', e.g. calls['Range.getValues']. */
  get calls(): Record<string, number> {
    return this.tracker.calls;
  }

  /** Method keys in call order (while `recordLog` is true). */
  get callLog(): string[] {
    return this.tracker.callLog;
  }

  get recordLog(): boolean {
    return this.tracker.recordLog;
  }

  set recordLog(on: boolean) {
    this.tracker.recordLog = on;
  }

  /** Runs before every fake call (after counting); may throw to fail that call. */
  get beforeCall(): CallHook | undefined {
    return this.tracker.beforeCall;
  }

  set beforeCall(hook: CallHook | undefined) {
    this.tracker.beforeCall = hook;
  }

  resetCalls(): void {
    this.tracker.reset();
  }

  /** Calls on SpreadsheetApp, Spreadsheet, Sheet, Range and the other Spreadsheet objects. */
  spreadsheetCalls(): number {
    return this.tracker.total((cls) => SPREADSHEET_CLASSES.has(cls));
  }

  /** Calls on one class, e.g. callsOf('MailApp'). */
  callsOf(className: string): number {
    return this.tracker.total((cls) => cls === className);
  }

  /**
   * Makes a future call of `methodKey` throw `error`, once: the Nth call from now, or the first
   * call for which `predicate(args, callNumber)` is true.
   */
  failOn(methodKey: string, when: number | CallPredicate, error: Error): void {
    this.tracker.failOn(methodKey, when, error);
  }

  clearFaults(): void {
    this.tracker.clearFaults();
  }

  // --- clock and users -------------------------------------------------------------------------

  private executionStart: number | null = null;
  private callCost: ((key: string) => number) | null = null;

  /**
   * Apps Script stops an execution after 6 minutes ("Script runtime: 6 min / execution" in
   * Google's quota table); the script gets no chance to finish what it was doing. The fake
   * throws `Exceeded maximum execution time` from every service call made past that point of an
   * execution begun with `beginExecution` (the bundle's `call` begins one), while this is on.
   */
  enforceExecutionLimit = false;

  /**
   * A new execution starts now (a menu click or a trigger firing): the 6 minutes start again.
   * `simpleTrigger`: it runs without the user's authorization (onEdit/onOpen fired by Sheets), so
   * the active user's email is hidden; anything else (menu, sidebar, installed trigger) sees it.
   */
  beginExecution(options: { simpleTrigger?: boolean } = {}): void {
    this.executionStart = this.clock.now().getTime();
    this.users.simpleTrigger = options.simpleTrigger ?? false;
    this.installTiming();
  }

  /**
   * Simulates a slow host: every service call moves the test clock forward by `costMs(key)`
   * before it runs (needs `options.now`). `null` makes calls free again.
   */
  setCallCost(costMs: ((key: string) => number) | null): void {
    this.callCost = costMs;
    this.installTiming();
  }

  private installTiming(): void {
    this.tracker.timing = (key) => {
      const cost = this.callCost?.(key) ?? 0;
      if (cost > 0) this.clock.advance(cost);
      if (
        this.enforceExecutionLimit &&
        this.executionStart !== null &&
        this.clock.now().getTime() - this.executionStart > EXECUTION_LIMIT_MS
      )
        throw gasError('Exceeded maximum execution time');
    };
  }

  now(): Date {
    return this.clock.now();
  }

  /** Moves the test clock (only when `options.now` was given). */
  advanceClock(ms: number): void {
    this.clock.advance(ms);
  }

  setActiveUser(email: string): void {
    this.users.active = email;
  }

  setEffectiveUser(email: string): void {
    this.users.effective = email;
  }

  // --- mail ------------------------------------------------------------------------------------

  get mailQuota(): number {
    return this.mail.remaining;
  }

  setMailQuota(n: number): void {
    this.mail.remaining = n;
  }

  // --- triggers --------------------------------------------------------------------------------

  /** Installed triggers of every user, in creation order. */
  get triggers(): TriggerRecord[] {
    return this.script.triggers.slice();
  }

  // --- locks -----------------------------------------------------------------------------------

  private slot(kind: LockKind): LockSlot {
    return this.locks[kind];
  }

  /** Another execution takes the lock (optionally letting go after `releaseAfterMs`). */
  holdLock(kind: LockKind, options?: { releaseAfterMs?: number }): void {
    const slot = this.slot(kind);
    slot.holder = 'other';
    slot.releaseAt =
      options?.releaseAfterMs === undefined
        ? undefined
        : this.clock.now().getTime() + options.releaseAfterMs;
  }

  releaseLock(kind: LockKind): void {
    const slot = this.slot(kind);
    if (slot.holder === 'other') {
      slot.holder = null;
      slot.releaseAt = undefined;
    }
  }

  holdDocumentLock(options?: { releaseAfterMs?: number }): void {
    this.holdLock('document', options);
  }

  releaseDocumentLock(): void {
    this.releaseLock('document');
  }

  holdScriptLock(options?: { releaseAfterMs?: number }): void {
    this.holdLock('script', options);
  }

  releaseScriptLock(): void {
    this.releaseLock('script');
  }

  /** 'free', 'held' (by a Lock of this execution) or 'other' (by `holdLock`). */
  lockState(kind: LockKind): 'free' | 'held' | 'other' {
    const holder = this.slot(kind).holder;
    return holder === null ? 'free' : holder === 'other' ? 'other' : 'held';
  }

  // --- ui --------------------------------------------------------------------------------------

  get alertResponse(): UiState['alertResponse'] {
    return this.ui.alertResponse;
  }

  set alertResponse(response: ButtonValue | ((alert: AlertRecord) => ButtonValue) | undefined) {
    this.ui.alertResponse = response;
  }

  get promptResponse(): UiState['promptResponse'] {
    return this.ui.promptResponse;
  }

  set promptResponse(response: PromptAnswer | ((prompt: AlertRecord) => PromptAnswer) | undefined) {
    this.ui.promptResponse = response;
  }

  // --- sheets ----------------------------------------------------------------------------------

  sheet(name: string): FakeSheet {
    const sheet = this.spreadsheet._sheet(name);
    if (sheet === null) throw new Error(`control: no sheet named "${name}"`);
    return sheet;
  }

  /** Stored values from A1 to the last row/column with content; "" for blanks; [] if empty. */
  sheetValues(name: string): unknown[][] {
    const sheet = this.sheet(name);
    const rows = sheet._lastRow();
    const cols = sheet._lastColumn();
    return rows === 0 ? [] : sheet._read(1, 1, rows, cols);
  }

  /** Formulas from A1 to the last row/column with content; "" where none. */
  sheetFormulas(name: string): string[][] {
    const sheet = this.sheet(name);
    const out: string[][] = [];
    for (let r = 1; r <= sheet._lastRow(); r++) {
      const line: string[] = [];
      for (let c = 1; c <= sheet._lastColumn(); c++) line.push(sheet._formula(r, c));
      out.push(line);
    }
    return out;
  }

  /**
   * Replaces a sheet's content with `rows` from A1 (creating the sheet if needed, growing it to
   * fit). Values are stored as given — no typed-input parsing; null/undefined/"" are blank.
   */
  setSheetValues(name: string, rows: readonly (readonly unknown[])[]): FakeSheet {
    const sheet =
      this.spreadsheet._sheet(name) ??
      this.spreadsheet._addSheet(name, this.spreadsheet._sheets.length);
    sheet._replaceAll(rows);
    return sheet;
  }

  /** The formatting property of the top-left cell of `a1` on a sheet. */
  format(sheetName: string, a1: string, property: FormatProperty): unknown {
    const range = this.spreadsheet._rangeFromA1(a1, this.sheet(sheetName));
    return this.sheet(sheetName)._format(property, range._row, range._col);
  }

  // --- events ----------------------------------------------------------------------------------

  /**
   * An onEdit event for an edit that already happened: when `value` is given the cell(s) are
   * set to it first (as typed input). `value`/`oldValue` are present only for a single cell,
   * as documented; `oldValue` is absent when the cell was empty (pass undefined).
   */
  editEvent(
    sheetName: string,
    a1: string,
    oldValue?: unknown,
    value?: unknown,
    options?: EditEventOptions,
  ): GoogleAppsScript.Events.SheetsOnEdit {
    const sheet = this.sheet(sheetName);
    const range = this.spreadsheet._rangeFromA1(a1, sheet);
    if (value !== undefined) {
      const grid = Array.from({ length: range._numRows }, () =>
        new Array<unknown>(range._numCols).fill(value),
      );
      sheet._write(range._row, range._col, grid, true);
    }
    const event: Record<string, unknown> = {
      authMode: this.triggerAuth(options),
      range,
      source: this.spreadsheet,
      user: this.eventUser(options),
    };
    if (options?.triggerUid !== undefined) event.triggerUid = options.triggerUid;
    if (range._numRows === 1 && range._numCols === 1) {
      if (value !== undefined) event.value = value;
      if (oldValue !== undefined) event.oldValue = oldValue;
    }
    return event as unknown as GoogleAppsScript.Events.SheetsOnEdit;
  }

  openEvent(options?: EditEventOptions): GoogleAppsScript.Events.SheetsOnOpen {
    const event: Record<string, unknown> = {
      authMode: this.triggerAuth(options),
      source: this.spreadsheet,
      user: this.eventUser(options),
    };
    if (options?.triggerUid !== undefined) event.triggerUid = options.triggerUid;
    return event as unknown as GoogleAppsScript.Events.SheetsOnOpen;
  }

  /**
   * An event's auth mode; LIMITED (a simple trigger) also means the trigger about to run cannot
   * see who the user is, so Session hides the email until the next `beginExecution`.
   */
  private triggerAuth(options: EditEventOptions | undefined): string {
    const mode = options?.authMode ?? AuthMode.LIMITED;
    this.users.simpleTrigger = isSimpleTriggerAuth(mode);
    return mode;
  }

  private eventUser(options: EditEventOptions | undefined): FakeUser {
    const simple = isSimpleTriggerAuth(options?.authMode ?? AuthMode.LIMITED);
    return new FakeUser(visibleActiveUser(this.users, simple));
  }

  /** A1 notation of a fake range (no call counted). */
  a1(range: FakeRange): string {
    return toA1(range._rect());
  }
}

/** LIMITED (simple trigger) and NONE (add-on onOpen before authorization) hide the user. */
export function isSimpleTriggerAuth(authMode: unknown): boolean {
  const mode = String(authMode);
  return mode === AuthMode.LIMITED || mode === AuthMode.NONE;
}

/** Apps Script's runtime limit per execution. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export interface Gas {
  globals: GasGlobals;
  control: GasControl;
}

export function createGas(options: GasOptions = {}): Gas {
  const tracker = new Tracker();
  const clock = new Clock(options.now);
  const toasts: ToastRecord[] = [];
  const logs: string[] = [];
  const env: SpreadsheetEnv = { tracker, clock, toasts, Date: options.dateConstructor ?? Date };
  const locale = options.locale ?? 'en_US';
  const users: Users = {
    active: options.activeUser ?? 'owner@example.com',
    effective: options.effectiveUser ?? options.activeUser ?? 'owner@example.com',
    locale: options.userLocale ?? locale.split('_')[0],
    scriptTimeZone: options.scriptTimeZone ?? 'America/Los_Angeles',
    simpleTrigger: false,
    revealedToSimpleTriggers: options.revealUserToSimpleTriggers ?? false,
  };
  const spreadsheet = new FakeSpreadsheet(
    env,
    options.spreadsheetId ?? '1FakeSpreadsheetId0123456789abcdefghijklmnop',
    options.spreadsheetName ?? 'Untitled spreadsheet',
    options.spreadsheetTimeZone ?? 'Asia/Shanghai',
    locale,
    options.sheetNames ?? ['Sheet1'],
  );
  if (options.url !== undefined) spreadsheet._url = options.url;
  const locks = newLockState();
  const uiState = newUiState();
  uiState.heldLocks = () =>
    (['document', 'script', 'user'] as const).filter(
      (k) => locks[k].holder !== null && locks[k].holder !== 'other',
    );
  const ui = new FakeUi(tracker, uiState);
  const mail = new MailState(options.mailQuota ?? 100, options.mailBodyLimit);
  const script: ScriptState = { triggers: [], nextId: 1000 };
  const properties: PropertyStores = {
    script: new Map(Object.entries(options.scriptProperties ?? {})),
    user: new Map(Object.entries(options.userProperties ?? {})),
    document: new Map(Object.entries(options.documentProperties ?? {})),
  };

  const fakes = {
    SpreadsheetApp: new FakeSpreadsheetAppImpl(env, spreadsheet, ui),
    MailApp: new FakeMailApp(tracker, clock, mail),
    ScriptApp: newScriptApp({
      tracker,
      clock,
      state: script,
      scriptId: options.scriptId ?? 'fake-script-id',
      scriptTimeZone: users.scriptTimeZone,
      user: () => users.effective,
    }),
    LockService: new FakeLockService(tracker, clock, locks),
    PropertiesService: new FakePropertiesService(tracker, properties),
    Session: new FakeSession(tracker, users),
    Utilities: new FakeUtilities(tracker, clock),
    HtmlService: new FakeHtmlService(tracker, options.htmlFiles ?? {}),
    Logger: new FakeLogger(tracker, logs),
    Charts: { ChartType },
  };
  // The fakes return fake objects; tests and the bundle see them through the real types.
  const globals = fakes as unknown as GasGlobals;
  const control = new GasControl(
    tracker,
    clock,
    spreadsheet,
    mail,
    script,
    locks,
    uiState,
    users,
    properties,
    toasts,
    logs,
  );
  return { globals, control };
}

/** Puts the globals on `globalThis` (for adapter tests); returns a function that removes them. */
export function installGlobals(globals: GasGlobals): () => void {
  const target = globalThis as Record<string, unknown>;
  const saved = new Map<string, unknown>();
  for (const [name, value] of Object.entries(globals)) {
    saved.set(name, target[name]);
    target[name] = value;
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete target[name];
      else target[name] = value;
    }
  };
}

export { gasError } from './core';
export { formatDate, zonedParts, wallTimeToDate } from './dates';
export { columnToLetters, lettersToColumn, parseA1, toA1 } from './a1';
export { LOCK_TIMEOUT, MAIL_BODY_LIMIT, MAX_TRIGGERS } from './services';
export type { MailRecord, TriggerRecord } from './services';
export type { AlertRecord, DialogRecord, MenuRecord, SidebarRecord } from './ui';
export type { FakeRange, FakeSheet, FakeSpreadsheet, ToastRecord } from './spreadsheet';
