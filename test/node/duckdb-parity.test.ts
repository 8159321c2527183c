/**
 * Parity: the SQL definition of the transaction rules (core/sql/transactions.ts) run by DuckDB on
 * a CSV file, against the in-sheet path (engine/compute.ts) on the same rows, over generated
 * portfolios: the same summary, monthly, products and groups, field for field.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatDay, type Day } from '../../src/core/calendar/day';
import { computeMetrics } from '../../src/core/engine/compute';
import type { WorkbookRead } from '../../src/core/jobs/read';
import type {
  AccountRecord,
  KamModel,
  PlanRecord,
  TransactionRecord,
} from '../../src/core/model/records';
import { groupRows } from '../../src/core/outputs/groups';
import { monthlyRows } from '../../src/core/outputs/monthly';
import { productRows } from '../../src/core/outputs/products';
import { summaryRows } from '../../src/core/outputs/summary';
import { groupRollups } from '../../src/core/rules/groups';
import { DEFAULT_SETTINGS } from '../../src/core/settings/model';
import { factsFromFile } from '../../src/node/duckdb/facts';
import { D, account } from '../core/rules/model-builders';

const TODAY = D('2026-05-15');
const RATES = new Map([
  ['CNY', 1],
  ['USD', 7.1],
  ['EUR', 7.83],
]);
const IDS = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2', 'C3'];
const PRODUCTS = ['Valve', 'Pump', 'Seal', '阀门', ''];

/** One generated source row: what a file holds, and what the sheet parser would make of it. */
interface Row {
  account: string;
  offset: number;
  amount: number | null;
  quantity: number;
  price: number;
  currency: 'CNY' | 'USD' | 'EUR' | '';
  product: string;
  due: number | null;
  paid: number | null;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  account: fc.constantFrom(...IDS),
  offset: fc.integer({ min: -800, max: 20 }),
  amount: fc.option(
    fc.integer({ min: -500_00, max: 9_000_000_00 }).map((c) => c / 100),
    { nil: null },
  ),
  quantity: fc.integer({ min: 1, max: 40 }),
  price: fc.integer({ min: 1, max: 500_000 }).map((c) => c / 100),
  currency: fc.constantFrom('CNY', 'USD', 'EUR', ''),
  product: fc.constantFrom(...PRODUCTS),
  due: fc.option(fc.integer({ min: -60, max: 90 }), { nil: null }),
  paid: fc.option(fc.integer({ min: -30, max: 120 }), { nil: null }),
});

const portfolioArb = fc.record({
  parents: fc.array(fc.option(fc.constantFrom(...IDS), { nil: null }), {
    minLength: IDS.length,
    maxLength: IDS.length,
  }),
  industries: fc.array(fc.constantFrom('Machinery', 'Retail', ''), {
    minLength: IDS.length,
    maxLength: IDS.length,
  }),
  rows: fc.array(rowArb, { maxLength: 80 }),
  plans: fc.array(
    fc.record({
      account: fc.constantFrom(...IDS),
      period: fc.constantFrom('2026', '2026-Q2', '2026-05', '2025'),
      target: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
    }),
    { maxLength: 4 },
  ),
  windowMonths: fc.constantFrom(12, 6, 24),
});

function plan(
  p: { account: string; period: string; target: number | null },
  row: number,
): PlanRecord {
  return {
    row,
    accountId: p.account,
    period: p.period,
    challenges: '',
    goals: '',
    specialRequirements: '',
    valueProposition: '',
    revenueTarget: p.target,
    nextReviewDate: null,
    reviewCadenceMonths: 3,
  };
}

/** The transactions the sheet parser keeps from these rows (core/parse/workbook.ts). */
function parsed(rows: readonly Row[]): TransactionRecord[] {
  return rows
    .map((r, i) => {
      const currency = r.currency || 'CNY';
      const amount = (r.amount ?? r.quantity * r.price) * (RATES.get(currency) as number);
      const date = (TODAY + r.offset) as Day;
      return {
        row: i + 2,
        date,
        accountId: r.account,
        product: r.product,
        amount,
        currency,
        paymentDueDate: r.due === null ? null : date + r.due,
        paidDate: r.paid === null ? null : date + r.paid,
      };
    })
    .filter((t) => t.date <= TODAY);
}

