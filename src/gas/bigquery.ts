import { formatDay, type Day } from '../core/calendar/day';
import { UserFacingError } from '../core/jobs/errors';
import type { ExternalTransactions } from '../core/jobs/read';
import type { Locale } from '../core/i18n/locale';
import { message } from '../core/i18n/messages';
import type { KamModel } from '../core/model/records';
import { sheetDef } from '../core/schema/sheets';
import type { Settings } from '../core/settings/model';
import { bigQueryDialect, bigQueryTable, TableNameError } from '../core/sql/dialect';
import { INTERACTION_KEYS, interactionsQuery } from '../core/sql/interactions';
import type { Grid } from '../core/values/cell';
import { factsFromResults, sqlInputs, type Columns, type SqlInputs } from '../core/sql/results';
import { transactionQueries, type TransactionQueries } from '../core/sql/transactions';

type Service = GoogleAppsScript.BigQuery;
type Parameter = GoogleAppsScript.BigQuery.Schema.QueryParameter;
type Response =
  | GoogleAppsScript.BigQuery.Schema.QueryResponse
  | GoogleAppsScript.BigQuery.Schema.GetQueryResultsResponse;

/** How long one call waits for a query before it asks again (Jobs.query's own default is 10 s). */
const WAIT_MS = 30_000;

const scalar = (name: string, type: string, value: string): Parameter => ({
  name,
  parameterType: { type },
  parameterValue: { value },
});

/**
 * The query parameters of the definition (core/sql/transactions.ts), named and typed: dates as
 * DATE, the home currency as STRING, the accounts and the rates as arrays of structs that the
 * SQL reads with UNNEST. No value is ever part of the SQL text.
 */
export function bigQueryParameters(inputs: SqlInputs): Parameter[] {
  const { params } = inputs;
  const dates = (
    ['today', 'win_start', 'prev_start', 'prev_end', 'last90_start', 'prev90_start'] as const
  ).map((k) => scalar(k, 'DATE', formatDay(params[k])));
  // No plan: a first day after today, so nothing counts (the SQL adds only d >= period_first).
  const noPlan = formatDay(params.today + 1);
  return [
    ...dates,
    scalar('home', 'STRING', params.home),
    {
      name: 'accounts',
      parameterType: {
        type: 'ARRAY',
        arrayType: {
          type: 'STRUCT',
          structTypes: [
            { name: 'account_id', type: { type: 'STRING' } },
            { name: 'idx', type: { type: 'INT64' } },
            { name: 'period_first', type: { type: 'DATE' } },
          ],
        },
      },
      parameterValue: {
        arrayValues: inputs.accounts.map((a) => ({
          structValues: {
            account_id: { value: a.account_id },
            idx: { value: String(a.idx) },
            period_first: { value: a.period_first === null ? noPlan : formatDay(a.period_first) },
          },
        })),
      },
    },
    {
      name: 'rates',
      parameterType: {
        type: 'ARRAY',
        arrayType: {
          type: 'STRUCT',
          structTypes: [
            { name: 'currency', type: { type: 'STRING' } },
            { name: 'rate', type: { type: 'FLOAT64' } },
          ],
        },
      },
      parameterValue: {
        arrayValues: inputs.rates.map((r) => ({
          structValues: { currency: { value: r.currency }, rate: { value: String(r.rate) } },
        })),
      },
    },
  ];
}

/** Rows of a response page, by column (values as BigQuery sends them: text, or null). */
function addRows(into: Record<string, unknown[]>, res: Response): void {
  const fields = res.schema?.fields ?? [];
  for (const f of fields) into[f.name as string] ??= [];
  for (const row of res.rows ?? [])
    (row.f ?? []).forEach((cell, i) => into[fields[i].name as string].push(cell.v ?? null));
}

/**
 * One query, standard SQL with named parameters, every page of its result: Jobs.query starts it
 * and waits up to WAIT_MS; getQueryResults waits on and pages through the rest.
 */
