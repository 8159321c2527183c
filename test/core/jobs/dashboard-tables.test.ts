import { dashboardTables } from '../../../src/core/dashboard/tables';
import { computeMetrics } from '../../../src/core/engine/compute';
import { dashboardTablesOf } from '../../../src/core/jobs/outputs';
import { TODAY, messyGrids, readOf } from '../outputs/fixtures';

describe('dashboardTablesOf', () => {
  const { read, metrics } = readOf(messyGrids());

  it('is dashboardTables of the read in its language, made once for the plan and the dashboard', () => {
    const first = dashboardTablesOf(read, metrics, TODAY);
    expect(first).toEqual(dashboardTables(read.parsed.model, metrics, TODAY, read.locale));
    expect(dashboardTablesOf(read, metrics, TODAY)).toBe(first);
  });

  it('is made again for other metrics or another day', () => {
    const first = dashboardTablesOf(read, metrics, TODAY);
    const again = computeMetrics(read.parsed.model, TODAY);
    expect(dashboardTablesOf(read, again, TODAY)).not.toBe(first);
    const later = dashboardTablesOf(read, again, TODAY + 120);
    expect(later).toEqual(dashboardTables(read.parsed.model, again, TODAY + 120, read.locale));
  });
});
