import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { demoBook, ensureBuilt, KAM, tempDir, TODAY } from './helpers';

/** Process ids whose parent is `pid` (Linux /proc; the relaunch is what is checked). */
function childrenOf(pid: number): number[] {
  const path = `/proc/${pid}/task/${pid}/children`;
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

function running(pid: number): boolean {
  try {
    // A zombie still answers signal 0; its state letter says it has ended.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (check()) return true;
  return check();
}

/**
 * A workbook over 4 MB makes bin/kam.js run the CLI again in a child with a bigger heap. Killing
 * the process the user started, with SIGKILL, must stop the work: the child must not go on and
 * rewrite the workbook afterwards.
 */
const linux = process.platform === 'linux' ? describe : describe.skip;
linux('kill -9 of the kam the user started', () => {
  const tmp = tempDir();
  const book = join(tmp.dir, 'big.xlsx');

  beforeAll(async () => {
    ensureBuilt();
    copyFileSync(await demoBook(tmp.dir, 1900), book);
    expect(statSync(book).size).toBeGreaterThan(4e6);
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('leaves the workbook as it was and no process behind', async () => {
    const before = readFileSync(book);
    const cli = spawn(process.execPath, [KAM, 'refresh', book, '--today', TODAY], {
      cwd: tmp.dir,
      stdio: 'ignore',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    const exited = new Promise((r) => cli.on('exit', r));
    const pid = cli.pid as number;
    expect(await until(() => childrenOf(pid).length > 0, 10_000)).toBe(true);
    const [child] = childrenOf(pid);
    // Let the child get into the work (reading the workbook) before the kill.
    await sleep(800);
    cli.kill('SIGKILL');
    await exited;
    // The old child went on for 9–15 s and then rewrote the workbook.
    const stopped = await until(() => !running(child), 20_000);
    if (!stopped) process.kill(child, 'SIGKILL');
    expect(stopped).toBe(true);
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(readdirSync(tmp.dir).sort()).toEqual(['big.xlsx', 'demo-en-1900']);
  }, 40_000);
});
