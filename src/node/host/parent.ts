import { machineLanguage } from '../cli/locale';
import { CliError, cliText } from '../cli/messages';

/**
 * For a big workbook bin/kam.js runs the CLI again in a child with a larger heap, connected by
 * an IPC channel. A parent killed with SIGKILL cannot forward the signal, but its end of the
 * channel closes: the child then stops at once instead of finishing and rewriting a workbook the
 * user meant to stop. The exit code is the shell's for a SIGKILLed process.
 */
const PARENT_GONE_EXIT = 137;

let watched = false;

export function watchParent(): void {
  if (!process.env.KAM_CHILD || typeof process.send !== 'function' || watched) return;
  watched = true;
  process.on('disconnect', () => process.exit(PARENT_GONE_EXIT));
  // The channel must not keep the child alive once its work is done.
  process.channel?.unref();
}

/**
 * The last check before a file replaces the user's: synchronous work (a refresh computes without
 * yielding) can outlast the parent, and its disconnect event may not have run yet.
 */
export function assertParentAlive(): void {
  if (watched && !process.connected) throw new CliError(cliText('parent_gone', machineLanguage()));
}
