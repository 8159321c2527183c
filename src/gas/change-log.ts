/**
 * Appends rows to the change log from onEdit. Each edit runs in its own execution, so two
 * editors append at the same moment: reading the last row and writing below it is safe only
 * under the script lock (LockService needs no authorization, so a simple trigger may use it).
 * Sheets refuses a range past the grid ("The coordinates of the range are outside the
 * dimensions of the sheet."), so the grid grows first: a new sheet has 1,000 rows, and the audit
 * trail would otherwise end there.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How long an edit waits for another editor's append (simple triggers stop at 30 seconds). */
const APPEND_WAIT_MS = 10_000;

export function appendChangeLog(log: Sheet, rows: unknown[][]): void {
  if (rows.length === 0) return;
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(APPEND_WAIT_MS)) {
    // Still busy: appendRow is applied atomically and grows the grid itself, one call a row.
    for (const row of rows) log.appendRow(row);
    return;
  }
  try {
    const at = log.getLastRow() + 1;
    const missing = at + rows.length - 1 - log.getMaxRows();
    if (missing > 0) log.insertRowsAfter(log.getMaxRows(), missing);
    log.getRange(at, 1, rows.length, rows[0].length).setValues(rows);
  } finally {
    lock.releaseLock();
  }
}
