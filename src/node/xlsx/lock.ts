import { randomBytes } from 'node:crypto';
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

/**
 * The tokens of the locks this process is taking or holds. A lock names its owner as
 * `PID TOKEN`: with our pid it is live only if the token is one of ours — otherwise a dead
 * process that had our pid left it.
 */
const ours = new Set<string>();

/** How long a take-over marker may stand before it is itself taken for one left by a dead run. */
const MARKER_STALE_MS = 10_000;
/** How long an empty lock file may be one that its owner is still writing. */
const BEING_WRITTEN_MS = 2_000;

const code = (e: unknown): string | undefined => (e as { code?: string }).code;
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface LockOwner {
  readonly text: string;
  readonly pid: number;
  readonly token: string;
  readonly ageMs: number;
}

async function readOwner(lock: string): Promise<LockOwner | null> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock)]);
    const [pidText = '', token = ''] = text.trim().split(/\s+/);
    const pid = Number(pidText);
    return {
      text,
      pid: Number.isInteger(pid) && pid > 0 ? pid : 0,
      token,
      ageMs: Date.now() - stat.mtimeMs,
    };
  } catch (e) {
    if (code(e) === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Removes the lock left by a dead run, if this run is the one to do it. Two runs that find the
 * same dead lock must not both take it over (each would remove the other's new lock): the one
 * that creates the take-over marker for exactly that lock's text removes the lock, after checking
 * it still holds that text; the others wait and try again, and then find the winner's live lock.
 */
async function takeOver(lock: string, dead: LockOwner): Promise<void> {
  const marker = `${lock}.takeover-${dead.pid}-${dead.token || 'x'}`;
  try {
    await fs.writeFile(marker, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if (code(e) !== 'EEXIST') throw e;
    const age = await fs.stat(marker).then(
      (st) => Date.now() - st.mtimeMs,
      () => 0,
    );
    // A marker left by a run killed in the middle of a take-over would block every later run.
    if (age > MARKER_STALE_MS) await fs.rm(marker, { force: true });
    await pause(50);
    return;
  }
  try {
    if ((await readOwner(lock))?.text === dead.text) await fs.rm(lock, { force: true });
  } finally {
    await fs.rm(marker, { force: true });
  }
}

/**
 * Keeps two `kam` runs from updating the same workbook at once (the document lock of the Apps
 * Script host): `BOOK.xlsx.kam-lock`, created exclusively, names its owner. A lock left by a run
 * that died is taken over by exactly one of the runs that find it.
 */
export async function withWorkbookLock<T>(
  path: string,
  shown: string,
  locale: Locale,
  job: () => Promise<T>,
): Promise<T> {
  const lock = `${path}.kam-lock`;
  const token = randomBytes(8).toString('hex');
  ours.add(token);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.writeFile(lock, `${process.pid} ${token}`, { flag: 'wx' });
        break;
      } catch (e) {
        if (code(e) !== 'EEXIST') throw folderError(e, path, shown, locale);
        const owner = await readOwner(lock);
        if (owner === null) continue;
        if (owner.pid === 0 && owner.ageMs < BEING_WRITTEN_MS && attempt < 20) {
          // Created a moment ago and not written yet: its owner is alive.
          await pause(20);
          continue;
        }
        const live =
          owner.pid === process.pid ? ours.has(owner.token) : owner.pid > 0 && alive(owner.pid);
        if (live || attempt >= 20)
          throw new CliError(cliText('busy', locale, { file: shown, pid: owner.pid || '?' }));
        await takeOver(lock, owner);
      }
    }
    return await holding(lock, job);
  } finally {
    ours.delete(token);
  }
}

async function holding<T>(lock: string, job: () => Promise<T>): Promise<T> {
  const forget = removeOnExit(lock);
  try {
    return await job();
  } finally {
    await fs.rm(lock, { force: true });
    forget();
  }
}
