import { formatDay } from '../../../src/core/calendar/day';
import { planDigests, unroutedAccountIds, type Digest } from '../../../src/core/reminders/plan';
import { TODAY, action, contact, d, input, plan, staleMetrics } from './builders';

function byOwner(digests: Digest[], owner: string): Digest {
  const found = digests.find((x) => x.owner === owner);
  if (!found)
    throw new Error(`no digest for ${owner}; have ${digests.map((x) => x.owner).join(', ')}`);
  return found;
}

describe('planDigests: who gets what', () => {
  it('routes stale and due-soon accounts to their owner, lower-cased and trimmed', () => {
    const digests = planDigests(
      input({
        accounts: [
          { id: 'A1', owner: '  Ann@Example.COM ', metrics: staleMetrics(40) },
          {
            id: 'A2',
            owner: 'bob@example.com',
            metrics: { daysSinceActivity: 28, dueSoon: true, staleThreshold: 30 },
          },
          { id: 'A3', owner: 'bob@example.com' }, // healthy: not listed
        ],
      }),
    );
    expect(digests.map((x) => x.owner).sort()).toEqual(['ann@example.com', 'bob@example.com']);
    const ann = byOwner(digests, 'ann@example.com');
    expect(ann.staleAccounts.map((s) => s.accountId)).toEqual(['A1']);
    expect(ann.staleAccounts[0].reasons).toEqual(['over_threshold']);
    expect(ann.staleAccounts[0].stale).toBe(true);
    expect(ann.staleAccounts[0].link).toContain('range=A');
    const bob = byOwner(digests, 'bob@example.com');
    expect(bob.staleAccounts.map((s) => [s.accountId, s.reasons, s.stale])).toEqual([
      ['A2', ['due_soon'], false],
    ]);
    expect(bob.counts).toMatchObject({ staleAccounts: 0, dueSoonAccounts: 1 });
  });

  it('gives no digest to an owner with nothing to report', () => {
    const digests = planDigests(
      input({
        accounts: [{ id: 'A1', owner: 'quiet@example.com' }],
        actions: [
          action({ task: 'far away', accountId: 'A1', dueDate: TODAY + 8 }),
          action({ task: 'done', accountId: 'A1', dueDate: TODAY - 3, status: 'done' }),
          action({ task: 'no date', accountId: 'A1' }),
        ],
        contacts: [contact('A1', 'Later', { month: 12, day: 25 })],
        plans: [plan('A1', '2027', TODAY + 30)],
      }),
    );
    expect(digests).toEqual([]);
  });

  it('lists actions overdue or due within due_soon_days; Done actions are left out', () => {
    const digests = planDigests(
      input({
        accounts: [{ id: 'A1', name: 'Acme', owner: 'ann@example.com' }],
        actions: [
          action({ task: 'in 7 days', accountId: 'A1', dueDate: TODAY + 7 }),
          action({ task: 'overdue', accountId: 'A1', dueDate: TODAY - 3, status: 'in_progress' }),
          action({ task: 'today', accountId: 'A1', dueDate: TODAY, status: 'blocked' }),
          action({ task: 'in 8 days', accountId: 'A1', dueDate: TODAY + 8 }),
          action({ task: 'done late', accountId: 'A1', dueDate: TODAY - 9, status: 'done' }),
        ],
      }),
    );
    const ann = byOwner(digests, 'ann@example.com');
    expect(ann.actions.map((a) => [a.task, a.daysLeft, a.overdue])).toEqual([
      ['overdue', -3, true],
      ['today', 0, false],
      ['in 7 days', 7, false],
    ]);
    expect(ann.actions[0]).toMatchObject({ accountId: 'A1', accountName: 'Acme' });
    expect(ann.counts).toMatchObject({ overdueActions: 1, dueSoonActions: 2 });
  });

  it('sends an action to its own owner, else to the account owner; an account-less action to its owner', () => {
    const digests = planDigests(
      input({
        accounts: [{ id: 'A1', owner: 'ann@example.com' }],
        actions: [
          action({
            task: 'delegated',
            accountId: 'A1',
            ownerEmail: 'Carl@Example.com',
            dueDate: TODAY,
          }),
          action({ task: 'fallback', accountId: 'A1', ownerEmail: null, dueDate: TODAY }),
          action({
            task: 'internal',
            accountId: null,
            ownerEmail: 'dee@example.com',
            dueDate: TODAY - 1,
          }),
          action({ task: 'nobody', accountId: null, ownerEmail: null, dueDate: TODAY }),
        ],
      }),
    );
    expect(byOwner(digests, 'carl@example.com').actions.map((a) => a.task)).toEqual(['delegated']);
    expect(byOwner(digests, 'ann@example.com').actions.map((a) => a.task)).toEqual(['fallback']);
    const dee = byOwner(digests, 'dee@example.com');
    expect(dee.actions).toHaveLength(1);
    expect(dee.actions[0]).toMatchObject({ task: 'internal', accountId: '', accountName: '' });
    expect(digests).toHaveLength(3);
  });

  it('leaves accounts without an owner out of every digest, but their delegated actions still go out', () => {
    const inp = input({
      accounts: [
        { id: 'N1', owner: null, metrics: staleMetrics(90) },
        { id: 'N2', owner: '   ', metrics: staleMetrics(90) },
      ],
      actions: [
        action({ task: 'unrouted', accountId: 'N1', dueDate: TODAY }),
        action({
          task: 'delegated',
          accountId: 'N1',
          ownerEmail: 'eve@example.com',
          dueDate: TODAY,
        }),
      ],
      contacts: [contact('N1', 'Birthday', { month: 11, day: 23 })],
      plans: [plan('N1', '2026', TODAY)],
    });
    const digests = planDigests(inp);
    expect(digests.map((x) => x.owner)).toEqual(['eve@example.com']);
    expect(digests[0].actions.map((a) => a.task)).toEqual(['delegated']);
    expect(unroutedAccountIds(inp.model, inp.metrics)).toEqual(['N1', 'N2']);
  });
});

