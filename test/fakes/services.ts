/** MailApp, ScriptApp (triggers), LockService, PropertiesService, Session, Utilities, Logger. */
/* eslint-disable prefer-rest-params -- every fake method hands its own `arguments` to the call tracker, keeping the real parameter lists for the shape checks */
import { randomUUID } from 'crypto';
import { Clock, Tracker, gasError, isDate, signatureError } from './core';
import { formatDate, wallTimeToDate } from './dates';

// ---------------------------------------------------------------------------------------------
// MailApp

export interface MailRecord {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | undefined;
  name: string | undefined;
  replyTo: string | undefined;
  noReply: boolean;
  attachments: unknown[] | undefined;
  /** to + cc + bcc addresses, the unit of the daily quota. */
  recipients: string[];
  sentAt: Date;
}

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown[];
  inlineImages?: unknown;
}

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

function addresses(list: string | undefined): string[] {
  if (list === undefined || list === null) return [];
  return String(list)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

function bareAddress(address: string): string {
  const m = /<([^>]*)>\s*$/.exec(address);
  return m === null ? address : m[1].trim();
}

/**
 * "Email body size: 200 KB / msg" on consumer accounts, 400 KB on Google Workspace
 * (https://developers.google.com/apps-script/guides/services/quotas, "Current limitations").
 * Google says neither whether a KB is 1,000 or 1,024 bytes nor whether the plain and HTML bodies
 * count together, so the fake takes the strictest reading: both bodies, in UTF-8, over 200,000
 * bytes. What passes here passes on either kind of account.
 */
export const MAIL_BODY_LIMIT = 200_000;

export class MailState {
  remaining: number;
  readonly bodyLimit: number;
  readonly sent: MailRecord[] = [];

  constructor(quota: number, bodyLimit = MAIL_BODY_LIMIT) {
    this.remaining = quota;
    this.bodyLimit = bodyLimit;
  }
}

export class FakeMailApp {
  constructor(
    private readonly tracker: Tracker,
    private readonly clock: Clock,
    private readonly state: MailState,
  ) {}

  getRemainingDailyQuota(): number {
    this.tracker.track('MailApp.getRemainingDailyQuota', arguments);
    return this.state.remaining;
  }

  /**
   * sendEmail(message), (recipient, subject, body), (recipient, subject, body, options),
   * (to, replyTo, subject, body). The quota counts recipients (to + cc + bcc).
   */
  sendEmail(...args: unknown[]): void {
    this.tracker.track('MailApp.sendEmail', args);
    let m: MailOptions;
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
      m = { ...(args[0] as MailOptions) };
    } else if (
      args.length === 3 ||
      (args.length === 4 && typeof args[3] === 'object' && args[3] !== null)
    ) {
      m = {
        ...((args[3] as MailOptions | undefined) ?? {}),
        to: String(args[0]),
        subject: String(args[1]),
        body: String(args[2]),
      };
    } else if (args.length === 4 && typeof args[3] === 'string') {
      m = {
        to: String(args[0]),
        replyTo: String(args[1]),
        subject: String(args[2]),
        body: String(args[3]),
      };
    } else {
      throw signatureError('MailApp.sendEmail', args);
    }
    const recipients = [...addresses(m.to), ...addresses(m.cc), ...addresses(m.bcc)];
    if (recipients.length === 0) throw gasError('Failed to send email: no recipient');
    for (const r of recipients) {
      if (!EMAIL.test(bareAddress(r))) throw gasError(`Invalid email: ${r}`);
    }
    const body = Buffer.byteLength(String(m.body ?? ''), 'utf8');
    const html = Buffer.byteLength(String(m.htmlBody ?? ''), 'utf8');
    if (body + html > this.state.bodyLimit) throw gasError('Limit Exceeded: Email Body Size.');
    if (recipients.length > this.state.remaining) {
      throw gasError('Service invoked too many times for one day: email.');
    }
    this.state.remaining -= recipients.length;
    this.state.sent.push({
      to: m.to ?? '',
      cc: m.cc ?? '',
      bcc: m.bcc ?? '',
      subject: m.subject === undefined ? '' : String(m.subject),
      body: m.body === undefined ? '' : String(m.body),
      htmlBody: m.htmlBody,
      name: m.name,
      replyTo: m.replyTo,
      noReply: m.noReply === true,
      attachments: m.attachments,
      recipients,
      sentAt: this.clock.now(),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// ScriptApp

export const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;

export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;

export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;

export const WeekDay = {
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
} as const;

/** Triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas). */
export const MAX_TRIGGERS = 20;

export interface TriggerRecord {
  uniqueId: string;
  handler: string;
  type: string;
  source: string;
  sourceId: string;
  owner: string;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  atHour?: number;
  nearMinute?: number;
  timezone?: string;
  /** One-off: at(date) / atDate(y, m, d). */
  at?: Date;
  /** One-off: after(ms), with `at` = creation time + ms. */
  after?: number;
}

export interface ScriptState {
  triggers: TriggerRecord[];
  nextId: number;
}

export class FakeTrigger {
  constructor(
    private readonly tracker: Tracker,
    readonly _record: TriggerRecord,
  ) {}

  getHandlerFunction(): string {
    this.tracker.track('Trigger.getHandlerFunction', arguments);
    return this._record.handler;
  }

  getUniqueId(): string {
    this.tracker.track('Trigger.getUniqueId', arguments);
    return this._record.uniqueId;
  }

  getEventType(): string {
    this.tracker.track('Trigger.getEventType', arguments);
    return this._record.type;
  }

  getTriggerSource(): string {
    this.tracker.track('Trigger.getTriggerSource', arguments);
    return this._record.source;
  }

  getTriggerSourceId(): string {
    this.tracker.track('Trigger.getTriggerSourceId', arguments);
    return this._record.sourceId;
  }
}

interface ScriptContext {
  tracker: Tracker;
  clock: Clock;
  state: ScriptState;
  scriptId: string;
  scriptTimeZone: string;
  /** Owner of new triggers and whose triggers getProjectTriggers lists. */
  user(): string;
}

function create(
  ctx: ScriptContext,
  record: Omit<TriggerRecord, 'uniqueId' | 'owner'>,
): FakeTrigger {
  const owner = ctx.user();
  const mine = ctx.state.triggers.filter((t) => t.owner === owner).length;
  if (mine >= MAX_TRIGGERS) {
    throw gasError(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }
  ctx.state.nextId += 1;
  const full: TriggerRecord = { ...record, uniqueId: String(ctx.state.nextId), owner };
  ctx.state.triggers.push(full);
  return new FakeTrigger(ctx.tracker, full);
}

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

/**
 * Schedule checks mirror what Apps Script enforces; the wording of these particular messages is
 * the fake's own (the real ones are not documented).
 */
export class FakeClockTriggerBuilder {
  private spec: Partial<TriggerRecord> = {};

  constructor(
    private readonly ctx: ScriptContext,
    private readonly handler: string,
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this.ctx.tracker.track(`ClockTriggerBuilder.${method}`, args);
  }

  everyMinutes(n: number): FakeClockTriggerBuilder {
    this.t('everyMinutes', arguments);
    if (!EVERY_MINUTES.includes(n))
      throw gasError('Invalid argument: everyMinutes must be 1, 5, 10, 15 or 30');
    this.spec.everyMinutes = n;
    return this;
  }

  everyHours(n: number): FakeClockTriggerBuilder {
    this.t('everyHours', arguments);
    if (!EVERY_HOURS.includes(n))
      throw gasError('Invalid argument: everyHours must be 1, 2, 4, 6, 8 or 12');
    this.spec.everyHours = n;
    return this;
  }

  everyDays(n: number): FakeClockTriggerBuilder {
    this.t('everyDays', arguments);
    if (!(Number.isInteger(n) && n >= 1)) throw gasError('Invalid argument: everyDays');
    this.spec.everyDays = n;
    return this;
  }

  everyWeeks(n: number): FakeClockTriggerBuilder {
    this.t('everyWeeks', arguments);
    if (!(Number.isInteger(n) && n >= 1)) throw gasError('Invalid argument: everyWeeks');
    this.spec.everyWeeks = n;
    return this;
  }

  onWeekDay(day: unknown): FakeClockTriggerBuilder {
    this.t('onWeekDay', arguments);
    this.spec.onWeekDay = String(day);
    return this;
  }

  onMonthDay(day: number): FakeClockTriggerBuilder {
    this.t('onMonthDay', arguments);
    if (!(Number.isInteger(day) && day >= 1 && day <= 31))
      throw gasError('Invalid argument: onMonthDay');
    this.spec.onMonthDay = day;
    return this;
  }

  atHour(hour: number): FakeClockTriggerBuilder {
    this.t('atHour', arguments);
    if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23))
      throw gasError('Invalid argument: atHour');
    this.spec.atHour = hour;
    return this;
  }

  nearMinute(minute: number): FakeClockTriggerBuilder {
    this.t('nearMinute', arguments);
    if (!(Number.isInteger(minute) && minute >= 0 && minute <= 59))
      throw gasError('Invalid argument: nearMinute');
    this.spec.nearMinute = minute;
    return this;
  }

  inTimezone(timezone: string): FakeClockTriggerBuilder {
    this.t('inTimezone', arguments);
    this.spec.timezone = String(timezone);
    return this;
  }

  at(date: Date | GoogleAppsScript.Base.Date): FakeClockTriggerBuilder {
    this.t('at', arguments);
    if (!isDate(date)) throw signatureError('ScriptApp.ClockTriggerBuilder.at', [date]);
    this.spec.at = new Date(date.getTime());
    return this;
  }

  atDate(year: number, month: number, day: number): FakeClockTriggerBuilder {
    this.t('atDate', arguments);
    this.spec.at = wallTimeToDate(this.spec.timezone ?? this.ctx.scriptTimeZone, year, month, day);
    return this;
  }

  after(durationMilliseconds: number): FakeClockTriggerBuilder {
    this.t('after', arguments);
    this.spec.after = durationMilliseconds;
    this.spec.at = new Date(this.ctx.clock.now().getTime() + durationMilliseconds);
    return this;
  }

  create(): FakeTrigger {
    this.t('create', arguments);
    const s = this.spec;
    const schedules = [
      s.everyMinutes,
      s.everyHours,
      s.everyDays,
      s.everyWeeks,
      s.at,
      s.onMonthDay,
    ].filter((x) => x !== undefined).length;
    if (schedules !== 1) {
      throw gasError(
        'Invalid argument: a clock trigger needs exactly one schedule (every…, at, after, atDate or onMonthDay)',
      );
    }
    if (
      s.atHour !== undefined &&
      s.everyDays === undefined &&
      s.everyWeeks === undefined &&
      s.onMonthDay === undefined
    ) {
      throw gasError('Invalid argument: atHour needs everyDays, everyWeeks or onMonthDay');
    }
    if (s.nearMinute !== undefined && s.atHour === undefined) {
      throw gasError('Invalid argument: nearMinute needs atHour');
    }
    return create(this.ctx, {
      ...s,
      handler: this.handler,
      type: EventType.CLOCK,
      source: TriggerSource.CLOCK,
      sourceId: '',
      timezone: s.timezone ?? (s.at === undefined ? this.ctx.scriptTimeZone : undefined),
    });
  }
}

export class FakeSpreadsheetTriggerBuilder {
  private type: string | undefined;

  constructor(
    private readonly ctx: ScriptContext,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}

  private on(
    method: string,
    args: ArrayLike<unknown>,
    type: string,
  ): FakeSpreadsheetTriggerBuilder {
    this.ctx.tracker.track(`SpreadsheetTriggerBuilder.${method}`, args);
    this.type = type;
    return this;
  }

  onOpen(): FakeSpreadsheetTriggerBuilder {
    return this.on('onOpen', arguments, EventType.ON_OPEN);
  }

  onEdit(): FakeSpreadsheetTriggerBuilder {
    return this.on('onEdit', arguments, EventType.ON_EDIT);
  }

  onChange(): FakeSpreadsheetTriggerBuilder {
    return this.on('onChange', arguments, EventType.ON_CHANGE);
  }

  onFormSubmit(): FakeSpreadsheetTriggerBuilder {
    return this.on('onFormSubmit', arguments, EventType.ON_FORM_SUBMIT);
  }

  create(): FakeTrigger {
    this.ctx.tracker.track('SpreadsheetTriggerBuilder.create', arguments);
    if (this.type === undefined)
      throw gasError('Invalid argument: choose onOpen, onEdit, onChange or onFormSubmit');
    return create(this.ctx, {
      handler: this.handler,
      type: this.type,
      source: TriggerSource.SPREADSHEETS,
      sourceId: this.sourceId,
    });
  }
}

export class FakeTriggerBuilder {
  constructor(
    private readonly ctx: ScriptContext,
    private readonly handler: string,
  ) {}

  timeBased(): FakeClockTriggerBuilder {
    this.ctx.tracker.track('TriggerBuilder.timeBased', arguments);
    return new FakeClockTriggerBuilder(this.ctx, this.handler);
  }

  forSpreadsheet(sheet: { _id: string } | string): FakeSpreadsheetTriggerBuilder {
    this.ctx.tracker.track('TriggerBuilder.forSpreadsheet', arguments);
    const id = typeof sheet === 'string' ? sheet : sheet._id;
    return new FakeSpreadsheetTriggerBuilder(this.ctx, this.handler, id);
  }
}

export class FakeScriptApp {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;

  constructor(private readonly ctx: ScriptContext) {}

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.ctx.tracker.track('ScriptApp.newTrigger', arguments);
    if (typeof functionName !== 'string' || functionName === '') {
      throw signatureError('ScriptApp.newTrigger', [functionName]);
    }
    return new FakeTriggerBuilder(this.ctx, functionName);
  }

  /** The current user's triggers in this project. */
  getProjectTriggers(): FakeTrigger[] {
    this.ctx.tracker.track('ScriptApp.getProjectTriggers', arguments);
    const user = this.ctx.user();
    return this.ctx.state.triggers
      .filter((t) => t.owner === user)
      .map((t) => new FakeTrigger(this.ctx.tracker, t));
  }

  getUserTriggers(source: unknown): FakeTrigger[] {
    this.ctx.tracker.track('ScriptApp.getUserTriggers', arguments);
    const user = this.ctx.user();
    const id = (source as { _id?: unknown } | null)?._id;
    return this.ctx.state.triggers
      .filter((t) => t.owner === user && t.sourceId === id)
      .map((t) => new FakeTrigger(this.ctx.tracker, t));
  }

  deleteTrigger(trigger: FakeTrigger | GoogleAppsScript.Script.Trigger): void {
    this.ctx.tracker.track('ScriptApp.deleteTrigger', arguments);
    if (!(trigger instanceof FakeTrigger))
      throw signatureError('ScriptApp.deleteTrigger', [trigger]);
    const id = trigger._record.uniqueId;
    this.ctx.state.triggers = this.ctx.state.triggers.filter((t) => t.uniqueId !== id);
  }

  getScriptId(): string {
    this.ctx.tracker.track('ScriptApp.getScriptId', arguments);
    return this.ctx.scriptId;
  }
}

export function newScriptApp(ctx: ScriptContext): FakeScriptApp {
  return new FakeScriptApp(ctx);
}

// ---------------------------------------------------------------------------------------------
// LockService

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** Who holds a lock: nobody, one of this execution's Lock objects, or "another execution". */
export interface LockSlot {
  holder: FakeLock | 'other' | null;
  /** For 'other': when the other execution lets go (clock ms), if it ever does. */
  releaseAt: number | undefined;
}

export interface LockState {
  document: LockSlot;
  script: LockSlot;
  user: LockSlot;
}

export function newLockState(): LockState {
  const slot = (): LockSlot => ({ holder: null, releaseAt: undefined });
  return { document: slot(), script: slot(), user: slot() };
}

/**
 * Each getXLock() call returns a new Lock; two Lock objects of the same kind contend with each
 * other, as two executions would.
 */
export class FakeLock {
  constructor(
    private readonly tracker: Tracker,
    private readonly clock: Clock,
    private readonly slot: LockSlot,
  ) {}

  private acquire(timeoutInMillis: number): boolean {
    const slot = this.slot;
    if (slot.holder === this) return true;
    if (slot.holder === 'other' && slot.releaseAt !== undefined) {
      const wait = slot.releaseAt - this.clock.now().getTime();
      if (wait <= timeoutInMillis) {
        this.clock.advance(Math.max(0, wait));
        slot.holder = null;
        slot.releaseAt = undefined;
      }
    }
    if (slot.holder === null) {
      slot.holder = this;
      return true;
    }
    this.clock.advance(timeoutInMillis);
    return false;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.tracker.track('Lock.tryLock', arguments);
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.tracker.track('Lock.waitLock', arguments);
    if (!this.acquire(timeoutInMillis)) throw gasError(LOCK_TIMEOUT);
  }

  hasLock(): boolean {
    this.tracker.track('Lock.hasLock', arguments);
    return this.slot.holder === this;
  }

  releaseLock(): void {
    this.tracker.track('Lock.releaseLock', arguments);
    if (this.slot.holder === this) this.slot.holder = null;
  }
}

export class FakeLockService {
  constructor(
    private readonly tracker: Tracker,
    private readonly clock: Clock,
    private readonly state: LockState,
  ) {}

  getDocumentLock(): FakeLock {
    this.tracker.track('LockService.getDocumentLock', arguments);
    return new FakeLock(this.tracker, this.clock, this.state.document);
  }

  getScriptLock(): FakeLock {
    this.tracker.track('LockService.getScriptLock', arguments);
    return new FakeLock(this.tracker, this.clock, this.state.script);
  }

  getUserLock(): FakeLock {
    this.tracker.track('LockService.getUserLock', arguments);
    return new FakeLock(this.tracker, this.clock, this.state.user);
  }
}

// ---------------------------------------------------------------------------------------------
// PropertiesService

export class FakeProperties {
  constructor(
    private readonly tracker: Tracker,
    readonly _store: Map<string, string>,
  ) {}

  getProperty(key: string): string | null {
    this.tracker.track('Properties.getProperty', arguments);
    return this._store.get(String(key)) ?? null;
  }

  /** Values are stored as strings: setProperty('n', 5) stores "5". */
  setProperty(key: string, value: string): FakeProperties {
    this.tracker.track('Properties.setProperty', arguments);
    this._store.set(String(key), String(value));
    return this;
  }

  getProperties(): Record<string, string> {
    this.tracker.track('Properties.getProperties', arguments);
    return Object.fromEntries(this._store);
  }

  setProperties(properties: Record<string, string>, deleteAllOthers?: boolean): FakeProperties {
    this.tracker.track('Properties.setProperties', arguments);
    if (deleteAllOthers === true) this._store.clear();
    for (const [k, v] of Object.entries(properties)) this._store.set(k, String(v));
    return this;
  }

  getKeys(): string[] {
    this.tracker.track('Properties.getKeys', arguments);
    return [...this._store.keys()];
  }

  deleteProperty(key: string): FakeProperties {
    this.tracker.track('Properties.deleteProperty', arguments);
    this._store.delete(String(key));
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this.tracker.track('Properties.deleteAllProperties', arguments);
    this._store.clear();
    return this;
  }
}

export interface PropertyStores {
  script: Map<string, string>;
  user: Map<string, string>;
  document: Map<string, string>;
}

export class FakePropertiesService {
  constructor(
    private readonly tracker: Tracker,
    private readonly stores: PropertyStores,
  ) {}

  getScriptProperties(): FakeProperties {
    this.tracker.track('PropertiesService.getScriptProperties', arguments);
    return new FakeProperties(this.tracker, this.stores.script);
  }

  getUserProperties(): FakeProperties {
    this.tracker.track('PropertiesService.getUserProperties', arguments);
    return new FakeProperties(this.tracker, this.stores.user);
  }

  getDocumentProperties(): FakeProperties {
    this.tracker.track('PropertiesService.getDocumentProperties', arguments);
    return new FakeProperties(this.tracker, this.stores.document);
  }
}

// ---------------------------------------------------------------------------------------------
// Session

export interface Users {
  active: string;
  effective: string;
  locale: string;
  scriptTimeZone: string;
  /**
   * The running execution was started without the user's authorization (a simple trigger such as
   * `onEdit`/`onOpen`): Google then hides who the active user is.
   */
  simpleTrigger: boolean;
  /** The developer's own edits, or editors in the script owner's Workspace domain: revealed. */
  revealedToSimpleTriggers: boolean;
}

/**
 * The active user's email as Google reveals it: '' in a simple trigger unless the identity is
 * revealed there (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
 */
export function visibleActiveUser(users: Users, simpleTrigger = users.simpleTrigger): string {
  return simpleTrigger && !users.revealedToSimpleTriggers ? '' : users.active;
}

export class FakeUser {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }

  getUserLoginId(): string {
    return this.email;
  }
}

export class FakeSession {
  constructor(
    private readonly tracker: Tracker,
    private readonly users: Users,
  ) {}

  getActiveUser(): FakeUser {
    this.tracker.track('Session.getActiveUser', arguments);
    return new FakeUser(visibleActiveUser(this.users));
  }

  getEffectiveUser(): FakeUser {
    this.tracker.track('Session.getEffectiveUser', arguments);
    return new FakeUser(this.users.effective);
  }

  getActiveUserLocale(): string {
    this.tracker.track('Session.getActiveUserLocale', arguments);
    return this.users.locale;
  }

  getScriptTimeZone(): string {
    this.tracker.track('Session.getScriptTimeZone', arguments);
    return this.users.scriptTimeZone;
  }

  getTemporaryActiveUserKey(): string {
    this.tracker.track('Session.getTemporaryActiveUserKey', arguments);
    return `tmp-${Buffer.from(this.users.active).toString('base64url')}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Utilities and Logger

export class FakeUtilities {
  constructor(
    private readonly tracker: Tracker,
    private readonly clock: Clock,
  ) {}

  formatDate(date: Date | GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.tracker.track('Utilities.formatDate', arguments);
    if (!isDate(date)) throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    return formatDate(date, timeZone, format);
  }

  /** Does not really sleep; moves a test clock forward. Apps Script caps it at 300000 ms. */
  sleep(milliseconds: number): void {
    this.tracker.track('Utilities.sleep', arguments);
    if (milliseconds > 300000) throw gasError('Invalid argument: milliseconds');
    this.clock.advance(milliseconds);
  }

  getUuid(): string {
    this.tracker.track('Utilities.getUuid', arguments);
    return randomUUID();
  }

  base64Encode(data: string | number[]): string {
    this.tracker.track('Utilities.base64Encode', arguments);
    const buf =
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff));
    return buf.toString('base64');
  }

  /** Java bytes: signed, -128…127. */
  base64Decode(encoded: string): number[] {
    this.tracker.track('Utilities.base64Decode', arguments);
    return [...Buffer.from(encoded, 'base64')].map((b) => (b > 127 ? b - 256 : b));
  }

  /** A Blob of text or bytes (the BigQuery load job's media); only what the script reads of it. */
  newBlob(
    data: string | number[],
    contentType?: string,
    name?: string,
  ): GoogleAppsScript.Base.Blob {
    this.tracker.track('Utilities.newBlob', arguments);
    const bytes =
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff));
    return new FakeBlob(
      bytes,
      contentType ?? null,
      name ?? null,
    ) as unknown as GoogleAppsScript.Base.Blob;
  }
}

/** A Blob: its bytes, content type and name. */
export class FakeBlob {
  constructor(
    private readonly bytes: Buffer,
    private readonly contentType: string | null,
    private readonly name: string | null,
  ) {}

  getDataAsString(): string {
    return this.bytes.toString('utf8');
  }

  getBytes(): number[] {
    return [...this.bytes].map((b) => (b > 127 ? b - 256 : b));
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getName(): string | null {
    return this.name;
  }
}

function logText(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && !isDate(value)) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export class FakeLogger {
  constructor(
    private readonly tracker: Tracker,
    private readonly lines: string[],
  ) {}

  /** log(data) or log(format, ...values) with %s / %d placeholders. */
  log(data: unknown, ...values: unknown[]): FakeLogger {
    this.tracker.track('Logger.log', [data, ...values]);
    let line: string;
    if (values.length > 0 && typeof data === 'string') {
      let i = 0;
      line = data.replace(/%[sd]/g, (token) => (i < values.length ? logText(values[i++]) : token));
    } else {
      line = logText(data);
    }
    this.lines.push(line);
    return this;
  }

  getLog(): string {
    this.tracker.track('Logger.getLog', arguments);
    return this.lines.join('\n');
  }

  clear(): void {
    this.tracker.track('Logger.clear', arguments);
    this.lines.length = 0;
  }
}
