/**
 * One benchmark case, run by scripts/bench.mjs in a fresh `node --expose-gc --trace-gc` process:
 *
 *   node out/bench/scripts/bench/case.js <engine|gas-refresh> <accounts> <transactions> [seed]
 *
 * Prints one line `@@result {...}` on stderr (stdout carries V8's `--trace-gc` lines, which C stdio
 * buffers, so the two must not share a stream). Around the timed part it calls `gc()` twice; the
 * parent reads the trace lines between those two forced collections to find the peak heap.
 */
import { dayFromYmd, formatDay, ymdFromDay, type Day } from '../../src/core/calendar/day';
import { computeMetrics } from '../../src/core/engine/compute';
import { generateModel } from '../../src/core/sample-data/generate-model';
import { groupRows } from '../../src/core/outputs/groups';
import { productRows } from '../../src/core/outputs/products';
import { groupRollups } from '../../src/core/rules/groups';
import { revenueByMonthOfYear, topProducts } from '../../src/core/rules/products';
import { analysisWindow } from '../../src/core/rules/window';
import { handleRefresh, handleSetup } from '../../src/gas/handlers';
import { createGas } from '../../test/fakes/index';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { monthlyRows } from '../../src/core/outputs/monthly';
import { summaryRows } from '../../src/core/outputs/summary';
import type { WorkbookRead } from '../../src/core/jobs/read';
import { lookerCsv } from '../../src/core/sql/looker-tables';
import { factsFromFile } from '../../src/node/duckdb/facts';
import { fixedOffsetMidnight, modelToSheets } from './workbook';

const MB = 1024 * 1024;
/** The fake's default spreadsheet zone; no DST, so midnight is a fixed offset. */
const SPREADSHEET_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MIN = 8 * 60;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');
const forceGc: () => void = gc;

interface Timed {
  ms: number;
  heapBaseMb: number;
  heapEndMb: number;
  rssMb: number;
}

/** Times `work` between two forced collections (the markers the parent looks for). */
function timed(work: () => void): Timed {
  forceGc();
  const heapBase = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  work();
  const t1 = process.hrtime.bigint();
  const mem = process.memoryUsage();
  forceGc();
  return {
    ms: Number(t1 - t0) / 1e6,
    heapBaseMb: heapBase / MB,
    heapEndMb: mem.heapUsed / MB,
    rssMb: mem.rss / MB,
  };
}

/** Today in the spreadsheet's zone: what GasClock.today() will say during the refresh. */
function todayIn(zone: string): Day {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number);
  return dayFromYmd(y, m, d);
}

function engine(accounts: number, transactions: number, seed: number): Record<string, unknown> {
  // Five opportunities per account (issue: the engine target includes them).
  const model = generateModel({
    accounts,
    transactions,
    seed,
    today: dayFromYmd(2026, 11, 23),
    opportunitiesPerAccount: 5,
  });
  const today = dayFromYmd(2026, 11, 23);
  let out: unknown[] = [];
  let groups = 0;
  let products = 0;
  // The figures and the new Looker outputs of groups and products (issue: "including the new
  // outputs"): the groups roll-up and rows, the products rows and the seasonality sums.
  const t = timed(() => {
    const metrics = computeMetrics(model, today);
    out = metrics;
    groups = groupRows(groupRollups(model.accounts, metrics, model.settings), today).length;
    products = productRows(metrics, today).length;
    const top = topProducts(metrics.map((m) => m.products));
    const start = analysisWindow(today, model.settings.analysisWindowMonths).start;
    revenueByMonthOfYear(model.transactions, top, today, start, (d) => ymdFromDay(d).m);
  });
  if (out.length !== model.accounts.length)
    throw new Error(`computeMetrics returned ${out.length} rows`);
  return {
    name: 'engine',
    accounts,
    transactions: model.transactions.length,
    opportunities: model.opportunities.length,
    groups,
    product_rows: products,
    ...report(t),
    service_calls: null,
  };
}

/**
 * The Looker tables for BigQuery (docs/outgrow.md): today's summary rows of 50k accounts as the
 * CSV of the load jobs. The figures are computed untimed; timed are the rows
 * and the CSV, which the refresh makes once and sends to both tables.
 */
