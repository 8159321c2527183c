import { rmSync } from 'node:fs';

/**
 * Files a run creates and must not leave behind (a temporary workbook, its lock) when it ends
 * by `process.exit` rather than through its `finally` blocks: the relaunched child exits at once
 * when the `kam` the user started is gone (see parent.ts).
 */
const pending = new Set<string>();
let hooked = false;

function removeAll(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

/** Removes `path` should the process exit before the returned function is called. */
export function removeOnExit(path: string): () => void {
  if (!hooked) {
    process.on('exit', removeAll);
    hooked = true;
  }
  pending.add(path);
  return () => pending.delete(path);
}
