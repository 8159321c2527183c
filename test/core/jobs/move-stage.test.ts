import type { FormDeps } from '../../../src/core/jobs/forms';
import { moveStage } from '../../../src/core/jobs/move-stage';
import { showActionBoard } from '../../../src/core/jobs/action-board';
import { moveCard } from '../../../src/core/jobs/move-action';
import { uiText } from '../../../src/core/sidebar/texts';
import { dateCell, instantCell, type Grid } from '../../../src/core/values/cell';
import { d, TODAY, sampleSheets } from '../sidebar/fixtures';
import { fixedClock, MemoryLock, MemoryStore } from './memory-store';

const OPPS: Grid = [
  ['Opportunity ID', 'Account ID', 'Name', 'Stage', 'Amount', 'Stage Changed', 'Closed Date'],
  ['O1', 'A1', 'Big deal', 'Proposal', 100000, d(2026, 10, 1), ''],
  ['O2', 'A1', 'Small deal', 'Lead', 500, '', ''],
];

function setup() {
  const store = new MemoryStore({
    ...sampleSheets(),
    Opportunities: OPPS,
    'Change Log': [['Changed At', 'User', 'Sheet', 'Cell', 'Column', 'Old Value', 'New Value']],
  });
  const lock = new MemoryLock();
  const deps: FormDeps = { store, clock: fixedClock(TODAY), lock, user: () => 'li@example.com' };
  return { store, lock, deps };
}

describe('moveStage: Account 360 moves an open opportunity', () => {
  it('Account 360 lists the open deals, largest first, stalled ones marked', () => {
    const { deps } = setup();
    const reply = moveStage(deps, { row: 3, id: 'O2', account_id: 'A1', stage: 'lead' });
    const list = reply.view!.account!.opportunities;
    expect(list.map((o) => [o.id, o.stage.code, o.stalled])).toEqual([
      ['O1', 'proposal', true],
      ['O2', 'lead', false],
    ]);
  });

  it('writes the stage, today in Stage Changed and Closed Date when won, and logs the change', () => {
    const { store, lock, deps } = setup();
    const reply = moveStage(deps, { row: 2, id: 'O1', account_id: 'A1', stage: 'won' });
    expect(lock.runs).toBe(1);
    expect(reply.message).toBe(uiText('stage_moved', 'en', { name: 'Big deal', stage: 'Won' }));
    expect(store.writes).toEqual([
      { op: 'write', sheet: 'Opportunities', row: 2, col: 4, values: [['Won']] },
      {
        op: 'write',
        sheet: 'Opportunities',
        row: 2,
        col: 6,
        values: [[dateCell(TODAY), dateCell(TODAY)]],
      },
      {
        op: 'append',
        sheet: 'Change Log',
        values: [
          [
            instantCell(fixedClock(TODAY).nowMs()),
            'li@example.com',
            'Opportunities',
            'D2',
            'Stage',
            'Proposal',
            'Won',
          ],
        ],
      },
    ]);
    // Won: no longer open, so no longer listed.
    expect(reply.view!.account!.opportunities.map((o) => o.id)).toEqual(['O2']);
  });

  it('a row that no longer holds the deal, or a stage not in the list: nothing written', () => {
    for (const fields of [
      { row: 2, id: 'O2', account_id: 'A1', stage: 'won' },
      { row: 2, id: 'O1', account_id: 'B2', stage: 'won' },
      { row: 2, id: 'O1', account_id: 'A1', stage: 'almost' },
    ]) {
      const { store, deps } = setup();
      expect(moveStage(deps, fields).ok).toBe(false);
      expect(store.writes).toEqual([]);
    }
  });
});

describe('the board switched to opportunities by stage', () => {
  it('shows one column per stage and moves a card with the same writes as Account 360', () => {
    const { store, deps } = setup();
    const board = showActionBoard(deps, { kind: 'opportunities' }).view!;
    expect(board.filter.kind).toBe('opportunities');
    expect(board.columns.map((c) => [c.code, c.cards.map((x) => x.id)])).toEqual([
      ['lead', ['O2']],
      ['qualified', []],
      ['proposal', ['O1']],
      ['negotiation', []],
      ['won', []],
      ['lost', []],
    ]);
    // O1 has been in Proposal since 2026-10-01 (53 days > 30): shown as overdue.
    expect(board.columns[2].cards[0].overdue).toBe(true);
    const reply = moveCard(deps, {
      row: 2,
      id: 'O1',
      account_id: 'A1',
      status: 'negotiation',
      filter: { kind: 'opportunities' },
    });
    expect(reply.ok).toBe(true);
    expect(reply.view!.columns[3].cards.map((c) => c.id)).toEqual(['O1']);
    expect(store.writes[0]).toMatchObject({ sheet: 'Opportunities', values: [['Negotiation']] });
    // The actions board is still the default.
    expect(showActionBoard(deps, {}).view!.filter.kind).toBe('actions');
  });
});
