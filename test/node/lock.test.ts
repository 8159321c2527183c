import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withWorkbookLock } from '../../src/node/xlsx/lock';
import { tempDir } from './helpers';

/**
 * A lock left by a run that died is taken over by exactly one of the runs that find it: runs
 * that all saw the dead pid must never hold the lock together (each removing the other's).
 * Three runs in one process interleave their file operations finely, as separate processes
 * started together may.
 */
describe('the workbook lock', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('a dead run’s lock is taken over by one run at a time, however many find it together', async () => {
    for (let round = 0; round < 20; round++) {
      const book = join(tmp.dir, `book${round}.xlsx`);
      writeFileSync(`${book}.kam-lock`, '2147483646');
      let inside = 0;
      let most = 0;
      let ran = 0;
      const run = () =>
        withWorkbookLock(book, 'book.xlsx', 'en', async () => {
          inside++;
          ran++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 20));
          inside--;
        }).catch((e: Error) => {
          if (!/another kam run/.test(e.message)) throw e;
        });
      await Promise.all([run(), run(), run()]);
      expect(most).toBe(1);
      expect(ran).toBeGreaterThanOrEqual(1);
    }
  });
});