function lookerCsvCase(
  accounts: number,
  transactions: number,
  seed: number,
): Record<string, unknown> {
  const today = dayFromYmd(2026, 11, 23);
  const model = generateModel({ accounts, transactions, seed, today });
  const metrics = computeMetrics(model, today);
  const read = { parsed: { model } } as unknown as WorkbookRead;
  let bytes = 0;
  let rows = 0;
  const t = timed(() => {
    const summary = summaryRows(read, metrics, today);
    rows = summary.length;
    bytes = Buffer.byteLength(lookerCsv(summary));
  });
  return {
    name: 'looker-csv',
    accounts,
    rows,
    csv_mb: round1(bytes / MB),
    ...report(t),
    service_calls: null,
  };
}

function gasRefresh(accounts: number, transactions: number, seed: number): Record<string, unknown> {
  const gas = createGas({ spreadsheetTimeZone: SPREADSHEET_ZONE });
  const { control } = gas;
  control.recordLog = false;
  Object.assign(globalThis, gas.globals);
  handleSetup();

  const today = todayIn(SPREADSHEET_ZONE);
  let model: ReturnType<typeof generateModel> | null = generateModel({
    accounts,
    transactions,
    seed,
    today,
    // One per account: at five, 10k accounts' opportunities and pipeline (2 million cells) would
    // take the workbook past Sheets' 10-million-cell limit (the engine cases carry five).
    opportunitiesPerAccount: 1,
  });
  const counts = {
    transactions: model.transactions.length,
    interactions: model.interactions.length,
    actions: model.actions.length,
    contacts: model.contacts.length,
    plans: model.plans.length,
    opportunities: model.opportunities.length,
  };
  for (const s of modelToSheets(model, {
    locale: 'en',
    midnight: fixedOffsetMidnight(SHANGHAI_OFFSET_MIN),
  }))
    control.setSheetValues(s.name, s.rows);
  model = null; // only the fake's copy stays alive during the refresh

  control.resetCalls();
  const t = timed(() => handleRefresh(false));
  const calls = control.spreadsheetCalls();

  // A refresh that failed only logs (trigger mode): make sure this one did the work. A workbook
  // past Sheets' cell limit leaves Summary as it was and must say so in Data Issues.
  const summaryRows = control.sheet('Summary')._lastRow() - 1;
  const cellLimit = control
    .sheetValues('Data Issues')
    .some((r) => r[5] === 'error' && /not updated this time: .*Summary/.test(String(r[4])));
  if (summaryRows !== accounts && !cellLimit)
    throw new Error(
      `refresh did not complete: Summary has ${summaryRows} rows; log: ${control.logs.slice(-3).join(' | ')}`,
    );
  const issues = Math.max(0, control.sheet('Data Issues')._lastRow() - 1);
  return {
    name: 'gas-refresh',
    accounts,
    ...counts,
    ...report(t),
    service_calls: calls,
    data_issues: issues,
    cell_limit: cellLimit,
  };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

function report(t: Timed): Record<string, number> {
  return {
    ms: round1(t.ms),
    heap_base_mb: round1(t.heapBaseMb),
    heap_end_mb: round1(t.heapEndMb),
    rss_mb: round1(t.rssMb),
  };
}

/**
 * `kam refresh --transactions` on a Parquet file: the file is generated by DuckDB (untimed: about
 * 20 transactions per account over two years, 3 % returns, 5 % in USD, 70 % invoiced, a few
 * products), then timed: DuckDB sums it with the SQL definition and the rules finish in core,
 * with the summary's, monthly's, products' and groups' rows. Peak RSS is the process's.
 */
async function duckdbCase(
  accounts: number,
  transactions: number,
  seed: number,
): Promise<Record<string, unknown>> {
  const today = dayFromYmd(2026, 11, 23);
  const model = generateModel({
    accounts,
    transactions: 0,
    seed,
    today,
    opportunitiesPerAccount: 0,
  });
  const dir = mkdtempSync(join(tmpdir(), 'kam-bench-duckdb-'));
  const file = join(dir, 'transactions.parquet');
  try {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`SELECT setseed(${(seed % 1000) / 1000})`);
    await c.run('CREATE TABLE ids (idx INTEGER, account_id VARCHAR)');
    const app = await c.createAppender('ids');
    model.accounts.forEach((a, i) => {
      app.appendInteger(i);
      app.appendVarchar(a.id);
      app.endRow();
    });
    app.closeSync();
    const foreign = [...model.settings.rates.keys()].find((k) => k !== model.settings.homeCurrency);
    const t0 = process.hrtime.bigint();
    await c.run(`COPY (
      WITH r AS (
        SELECT CAST(floor(pow(random(), 2.5) * ${accounts}) AS INTEGER) AS idx,
          DATE '${formatDay(today)}' - CAST(floor(random() * 730) AS INTEGER) AS date,
          random() AS u, random() AS v, CAST(floor(random() * 8) AS INTEGER) AS p
        FROM range(${transactions})
      )
      SELECT r.date, ids.account_id,
        ['Sensor S1','Sensor S2','Controller C5','Valve V10','Pump P3','Service Plan','Spare Parts','Training'][p + 1] AS product,
        CASE WHEN u < 0.03 THEN -round(v * 800, 2) ELSE round(50 + v * 4000, 2) END AS amount,
        CASE WHEN u BETWEEN 0.03 AND 0.08 THEN ${foreign ? `'${foreign}'` : 'NULL'} END AS currency,
        CASE WHEN u >= 0.03 AND v < 0.7 THEN r.date + 30 END AS payment_due_date,
        CASE WHEN u >= 0.03 AND v < 0.6 THEN r.date + 25 + CAST(floor(u * 20) AS INTEGER) END AS paid_date
      FROM r JOIN ids USING (idx)
    ) TO '${file}' (FORMAT parquet)`);
    c.closeSync();
    db.closeSync();
    const generateMs = Number(process.hrtime.bigint() - t0) / 1e6;

    forceGc();
    const heapBase = process.memoryUsage().heapUsed;
    const t1 = process.hrtime.bigint();
    const sql = await factsFromFile(file, 'transactions.parquet', model, today);
    const withFacts = { ...model, facts: sql.facts };
    const metrics = computeMetrics(withFacts, today);
    const products = productRows(metrics, today).length;
    const groups = groupRows(groupRollups(model.accounts, metrics, model.settings), today).length;
    const months = monthlyRows(withFacts, metrics, today).length;
    const ms = Number(process.hrtime.bigint() - t1) / 1e6;
    const mem = process.memoryUsage();
    forceGc();
    return {
      name: 'duckdb',
      accounts,
      transactions: sql.rows,
      ms: round1(ms),
      heap_base_mb: round1(heapBase / MB),
      heap_end_mb: round1(mem.heapUsed / MB),
      rss_mb: round1(mem.rss / MB),
      peak_rss_mb: round1(process.resourceUsage().maxRSS / 1024),
      generate_ms: round1(generateMs),
      product_rows: products,
      groups,
      monthly_rows: months,
      data_issues: sql.issues.length,
      service_calls: null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const [kind, a, tx, s] = process.argv.slice(2);
  const accounts = Number(a);
  const transactions = Number(tx);
  const seed = s === undefined ? 42 : Number(s);
  if (!(accounts >= 0 && transactions >= 0 && Number.isFinite(seed)))
    throw new Error('usage: case.js <kind> <accounts> <transactions> [seed]');
  if (kind === 'duckdb') {
    void duckdbCase(accounts, transactions, seed).then((r) =>
      process.stderr.write(`@@result ${JSON.stringify(r)}\n`),
    );
    return;
  }
  const result =
    kind === 'engine'
      ? engine(accounts, transactions, seed)
      : kind === 'gas-refresh'
        ? gasRefresh(accounts, transactions, seed)
        : kind === 'looker-csv'
          ? lookerCsvCase(accounts, transactions, seed)
          : null;
  if (result === null) throw new Error(`unknown case kind ${kind}`);
  process.stderr.write(`@@result ${JSON.stringify(result)}\n`);
}

main();
