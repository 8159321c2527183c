// The DuckDB behind the fake BigQuery (test/fakes/bigquery.ts): a worker thread, because Apps
// Script's BigQuery calls are synchronous and DuckDB's Node API is not. Each request is answered
// on `port`, then `signal[0]` is set and notified so the caller, blocked in Atomics.wait, wakes.
const { parentPort, workerData } = require('node:worker_threads');
const { DuckDBInstance, DATE, VARCHAR } = require('@duckdb/node-api');

const { port, signal } = workerData;
const flag = new Int32Array(signal);
let connection = null;

async function connect() {
  if (connection === null) {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    connection = await instance.connect();
  }
  return connection;
}

const text = (v) =>
  v === null || v === undefined ? null : typeof v === 'object' ? String(v) : String(v);

async function handle(req) {
  const c = await connect();
  if (req.op === 'ping') return { ok: true };
  if (req.op === 'load') {
    // A table of the dataset, from a CSV file whose header names the columns.
    await c.run(
      `CREATE OR REPLACE TABLE "${req.table.replace(/"/g, '""')}" AS SELECT * FROM read_csv('${req.csv.replace(/'/g, "''")}', header = true, all_varchar = true)`,
    );
    return { ok: true };
  }
  if (req.op === 'loadEmpty') {
    // A load job with WRITE_EMPTY: into a new or empty table only.
    const quoted = `"${req.table.replace(/"/g, '""')}"`;
    const exists = await c.runAndReadAll(
      `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = $t`,
      { t: req.table },
    );
    if (Number(exists.getRowObjects()[0].n) > 0) {
      const rows = await c.runAndReadAll(`SELECT COUNT(*) AS n FROM ${quoted}`);
      if (Number(rows.getRowObjects()[0].n) > 0) return { ok: true, duplicate: true };
    }
    const file = require('node:path').join(
      require('node:os').tmpdir(),
      `kam-fake-bq-${process.pid}-${Date.now()}.csv`,
    );
    require('node:fs').writeFileSync(file, req.text);
    try {
      await c.run(
        `CREATE OR REPLACE TABLE ${quoted} AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = true, all_varchar = true)`,
      );
    } finally {
      require('node:fs').rmSync(file, { force: true });
    }
    const n = await c.runAndReadAll(`SELECT COUNT(*) AS n FROM ${quoted}`);
    return { ok: true, duplicate: false, rows: Number(n.getRowObjects()[0].n) };
  }
  if (req.op === 'query') {
    await c.run(
      `CREATE OR REPLACE TABLE kam_accounts_raw (account_id VARCHAR, idx INTEGER, period_first VARCHAR)`,
    );
    await c.run(
      `CREATE OR REPLACE VIEW kam_accounts AS SELECT account_id, idx, CAST(period_first AS DATE) AS period_first FROM kam_accounts_raw`,
    );
    await c.run(`CREATE OR REPLACE TABLE kam_rates (currency VARCHAR, rate DOUBLE)`);
    // The relation the DuckDB rendering reads (kam_transactions, kam_interactions): a fixed name.
    await c.run(
      `CREATE OR REPLACE TABLE ${req.relation} AS SELECT * FROM "${req.table.replace(/"/g, '""')}"`,
    );
    const a = await c.createAppender('kam_accounts_raw');
    for (const x of req.accounts) {
      a.appendVarchar(x.account_id);
      a.appendInteger(Number(x.idx));
      a.appendVarchar(x.period_first);
      a.endRow();
    }
    a.closeSync();
    const r = await c.createAppender('kam_rates');
    for (const x of req.rates) {
      r.appendVarchar(x.currency);
      r.appendDouble(Number(x.rate));
      r.endRow();
    }
    r.closeSync();
    const values = {};
    const types = {};
    for (const [k, v] of Object.entries(req.params)) {
      if (!req.sql.includes(`$${k}`)) continue;
      values[k] = v.type === 'DATE' ? v.value : v.value;
      types[k] = v.type === 'DATE' ? DATE : VARCHAR;
    }
    const sql = req.sql.replace(/\$([a-z_0-9]+)/g, (m, k) =>
      types[k] === DATE ? `CAST($${k} AS DATE)` : m,
    );
    const strTypes = Object.fromEntries(Object.keys(types).map((k) => [k, VARCHAR]));
    const reader = await c.runAndReadAll(sql, values, strTypes);
    const names = reader.columnNames();
    const rows = reader.getRows().map((row) => row.map(text));
    return { ok: true, names, rows };
  }
  return { ok: false, error: `unknown op ${req.op}` };
}

parentPort.on('message', (req) => {
  handle(req)
    .then((reply) => port.postMessage(reply))
    .catch((e) => port.postMessage({ ok: false, error: String(e && e.message ? e.message : e) }))
    .finally(() => {
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
});
