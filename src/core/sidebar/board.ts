import type { Day } from '../calendar/day';
import type { Locale } from '../i18n/locale';
import type { KamModel } from '../model/records';
import { ACTION_STATUSES, OPPORTUNITY_STAGES } from '../schema/enums';
import type { EnumOption } from '../schema/types';
import { isOverdueClose, isStalled } from '../rules/opportunities';
import { readText } from '../values/parse';
import { choices, dayText } from './format';
import { uiLabels, uiText, type Choice, type UiKey } from './texts';

/** Done cards shown (most recently completed first); the rest are counted, not sent. */
export const DONE_LIMIT = 30;

/** Filter values: '' means all, NONE means "no owner" / "no account". */
export const NONE = '-';

export interface BoardFilter {
  readonly owner: string;
  readonly account: string;
  /** What the board shows: actions by status (default) or opportunities by stage. */
  readonly kind: 'actions' | 'opportunities';
}

export interface BoardCard {
  readonly row: number;
  readonly task: string;
  readonly accountId: string | null;
  readonly accountName: string;
  /** The action's owner, else the account's owner (who the reminders go to). */
  readonly owner: string | null;
  readonly dueDate: string | null;
  readonly completedDate: string | null;
  readonly overdue: boolean;
  readonly status: string;
  /** The opportunity's ID (opportunities board only): the move checks the row still holds it. */
  readonly id?: string;
}

export interface BoardColumn extends Choice {
  readonly cards: readonly BoardCard[];
  /** Cards of this column left out of the view (old Done ones). */
  readonly hidden: number;
}

export interface BoardView {
  readonly locale: Locale;
  readonly today: string;
  readonly labels: Record<string, string>;
  readonly filter: BoardFilter;
  readonly columns: readonly BoardColumn[];
  readonly statuses: readonly Choice[];
  readonly owners: readonly Choice[];
  readonly accounts: readonly Choice[];
  /** The two boards, for the switch. */
  readonly kinds: readonly Choice[];
}

const LABEL_KEYS: readonly UiKey[] = [
  'refresh',
  'loading',
  'saving',
  'close',
  'all',
  'overdue',
  'due_on',
  'board_title',
  'filter_owner',
  'filter_account',
  'no_owner',
  'no_account',
  'move_to',
  'column_empty',
  'more_done',
  'drag_hint',
  'board_kind',
];

/** A filter from the browser: anything that is not a string means "all". */
export function boardFilter(input: unknown): BoardFilter {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  return {
    owner: text(o.owner).toLowerCase(),
    account: text(o.account),
    kind: o.kind === 'opportunities' ? 'opportunities' : 'actions',
  };
}

/**
 * The action plan as a kanban (docs/workbook.md): one column per status in the order of the list,
 * actions without a status under Not started; open cards by due date, Done cards by completion
 * date, newest first. Filtered by owner and account.
 */
export function actionBoard(
  model: KamModel,
  today: Day,
  filter: BoardFilter,
  locale: Locale,
): BoardView {
  const accounts = new Map(model.accounts.map((a) => [a.id, a]));
  const all: (BoardCard & { due: Day | null; completed: Day | null })[] = model.actions.map((x) => {
    const account = x.accountId === null ? undefined : accounts.get(x.accountId);
    const status = x.status ?? 'not_started';
    return {
      row: x.row,
      task: x.task,
      accountId: x.accountId,
      accountName: account?.name ?? '',
      owner: x.ownerEmail ?? account?.ownerEmail ?? null,
      dueDate: dayText(x.dueDate),
      completedDate: dayText(x.completedDate),
      overdue: status !== 'done' && x.dueDate !== null && x.dueDate < today,
      status,
      due: x.dueDate,
      completed: x.completedDate,
    };
  });

  return boardOf(all, ACTION_STATUSES, 'done', model, today, filter, locale);
}

/**
 * Columns, filters and choices of a board over `all` cards, one column per option; the cards of
 * the `closed` columns are the most recently closed first and capped at DONE_LIMIT.
 */
function boardOf(
  all: readonly (BoardCard & { due: Day | null; completed: Day | null })[],
  options: readonly EnumOption[],
  closed: string | readonly string[],
  model: KamModel,
  today: Day,
  filter: BoardFilter,
  locale: Locale,
): BoardView {
  const accounts = new Map(model.accounts.map((a) => [a.id, a]));
  const isClosed = (code: string): boolean =>
    typeof closed === 'string' ? code === closed : closed.includes(code);
  const owners = [...new Set(all.map((c) => c.owner ?? NONE))].sort();
  const accountIds = [...new Set(all.map((c) => c.accountId ?? NONE))].sort();
  const matches = (c: BoardCard): boolean =>
    (filter.owner === '' || (c.owner ?? NONE) === filter.owner) &&
    (filter.account === '' || (c.accountId ?? NONE) === readText(filter.account));
  const shown = all.filter(matches);
  const labels = uiLabels(LABEL_KEYS, locale);

  const columns: BoardColumn[] = choices(options, locale).map((s) => {
    const cards = shown.filter((c) => c.status === s.code);
    if (isClosed(s.code))
      cards.sort(
        (a, b) => (b.completed ?? -Infinity) - (a.completed ?? -Infinity) || b.row - a.row,
      );
    else cards.sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.row - b.row);
    const limit = isClosed(s.code) ? DONE_LIMIT : cards.length;
    return {
      ...s,
      cards: cards.slice(0, limit).map(({ due: _d, completed: _c, ...card }) => card),
      hidden: Math.max(0, cards.length - limit),
    };
  });

  return {
    locale,
    today: dayText(today) as string,
    labels,
    filter,
    columns,
    statuses: choices(options, locale),
    kinds: [
      { code: 'actions', label: uiText('board_actions', locale) },
      { code: 'opportunities', label: uiText('board_opportunities', locale) },
    ],
    owners: owners.map((o) => ({ code: o, label: o === NONE ? labels.no_owner : o })),
    accounts: accountIds.map((id) => ({
      code: id,
      label: id === NONE ? labels.no_account : `${id} · ${accounts.get(id)?.name ?? ''}`,
    })),
  };
}

/**
 * Opportunities as a kanban: one column per stage (a blank stage under Lead); open cards by
 * expected close, Won and Lost by closed date, newest first; stalled or past their expected close
 * shown as overdue. Filtered by owner (the deal's, else the account's) and account.
 */
export function opportunityBoard(
  model: KamModel,
  today: Day,
  filter: BoardFilter,
  locale: Locale,
): BoardView {
  const accounts = new Map(model.accounts.map((a) => [a.id, a]));
  const all = model.opportunities.map((o) => {
    const account = accounts.get(o.accountId);
    return {
      row: o.row,
      id: o.id,
      task: o.name === '' ? o.id : o.name,
      accountId: o.accountId,
      accountName: account?.name ?? '',
      owner: o.ownerEmail ?? account?.ownerEmail ?? null,
      dueDate: dayText(o.expectedCloseDate),
      completedDate: dayText(o.closedDate),
      overdue: isStalled(o, model.settings, today) || isOverdueClose(o, today),
      status: o.stage ?? 'lead',
      due: o.expectedCloseDate,
      completed: o.closedDate,
    };
  });
  return boardOf(all, OPPORTUNITY_STAGES, ['won', 'lost'], model, today, filter, locale);
}
