import { showAccount360 } from '../../../src/core/jobs/account-360';
import { showActionBoard } from '../../../src/core/jobs/action-board';
import { addAction, logInteraction } from '../../../src/core/jobs/append-record';
import type { FormDeps } from '../../../src/core/jobs/forms';
import { completeAction, moveCard } from '../../../src/core/jobs/move-action';
import { uiText } from '../../../src/core/sidebar/texts';
import { dateCell } from '../../../src/core/values/cell';
import { TODAY, sampleSheets } from '../sidebar/fixtures';
import { fixedClock, MemoryLock, MemoryStore } from './memory-store';

function deps(store = new MemoryStore(sampleSheets()), lock = new MemoryLock()) {
  const asked: string[] = [];
  const d: FormDeps = {
    store,
    clock: fixedClock(TODAY),
    lock,
    user: () => {
      asked.push('user');
      return 'li@example.com';
    },
  };
  return { d, store, lock, asked };
}

describe('append-record: the quick forms of Account 360', () => {
  it('appends one validated row under the lock and shows the account with it', () => {
    const { d, store, lock } = deps();
    const reply = logInteraction(d, {
      account_id: 'A1',
      date: '2026-11-23',
      type: 'Visit',
      summary: 'new deal',
    });
    expect(reply).toMatchObject({
      ok: true,
      message: uiText('logged', 'en', { row: 15 }),
      errors: [],
    });
    expect(lock.runs).toBe(1);
    expect(store.writes).toEqual([
      {
        op: 'write',
        sheet: 'Interactions',
        row: 15,
        col: 1,
        values: [['A1', dateCell(TODAY), 'Visit', 'new deal', null, null, null]],
      },
    ]);
    expect(reply.view!.account!.interactions[0].summary).toBe('new deal');
  });

  it('writes below the last row as the sheet is now, when the host can tell', () => {
    const store = new (class extends MemoryStore {
      lastRow = () => 40;
    })(sampleSheets());
    const reply = addAction(deps(store).d, { account_id: 'A1', task: 'Quote' });
    expect(reply.message).toBe(uiText('action_added', 'en', { row: 41 }));
    expect(store.writes.map((w) => [w.sheet, w.row])).toEqual([['Action Plan', 41]]);
  });

  it('writes nothing when a field is wrong, and says which', () => {
    const { d, store } = deps();
    const reply = logInteraction(d, { account_id: 'NOPE', date: 'soon' });
    expect(reply.ok).toBe(false);
    expect(reply.message).toBe(uiText('fix_below', 'en'));
    expect(reply.errors.map((e) => e.field).sort()).toEqual(['account_id', 'date']);
    expect(store.writes).toEqual([]);
  });

  it('waits for the document lock; a busy workbook throws before anything is read', () => {
    const { d, store } = deps(undefined, new MemoryLock(true));
    expect(() => addAction(d, { account_id: 'A1', task: 'Quote' })).toThrow('busy');
    expect(store.reads).toBe(0);
  });
});

describe('move-action: Done in Account 360, moves on the action board', () => {
  it('Done writes the status and the completed date, one write per run of adjacent cells', () => {
    const { d, store } = deps();
    const reply = completeAction(d, { row: 3, task: 'Overdue', account_id: 'A1' });
    expect(reply).toMatchObject({
      ok: true,
      message: uiText('action_done', 'en', { task: 'Overdue' }),
    });
    expect(store.writes.map((w) => [w.row, w.col, w.values])).toEqual([
      [3, 5, [['Done', dateCell(TODAY)]]],
    ]);
    expect(reply.view!.account!.id).toBe('A1');
  });

  it('a board move reads only the action plan and returns the board, filtered as it was', () => {
    const { d, store, asked } = deps();
    const reply = moveCard(d, {
      row: 6,
      task: 'Beta task',
      status: 'in_progress',
      filter: { owner: 'li@example.com' },
    });
    expect(reply.ok).toBe(true);
    expect(reply.message).toBe(uiText('moved', 'en', { task: 'Beta task', status: 'In progress' }));
    expect(reply.view!.filter.owner).toBe('li@example.com');
    expect(store.read).toContain('Action Plan');
    expect(store.read).not.toContain('Transactions');
    expect(asked).toEqual([]);
  });

  it('refuses a row that no longer holds the task shown', () => {
    const { d, store } = deps();
    const reply = moveCard(d, { row: 2, task: 'Something else', status: 'done' });
    expect(reply.ok).toBe(false);
    expect(reply.errors[0].field).toBe('');
    expect(store.writes).toEqual([]);
  });
});

describe('the views: Account 360 and the action board (read only)', () => {
  it('Account 360 opens the account asked for, else the one on the selected row', () => {
    const { d, store } = deps();
    let asked = 0;
    const selection = () => {
      asked++;
      return { sheet: 'Action Plan', row: 6 };
    };
    expect(showAccount360(d, ' A1 ', selection).view!.account!.id).toBe('A1');
    expect(asked).toBe(0);
    expect(showAccount360(d, null, selection).view!.account!.id).toBe('B2');
    expect(showAccount360(d, '', () => null).view!.account).toBeNull();
    expect(store.writes).toEqual([]);
  });

  it('the action board reads the action plan, filtered', () => {
    const { d, store } = deps();
    const view = showActionBoard(d, { owner: 'zhao@example.com' }).view!;
    expect(view.filter.owner).toBe('zhao@example.com');
    expect(view.columns.flatMap((c) => c.cards.map((k) => k.task))).toEqual(['Orphan']);
    expect(store.read).not.toContain('Transactions');
  });
});