function csvOf(rows: readonly Row[]): string {
  const cell = (v: string | number | null): string => (v === null ? '' : String(v));
  const lines = [
    'date,account_id,product,quantity,unit_price,amount,currency,payment_due_date,paid_date',
  ];
  for (const r of rows) {
    const date = TODAY + r.offset;
    lines.push(
      [
        formatDay(date),
        r.account,
        r.product,
        r.amount === null ? r.quantity : '',
        r.amount === null ? r.price : '',
        cell(r.amount),
        r.currency,
        r.due === null ? '' : formatDay(date + r.due),
        r.paid === null ? '' : formatDay(date + r.paid),
      ]
        .map((v) => cell(v as string | number | null))
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

function outputs(model: KamModel) {
  const metrics = computeMetrics(model, TODAY);
  const read = { parsed: { model } } as unknown as WorkbookRead;
  return {
    summary: summaryRows(read, metrics, TODAY),
    monthly: monthlyRows(model, metrics, TODAY),
    products: productRows(metrics, TODAY),
    groups: groupRows(groupRollups(model.accounts, metrics, model.settings), TODAY),
  };
}

describe('DuckDB and the in-sheet path give the same figures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kam-parity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let file = 0;

  it('summary, monthly, products and groups, field for field, over generated portfolios', async () => {
    await fc.assert(
      fc.asyncProperty(portfolioArb, async (p) => {
        const accounts: AccountRecord[] = IDS.map((id, i) =>
          account(id, { parentId: p.parents[i], industry: p.industries[i] }),
        );
        const base: KamModel = {
          settings: { ...DEFAULT_SETTINGS, rates: RATES, analysisWindowMonths: p.windowMonths },
          accounts,
          contacts: [],
          transactions: parsed(p.rows),
          interactions: [],
          actions: [],
          plans: p.plans.map((x, i) => plan(x, i + 2)),
          opportunities: [],
        };
        const path = join(dir, `t${file++}.csv`);
        writeFileSync(path, csvOf(p.rows));
        const sql = await factsFromFile(path, 't.csv', base, TODAY);
        const fromSql = outputs({ ...base, transactions: [], facts: sql.facts });
        const fromSheet = outputs(base);
        expect(fromSql.summary).toEqual(fromSheet.summary);
        expect(fromSql.monthly).toEqual(fromSheet.monthly);
        expect(fromSql.products).toEqual(fromSheet.products);
        expect(fromSql.groups).toEqual(fromSheet.groups);
        // Future rows are the only ones the file has that the figures leave out.
        expect(sql.issues.map((i) => i.code)).toEqual(
          p.rows.filter((r) => r.offset > 0).map(() => 'future_date'),
        );
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('values from the workbook and the file are data, never SQL', () => {
  it('hostile account IDs, products and currencies are summed like any other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-inject-'));
    try {
      const evil = ["A1'); DROP TABLE kam_accounts; --", 'B"; SELECT 1; --', '$today'];
      const model: KamModel = {
        settings: {
          ...DEFAULT_SETTINGS,
          rates: new Map([
            ['CNY', 1],
            ["X'Y", 2],
          ]),
        },
        accounts: evil.map((id) => account(id)),
        contacts: [],
        transactions: [],
        interactions: [],
        actions: [],
        plans: [],
        opportunities: [],
      };
      const path = join(dir, 'evil.csv');
      const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
      writeFileSync(
        path,
        [
          'date,account_id,product,amount,currency',
          `2026-05-01,${q(evil[0])},${q("'); DELETE FROM x; --")},100,`,
          `2026-05-02,${q(evil[1])},p,50,${q("X'Y")}`,
          `2026-05-03,${q(evil[2])},p,7,`,
        ].join('\n'),
      );
      const { facts, issues } = await factsFromFile(path, 'evil.csv', model, TODAY);
      expect(issues).toEqual([]);
      expect([...facts.revenue12m]).toEqual([100, 100, 7]);
      expect(facts.products[0].map((p) => p.product)).toEqual(["'); DELETE FROM x; --"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a CSV as Excel or WPS saves it', () => {
  it('byte-order mark, CRLF, quoted commas, YYYY/M/D dates, headers in another case and order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-excel-csv-'));
    try {
      const path = join(dir, 'export.csv');
      writeFileSync(
        path,
        Buffer.concat([
          Buffer.from([0xef, 0xbb, 0xbf]),
          Buffer.from(
            'Account_ID,Amount,Product,DATE\r\nA1,100,"阀门, 大",2026/5/1\r\nA1,"1,000",Pump,2026-05-02\r\nA2,25.5,Pump,2026-05-03\r\n',
            'utf8',
          ),
        ]),
      );
      const model: KamModel = {
        settings: DEFAULT_SETTINGS,
        accounts: [account('A1'), account('A2')],
        contacts: [],
        transactions: [],
        interactions: [],
        actions: [],
        plans: [],
        opportunities: [],
      };
      const { facts, issues } = await factsFromFile(path, 'export.csv', model, TODAY);
      expect([...facts.revenue12m]).toEqual([100, 25.5]);
      expect(facts.products[0].map((p) => p.product)).toEqual(['阀门, 大']);
      // "1,000" is not a plain number: the file contract says so, and the row says where.
      expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([[3, 'amount', 'not_a_number']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
