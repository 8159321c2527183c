import {
  closeSync,
  copyFileSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  promises as fs,
  constants as fsConstants,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { dirname } from 'node:path';
import { removeOnExit } from '../host/exit-cleanup';
import { exitIfOrphaned } from '../host/parent';
import { Workbook } from './exceljs';
import type { Locale } from '../../core/i18n/locale';
import { CliError, cliText } from '../cli/messages';
import { lightNames } from './names';
import { assertPackageSize, unpackEachPart } from './package-guard';
import { PackageNotes, restorePackage } from './preserve';
import { tempPathFor } from './temp-files';
import { XlsxPackage } from './package/package';
import { PartError } from './package/xml';
import { StyleCache, shareStyles } from './styles';
import { compactAllValidations } from './validations';

/** A workbook read from disk, with the bytes it came from (journal checks compare them). */
export interface LoadedBook {
  readonly workbook: Workbook;
  readonly bytes: Buffer;
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Faster than ExcelJS's default level (about half the write time on a 200k-row workbook) for a
 * file about a third larger: the runner rewrites the whole workbook on every run.
 */
export const ZIP_OPTIONS = { compression: 'DEFLATE', compressionOptions: { level: 1 } } as const;

/**
 * Excel saves a workbook with an open password as an OLE2 compound file too, like an .xls, but
 * holding the streams EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO); directory entry names
 * are UTF-16LE.
 */
function isEncryptedPackage(bytes: Buffer): boolean {
  return (
    bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')) &&
    bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'))
  );
}

function code(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e
    ? String((e as { code: unknown }).code)
    : '';
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].slice(0, 160);
}

/**
 * Reads an .xlsx file's bytes, refusing what is not a workbook package (an .xls, an encrypted
 * workbook, another zip) or declares more than the unpacked-size limit, in one line naming the file.
 */
export async function readBookBytes(path: string, shown: string, locale: Locale): Promise<Buffer> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new CliError(cliText('not_a_file', locale, { file: shown }));
    bytes = await fs.readFile(path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const c = code(e);
    if (c === 'ENOENT') throw new CliError(cliText('not_found', locale, { file: shown }));
    if (c === 'EACCES' || c === 'EPERM' || c === 'EBUSY')
      throw new CliError(cliText('no_access', locale, { file: shown, code: c }));
    throw new CliError(cliText('corrupt', locale, { file: shown, detail: firstLine(e) }));
  }
  if (bytes.subarray(0, 4).equals(OLE_SIGNATURE))
    throw new CliError(
      cliText(isEncryptedPackage(bytes) ? 'encrypted' : 'xls', locale, { file: shown }),
    );
  if (!bytes.subarray(0, 4).equals(ZIP_SIGNATURE))
    throw new CliError(cliText('not_xlsx', locale, { file: shown }));
  // Entry names are stored uncompressed, so a zip that is not a workbook (.docx, .zip) shows here.
  if (!bytes.includes('xl/workbook.xml') && !bytes.includes('xl/workbook2.xml'))
    throw new CliError(cliText('not_xlsx', locale, { file: shown }));
  return bytes;
}

/** A part kam cannot parse, named: the file may well open in Excel, so never "damaged". */
export function partProblem(e: PartError, shown: string, locale: Locale): CliError {
  if (e.kind === 'zip')
    return new CliError(
      cliText('corrupt', locale, {
        file: shown,
        detail: e.part.startsWith('(') ? e.detail : `${e.part} ${e.detail}`,
      }),
    );
  return new CliError(
    cliText('part_unreadable', locale, { file: shown, part: e.part, detail: e.detail }),
  );
}

/** The package of an .xlsx file, its workbook part and sheet list read (sheets on demand). */
export async function loadPackage(
  path: string,
  shown: string,
  locale: Locale,
): Promise<LoadedPackage> {
  const bytes = await readBookBytes(path, shown, locale);
  assertPackageSize(bytes, shown, locale);
  try {
    const pkg = new XlsxPackage(bytes);
    if (pkg.sheets.length === 0)
      throw new CliError(cliText('corrupt', locale, { file: shown, detail: 'no sheets' }));
    return { pkg, bytes };
  } catch (e) {
    if (e instanceof PartError) throw partProblem(e, shown, locale);
    throw e;
  }
}

export interface LoadedPackage {
  readonly pkg: XlsxPackage;
  readonly bytes: Buffer;
}

