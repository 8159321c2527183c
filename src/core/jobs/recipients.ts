import type { DataIssue } from '../issues/issue';
import type { AccountMetrics } from '../model/metrics';
import type { KamModel } from '../model/records';
import { recipientAllowed } from '../reminders/recipients';

/**
 * Recipient problems for `data_issues`, shared by refresh and reminders so both list the same:
 * accounts that need reminders but have no owner, and owners outside the allow-list. An owner
 * cell that could not be read was reported already (`unreadableRows`): it is not reported again
 * as missing, so each bad cell has one issue.
 */
export function recipientIssues(
  model: KamModel,
  metrics: readonly AccountMetrics[],
  allowList: readonly string[],
  sheetName: string,
  ownerColumn: string,
  unreadableRows: ReadonlySet<number> = new Set(),
): DataIssue[] {
  const out: DataIssue[] = [];
  model.accounts.forEach((a, i) => {
    const m = metrics[i];
    if (m.exempt) return;
    if (a.ownerEmail === null) {
      if ((m.stale || m.dueSoon) && !unreadableRows.has(a.row))
        out.push({
          sheet: sheetName,
          row: a.row,
          column: ownerColumn,
          value: '',
          code: 'owner_missing',
          severity: 'warning',
        });
      return;
    }
    if (allowList.length > 0 && !recipientAllowed(a.ownerEmail, allowList))
      out.push({
        sheet: sheetName,
        row: a.row,
        column: ownerColumn,
        value: a.ownerEmail,
        code: 'recipient_blocked',
        params: { email: a.ownerEmail },
        severity: 'warning',
      });
  });
  return out;
}

/** The 公海 rule: accounts with no activity for `recycle_after_days` (off when 0). */
export function recycleIssues(
  model: KamModel,
  metrics: readonly AccountMetrics[],
  sheetName: string,
  column: string,
): DataIssue[] {
  const limit = model.settings.recycleAfterDays;
  if (limit <= 0) return [];
  const out: DataIssue[] = [];
  model.accounts.forEach((a, i) => {
    const m = metrics[i];
    if (m.exempt) return;
    const days = m.daysSinceActivity;
    if (days === null || days >= limit)
      out.push({
        sheet: sheetName,
        row: a.row,
        column,
        value: days === null ? '' : String(days),
        code: 'recycle_candidate',
        params: { days: days ?? '∞', limit },
        severity: 'warning',
      });
  });
  return out;
}
