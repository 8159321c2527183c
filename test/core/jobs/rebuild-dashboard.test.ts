import { dashboardTables, dashboardTitles } from '../../../src/core/dashboard/tables';
import { computeMetrics } from '../../../src/core/engine/compute';
import { planLookerOutputs } from '../../../src/core/jobs/outputs';
import { readWorkbook } from '../../../src/core/jobs/read';
import { rebuildDashboard } from '../../../src/core/jobs/rebuild-dashboard';
import { refresh } from '../../../src/core/jobs/refresh';
import type { DashboardContent, DashboardWriter } from '../../../src/core/ports/dashboard';
import type { SheetSize } from '../../../src/core/ports/workbook';
import { TODAY, sampleSheets } from '../sidebar/fixtures';
import { fixedClock, MemoryNotifier, MemoryStore } from './memory-store';

/** A writer that keeps what it was given; `charts` as a host would count them. */
class RecordingWriter implements DashboardWriter {
  readonly got: DashboardContent[] = [];
  constructor(private readonly charts: number | null = 6) {}
  write(content: DashboardContent) {
    this.got.push(content);
    return { sheet: content.sheet, charts: this.charts };
  }
}

function deps(store: MemoryStore, writer: DashboardWriter) {
  return { store, clock: fixedClock(TODAY), notifier: new MemoryNotifier(), dashboard: writer };
}

describe('Rebuild dashboard (core job over the DashboardWriter port)', () => {
  it('hands the writer the tables of the read, in the workbook language, and writes nothing else', () => {
    const store = new MemoryStore(sampleSheets());
    const writer = new RecordingWriter();
    const d = deps(store, writer);
    const result = rebuildDashboard(d);
    const read = readWorkbook(new MemoryStore(sampleSheets()), TODAY);
    const metrics = computeMetrics(read.parsed.model, TODAY);
    expect(writer.got).toHaveLength(1);
    expect(writer.got[0]).toEqual({
      sheet: 'Dashboard',
      tables: dashboardTables(read.parsed.model, metrics, TODAY, 'en'),
      locale: 'en',
      otherTitles: dashboardTitles(read.parsed.model, 'zh-CN'),
    });
    expect(store.writes).toEqual([]);
    expect(result).toEqual({ sheet: 'Dashboard', charts: 6, locale: 'en' });
    expect(d.notifier.said).toEqual(['done: Dashboard rebuilt: 6 charts on "Dashboard".']);
  });

  it('says what a host without charts wrote, in Chinese for a Chinese workbook', () => {
    const store = new MemoryStore(sampleSheets(), 'zh_CN');
    const d = deps(store, new RecordingWriter(null));
    expect(rebuildDashboard(d).charts).toBeNull();
    expect(d.notifier.said).toEqual(['done: 仪表板已重建：图表数据表在「仪表板」上。']);
  });

  it('uses the dashboard sheet the workbook has', () => {
    const store = new MemoryStore({ ...sampleSheets(), 仪表板: [] });
    const writer = new RecordingWriter();
    rebuildDashboard(deps(store, writer));
    expect(writer.got[0].sheet).toBe('仪表板');
  });
});

describe('the refresh and the dashboard', () => {
  it('draws the dashboard from the tables its cell budget was planned with, once', () => {
    const store = new MemoryStore(sampleSheets());
    const writer = new RecordingWriter();
    const result = refresh({ ...deps(store, writer), budgetMs: Infinity });
    expect(writer.got).toHaveLength(1);
    expect(writer.got[0].tables).toEqual(
      dashboardTables(result.read.parsed.model, result.metrics, TODAY, 'en'),
    );
  });

  it('without a writer leaves the dashboard alone', () => {
    const store = new MemoryStore(sampleSheets());
    refresh({ store, clock: fixedClock(TODAY), notifier: new MemoryNotifier() });
    expect(store.sheetNames()).not.toContain('Dashboard');
  });

  /** A workbook at Sheets' cell limit: the dashboard may not grow, so it is not written. */
  class FullStore extends MemoryStore {
    sheetSizes(): readonly SheetSize[] {
      return [
        ...this.sheetNames().map((name) => ({ name, rows: 1000, cols: 26 })),
        { name: 'Archive', rows: 384_000, cols: 26 },
      ];
    }
  }

  it('leaves a dashboard that would pass the cell limit as it was, and says so', () => {
    const store = new FullStore({ ...sampleSheets(), Dashboard: [], 'Data Issues': [] });
    const writer = new RecordingWriter();
    const result = refresh({ ...deps(store, writer), budgetMs: Infinity });
    expect(writer.got).toEqual([]);
    const limit = result.issues.find((i) => i.code === 'cell_limit');
    expect(limit?.severity).toBe('error');
  });
});

describe('planLookerOutputs', () => {
  it('returns its cell-budget warning and its tables instead of changing its arguments', () => {
    const sizes = [{ name: 'Archive', rows: 330_000, cols: 26 }];
    const store = new (class extends MemoryStore {
      sheetSizes = () => sizes;
    })(sampleSheets());
    const read = readWorkbook(store, TODAY);
    const metrics = computeMetrics(read.parsed.model, TODAY);
    const before = Object.freeze([...read.issues]);
    const plan = planLookerOutputs(store, read, metrics, TODAY, before.length);
    expect(plan.issues.map((i) => [i.code, i.severity])).toEqual([['cell_budget', 'warning']]);
    expect(plan.notice).toMatch(/cell/i);
    expect(plan.tables).toEqual(dashboardTables(read.parsed.model, metrics, TODAY, 'en'));
    expect(plan.dashboard).toBe('Dashboard');
    expect(plan.refused.size).toBe(0);
  });

  it('has no issues for a small workbook', () => {
    const store = new MemoryStore(sampleSheets());
    const read = readWorkbook(store, TODAY);
    const plan = planLookerOutputs(
      store,
      read,
      computeMetrics(read.parsed.model, TODAY),
      TODAY,
      read.issues.length,
    );
    expect(plan.issues).toEqual([]);
    expect(plan.notice).toBeNull();
  });
});
