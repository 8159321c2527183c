import type { Day } from '../../calendar/day';

/**
 * An open complaint: an interaction marked as a complaint whose status is not `closed` (blank
 * counts as open). The same test counts `open_complaints`.
 */
export function isOpenComplaint(it: {
  readonly complaint: boolean;
  readonly complaintStatus: 'open' | 'closed' | null;
}): boolean {
  return it.complaint && it.complaintStatus !== 'closed';
}

/**
 * `complaint` (docs/rules.md "Risk flags"): the oldest open complaint's interaction date is more
 * than `complaint_sla_days` before today, i.e. today − date > sla. A complaint dated exactly
 * sla days ago is still within the SLA. `oldest` is null when the account has no open complaint.
 */
export function complaintFlag(oldest: Day | null, today: Day, slaDays: number): boolean {
  return oldest !== null && today - oldest > slaDays;
}
