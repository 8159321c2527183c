import type { Locale } from '../../core/i18n/locale';
import { CliError, cliText } from '../cli/messages';
import { readDirectory, readEntry, ZipFormatError, type ZipEntry } from './zip';

/**
 * The most a workbook may unpack to, by the sizes its zip directory declares, before ExcelJS is
 * given it. ExcelJS holds every part in memory several times over: a 1.75 MB file whose shared
 * strings unpack to 1.5 GiB took 35 s and 1.8 GB of memory before failing. The largest workbooks
 * the runner is made for (10k accounts, 200k transactions) unpack to a few hundred MiB.
 */
export const DEFAULT_MAX_UNPACKED_MIB = 1024;
export const MAX_UNPACKED_ENV = 'KAM_MAX_UNPACKED_MB';

function limitMiB(env: NodeJS.ProcessEnv): number {
  const raw = env[MAX_UNPACKED_ENV];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_MAX_UNPACKED_MIB;
}

function mib(bytes: number): string {
  return `${Math.ceil(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;
}

/**
 * Refuses a package that declares more than the limit, naming its largest part; reads only the
 * central directory. Returns the directory for later steps.
 */
export function assertPackageSize(
  bytes: Buffer,
  shown: string,
  locale: Locale,
  env: NodeJS.ProcessEnv = process.env,
): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = readDirectory(bytes);
  } catch (e) {
    if (e instanceof ZipFormatError)
      throw new CliError(cliText('corrupt', locale, { file: shown, detail: e.message }));
    throw e;
  }
  const limit = limitMiB(env) * 2 ** 20;
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > limit) {
    const largest = entries.reduce((a, b) => (b.size > a.size ? b : a));
    throw new CliError(
      cliText('too_big_unpacked', locale, {
        file: shown,
        total: mib(total),
        part: largest.name,
        size: mib(largest.size),
        limit: mib(limit),
        env: MAX_UNPACKED_ENV,
      }),
    );
  }
  return entries;
}

/**
 * Unpacks each part once, never past the size the directory declares for it, and hands it to
 * `see` (then lets it go). A part that would unpack to more than it declares (a zip bomb that
 * lies in its directory) or does not unpack at all stops here, naming the part, before ExcelJS
 * would inflate it without a bound.
 */
export function unpackEachPart(
  bytes: Buffer,
  entries: readonly ZipEntry[],
  shown: string,
  locale: Locale,
  see: (name: string, data: Buffer) => void,
): void {
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    let data: Buffer;
    try {
      data = readEntry(bytes, entry);
    } catch (e) {
      const tooBig = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      const detail = tooBig
        ? `${entry.name} unpacks to more than the ${entry.size.toLocaleString('en-US')} bytes declared`
        : `${entry.name}: ${(e as Error).message}`;
      throw new CliError(cliText('corrupt', locale, { file: shown, detail }));
    }
    see(entry.name, data);
  }
}
