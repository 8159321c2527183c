import type { Day } from '../calendar/day';
import type { GroupRollup } from '../rules/groups';
import { GROUPS_COLUMNS } from '../schema/sheets';
import { dateCell, type CellValue, type Grid } from '../values/cell';

const round2 = (x: number): number => Math.round(x * 100) / 100;

function groupValue(key: string, g: GroupRollup, today: Day): CellValue {
  switch (key) {
    case 'snapshot_date':
      return dateCell(today);
    case 'group_id':
      return g.groupId;
    case 'group_name':
      return g.groupName === '' ? null : g.groupName;
    case 'members':
      return g.members.length;
    case 'revenue_12m':
      return round2(g.revenue12m);
    case 'revenue_prev_12m':
      return round2(g.revenuePrev12m);
    case 'abc_class':
      return g.abcClass;
    case 'worst_health_band':
      return g.worstHealthBand;
    case 'members_at_risk':
      return g.membersAtRisk;
    case 'owners':
      return g.owners.length === 0 ? null : g.owners.join(', ');
    default:
      throw new Error(`No groups value for column ${key}`);
  }
}

/**
 * The body of `groups` (docs/looker.md): one row per group company (a top account with
 * children), largest revenue first, in GROUPS_COLUMNS order. `members` counts the top account.
 */
export function groupRows(groups: readonly GroupRollup[], today: Day): Grid {
  return groups.map((g) => GROUPS_COLUMNS.map((c) => groupValue(c.key, g, today)));
}
