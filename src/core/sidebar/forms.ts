import { formatDay, type Day } from '../calendar/day';
import { pick, type Locale } from '../i18n/locale';
import { issueText } from '../issues/issue';
import { readCell, type CellProblem, type FieldValue } from '../parse/cells';
import type { SheetGrid } from '../parse/table';
import { ACTION_STATUSES, optionLabel } from '../schema/enums';
import { headerRowIndex } from '../schema/header-row';
import { matchHeaders, type HeaderMap } from '../schema/match';
import { sheetDef } from '../schema/sheets';
import type { ColumnDef, SheetKey } from '../schema/types';
import { dateCell, type CellValue, type Grid } from '../values/cell';
import { readEmail, readEnum, readText } from '../values/parse';
import { uiText, type FieldError } from './texts';

/**
 * The quick forms of the sidebar (log an interaction, add an action, mark an action done, move a
 * card). Each turns what the browser sent into cells for the target sheet, or into messages for
 * the fields that are wrong. Values are read with the same readers as the refresh
 * (records/cells.ts), so the sidebar accepts exactly what the refresh accepts, and what it writes
 * is read back by the refresh without a data issue. Nothing here trusts the browser: every field
 * arrives as `unknown`.
 */

export interface FormContext {
  readonly today: Day;
  readonly locale: Locale;
  /** The email of the person using the sidebar ('' when Apps Script does not reveal it). */
  readonly user: string;
  /** IDs of the accounts in Accounts (as parsed by the refresh). */
  readonly accountIds: ReadonlySet<string>;
}

/** One new row: the cells in the target sheet's own column order (by its header row). */
export interface RowPlan {
  readonly ok: boolean;
  readonly row: CellValue[];
  readonly errors: FieldError[];
}

/** One cell to change, 1-based as users see it. */
export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
}

export interface ChangePlan {
  readonly ok: boolean;
  readonly writes: CellWrite[];
  readonly errors: FieldError[];
  /** The task text of the changed action, for the confirmation message. */
  readonly task: string;
  /** The status code set. */
  readonly status: string;
}

/** What a JSON field may hold as a cell: strings, numbers and booleans; anything else is blank. */
function asCell(v: unknown): CellValue {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'boolean') return v;
  return null;
}

function problemText(p: CellProblem, locale: Locale): string {
  return issueText(
    {
      sheet: '',
      row: null,
      column: '',
      value: '',
      code: p.code,
      params: p.params,
      severity: 'error',
    },
    locale,
  );
}

/** A field's value as the sheet should hold it: localized labels for lists, date cells, numbers. */
function cellFor(col: ColumnDef, value: FieldValue, locale: Locale): CellValue {
  if (value === null) return null;
  switch (col.type) {
    case 'date':
    case 'datetime':
      return typeof value === 'number' ? dateCell(value) : null;
    case 'enum':
      return optionLabel(col.options ?? [], String(value), locale);
    case 'yesno':
    case 'boolean':
      return value === true ? uiText('yes', locale) : value === false ? uiText('no', locale) : null;
    default:
      return typeof value === 'object' ? null : value;
  }
}

/** The sheet's header, below any title rows, read as the refresh reads it. */
export function headerOf(target: SheetGrid, columns: readonly ColumnDef[]): HeaderMap {
  const at = headerRowIndex(target.name, target.values, columns, target.map);
  return matchHeaders(target.name, columns, target.values[at] ?? [], at + 1, target.map);
}

/** Reads the form fields of one sheet, collecting one message per bad field. */
class FieldReader {
  readonly errors: FieldError[] = [];
  readonly cells = new Map<string, CellValue>();
  readonly header: HeaderMap | null;
  private readonly columns: readonly ColumnDef[];

  constructor(
    key: SheetKey,
    private readonly target: SheetGrid | null,
    private readonly input: Readonly<Record<string, unknown>>,
    private readonly locale: Locale,
  ) {
    this.columns = sheetDef(key).columns;
    this.header = target ? headerOf(target, this.columns) : null;
    if (!target)
      this.fail('', uiText('err_no_sheet', locale, { sheet: pick(sheetDef(key), locale) }));
  }

