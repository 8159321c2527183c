import type { SheetGrid } from '../parse/table';
import type { Account360View } from '../sidebar/account360';
import {
  applyWrites,
  validateAction,
  validateInteraction,
  type FormContext,
  type RowPlan,
} from '../sidebar/forms';
import { failed, ok, type Reply } from '../sidebar/reply';
import { uiText } from '../sidebar/texts';
import {
  account360View,
  FORM_LOCK_MS,
  idOf,
  sheetToAppend,
  withGrid,
  type FormDeps,
} from './forms';
import { readWorkbook } from './read';

type Validate = (
  input: Readonly<Record<string, unknown>>,
  target: SheetGrid | null,
  ctx: FormContext,
) => RowPlan;

const FORMS = {
  interactions: { validate: validateInteraction as Validate, done: 'logged' },
  actions: { validate: validateAction as Validate, done: 'action_added' },
} as const;

/**
 * Account 360's quick forms (docs/workbook.md): validates the fields again, whatever the browser
 * checked, and appends one row to Interactions or Action Plan in one write, under the document
 * lock. Returns Account 360 of the account with the new row, or the fields' errors (nothing is
 * written then).
 */
export function appendRecord(
  deps: FormDeps,
  key: keyof typeof FORMS,
  fields: Readonly<Record<string, unknown>>,
): Reply<Account360View> {
  const { store, clock } = deps;
  return deps.lock.run(FORM_LOCK_MS, () => {
    const today = clock.today();
    const read = readWorkbook(store, today);
    const { name, target } = sheetToAppend(read, key);
    const plan = FORMS[key].validate(fields, target, {
      today,
      locale: read.locale,
      user: deps.user(),
      accountIds: new Set(read.parsed.model.accounts.map((a) => a.id)),
    });
    if (!plan.ok || !name || !target) return failed<Account360View>(plan.errors, read.locale);
    // Below the last row as the sheet is now: someone may have typed a row since the read.
    const row = (store.lastRow?.(name) ?? target.values.length) + 1;
    store.writeRange(name, row, 1, [[...plan.row]]);
    const after = withGrid(
      read,
      key,
      { ...target, values: applyWrites(target.values, [], [plan.row]) },
      today,
    );
    return ok(
      account360View(deps, after, today, idOf(fields.account_id)),
      uiText(FORMS[key].done, read.locale, { row }),
    );
  });
}

/** Quick form: log an interaction for the account shown. */
export const logInteraction = (
  deps: FormDeps,
  fields: Readonly<Record<string, unknown>>,
): Reply<Account360View> => appendRecord(deps, 'interactions', fields);

/** Quick form: add an action for the account shown. */
export const addAction = (
  deps: FormDeps,
  fields: Readonly<Record<string, unknown>>,
): Reply<Account360View> => appendRecord(deps, 'actions', fields);
