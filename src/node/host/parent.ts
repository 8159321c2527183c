/**
 * For a big workbook bin/kam.js runs the CLI again in a child with a larger heap, connected by
 * an IPC channel. A parent killed with SIGKILL cannot forward the signal, so the child watches
 * for itself: the channel closes (seen between two steps of asynchronous work) and the child is
 * given a new parent (seen at once, even in the middle of synchronous work such as sending the
 * digests). Either way it stops at once, as the killed process would have, instead of finishing
 * and rewriting a workbook, or emailing, after the user stopped it. Files it created are removed
 * by the exit handlers of exit-cleanup.ts.
 */

/** The shell's exit code for a process killed by SIGKILL. */
const PARENT_GONE_EXIT = 137;

let parentPid: number | null = null;

export function watchParent(): void {
  if (!process.env.KAM_CHILD || typeof process.send !== 'function' || parentPid !== null) return;
  parentPid = process.ppid;
  process.on('disconnect', () => process.exit(PARENT_GONE_EXIT));
  // The channel must not keep the child alive once its work is done.
  process.channel?.unref();
}

/**
 * Called before each step that cannot be undone (replacing the workbook, sending a digest).
 * `process.ppid` is asked of the system each time; on Windows, where orphans keep their parent
 * id, the closed channel tells.
 */
export function exitIfOrphaned(): void {
  if (parentPid === null) return;
  if (!process.connected || process.ppid !== parentPid) process.exit(PARENT_GONE_EXIT);
}
