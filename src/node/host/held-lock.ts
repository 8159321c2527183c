import type { DocumentLock } from '../../core/ports/host';

/**
 * The document lock of a `kam` command: a command that writes holds the workbook's lock file for
 * its whole run (xlsx/lock.ts, taken by `updateBook` before the file is read), so by the time a
 * job asks for the lock it already has it.
 */
export const HELD_BY_COMMAND: DocumentLock = { run: (_waitMs, job) => job() };
