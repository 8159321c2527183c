import { accountAtRow, type Account360View } from '../sidebar/account360';
import { ok, type Reply } from '../sidebar/reply';
import { account360View, idOf, type FormDeps } from './forms';
import { readWorkbook } from './read';

/** The cell a person has selected: a sheet and a 1-based row. */
export interface Selection {
  readonly sheet: string;
  readonly row: number;
}

/**
 * Account 360 (reads only): the account asked for by ID, else the one on the selected row of
 * Accounts or of any sheet with an Account ID column. `selection` is asked only when no ID came.
 */
export function showAccount360(
  deps: Pick<FormDeps, 'store' | 'clock' | 'user'>,
  accountId: unknown,
  selection: () => Selection | null,
): Reply<Account360View> {
  const today = deps.clock.today();
  const read = readWorkbook(deps.store, today);
  let id = idOf(accountId);
  if (id === null) {
    const at = selection();
    id = at ? accountAtRow(read, at.sheet, at.row) : null;
  }
  return ok(account360View(deps, read, today, id));
}
