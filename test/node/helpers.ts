import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';

export const ROOT = join(__dirname, '..', '..');
export const KAM = join(ROOT, 'bin', 'kam.js');

export interface KamRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** English messages and a fixed zone, whatever the machine running the tests says. */
const ENV = {
  ...process.env,
  LANG: 'en_US.UTF-8',
  LC_ALL: '',
  LC_MESSAGES: '',
  TZ: 'Asia/Shanghai',
};

/**
 * Runs the real CLI as a child process. Asynchronous on purpose: the SMTP test's server lives
 * in this process and must keep answering while the CLI runs.
 */
export function kam(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<KamRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KAM, ...args], { cwd, env: { ...ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Builds the bundle once before a test file's runs (bin/kam.js rebuilds when sources changed). */
export function ensureBuilt(): void {
  const r = spawnSync(process.execPath, [KAM, '--version'], { env: ENV, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kam --version failed: ${r.stderr}`);
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kam-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function readBook(path: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

/** Rows of a sheet as plain values (1-based columns dropped), header first. */
export function sheetRows(wb: Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    rows[r - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

export const TODAY = '2025-11-20';

/**
 * Writes the demo workbook (`kam demo`, fixed seed and day) into a folder of its own under
 * `dir` and returns its path: the realistic starting file most CLI tests copy and then damage.
 */
export async function demoBook(
  dir: string,
  accounts: number,
  locale: 'en' | 'zh-CN' = 'en',
): Promise<string> {
  const out = join(dir, `demo-${locale}-${accounts}`);
  const args = ['demo', '--out', out, '--accounts', String(accounts), '--today', TODAY];
  const r = await kam(locale === 'en' ? args : [...args, '--locale', locale], dir);
  if (r.code !== 0) throw new Error(`kam demo failed (${r.code}): ${r.stderr}`);
  return join(out, 'kam-demo.xlsx');
}
