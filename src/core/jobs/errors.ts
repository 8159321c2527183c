/** A problem the user can fix, with a message already in the workbook's language. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/**
 * A job stopped because it would run past its time budget: before writing anything, or between
 * two writes, having written the outputs in `written` whole and left the rest as they were.
 */
export class BudgetExceededError extends Error {
  constructor(
    message: string,
    /** Keys of the outputs written before the stop (the refresh: accounts, summary, …). */
    readonly written: readonly string[] = [],
  ) {
    super(message);
    this.name = 'BudgetExceededError';
  }
}