/**
 * How long one job waits on BigQuery, over all its queries: past it the job stops before it
 * writes anything (Apps Script would end it at 6 minutes wherever it is). A query's polls are
 * counted as well as the clock read (each waits up to WAIT_MS on Google's side), so the wait
 * ends even where the clock does not move.
 */
const QUERY_BUDGET_MS = 240_000;
const MAX_POLLS = Math.floor(QUERY_BUDGET_MS / WAIT_MS);

/** Thrown when the queries of one job outlast QUERY_BUDGET_MS. */
class SlowQueryError extends Error {}

/** When the queries of one job must have answered (shared by its queries). */
export interface QueryWait {
  readonly deadline: number;
}

export const newWait = (): QueryWait => ({ deadline: Date.now() + QUERY_BUDGET_MS });

function runQuery(
  bq: Service,
  project: string,
  sql: string,
  parameters: Parameter[],
  wait: QueryWait,
): Columns {
  let res: Response = bq.Jobs.query(
    {
      query: sql,
      useLegacySql: false,
      parameterMode: 'NAMED',
      queryParameters: parameters.filter((p) => sql.includes(`@${p.name}`)),
      timeoutMs: WAIT_MS,
    },
    project,
  );
  const job = res.jobReference;
  const more = (extra: object): Response =>
    bq.Jobs.getQueryResults(project, job?.jobId as string, {
      timeoutMs: WAIT_MS,
      ...(job?.location ? { location: job.location } : {}),
      ...extra,
    });
  for (let polls = 0; !res.jobComplete; polls++) {
    if (polls >= MAX_POLLS || Date.now() > wait.deadline) throw new SlowQueryError();
    res = more({});
  }
  const columns: Record<string, unknown[]> = {};
  addRows(columns, res);
  while (res.pageToken) {
    res = more({ pageToken: res.pageToken });
    addRows(columns, res);
  }
  return columns;
}

/**
 * The table Settings name, checked: the service is deployed, project and dataset are filled in,
 * every name is a BigQuery name. Each problem is a message naming what to fix.
 */
export function bigQueryTarget(
  model: KamModel,
  locale: Locale,
  service: Service | undefined,
): { project: string; dataset: string; transactionsTable: string; queries: TransactionQueries } {
  if (service === undefined) throw new UserFacingError(message('bigquery_off', locale));
  const { project, dataset, transactionsTable } = model.settings.bigQuery;
  const setting = blankSetting(project, dataset);
  if (setting !== null)
    throw new UserFacingError(message('bigquery_settings', locale, { setting }));
  try {
    const queries = transactionQueries(bigQueryDialect(project, dataset, transactionsTable));
    return { project, dataset, transactionsTable, queries };
  } catch (e) {
    throw nameError(e, locale);
  }
}

/**
 * The interactions table has every column of the Interactions sheet (an empty one is fine), and
 * a `date` the sheet's parsing reads: DATE, or text. A TIMESTAMP or DATETIME would make every row
 * "not a date" (and every account look stale), so it is refused with the way round it.
 */
function checkInteractionsTable(
  table: GoogleAppsScript.BigQuery.Schema.Table,
  name: string,
  locale: Locale,
): void {
  const fields = new Map((table.schema?.fields ?? []).map((f) => [f.name as string, f.type]));
  const missing = INTERACTION_KEYS.filter((k) => !fields.has(k));
  if (missing.length > 0)
    throw new UserFacingError(
      message('bigquery_interactions_columns', locale, {
        table: name,
        columns: missing.join(', '),
      }),
    );
  const type = fields.get('date') ?? '';
  if (type !== 'DATE' && type !== 'STRING')
    throw new UserFacingError(message('bigquery_interactions_date', locale, { table: name, type }));
}

/** A failed query as the message that says what happened and what to do. */
function queryError(e: unknown, table: string, locale: Locale): UserFacingError {
  if (e instanceof UserFacingError) return e;
  return new UserFacingError(
    e instanceof SlowQueryError
      ? message('bigquery_slow', locale, { table, minutes: QUERY_BUDGET_MS / 60_000 })
      : message('bigquery_failed', locale, { table, message: (e as Error).message }),
  );
}