  fail(field: string, message: string): void {
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ field, message });
  }

  /** The typed value of a form field (null when blank or wrong; wrong ones are reported). */
  read(key: string, options: { required?: boolean } = {}): FieldValue {
    const col = this.columns.find((c) => c.key === key) as ColumnDef;
    const raw = asCell(this.input[key]);
    const res = readCell(col, typeof raw === 'string' ? raw.trim() : raw);
    if (!res.ok) {
      this.fail(key, problemText(res.problem, this.locale));
      return null;
    }
    if (options.required && (res.value === null || res.value === '')) {
      this.fail(key, uiText('err_required', this.locale));
      return null;
    }
    return res.value;
  }

  /** Puts a value in a column; a value for a column the sheet lacks is an error on its field. */
  put(key: string, value: FieldValue, field = key): void {
    if (value === null || value === '') return;
    const col = this.columns.find((c) => c.key === key) as ColumnDef;
    if (this.header && !this.header.index.has(key)) {
      this.fail(
        field,
        uiText('err_no_column', this.locale, {
          sheet: this.target?.name ?? '',
          column: pick(col, this.locale),
        }),
      );
      return;
    }
    this.cells.set(key, cellFor(col, value, this.locale));
  }

  /** The new row, as wide as the last column the script knows in this sheet. */
  plan(): RowPlan {
    if (!this.header || this.errors.length > 0) return { ok: false, row: [], errors: this.errors };
    const width = Math.max(0, ...[...this.header.index.values()].map((i) => i + 1));
    const row: CellValue[] = new Array(width).fill(null);
    for (const [key, v] of this.cells) row[this.header.index.get(key) as number] = v;
    return { ok: true, row, errors: [] };
  }

  /** Required headers of the sheet (date, account ID, task…) must be there to append at all. */
  checkRequiredHeaders(keys: readonly string[]): void {
    if (!this.header) return;
    for (const key of keys) {
      if (this.header.index.has(key)) continue;
      const col = this.columns.find((c) => c.key === key) as ColumnDef;
      this.fail(
        '',
        uiText('err_no_column', this.locale, {
          sheet: this.target?.name ?? '',
          column: pick(col, this.locale),
        }),
      );
    }
  }
}

function readAccount(r: FieldReader, ctx: FormContext): FieldValue {
  const id = r.read('account_id', { required: true });
  if (typeof id === 'string' && id !== '' && !ctx.accountIds.has(id)) {
    r.fail('account_id', uiText('err_unknown_account', ctx.locale, { id }));
    return null;
  }
  return id;
}

/**
 * Log an interaction (docs/workbook.md): date (required, not in the future, as the refresh would ignore
 * it), account (required, must exist), type, summary, next step, satisfaction 1–5, complaint.
 * A complaint is written with status Open; "Recorded by" is the person using the sidebar.
 */
export function validateInteraction(
  input: Readonly<Record<string, unknown>>,
  target: SheetGrid | null,
  ctx: FormContext,
): RowPlan {
  const r = new FieldReader('interactions', target, input, ctx.locale);
  r.checkRequiredHeaders(['date', 'account_id']);
  const date = r.read('date', { required: true });
  if (typeof date === 'number' && date > ctx.today)
    r.fail('date', uiText('err_future', ctx.locale));
  r.put('date', date);
  r.put('account_id', readAccount(r, ctx));
  r.put('type', r.read('type'));
  r.put('summary', r.read('summary'));
  r.put('next_step', r.read('next_step'));
  r.put('satisfaction', r.read('satisfaction'));
  const complaint = r.read('complaint');
  if (complaint === true) {
    r.put('complaint', true);
    if (r.header?.index.has('complaint_status')) r.put('complaint_status', 'open', 'complaint');
  }
  // "Recorded by" is filled in when Apps Script tells who is using the sidebar; never an error.
  const user = readEmail(ctx.user);
  if (user !== undefined && r.header?.index.has('owner_email')) r.put('owner_email', user);
  return r.plan();
}

/**
 * Add an action (docs/workbook.md): task (required), account (must exist), owner, due date (not before
 * the start date), status (default Not started). The start date is today unless given; an action
 * added as Done gets today as its completed date.
 */
export function validateAction(
  input: Readonly<Record<string, unknown>>,
  target: SheetGrid | null,
  ctx: FormContext,
): RowPlan {
  const r = new FieldReader('actions', target, input, ctx.locale);
  r.checkRequiredHeaders(['task']);
  r.put('task', r.read('task', { required: true }));
  r.put('account_id', readAccount(r, ctx));
  r.put('owner_email', r.read('owner_email'));
  const givenStart = r.read('start_date');
  const start = typeof givenStart === 'number' ? givenStart : ctx.today;
  const due = r.read('due_date');
  if (typeof due === 'number' && due < start)
    r.fail('due_date', uiText('err_due_before_start', ctx.locale, { date: formatDay(start) }));
  if (r.header?.index.has('start_date') || typeof givenStart === 'number')
    r.put('start_date', start);
  r.put('due_date', due);
  const status = r.read('status') ?? 'not_started';
  if (r.header?.index.has('status') || status !== 'not_started') r.put('status', status);
  if (status === 'done' && r.header?.index.has('completed_date'))
    r.put('completed_date', ctx.today);
  return r.plan();
}

