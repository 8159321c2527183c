import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The hidden temporary file a new version of `path` is written to before it is renamed over it:
 * `.NAME.PID.XXXXXXXX.tmp` in the same folder (same file system, so the rename is atomic). The
 * pid says which run wrote it, so a later run can tell a leftover from a live run's file.
 */
export function tempPathFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes the temporary files of `path` that a killed run left behind (often 0 bytes: killed
 * before it wrote). Only names `tempPathFor` makes, for this very file, whose run has ended; a
 * problem removing one is no reason to fail the run.
 */
export async function removeStaleTemps(path: string): Promise<string[]> {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(path))}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
  let names: string[];
  try {
    names = await fs.readdir(dirname(path));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    try {
      await fs.rm(join(dirname(path), name), { force: true });
      removed.push(name);
    } catch {
      // left for the next run
    }
  }
  return removed;
}
