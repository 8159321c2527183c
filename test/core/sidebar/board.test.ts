import { actionBoard, boardFilter, DONE_LIMIT, NONE } from '../../../src/core/sidebar/board';
import { ago, readOf, sampleSheets, TODAY } from './fixtures';

describe('action board model', () => {
  const { read } = readOf(sampleSheets());
  const model = read.parsed.model;

  const rows = (board: ReturnType<typeof actionBoard>): Record<string, number[]> =>
    Object.fromEntries(board.columns.map((c) => [c.code, c.cards.map((x) => x.row)]));

  it('groups cards by status in list order; blank status is Not started; open by due date, Done newest first', () => {
    const board = actionBoard(model, TODAY, boardFilter({}), 'en');
    expect(board.columns.map((c) => [c.code, c.label])).toEqual([
      ['not_started', 'Not started'],
      ['in_progress', 'In progress'],
      ['done', 'Done'],
      ['blocked', 'Blocked'],
    ]);
    expect(rows(board)).toEqual({
      not_started: [2, 5, 7],
      in_progress: [3],
      done: [4],
      blocked: [6],
    });
    const overdue = board.columns[1].cards[0];
    expect(overdue).toMatchObject({
      task: 'Overdue',
      accountId: 'A1',
      accountName: 'Acme',
      owner: 'li@example.com',
      dueDate: '2026-11-01',
      overdue: true,
    });
    expect(JSON.parse(JSON.stringify(board))).toEqual(board);
  });

  it('an action without an owner belongs to its account’s owner, as for reminders', () => {
    const board = actionBoard(model, TODAY, boardFilter({}), 'en');
    expect(board.columns[0].cards.map((c) => c.owner)).toEqual([
      'li@example.com',
      'li@example.com',
      'zhao@example.com',
    ]);
    expect(board.owners.map((o) => o.code)).toEqual([
      'li@example.com',
      'wang@example.com',
      'zhao@example.com',
    ]);
    expect(board.accounts).toEqual([
      { code: NONE, label: '(no account)' },
      { code: 'A1', label: 'A1 · Acme' },
      { code: 'B2', label: 'B2 · Beta' },
    ]);
  });

  it('filters by owner and by account (including "no account")', () => {
    expect(
      rows(actionBoard(model, TODAY, boardFilter({ owner: 'WANG@example.com ' }), 'en')),
    ).toEqual({ not_started: [], in_progress: [], done: [], blocked: [6] });
    expect(rows(actionBoard(model, TODAY, boardFilter({ account: NONE }), 'en'))).toEqual({
      not_started: [7],
      in_progress: [],
      done: [],
      blocked: [],
    });
    expect(
      rows(actionBoard(model, TODAY, boardFilter({ owner: 'li@example.com', account: 'B2' }), 'en'))
        .blocked,
    ).toEqual([]);
    expect(boardFilter('junk')).toEqual({ owner: '', account: '', kind: 'actions' });
  });

  it(`shows the ${DONE_LIMIT} most recently completed Done cards and counts the rest`, () => {
    const sheets = sampleSheets();
    for (let k = 0; k < DONE_LIMIT + 5; k++)
      sheets['Action Plan'].push([`old ${k}`, 'A1', '', '', 'Done', ago(k + 10)]);
    const board = actionBoard(readOf(sheets).read.parsed.model, TODAY, boardFilter({}), 'zh-CN');
    const done = board.columns[2];
    expect(done.label).toBe('已完成');
    expect(done.cards).toHaveLength(DONE_LIMIT);
    expect(done.hidden).toBe(6);
    expect(done.cards[0].task).toBe('old 0');
    expect(board.labels.move_to).toBe('移动到…');
  });
});
