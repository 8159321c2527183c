import { parseIsoDay, type Day } from '../../../src/core/calendar/day';
import { computeMetrics } from '../../../src/core/engine/compute';
import { parseWorkbook } from '../../../src/core/parse/workbook';
import {
  isOverdueClose,
  isStalled,
  stageProbability,
  weighted,
} from '../../../src/core/rules/opportunities';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/model';
import { pipelineRows } from '../../../src/core/outputs/pipeline';
import { dashboardTables } from '../../../src/core/dashboard/tables';
import { PIPELINE_COLUMNS } from '../../../src/core/schema/sheets';

const D = (iso: string): Day => parseIsoDay(iso)!;
const TODAY = D('2026-11-23');

/** The worked example of docs/rules.md "Opportunities", typed the way a user would. */
const grids = {
  settings: {
    name: 'Settings',
    values: [
      ['setting', 'value'],
      ['home_currency', 'CNY'],
      [],
      ['Currency', 'Rate to Home Currency'],
      ['USD', 7],
    ],
  },
  accounts: {
    name: 'Accounts',
    values: [
      ['Account ID', 'Account Name', 'Owner Email'],
      ['A1', 'Acme', 'ann@example.com'],
      ['A2', 'Other', 'bob@example.com'],
    ],
  },
  opportunities: {
    name: '商机',
    values: [
      [
        '机会编号',
        '客户编号',
        '阶段',
        '金额',
        '币种',
        '赢率',
        '阶段变更日期',
        '成交日期',
        '预计成交日期',
      ],
      ['O1', 'A1', '方案', 100000, '', '', '2026-10-01', '', '2026-11-30'],
      ['O2', 'A1', 'Negotiation', 10000, 'USD', 60, '2026-11-13', '', '2026-11-20'],
      ['O3', 'A1', 'won', 80000, '', '', '', '2026-06-30', ''],
      ['O4', 'A1', '输单', 20000, '', '', '', '2026-02-01', ''],
      ['O5', 'A1', 'Won', 50000, '', '', '', '2025-10-01', ''],
      // Data issues: a repeated ID (both rows, whatever their order), an unknown currency, an
      // unknown account.
      ['OX', 'A2', 'Lead', 5, '', '', '', '', ''],
      ['OX', 'A2', 'Lead', 6, '', '', '', '', ''],
      ['O6', 'A2', 'Lead', 5, 'XYZ', '', '', '', ''],
      ['O7', 'NOPE', 'Lead', 5, '', '', '', '', ''],
      // A percentage cell holds a fraction: 0.35 is 35 %.
      ['O8', 'A2', 'Qualified', 1000, '', 0.35, '2026-11-02', '', ''],
    ],
  },
};

describe('opportunities: the worked example of docs/rules.md', () => {
  const parsed = parseWorkbook(grids, TODAY);
  const metrics = computeMetrics(parsed.model, TODAY);

  it('reads stages in either language, defaults the probability, converts currencies', () => {
    const byId = new Map(parsed.model.opportunities.map((o) => [o.id, o]));
    expect([...byId.keys()]).toEqual(['O1', 'O2', 'O3', 'O4', 'O5', 'O8']);
    expect(byId.get('O1')).toMatchObject({
      stage: 'proposal',
      probability: 50,
      amountHome: 100000,
    });
    expect(byId.get('O2')).toMatchObject({
      stage: 'negotiation',
      probability: 60,
      amountHome: 70000,
    });
    expect(byId.get('O4')?.stage).toBe('lost');
    expect(byId.get('O8')?.probability).toBeCloseTo(35);
  });

  it('reports every row of a repeated ID, the unknown currency and the unknown account', () => {
    const codes = parsed.issues.filter((i) => i.sheet === '商机').map((i) => [i.row, i.code]);
    expect(codes).toEqual([
      [7, 'duplicate_opportunity'],
      [8, 'duplicate_opportunity'],
      [9, 'unknown_currency'],
      [10, 'unknown_account'],
    ]);
    expect(parsed.issues.find((i) => i.row === 7)?.params).toEqual({ id: 'OX', other: 8 });
  });

  it('gives the summary figures of the example', () => {
    expect(metrics[0]).toMatchObject({
      openPipeline: 170000,
      weightedPipeline: 92000,
      won12m: 80000,
      winRate12m: 0.5,
      stalledOpportunities: 1,
    });
    expect(metrics[1]).toMatchObject({
      openPipeline: 1000,
      weightedPipeline: 350,
      won12m: 0,
      winRate12m: null,
      stalledOpportunities: 0,
    });
  });

  it('writes one pipeline row per opportunity, one type per column', () => {
    const rows = pipelineRows(parsed.model, TODAY);
    const col = (k: string) => PIPELINE_COLUMNS.findIndex((c) => c.key === k);
    expect(rows.map((r) => r[col('opportunity_id')])).toEqual(['O1', 'O2', 'O3', 'O4', 'O5', 'O8']);
    const o1 = rows[0];
    expect(o1[col('stage')]).toBe('proposal');
    expect(o1[col('owner_email')]).toBe('ann@example.com');
    expect(o1[col('weighted')]).toBe(50000);
    expect(o1[col('days_in_stage')]).toBe(53);
    expect(o1[col('is_stalled')]).toBe(true);
    expect(o1[col('close_month')]).toEqual({ kind: 'date', day: D('2026-11-01'), seconds: 0 });
    expect(rows[2][col('close_month')]).toEqual({ kind: 'date', day: D('2026-06-01'), seconds: 0 });
    expect(rows[2][col('days_in_stage')]).toBeNull();
    expect(rows[1][col('amount_home')]).toBe(70000);
    expect(rows[1][col('currency')]).toBe('USD');
  });
});

