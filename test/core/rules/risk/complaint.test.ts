import { parseIsoDay, type Day } from '../../../../src/core/calendar/day';
import { complaintFlag, isOpenComplaint } from '../../../../src/core/rules/risk/complaint';

const D = (s: string): Day => parseIsoDay(s) as Day;
const today = D('2026-11-23');

describe('complaint flag (complaint_sla_days 7)', () => {
  it('is not raised for a complaint dated exactly 7 days ago, raised for 8', () => {
    expect(complaintFlag(D('2026-11-17'), today, 7)).toBe(false); // 6 days
    expect(complaintFlag(D('2026-11-16'), today, 7)).toBe(false); // 7 days: within the SLA
    expect(complaintFlag(D('2026-11-15'), today, 7)).toBe(true); // 8 days
    expect(complaintFlag(today, today, 7)).toBe(false);
    expect(complaintFlag(null, today, 7)).toBe(false);
  });

  it('with an SLA of 0 days, a complaint from yesterday is overdue, today not', () => {
    expect(complaintFlag(today, today, 0)).toBe(false);
    expect(complaintFlag(today - 1, today, 0)).toBe(true);
  });

  it('counts complaints whose status is open or blank, not closed ones', () => {
    expect(isOpenComplaint({ complaint: true, complaintStatus: 'open' })).toBe(true);
    expect(isOpenComplaint({ complaint: true, complaintStatus: null })).toBe(true);
    expect(isOpenComplaint({ complaint: true, complaintStatus: 'closed' })).toBe(false);
    expect(isOpenComplaint({ complaint: false, complaintStatus: 'open' })).toBe(false);
  });
});
