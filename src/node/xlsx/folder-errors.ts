import { dirname } from 'node:path';
import type { Locale } from '../../core/i18n/locale';
import { CliError, cliText } from '../cli/messages';

/**
 * A file the runner creates beside the workbook (its lock, the new version) could not be created:
 * say what is wrong with the folder rather than print the system error.
 */
export function folderError(e: unknown, path: string, shown: string, locale: Locale): unknown {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  const dir = dirname(shown) === '.' ? dirname(path) : dirname(shown);
  if (code === 'ENOENT') return new CliError(cliText('no_folder', locale, { file: shown, dir }));
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new CliError(cliText('folder_read_only', locale, { file: shown, dir, code }));
  return e;
}