export interface StatusChangeInput {
  /** Sheet row of the action as shown to the user. */
  readonly row: unknown;
  /** The task text as shown, to check the row still holds the same action. */
  readonly task: unknown;
  /** The status to set: a code, or either label. */
  readonly status: unknown;
  readonly outcome?: unknown;
  /** When given (the sidebar), the row must also still name this account. */
  readonly accountId?: unknown;
}

/**
 * Changes an action's status (the sidebar's "Done" and the board's moves). The row must still
 * hold the task the user saw: rows shift when people sort or insert, and a stale row number must
 * never change another action. Done sets `completed_date` to today; moving a Done action back
 * clears it, so an open action never carries a completion date.
 */
export function planStatusChange(
  input: StatusChangeInput,
  target: SheetGrid | null,
  ctx: Pick<FormContext, 'today' | 'locale'>,
): ChangePlan {
  const { locale } = ctx;
  const fail = (field: string, message: string): ChangePlan => ({
    ok: false,
    writes: [],
    errors: [{ field, message }],
    task: '',
    status: '',
  });
  if (!target)
    return fail('', uiText('err_no_sheet', locale, { sheet: pick(sheetDef('actions'), locale) }));
  const columns = sheetDef('actions').columns;
  const header = headerOf(target, columns);
  const at = (key: string): number | undefined => header.index.get(key);
  for (const key of ['task', 'status']) {
    if (at(key) === undefined) {
      const col = columns.find((c) => c.key === key) as ColumnDef;
      return fail(
        '',
        uiText('err_no_column', locale, { sheet: target.name, column: pick(col, locale) }),
      );
    }
  }
  const row = typeof input.row === 'number' ? input.row : Number(input.row);
  const cells = Number.isInteger(row) && row >= 2 ? target.values[row - 1] : undefined;
  const shownTask = readText(asCell(input.task));
  if (!cells || shownTask === '' || readText(cells[at('task') as number] ?? null) !== shownTask)
    return fail('', uiText('err_changed', locale));
  const accountAt = at('account_id');
  if (
    input.accountId !== undefined &&
    input.accountId !== null &&
    (accountAt === undefined ||
      readText(cells[accountAt] ?? null) !== readText(asCell(input.accountId)))
  )
    return fail('', uiText('err_changed', locale));
  const code = readEnum(asCell(input.status), ACTION_STATUSES);
  if (code === undefined) {
    return fail(
      'status',
      issueText(
        {
          sheet: '',
          row: null,
          column: '',
          value: '',
          code: 'not_in_list',
          params: { options: ACTION_STATUSES.map((o) => `${o.en}/${o.zh}`).join(', ') },
          severity: 'error',
        },
        locale,
      ),
    );
  }
  const writes: CellWrite[] = [];
  const current = readEnum(cells[at('status') as number] ?? null, ACTION_STATUSES) ?? null;
  if (current !== code)
    writes.push({
      row,
      col: (at('status') as number) + 1,
      value: optionLabel(ACTION_STATUSES, code, locale),
    });
  const completedAt = at('completed_date');
  if (completedAt !== undefined) {
    const hasDate = readText(cells[completedAt] ?? null) !== '';
    if (code === 'done' && current !== 'done')
      writes.push({ row, col: completedAt + 1, value: dateCell(ctx.today) });
    else if (code !== 'done' && hasDate) writes.push({ row, col: completedAt + 1, value: null });
  }
  const outcome = readText(asCell(input.outcome));
  if (outcome !== '' && at('outcome') !== undefined)
    writes.push({ row, col: (at('outcome') as number) + 1, value: outcome });
  return { ok: true, writes, errors: [], task: shownTask, status: code };
}

/** Groups cell writes of one row into runs of adjacent columns: one `setValues` each. */
export function writeBlocks(
  writes: readonly CellWrite[],
): { row: number; col: number; values: CellValue[][] }[] {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  const blocks: { row: number; col: number; values: CellValue[][] }[] = [];
  for (const w of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.row === w.row && last.col + last.values[0].length === w.col)
      last.values[0].push(w.value);
    else blocks.push({ row: w.row, col: w.col, values: [[w.value]] });
  }
  return blocks;
}

/** The grid after the writes, so the new state is computed without reading the sheet again. */
export function applyWrites(
  values: readonly (readonly CellValue[])[],
  writes: readonly CellWrite[],
  appended: readonly CellValue[][] = [],
): Grid {
  const out: Grid = values.map((r) => [...r]);
  for (const w of writes) {
    while (out.length < w.row) out.push([]);
    const line = out[w.row - 1];
    while (line.length < w.col) line.push(null);
    line[w.col - 1] = w.value;
  }
  for (const r of appended) out.push([...r]);
  return out;
}