describe('the dashboard charts of the pipeline', () => {
  it('open amount and weighted amount by stage, and the weighted forecast by close month', () => {
    const parsed = parseWorkbook(grids, TODAY);
    const tables = dashboardTables(parsed.model, computeMetrics(parsed.model, TODAY), TODAY, 'en');
    const byStage = tables.find((t) => t.id === 'pipeline_by_stage')!;
    expect(byStage.title).toBe('Open pipeline by stage (CNY)');
    expect(byStage.rows).toEqual([
      ['Lead', 0, 0],
      ['Qualified', 1000, 350],
      ['Proposal', 100000, 50000],
      ['Negotiation', 70000, 42000],
    ]);
    // O1 closes 2026-11-30; O2's expected close (2026-11-20) has passed: not forecast.
    const forecast = tables.find((t) => t.id === 'forecast_by_month')!;
    expect(forecast.rows).toEqual([
      ['2026-11', 50000],
      ['2026-12', 0],
      ['2027-01', 0],
      ['2027-02', 0],
      ['2027-03', 0],
      ['2027-04', 0],
    ]);
  });
});

describe('opportunity rules at their boundaries', () => {
  const s = DEFAULT_SETTINGS;
  const open = (stage: 'lead' | 'proposal' | null, changed: Day | null) => ({
    stage,
    stageChangedDate: changed,
  });
  it('stalled only past the stage limit; exactly at it is not', () => {
    expect(isStalled(open('proposal', TODAY - 30), s, TODAY)).toBe(false);
    expect(isStalled(open('proposal', TODAY - 31), s, TODAY)).toBe(true);
    expect(isStalled(open('lead', TODAY - 14), s, TODAY)).toBe(false);
    expect(isStalled(open('lead', TODAY - 15), s, TODAY)).toBe(true);
    // A blank stage stalls like a lead; no stage date, no stall; closed never stalls.
    expect(isStalled(open(null, TODAY - 15), s, TODAY)).toBe(true);
    expect(isStalled(open('lead', null), s, TODAY)).toBe(false);
    expect(isStalled({ stage: 'won', stageChangedDate: TODAY - 400 }, s, TODAY)).toBe(false);
  });
  it('overdue close the day after the expected close, open only', () => {
    expect(isOverdueClose({ stage: 'lead', expectedCloseDate: TODAY }, TODAY)).toBe(false);
    expect(isOverdueClose({ stage: 'lead', expectedCloseDate: TODAY - 1 }, TODAY)).toBe(true);
    expect(isOverdueClose({ stage: 'lost', expectedCloseDate: TODAY - 1 }, TODAY)).toBe(false);
  });
  it('stage defaults and weighting', () => {
    expect(
      ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'].map((x) =>
        stageProbability(x as never),
      ),
    ).toEqual([10, 25, 50, 75, 100, 0]);
    expect(stageProbability(null)).toBe(10);
    expect(weighted({ amountHome: 12345, probability: 25 })).toBeCloseTo(3086.25);
  });
});
