import { IssueList } from '../../../src/core/issues/issue';
import { parseSettings } from '../../../src/core/parse/settings-sheet';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/model';
import type { Grid } from '../../../src/core/values/cell';

const sheetOf = (rows: Grid) => ({ name: 'Settings', values: [['setting', 'value'], ...rows] });

describe('risk settings', () => {
  it('an old workbook without them gets the defaults, without an issue', () => {
    const issues = new IssueList();
    const s = parseSettings(sheetOf([['home_currency', 'CNY']]), issues);
    expect(issues.items).toEqual([]);
    expect(s.revenueDropPct).toBe(0.3);
    expect(s.complaintSlaDays).toBe(7);
    expect(s.planTolerance).toBe(0.1);
    expect(s.managerEmails).toEqual([]);
    expect(s.managerDigestWeekday).toBe(1);
    expect(DEFAULT_SETTINGS.revenueDropPct).toBe(0.3);
  });

  it('reads valid values', () => {
    const issues = new IssueList();
    const s = parseSettings(
      sheetOf([
        ['revenue_drop_pct', 0.25],
        ['complaint_sla_days', 0],
        ['plan_tolerance', '0.05'],
        ['manager_emails', 'Boss@Example.com, mailto:vp@example.com；cfo@example.com'],
        ['manager_digest_weekday', 7],
      ]),
      issues,
    );
    expect(issues.items).toEqual([]);
    expect(s.revenueDropPct).toBe(0.25);
    expect(s.complaintSlaDays).toBe(0);
    expect(s.planTolerance).toBe(0.05);
    expect(s.managerEmails).toEqual(['boss@example.com', 'vp@example.com', 'cfo@example.com']);
    expect(s.managerDigestWeekday).toBe(7);
  });

  it('reports invalid values and uses the defaults', () => {
    const issues = new IssueList();
    const s = parseSettings(
      sheetOf([
        ['revenue_drop_pct', 1.5],
        ['complaint_sla_days', 2.5],
        ['plan_tolerance', -0.1],
        ['manager_emails', 'boss, vp@example.com'],
        ['manager_digest_weekday', 0],
      ]),
      issues,
    );
    expect(issues.items.map((i) => i.code)).toEqual(Array(5).fill('invalid_setting'));
    expect(s.revenueDropPct).toBe(0.3);
    expect(s.complaintSlaDays).toBe(7);
    expect(s.planTolerance).toBe(0.1);
    expect(s.managerEmails).toEqual([]);
    expect(s.managerDigestWeekday).toBe(1);
  });
});