/** The first of the two settings every BigQuery table needs that is blank, or null. */
export function blankSetting(
  project: string,
  dataset: string,
): 'bigquery_project' | 'bigquery_dataset' | null {
  return project === '' ? 'bigquery_project' : dataset === '' ? 'bigquery_dataset' : null;
}

/** The installed advanced service, or undefined in a build without it. */
export const installedBigQuery = (): Service | undefined =>
  typeof BigQuery === 'undefined' ? undefined : BigQuery;

/**
 * The transaction facts of the BigQuery table Settings name (docs/outgrow.md), for Sheets with
 * `data_source` = bigquery: the BigQuery rendering of the SQL definition, six queries, then the
 * same core code as every other source. Messages say which setting to fix.
 */
export function bigQueryTransactions(
  model: KamModel,
  today: Day,
  locale: Locale,
  service: Service | undefined = installedBigQuery(),
  wait: QueryWait = newWait(),
): ExternalTransactions {
  const { project, dataset, transactionsTable, queries } = bigQueryTarget(model, locale, service);
  const parameters = bigQueryParameters(sqlInputs(model, today));
  const table = `${project}.${dataset}.${transactionsTable}`;
  const bq = service as Service;
  const run = (sql: string): Columns => {
    try {
      return runQuery(bq, project, sql, parameters, wait);
    } catch (e) {
      throw queryError(e, table, locale);
    }
  };
  return factsFromResults(
    model.accounts.length,
    {
      issues: run(queries.issues),
      accounts: run(queries.accounts),
      positiveDays: run(queries.positiveDays),
      products: run(queries.products),
      months: run(queries.months),
      productMonths: run(queries.productMonths),
    },
    table,
  );
}

/** A table name refused by BigQuery's naming rules, as the message that names the setting. */
function nameError(e: unknown, locale: Locale): unknown {
  return e instanceof TableNameError
    ? new UserFacingError(message('bigquery_name', locale, { setting: e.setting, value: e.value }))
    : e;
}

/**
 * The interactions of the BigQuery table Settings name in `bigquery_interactions_table`
 * (docs/outgrow.md), as a grid under the Interactions sheet's English headers, for the same
 * parsing as the sheet; undefined when the setting is blank (the sheet is read). One query, no
 * parameter (it holds no value), every page.
 */
export function bigQueryInteractions(
  settings: Settings,
  locale: Locale,
  service: Service | undefined = installedBigQuery(),
  wait: QueryWait = newWait(),
): { name: string; values: Grid } | undefined {
  const { project, dataset, interactionsTable } = settings.bigQuery;
  if (interactionsTable === '') return undefined;
  if (service === undefined)
    throw new UserFacingError(message('bigquery_interactions_off', locale));
  const setting = blankSetting(project, dataset);
  if (setting !== null)
    throw new UserFacingError(message('bigquery_interactions_settings', locale, { setting }));
  let relation: string;
  try {
    relation = bigQueryTable(project, dataset, interactionsTable, 'bigquery_interactions_table');
  } catch (e) {
    throw nameError(e, locale);
  }
  const name = `${project}.${dataset}.${interactionsTable}`;
  let columns: Columns;
  try {
    checkInteractionsTable(service.Tables.get(project, dataset, interactionsTable), name, locale);
    columns = runQuery(service, project, interactionsQuery('bigquery', relation), [], wait);
  } catch (e) {
    throw queryError(e, name, locale);
  }
  const values: Grid = [sheetDef('interactions').columns.map((c) => c.en)];
  const count = columns[INTERACTION_KEYS[0]]?.length ?? 0;
  for (let r = 0; r < count; r++)
    values.push(
      INTERACTION_KEYS.map((k) => (columns[k]?.[r] as string | null | undefined) ?? null),
    );
  return { name, values };
}