/** Reads and parses an .xlsx with ExcelJS (kam init, kam map), every failure one line. */
export async function loadBook(
  path: string,
  shown: string,
  locale: Locale,
  beforeParse?: (workbook: Workbook, bytes: Buffer) => void,
): Promise<LoadedBook> {
  const bytes = await readBookBytes(path, shown, locale);
  const notes = new PackageNotes();
  unpackEachPart(bytes, assertPackageSize(bytes, shown, locale), shown, locale, (name, data) =>
    notes.see(name, data),
  );
  const workbook = new Workbook();
  lightNames(workbook);
  beforeParse?.(workbook, bytes);
  try {
    // ExcelJS types `load` with an older Buffer type; the runtime takes any Node Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    notes.keepFor(workbook);
  } catch (e) {
    throw new CliError(cliText('corrupt', locale, { file: shown, detail: firstLine(e) }));
  }
  if (workbook.worksheets.length === 0)
    throw new CliError(cliText('corrupt', locale, { file: shown, detail: 'no sheets' }));
  return { workbook, bytes };
}

/**
 * A workbook kam would update must be writable by its owner: a file someone made read-only is
 * refused rather than replaced (the rename would succeed, and root could write it anyway).
 */
export async function assertWritable(path: string, shown: string, locale: Locale): Promise<void> {
  let mode: number;
  try {
    mode = (await fs.stat(path)).mode;
  } catch {
    return; // missing: reading it says so
  }
  if ((mode & 0o222) === 0) throw new CliError(cliText('read_only', locale, { file: shown }));
}

export function backupPath(path: string): string {
  return `${path}.bak`;
}

/** The bytes of an ExcelJS workbook as the runner writes it (shared styles, kept protections). */
export async function excelBytes(workbook: Workbook, styles = new StyleCache()): Promise<Buffer> {
  compactAllValidations(workbook);
  shareStyles(workbook, styles);
  return restorePackage(
    workbook,
    Buffer.from(await workbook.xlsx.writeBuffer({ zip: ZIP_OPTIONS })),
  );
}

/** Writes an ExcelJS workbook (kam init) atomically; see `writeBookAtomic`. */
export async function saveBookAtomic(
  workbook: Workbook,
  path: string,
  shown: string,
  locale: Locale,
  styles = new StyleCache(),
): Promise<void> {
  await writeBookAtomic(await excelBytes(workbook, styles), path, shown, locale);
}

/**
 * Writes the workbook so that the file on disk is always either the old one or the new one:
 * the new bytes go to a temporary file in the same folder (same file system, so the rename is
 * atomic) and are flushed to disk, the old file is copied to BOOK.xlsx.bak, and only then is the
 * temporary file renamed over the original. The new file keeps the old one's permissions (and,
 * when kam runs as root, its owner): it is still the user's file. A workbook locked by Excel on
 * Windows fails the rename with EBUSY/EPERM; the original is then untouched and the temporary
 * file removed.
 */
export async function writeBookAtomic(
  data: Buffer,
  path: string,
  shown: string,
  locale: Locale,
): Promise<void> {
  const dir = dirname(path);
  const tmp = tempPathFor(path);
  let renamed = false;
  const forget = removeOnExit(tmp);
  // Synchronous from creating the temporary file to the rename: a relaunched child whose parent
  // was killed exits between two ticks (parent.ts), and an asynchronous open or rename still in
  // the thread pool then would create or replace a file after the exit handlers cleaned up.
  try {
    const before = statOrNull(path);
    const fd = openSync(tmp, 'wx');
    try {
      writeFileSync(fd, data);
      if (before) {
        fchmodSync(fd, before.mode & 0o7777);
        if (process.getuid?.() === 0) {
          try {
            fchownSync(fd, before.uid, before.gid);
          } catch {
            // Best effort: the content and the mode are what matter.
          }
        }
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    exitIfOrphaned();
    if (before) copyFileSync(path, backupPath(path));
    renameSync(tmp, path);
    renamed = true;
    syncDir(dir);
  } catch (e) {
    const c = code(e);
    if (c === 'EBUSY' || c === 'EPERM' || c === 'EACCES' || c === 'ETXTBSY')
      throw new CliError(cliText('locked_write', locale, { file: shown, code: c }));
    throw e;
  } finally {
    if (!renamed) rmSync(tmp, { force: true });
    forget();
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** Makes the rename itself durable; directories cannot be opened for sync on Windows. */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: some file systems refuse fsync on a directory.
  }
}