describe('planDigests: exempt accounts get no reminders at all', () => {
  it('drops stale items, actions, birthdays and reviews of exempt accounts', () => {
    const digests = planDigests(
      input({
        accounts: [
          // Metrics of an exempt account are never stale (rules), but even if they were, nothing goes out.
          { id: 'L1', status: 'lost', metrics: { ...staleMetrics(99), exempt: true } },
          { id: 'P1', pausedUntil: TODAY, metrics: { exempt: true } },
          { id: 'OK', metrics: staleMetrics(31) },
        ],
        actions: [
          action({ task: 'lost action', accountId: 'L1', dueDate: TODAY - 1 }),
          action({
            task: 'paused action',
            accountId: 'P1',
            ownerEmail: 'x@example.com',
            dueDate: TODAY,
          }),
        ],
        contacts: [contact('P1', 'Paused Birthday', { month: 11, day: 24 })],
        plans: [plan('L1', '2026', TODAY - 1)],
      }),
    );
    expect(digests).toHaveLength(1);
    expect(digests[0].staleAccounts.map((s) => s.accountId)).toEqual(['OK']);
    expect(digests[0].actions).toEqual([]);
    expect(digests[0].care).toEqual([]);
    expect(digests[0].reviews).toEqual([]);
  });
});

describe('planDigests: birthdays', () => {
  function care(
    today: string,
    birthdays: { month: number; day: number; year?: number }[],
    ahead = 7,
  ) {
    const digests = planDigests(
      input({
        today: d(today),
        accounts: [{ id: 'A1' }],
        contacts: birthdays.map((b, i) => contact('A1', `C${i}`, b)),
        settings: { careDaysAhead: ahead },
      }),
    );
    return digests.length === 0
      ? []
      : digests[0].care.map((c) => [c.contactName, formatDay(c.date), c.daysUntil]);
  }

  it('includes today and care_days_ahead, not the day after', () => {
    expect(
      care('2026-11-23', [
        { month: 11, day: 23, year: 1980 },
        { month: 11, day: 30 },
        { month: 12, day: 1 },
        { month: 11, day: 22 },
      ]),
    ).toEqual([
      ['C0', '2026-11-23', 0],
      ['C1', '2026-11-30', 7],
    ]);
  });

  it('wraps from December into January', () => {
    expect(
      care('2026-12-28', [
        { month: 1, day: 2 },
        { month: 12, day: 31 },
        { month: 1, day: 5 },
      ]),
    ).toEqual([
      ['C1', '2026-12-31', 3],
      ['C0', '2027-01-02', 5],
    ]);
  });

  it('celebrates a 29 February birthday on 28 February in a common year', () => {
    expect(care('2027-02-25', [{ month: 2, day: 29, year: 1992 }])).toEqual([
      ['C0', '2027-02-28', 3],
    ]);
    expect(care('2027-02-28', [{ month: 2, day: 29 }], 0)).toEqual([['C0', '2027-02-28', 0]]);
    // In a leap year it is the real day.
    expect(care('2028-02-25', [{ month: 2, day: 29 }])).toEqual([['C0', '2028-02-29', 4]]);
    // The day after 28 Feb of a common year, the next one is 29 Feb of the leap year.
    expect(care('2027-03-01', [{ month: 2, day: 29 }], 366)).toEqual([['C0', '2028-02-29', 365]]);
  });

  it('skips contacts without an account or birthday, and with care_days_ahead 0 only today counts', () => {
    const digests = planDigests(
      input({
        accounts: [{ id: 'A1' }],
        contacts: [
          contact(null, 'No account', { month: 11, day: 23 }),
          contact('A1', 'No birthday', null),
          contact('A1', 'Tomorrow', { month: 11, day: 24 }),
          contact('A1', 'Today', { month: 11, day: 23 }),
        ],
        settings: { careDaysAhead: 0 },
      }),
    );
    expect(digests[0].care.map((c) => c.contactName)).toEqual(['Today']);
  });
});

