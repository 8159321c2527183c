import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Locale } from '../../core/i18n/locale';
import { CliError, cliText } from '../cli/messages';
import { removeOnExit } from '../host/exit-cleanup';
import { exists } from './file';
import { folderError } from './folder-errors';

/**
 * Lock files other programs leave beside a workbook they have open: Excel and WPS write
 * `~$name.xlsx` (with the first two letters replaced for longer names), LibreOffice
 * `.~lock.name.xlsx#`. Writing under an open Excel would lose one side's changes (on macOS the
 * rename even succeeds), so the runner refuses instead.
 */
export function ownerLockNames(path: string): string[] {
  const name = basename(path);
  const names = [`~$${name}`, `.~lock.${name}#`];
  if (name.length > 2) names.push(`~$${name.slice(2)}`);
  return names.map((n) => join(dirname(path), n));
}

export async function assertNotOpenElsewhere(
  path: string,
  shown: string,
  locale: Locale,
): Promise<void> {
  for (const lock of ownerLockNames(path)) {
    if (await exists(lock))
      throw new CliError(cliText('open_elsewhere', locale, { file: shown, lock: basename(lock) }));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** The locks this process holds now. */
const held = new Set<string>();

/** How long a take-over marker may stand before it is itself taken for one left by a dead run. */
const MARKER_STALE_MS = 10_000;

const code = (e: unknown): string | undefined => (e as { code?: string }).code;

async function readPid(lock: string): Promise<number | null> {
  try {
    const pid = Number((await fs.readFile(lock, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (e) {
    if (code(e) === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Removes the lock left by the dead run `pid`, if this run is the one to do it. Two runs that
 * find the same dead lock must not both take it over (each would remove the other's new lock):
 * the one that creates `LOCK.takeover-PID` exclusively removes the lock, after checking it still
 * names that pid; the other waits and tries again, and then finds the winner's live lock.
 */
async function takeOver(lock: string, pid: number): Promise<void> {
  const marker = `${lock}.takeover-${pid}`;
  try {
    await fs.writeFile(marker, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if (code(e) !== 'EEXIST') throw e;
    const age = await fs.stat(marker).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    // A marker left by a run killed in the middle of a take-over would block every later run.
    if (age > MARKER_STALE_MS) await fs.rm(marker, { force: true });
    await new Promise((r) => setTimeout(r, 50));
    return;
  }
  try {
    if ((await readPid(lock)) === pid) await fs.rm(lock, { force: true });
  } finally {
    await fs.rm(marker, { force: true });
  }
}

/**
 * Keeps two `kam` runs from updating the same workbook at once (the document lock of the Apps
 * Script host): `BOOK.xlsx.kam-lock`, created exclusively, holds the owner's pid. A lock left by
 * a run that died is taken over by exactly one of the runs that find it.
 */
export async function withWorkbookLock<T>(
  path: string,
  shown: string,
  locale: Locale,
  job: () => Promise<T>,
): Promise<T> {
  const lock = `${path}.kam-lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (code(e) !== 'EEXIST') throw folderError(e, path, shown, locale);
      const pid = await readPid(lock);
      if (pid === null) continue;
      // Our own pid is live only when this process holds that lock: a lock with our pid that we
      // do not hold was left by a dead process whose pid the system gave to us again.
      const live = pid === process.pid ? held.has(lock) : pid > 0 && alive(pid);
      if (live || attempt >= 20)
        throw new CliError(cliText('busy', locale, { file: shown, pid: pid || '?' }));
      await takeOver(lock, pid);
    }
  }
  held.add(lock);
  const forget = removeOnExit(lock);
  try {
    return await job();
  } finally {
    await fs.rm(lock, { force: true });
    held.delete(lock);
    forget();
  }
}
