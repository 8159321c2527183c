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
 * Keeps two `kam` runs from updating the same workbook at once (the document lock of the Apps
 * Script host): `BOOK.xlsx.kam-lock`, created exclusively, holds the owner's pid. A lock left by
 * a run that died is taken over.
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
      if ((e as { code?: string }).code !== 'EEXIST' || attempt > 0) {
        if ((e as { code?: string }).code === 'EEXIST')
          throw new CliError(cliText('busy', locale, { file: shown, pid: '?' }));
        throw folderError(e, path, shown, locale);
      }
      const pid = Number((await fs.readFile(lock, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new CliError(cliText('busy', locale, { file: shown, pid }));
      await fs.rm(lock, { force: true });
    }
  }
  const forget = removeOnExit(lock);
  try {
    return await job();
  } finally {
    await fs.rm(lock, { force: true });
    forget();
  }
}
