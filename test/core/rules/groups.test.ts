import fc from 'fast-check';
import { computeMetrics } from '../../../src/core/engine/compute';
import { groupRows } from '../../../src/core/outputs/groups';
import { groupRollups, groupTops } from '../../../src/core/rules/groups';
import { GROUPS_COLUMNS } from '../../../src/core/schema/sheets';
import { account, D, modelOf, tx } from './model-builders';

const today = D('2026-05-15');
const inWindow = D('2026-03-01');

/** Group roll-ups of a model, with the metrics they came from. */
function rollups(model: ReturnType<typeof modelOf>) {
  const metrics = computeMetrics(model, today);
  return { metrics, groups: groupRollups(model.accounts, metrics, model.settings) };
}

describe('groups (docs/rules.md "Groups")', () => {
  // Units of the group ABC: S1 500, G1 350 (three levels), S2 100, G2 50 — total 1,000.
  const accounts = [
    account('G1-a-x', { parentId: 'G1-a', ownerEmail: 'zoe@example.com' }), // grandchild first
    account('S1'),
    account('G1', { name: 'Group One' }),
    account('G1-a', { parentId: 'G1', ownerEmail: 'amy@example.com' }),
    account('S2'),
    account('G2', { name: 'Group Two', ownerEmail: null }),
    account('G2-a', { parentId: 'G2', ownerEmail: null }),
  ];
  const model = modelOf(accounts, [
    tx('S1', inWindow, 500),
    tx('G1', inWindow, 200),
    tx('G1-a', inWindow, 100),
    tx('G1-a-x', inWindow, 50),
    tx('S2', inWindow, 100),
    tx('G2', inWindow, 30),
    tx('G2-a', inWindow, 20),
  ]);
  const { metrics, groups } = rollups(model);

  it('gives every account its topmost ancestor as group_id, at any depth', () => {
    expect(metrics.map((m) => [m.accountId, m.groupId])).toEqual([
      ['G1-a-x', 'G1'],
      ['S1', 'S1'],
      ['G1', 'G1'],
      ['G1-a', 'G1'],
      ['S2', 'S2'],
      ['G2', 'G2'],
      ['G2-a', 'G2'],
    ]);
  });

  it('ranks groups as one unit beside standalone accounts: a group crossing a cut-off stays A', () => {
    // G1: 500 before it (50 %) → A, although it ends at 85 %, past abc_cutoff_a.
    // S2 sits between the groups: 850 before it (85 %) → B. G2: 950 before it (95 %) → C.
    expect(groups.map((g) => [g.groupId, g.members.length, g.revenue12m, g.abcClass])).toEqual([
      ['G1', 3, 350, 'A'],
      ['G2', 2, 50, 'C'],
    ]);
    // The accounts' own classes are unchanged: G2 alone (30 of 1,000) is C too, G1 alone is A.
    expect(metrics.find((m) => m.accountId === 'G1')?.abcClass).toBe('A');
  });

  it('lists the top first, then members by ID; owners distinct and sorted; blank owners skipped', () => {
    const g1 = groups[0];
    expect(g1.members.map((i) => accounts[i].id)).toEqual(['G1', 'G1-a', 'G1-a-x']);
    expect(g1.owners).toEqual(['amy@example.com', 'o@example.com', 'zoe@example.com']);
    expect(groups[1].owners).toEqual([]);
    const rows = groupRows(groups, today);
    expect(rows[0]).toHaveLength(GROUPS_COLUMNS.length);
    expect(rows[0].slice(1)).toEqual([
      'G1',
      'Group One',
      3,
      350,
      0,
      'A',
      g1.worstHealthBand,
      g1.membersAtRisk,
      'amy@example.com, o@example.com, zoe@example.com',
    ]);
    expect(rows[1][9]).toBeNull();
  });

  it('rolls up a chain 2,000 deep, rows in any order, without recursion', () => {
    const n = 2000;
    const chain = Array.from({ length: n }, (_, i) =>
      account(`C${String(i).padStart(4, '0')}`, {
        parentId: i === 0 ? null : `C${String(i - 1).padStart(4, '0')}`,
      }),
    ).reverse();
    const deep = modelOf(
      chain,
      chain.map((a) => tx(a.id, inWindow, 1.1)),
    );
    const { metrics: m, groups: g } = rollups(deep);
    expect(new Set(m.map((x) => x.groupId))).toEqual(new Set(['C0000']));
    expect(g).toHaveLength(1);
    expect(g[0].members).toHaveLength(n);
    expect(g[0].revenue12m).toBeCloseTo(2200, 6);
  });

  it('does not follow a cycle or an unknown parent: each cycle member tops its own tree', () => {
    const tops = groupTops([
      account('X1', { parentId: 'X2' }),
      account('X2', { parentId: 'X1' }),
      account('Y', { parentId: 'X1' }),
      account('Z', { parentId: 'NOT-THERE' }),
      account('W', { parentId: 'W' }),
    ]);
    expect([...tops]).toEqual([0, 1, 0, 3, 4]);
  });

  it('worst health band and members at risk come from the members', () => {
    const g = groups[0];
    const members = metrics.filter((m) => m.groupId === 'G1');
    const rank = { green: 0, yellow: 1, red: 2 };
    expect(rank[g.worstHealthBand]).toBe(Math.max(...members.map((m) => rank[m.healthBand])));
    expect(g.membersAtRisk).toBe(members.filter((m) => m.riskFlags.length > 0).length);
  });
});

