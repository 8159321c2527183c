import { actionBoard, boardFilter, opportunityBoard, type BoardView } from '../sidebar/board';
import { OPPORTUNITY_BOARD_SHEETS } from './move-stage';
import { ok, type Reply } from '../sidebar/reply';
import type { FormDeps } from './forms';
import { BOARD_SHEETS } from './move-action';
import { readWorkbook } from './read';

/** The action board (reads only the action plan), filtered by owner and account. */
export function showActionBoard(
  deps: Pick<FormDeps, 'store' | 'clock'>,
  filter: unknown,
): Reply<BoardView> {
  const today = deps.clock.today();
  const f = boardFilter(filter);
  if (f.kind === 'opportunities') {
    const read = readWorkbook(deps.store, today, OPPORTUNITY_BOARD_SHEETS);
    return ok(opportunityBoard(read.parsed.model, today, f, read.locale));
  }
  const read = readWorkbook(deps.store, today, BOARD_SHEETS);
  return ok(actionBoard(read.parsed.model, today, f, read.locale));
}