describe('planDigests: plan reviews', () => {
  it('lists passed reviews and reviews due within due_soon_days, by date', () => {
    const digests = planDigests(
      input({
        accounts: [{ id: 'A1', name: 'Acme' }],
        plans: [
          plan('A1', '2026-Q4', TODAY + 7),
          plan('A1', '2026-Q3', TODAY - 40),
          plan('A1', '2027', TODAY + 8),
          plan('A1', 'none', null),
          plan('A1', 'today', TODAY),
        ],
      }),
    );
    expect(digests[0].reviews.map((r) => [r.period, r.daysUntil])).toEqual([
      ['2026-Q3', -40],
      ['today', 0],
      ['2026-Q4', 7],
    ]);
    expect(digests[0].reviews[0]).toMatchObject({ accountId: 'A1', accountName: 'Acme' });
  });
});

describe('planDigests: order', () => {
  it('sorts digests by stale A accounts, then stale accounts, then owner', () => {
    const digests = planDigests(
      input({
        accounts: [
          { id: 'Z1', owner: 'zed@example.com', metrics: staleMetrics(20, 'A', 14) },
          { id: 'Y1', owner: 'yan@example.com', metrics: staleMetrics(20, 'A', 14) },
          { id: 'Y2', owner: 'yan@example.com', metrics: staleMetrics(40, 'B') },
          { id: 'B1', owner: 'bea@example.com', metrics: staleMetrics(40, 'B') },
          { id: 'B2', owner: 'bea@example.com', metrics: staleMetrics(70, 'C', 60) },
          { id: 'B3', owner: 'bea@example.com', metrics: staleMetrics(80, 'C', 60) },
          { id: 'C1', owner: 'cat@example.com', metrics: { dueSoon: true, daysSinceActivity: 28 } },
          { id: 'D1', owner: 'abe@example.com', metrics: staleMetrics(40, 'B') },
        ],
      }),
    );
    expect(digests.map((x) => [x.owner, x.priority])).toEqual([
      ['yan@example.com', 1],
      ['zed@example.com', 1],
      ['bea@example.com', 0],
      ['abe@example.com', 0],
      ['cat@example.com', 0],
    ]);
  });

  it('sorts stale items by ABC class, then days since activity (none first), then ID', () => {
    const digests = planDigests(
      input({
        accounts: [
          { id: 'C-old', metrics: staleMetrics(200, 'C', 60) },
          { id: 'B-40', metrics: staleMetrics(40, 'B') },
          { id: 'A-20', metrics: staleMetrics(20, 'A', 14) },
          { id: 'B-90', metrics: staleMetrics(90, 'B') },
          { id: 'B-none', metrics: staleMetrics(null, 'B') },
          { id: 'A-30', metrics: staleMetrics(30, 'A', 14) },
          { id: 'B-40b', metrics: staleMetrics(40, 'B') },
        ],
      }),
    );
    expect(digests[0].staleAccounts.map((s) => s.accountId)).toEqual([
      'A-30',
      'A-20',
      'B-none',
      'B-90',
      'B-40',
      'B-40b',
      'C-old',
    ]);
  });
});