describe('groups: properties', () => {
  const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
  const arb = fc.record({
    parents: fc.array(fc.option(fc.constantFrom(...ids, 'UNKNOWN'), { nil: null }), {
      minLength: ids.length,
      maxLength: ids.length,
    }),
    cents: fc.array(fc.integer({ min: -50_000, max: 5_000_000 }), {
      minLength: ids.length,
      maxLength: ids.length,
    }),
    order: fc.array(fc.nat(), { minLength: ids.length, maxLength: ids.length }),
  });

  it("a group's revenue is the sum of its members' revenue_12m; members are the accounts with its group_id; row order does not matter", () => {
    fc.assert(
      fc.property(arb, ({ parents, cents, order }) => {
        const accounts = ids.map((id, i) => account(id, { parentId: parents[i] }));
        const txs = ids.map((id, i) => tx(id, inWindow, cents[i] / 100));
        const { metrics, groups } = rollups(modelOf(accounts, txs));
        const topIds = new Set(metrics.map((m) => m.groupId));
        for (const g of groups) {
          const members = metrics.filter((m) => m.groupId === g.groupId);
          expect(g.members).toHaveLength(members.length);
          expect(members.length).toBeGreaterThan(1);
          const sum = members.reduce((s, m) => s + m.revenue12m, 0);
          expect(Math.abs(g.revenue12m - sum)).toBeLessThan(1e-6);
        }
        // Every group_id with more than one account is a group row, and only those.
        for (const id of topIds) {
          const count = metrics.filter((m) => m.groupId === id).length;
          expect(groups.some((g) => g.groupId === id)).toBe(count > 1);
        }
        // Shuffled rows: the same groups, the same classes.
        const perm = accounts
          .map((a, i) => ({ a, t: txs[i], k: order[i] }))
          .sort((x, y) => x.k - y.k);
        const again = rollups(
          modelOf(
            perm.map((p) => p.a),
            perm.map((p) => p.t),
          ),
        );
        const key = (gs: typeof groups, accs: typeof accounts) =>
          gs.map((g) => [
            g.groupId,
            g.revenue12m,
            g.abcClass,
            g.members.map((i) => accs[i].id),
            g.owners,
          ]);
        expect(
          key(
            again.groups,
            perm.map((p) => p.a),
          ),
        ).toEqual(key(groups, accounts));
      }),
      { numRuns: 300 },
    );
  });
});
