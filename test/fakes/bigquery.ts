/**
 * A fake of Apps Script's BigQuery advanced service (`Jobs.query`, `Jobs.getQueryResults`),
 * answered by DuckDB. It accepts only the queries the SQL definition renders for BigQuery
 * (core/sql/transactions.ts with bigQueryDialect): a text it does not recognise is an error, so a
 * test that passes proves the text sent is the definition's. It then runs the DuckDB rendering
 * of the same query, with the named BigQuery parameters (dates, the home currency, the accounts
 * and rates arrays of structs) bound as DuckDB's. Results come back as BigQuery's REST API sends
 * them: every value as text or null, in pages with a `pageToken`, the first answer optionally
 * not complete yet (`jobComplete: false`) so the caller must poll.
 *
 * DuckDB's Node API is asynchronous and Apps Script's calls are not: the engine runs in a worker
 * thread (bigquery-worker.cjs) and each call blocks on a shared flag until it answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MessageChannel,
  Worker,
  receiveMessageOnPort,
  type MessagePort,
} from 'node:worker_threads';
import { bigQueryDialect, DUCKDB, DUCKDB_RELATIONS } from '../../src/core/sql/dialect';
import { DUCKDB_INTERACTIONS, interactionsQuery } from '../../src/core/sql/interactions';
import { TRANSACTION_SCHEMA } from '../../src/core/sql/load';
import { transactionQueries, type TransactionQueries } from '../../src/core/sql/transactions';
import { FakeBigQueryTables, type FakeTable } from './bigquery-tables';

type QueryRequest = GoogleAppsScript.BigQuery.Schema.QueryRequest;
type QueryResponse = GoogleAppsScript.BigQuery.Schema.QueryResponse;
type Parameter = GoogleAppsScript.BigQuery.Schema.QueryParameter;

interface WorkerReply {
  ok: boolean;
  duplicate?: boolean;
  error?: string;
  names?: string[];
  rows?: (string | null)[][];
}

export interface FakeBigQueryControl {
  /** Loads `project.dataset.table` from a CSV file whose header row names the columns. */
  loadTable(table: string, csvPath: string): void;
  /** Rows per page of a result (default 1,000). */
  pageSize: number;
  /** Answer Jobs.query with `jobComplete: false` first, so the caller polls (default false). */
  slowJobs: boolean;
  /** With slowJobs, how many getQueryResults calls answer "not complete" (default 1). */
  slowPolls: number;
  /** Every request: the SQL text, its parameters, and the project billed. */
  readonly queries: { sql: string; parameters: Parameter[]; project: string }[];
  readonly calls: {
    query: number;
    getQueryResults: number;
    insert: number;
    get: number;
    tablesGet: number;
    tablesInsert: number;
  };
  /** Every load job: the table, the CSV sent, the schema. */
  readonly loads: { table: string; csv: string; schema: unknown[] }[];
  /** A message to throw from the next Jobs.query (a refused query, a missing table). */
  failNext: string | null;
  /**
   * Every table by `project.dataset.table`: the Looker tables with their rows, the transactions
   * tables (held by DuckDB) with their fields only.
   */
  readonly tables: Map<string, FakeTable>;
  /** Load jobs stay RUNNING for this many Jobs.get calls (default 0: DONE on the first). */
  runningPolls: number;
  /** The error text of the next WRITE_TRUNCATE load job (a refused load), or null. */
  failNextLoad: string | null;
  close(): Promise<void>;
}

/**
 * The DuckDB rendering of a BigQuery text the definition renders (the transactions' six queries,
 * the interactions query), the table it reads and the relation DuckDB knows it by; null when the
 * definition renders no such text.
 */
function definitionQuery(sql: string): { duckdb: string; table: string; relation: string } | null {
  const m = /`([a-z][a-z0-9-]*)\.([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)`/.exec(sql);
  if (m === null) return null;
  const table = `${m[1]}.${m[2]}.${m[3]}`;
  if (sql === interactionsQuery('bigquery', `\`${table}\``))
    return {
      duckdb: interactionsQuery('duckdb', DUCKDB_INTERACTIONS),
      table,
      relation: DUCKDB_INTERACTIONS,
    };
  const rendered = transactionQueries(bigQueryDialect(m[1], m[2], m[3]));
  const key = (Object.keys(rendered) as (keyof TransactionQueries)[]).find(
    (k) => rendered[k] === sql,
  );
  return key === undefined
    ? null
    : { duckdb: transactionQueries(DUCKDB)[key], table, relation: DUCKDB_RELATIONS.transactions };
}

const valueOf = (p: Parameter | undefined): string | null =>
  (p?.parameterValue?.value as string | undefined) ?? null;

