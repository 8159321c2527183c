import type { AbcClass, AccountMetrics, HealthBand } from '../model/metrics';
import type { AccountRecord } from '../model/records';
import type { Settings } from '../settings/model';
import { abcCode, classifyAbcIndexed } from './abc';
import { roundSum } from './amounts';

/**
 * Group companies (集团, docs/rules.md "Groups"): `parent_account_id` links form trees of any
 * depth. An account's group is its topmost ancestor. Links the parser already reported are not
 * followed: a parent that is not in Accounts, and every link of a cycle (each account of a cycle
 * is then the top of its own tree, and what hangs below it stays with it), so the result never
 * depends on which row of a cycle came first.
 */
export function groupTops(accounts: readonly AccountRecord[]): Int32Array {
  const n = accounts.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(accounts[i].id, i);
  const parent = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = accounts[i].parentId;
    const at = p === null ? undefined : index.get(p);
    if (at !== undefined && at !== i) parent[i] = at;
  }
  // Cut the links of every cycle: walk each unvisited path; a walk that meets its own path has
  // found a cycle, whose members lose their parent link.
  const state = new Uint8Array(n); // 0 = unseen, 1 = on the current path, 2 = done
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    if (state[i] !== 0) continue;
    path.length = 0;
    let cur = i;
    while (cur !== -1 && state[cur] === 0) {
      state[cur] = 1;
      path.push(cur);
      cur = parent[cur];
    }
    if (cur !== -1 && state[cur] === 1)
      for (let k = path.indexOf(cur); k < path.length; k++) parent[path[k]] = -1;
    for (const k of path) state[k] = 2;
  }
  // With the cycles cut the links form a forest: resolve each top once (memoised, iterative).
  const top = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (top[i] !== -1) continue;
    path.length = 0;
    let cur = i;
    while (top[cur] === -1 && parent[cur] !== -1) {
      path.push(cur);
      cur = parent[cur];
    }
    const root = top[cur] === -1 ? cur : top[cur];
    top[cur] = root;
    for (const k of path) top[k] = root;
  }
  return top;
}

/** One group company: a top account that has at least one child (docs/looker.md "groups"). */
export interface GroupRollup {
  /** Index of the top account in `model.accounts`. */
  readonly top: number;
  readonly groupId: string;
  readonly groupName: string;
  /** Indices of every account in the tree, the top first, then by account ID. */
  readonly members: readonly number[];
  readonly revenue12m: number;
  readonly revenuePrev12m: number;
  /** ABC over groups and standalone accounts, each counted as one unit. */
  readonly abcClass: AbcClass;
  readonly worstHealthBand: HealthBand;
  /** Members with at least one risk flag. */
  readonly membersAtRisk: number;
  /** Distinct owner addresses of the members, sorted. */
  readonly owners: readonly string[];
}

const BAND_RANK: Readonly<Record<HealthBand, number>> = { green: 0, yellow: 1, red: 2 };

const byId =
  (accounts: readonly AccountRecord[]) =>
  (a: number, b: number): number => {
    const x = accounts[a].id;
    const y = accounts[b].id;
    return x < y ? -1 : x > y ? 1 : 0;
  };

/**
 * Every group with its roll-up, largest revenue first (ties by group ID). `metrics` is in the
 * order of `accounts` (computeMetrics). Sums run over members in ID order, so they do not
 * depend on row order. The group ABC ranks groups beside standalone accounts (an account with
 * neither parent nor children), with the cut-offs of the account ABC.
 */
export function groupRollups(
  accounts: readonly AccountRecord[],
  metrics: readonly AccountMetrics[],
  settings: Pick<Settings, 'abcCutoffA' | 'abcCutoffB'>,
  tops: Int32Array = groupTops(accounts),
): GroupRollup[] {
  const n = accounts.length;
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const t = tops[i];
    const list = members.get(t);
    if (list === undefined) members.set(t, [i]);
    else list.push(i);
  }
  const order = byId(accounts);
  // Units of the group ABC: each tree once (a standalone account is a tree of one).
  const unitTops: number[] = [];
  const unitRevenue: number[] = [];
  for (const [t, list] of members) {
    list.sort(order);
    let sum = 0;
    for (const i of list) sum += metrics[i].revenue12m;
    unitTops.push(t);
    unitRevenue.push(roundSum(sum));
  }
  const unitClass = classifyAbcIndexed(
    unitTops.map((t) => accounts[t].id),
    unitRevenue,
    settings.abcCutoffA,
    settings.abcCutoffB,
  );

  const out: GroupRollup[] = [];
  unitTops.forEach((t, u) => {
    const list = members.get(t) as number[];
    if (list.length < 2) return;
    // The top first, then the rest in ID order.
    const ordered = [t, ...list.filter((i) => i !== t)];
    let prev = 0;
    let worst: HealthBand = 'green';
    let atRisk = 0;
    const owners = new Set<string>();
    for (const i of list) {
      const m = metrics[i];
      prev += m.revenuePrev12m;
      if (BAND_RANK[m.healthBand] > BAND_RANK[worst]) worst = m.healthBand;
      if (m.riskFlags.length > 0) atRisk++;
      const owner = accounts[i].ownerEmail;
      if (owner !== null && owner !== '') owners.add(owner);
    }
    out.push({
      top: t,
      groupId: accounts[t].id,
      groupName: accounts[t].name,
      members: ordered,
      revenue12m: unitRevenue[u],
      revenuePrev12m: roundSum(prev),
      abcClass: abcCode(unitClass[u]),
      worstHealthBand: worst,
      membersAtRisk: atRisk,
      owners: [...owners].sort(),
    });
  });
  return out.sort(
    (a, b) =>
      b.revenue12m - a.revenue12m || (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0),
  );
}