describe('planDigests: escalation and recycle', () => {
  it('escalates at 2× the threshold (not below, not for no activity) and copies escalation_cc', () => {
    const digests = planDigests(
      input({
        accounts: [
          { id: 'E1', owner: 'ann@example.com', metrics: staleMetrics(28, 'A', 14) },
          { id: 'E0', owner: 'ann@example.com', metrics: staleMetrics(27, 'A', 14) },
          { id: 'N0', owner: 'bob@example.com', metrics: staleMetrics(null, 'A', 14) },
          { id: 'N1', owner: 'bob@example.com', metrics: staleMetrics(27, 'A', 14) },
        ],
        settings: { escalationCc: ' Boss@Example.com ' },
      }),
    );
    const ann = byOwner(digests, 'ann@example.com');
    expect(ann.staleAccounts.map((s) => [s.accountId, s.escalate])).toEqual([
      ['E1', true],
      ['E0', false],
    ]);
    expect(ann.escalationCc).toBe('Boss@Example.com');
    const bob = byOwner(digests, 'bob@example.com');
    expect(bob.staleAccounts.every((s) => !s.escalate)).toBe(true);
    expect(bob.escalationCc).toBeNull();
  });

  it('does not cc when escalation_cc is blank or the owner is the manager', () => {
    const accounts = [{ id: 'E1', owner: 'boss@example.com', metrics: staleMetrics(60, 'B') }];
    expect(planDigests(input({ accounts }))[0].escalationCc).toBeNull();
    expect(
      planDigests(input({ accounts, settings: { escalationCc: 'BOSS@example.com' } }))[0]
        .escalationCc,
    ).toBeNull();
    const other = planDigests(input({ accounts, settings: { escalationCc: 'vp@example.com' } }))[0];
    expect(other.staleAccounts[0].escalate).toBe(true);
    expect(other.escalationCc).toBe('vp@example.com');
  });

  it('does not escalate an account stale only because its next action date passed', () => {
    const digests = planDigests(
      input({
        accounts: [
          {
            id: 'NA',
            nextActionDate: TODAY - 2,
            metrics: {
              stale: true,
              staleReasons: ['next_action_passed'],
              daysSinceActivity: 0,
              staleThreshold: 0,
            },
          },
        ],
        settings: { escalationCc: 'boss@example.com' },
      }),
    );
    expect(digests[0].staleAccounts[0]).toMatchObject({
      escalate: false,
      nextActionDate: TODAY - 2,
    });
    expect(digests[0].escalationCc).toBeNull();
  });

  it('flags recycle at recycle_after_days or with no activity at all, and never when the rule is off', () => {
    const accounts = [
      { id: 'R90', metrics: staleMetrics(90) },
      { id: 'R89', metrics: staleMetrics(89) },
      { id: 'RN', metrics: staleMetrics(null) },
    ];
    const on = planDigests(input({ accounts, settings: { recycleAfterDays: 90 } }))[0];
    expect(on.staleAccounts.map((s) => [s.accountId, s.recycle])).toEqual([
      ['RN', true],
      ['R90', true],
      ['R89', false],
    ]);
    const off = planDigests(input({ accounts, settings: { recycleAfterDays: 0 } }))[0];
    expect(off.staleAccounts.some((s) => s.recycle)).toBe(false);
  });
});

describe('planDigests: contract', () => {
  it('throws when metrics are not in the order of the accounts', () => {
    const inp = input({ accounts: [{ id: 'A' }, { id: 'B' }] });
    expect(() => planDigests({ ...inp, metrics: [inp.metrics[1], inp.metrics[0]] })).toThrow(
      /same order/,
    );
    expect(() => planDigests({ ...inp, metrics: [inp.metrics[0]] })).toThrow(/one to one/);
  });
});