export function createFakeBigQuery(): {
  service: GoogleAppsScript.BigQuery;
  control: FakeBigQueryControl;
} {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const port: MessagePort = port1;
  const worker = new Worker(join(__dirname, 'bigquery-worker.cjs'), {
    workerData: { port: port2, signal: flag.buffer },
    transferList: [port2],
  });
  worker.unref();
  const call = (req: object): WorkerReply => {
    Atomics.store(flag, 0, 0);
    worker.postMessage(req);
    if (Atomics.wait(flag, 0, 0, 60_000) === 'timed-out')
      throw new Error('fake BigQuery: no answer');
    const msg = receiveMessageOnPort(port);
    const reply = (msg?.message ?? { ok: false, error: 'no reply' }) as WorkerReply;
    if (!reply.ok) throw new Error(reply.error ?? 'fake BigQuery failed');
    return reply;
  };
  call({ op: 'ping' });

  const jobs = new Map<string, { names: string[]; rows: (string | null)[][]; pending: number }>();
  const store = new FakeBigQueryTables();
  const register = (table: string, names: readonly string[]): void => {
    store.tables.set(table, {
      fields: names.map((name) => ({
        name,
        type: TRANSACTION_SCHEMA.find((f) => f.name === name)?.type ?? 'STRING',
        mode: 'NULLABLE',
      })),
      rows: [],
    });
  };
  const control: FakeBigQueryControl = {
    pageSize: 1000,
    slowJobs: false,
    slowPolls: 1,
    queries: [],
    calls: { query: 0, getQueryResults: 0, insert: 0, get: 0, tablesGet: 0, tablesInsert: 0 },
    loads: [],
    failNext: null,
    tables: store.tables,
    runningPolls: 0,
    failNextLoad: null,
    loadTable(table, csvPath) {
      call({ op: 'load', table, csv: csvPath });
      const header = readFileSync(csvPath, 'utf8').split(/\r?\n/, 1)[0];
      register(table, header.split(','));
    },
    async close() {
      port.close();
      await worker.terminate();
    },
  };

  const page = (jobId: string, start: number): QueryResponse => {
    const job = jobs.get(jobId) as { names: string[]; rows: (string | null)[][] };
    const end = Math.min(job.rows.length, start + control.pageSize);
    return {
      jobComplete: true,
      jobReference: { jobId, projectId: 'fake', location: 'US' },
      schema: { fields: job.names.map((name) => ({ name, type: 'STRING' })) },
      // The REST API sends every value as text (or null); the typings say `object`.
      rows: job.rows.slice(start, end).map((r) => ({
        f: r.map((v) => ({ v }) as unknown as GoogleAppsScript.BigQuery.Schema.TableCell),
      })),
      totalRows: String(job.rows.length),
      ...(end < job.rows.length ? { pageToken: String(end) } : {}),
    };
  };

  const Jobs = {
    query(request: QueryRequest, projectId: string): QueryResponse {
      control.calls.query++;
      const sql = request.query ?? '';
      const parameters = request.queryParameters ?? [];
      control.queries.push({ sql, parameters, project: projectId });
      if (control.failNext !== null) {
        const m = control.failNext;
        control.failNext = null;
        throw new Error(m);
      }
      if (request.useLegacySql !== false) throw new Error('fake BigQuery: standard SQL only');
      if (request.parameterMode !== 'NAMED')
        throw new Error('fake BigQuery: named parameters only');
      const found = definitionQuery(sql);
      if (found === null) throw new Error('fake BigQuery: not a query the SQL definition renders');
      const named = new Map(parameters.map((p) => [p.name as string, p]));
      for (const m of sql.matchAll(/@([a-z_0-9]+)/g))
        if (!named.has(m[1])) throw new Error(`Query parameter '${m[1]}' not found`);
      const params: Record<string, { type: string; value: string | null }> = {};
      for (const [name, p] of named)
        if (p.parameterType?.type !== 'ARRAY')
          params[name] = { type: p.parameterType?.type as string, value: valueOf(p) };
      const structs = (name: string) =>
        (named.get(name)?.parameterValue?.arrayValues ?? []).map((v) =>
          Object.fromEntries(
            Object.entries(v.structValues ?? {}).map(([k, x]) => [
              k,
              (x as { value?: string }).value ?? null,
            ]),
          ),
        );
      const reply = call({
        op: 'query',
        table: found.table,
        relation: found.relation,
        sql: found.duckdb,
        params,
        accounts: structs('accounts'),
        rates: structs('rates'),
      });
      // BigQuery rows have no row number: the definition reads NULL there.
      const at = (reply.names ?? []).indexOf('src_row');
      const rows = (reply.rows ?? []).map((r) =>
        at < 0 ? r : r.map((v, i) => (i === at ? null : v)),
      );
      const jobId = `job_${jobs.size + 1}`;
      jobs.set(jobId, {
        names: reply.names ?? [],
        rows,
        pending: control.slowJobs ? control.slowPolls : 0,
      });
      if (control.slowJobs)
        return { jobComplete: false, jobReference: { jobId, projectId, location: 'US' } };
      return page(jobId, 0);
    },
    getQueryResults(
      _projectId: string,
      jobId: string,
      optionalArgs: { pageToken?: string } = {},
    ): GoogleAppsScript.BigQuery.Schema.GetQueryResultsResponse {
      control.calls.getQueryResults++;
      const job = jobs.get(jobId);
      if (job === undefined) throw new Error(`Not found: Job ${jobId}`);
      if (job.pending > 0) {
        job.pending--;
        return { jobComplete: false, jobReference: { jobId } };
      }
      return page(jobId, Number(optionalArgs.pageToken ?? 0));
    },
  };
  // Load jobs: RUNNING when inserted, DONE on the first Jobs.get (so the caller polls).
  const loads = new Map<string, GoogleAppsScript.BigQuery.Schema.Job>();
  const running = new Map<string, number>();
  Object.assign(Jobs, {
    insert(
      resource: GoogleAppsScript.BigQuery.Schema.Job,
      projectId: string,
      mediaData?: GoogleAppsScript.Base.Blob,
    ): GoogleAppsScript.BigQuery.Schema.Job {
      control.calls.insert++;
      const load = resource.configuration?.load;
      if (!load || mediaData === undefined)
        throw new Error('fake BigQuery: only load jobs with media');
      if (load.writeDisposition === 'WRITE_TRUNCATE') {
        const t = load.destinationTable;
        const text = mediaData.getDataAsString();
        control.loads.push({
          table: `${t?.projectId}.${t?.datasetId}.${t?.tableId}`,
          csv: text,
          schema: load.schema?.fields ?? [],
        });
        const refused = control.failNextLoad;
        control.failNextLoad = null;
        const error = refused ?? store.loadCsv(load, text);
        const jobId = `load_${loads.size + 1}`;
        loads.set(jobId, {
          jobReference: { jobId, projectId, location: 'US' },
          status:
            error === null
              ? { state: 'DONE' }
              : { state: 'DONE', errorResult: { reason: 'invalid', message: error } },
        });
        running.set(jobId, control.runningPolls);
        return { jobReference: { jobId, projectId, location: 'US' }, status: { state: 'RUNNING' } };
      }
      if (load.writeDisposition !== 'WRITE_EMPTY' || load.sourceFormat !== 'CSV')
        throw new Error('fake BigQuery: CSV loads with WRITE_EMPTY only');
      const t = load.destinationTable;
      const table = `${t?.projectId}.${t?.datasetId}.${t?.tableId}`;
      control.loads.push({
        table,
        csv: mediaData.getDataAsString(),
        schema: load.schema?.fields ?? [],
      });
      const reply = call({ op: 'loadEmpty', table, text: mediaData.getDataAsString() });
      if (!reply.duplicate)
        register(
          table,
          (load.schema?.fields ?? []).map((f) => f.name as string),
        );
      const jobId = `load_${loads.size + 1}`;
      running.set(jobId, control.runningPolls);
      loads.set(jobId, {
        jobReference: { jobId, projectId, location: 'US' },
        status: reply.duplicate
          ? {
              state: 'DONE',
              errorResult: {
                reason: 'duplicate',
                message: `Already Exists: Table ${table} is not empty (WRITE_EMPTY)`,
              },
            }
          : { state: 'DONE' },
      });
      return { jobReference: { jobId, projectId, location: 'US' }, status: { state: 'RUNNING' } };
    },
    get(_projectId: string, jobId: string): GoogleAppsScript.BigQuery.Schema.Job {
      control.calls.get++;
      const job = loads.get(jobId);
      if (job === undefined) throw new Error(`Not found: Job ${jobId}`);
      const left = running.get(jobId) ?? 0;
      if (left > 0) {
        running.set(jobId, left - 1);
        return { jobReference: job.jobReference, status: { state: 'RUNNING' } };
      }
      return job;
    },
  });
  const Tables = {
    get(project: string, dataset: string, table: string): GoogleAppsScript.BigQuery.Schema.Table {
      control.calls.tablesGet++;
      return store.get(project, dataset, table);
    },
    insert(
      resource: GoogleAppsScript.BigQuery.Schema.Table,
      project: string,
      dataset: string,
    ): GoogleAppsScript.BigQuery.Schema.Table {
      control.calls.tablesInsert++;
      return store.insert(resource, project, dataset);
    },
  };
  const service = {
    Jobs,
    Tables,
    newQueryRequest: () => ({}),
  } as unknown as GoogleAppsScript.BigQuery;
  return { service, control };
}
