import { UserFacingError } from '../core/jobs/errors';
import { readWorkbook } from '../core/jobs/read';
import { message } from '../core/i18n/messages';
import { TRANSACTION_SCHEMA, transactionsCsv } from '../core/sql/load';
import { bigQueryTarget, installedBigQuery } from './bigquery';
import { localeOf } from './locale';
import { runMenuJob } from './menu-job';

/** How long the job waits for BigQuery to finish a load, polling once a second. */
const LOAD_WAIT_MS = 240_000;

/**
 * Menu: Load to BigQuery / 导入 BigQuery (docs/outgrow.md). Sends the Transactions sheet to the
 * table Settings name, in one load job (CSV, the column keys as header, typed schema). The job
 * only writes into a table that is new or empty (`WRITE_EMPTY`): a second load, or a table that
 * already holds an ERP export, is refused by BigQuery and nothing is loaded. The sheet and the
 * settings are left as they are; the message says to set data_source once the rows are there.
 */
export function handleLoadToBigQuery(): void {
  runMenuJob((ctx) => {
    const locale = localeOf(ctx);
    const read = readWorkbook(ctx.store, ctx.clock.today(), ['transactions']);
    const service = installedBigQuery();
    const { project, dataset, transactionsTable } = bigQueryTarget(
      read.parsed.model,
      locale,
      service,
    );
    const sheet = read.names.get('transactions');
    const grid = sheet === undefined ? undefined : read.grids.transactions;
    if (sheet === undefined || grid === undefined)
      throw new UserFacingError(message('bigquery_no_sheet', locale));
    const { csv, rows, blanked } = transactionsCsv(grid, read.map);
    const table = `${project}.${dataset}.${transactionsTable}`;
    const fail = (why: string): never => {
      throw new UserFacingError(
        message('bigquery_load_failed', locale, { sheet, table, message: why }),
      );
    };
    const bq = service as GoogleAppsScript.BigQuery;
    ctx.notifier.progress(message('menu_load_bigquery', locale));
    let job: GoogleAppsScript.BigQuery.Schema.Job;
    try {
      job = bq.Jobs.insert(
        {
          configuration: {
            load: {
              destinationTable: {
                projectId: project,
                datasetId: dataset,
                tableId: transactionsTable,
              },
              sourceFormat: 'CSV',
              skipLeadingRows: 1,
              allowQuotedNewlines: true,
              createDisposition: 'CREATE_IF_NEEDED',
              writeDisposition: 'WRITE_EMPTY',
              schema: { fields: TRANSACTION_SCHEMA.map((f) => ({ ...f })) },
              // A control character in a cell stays in it instead of failing the load.
              ...({ preserveAsciiControlCharacters: true } as object),
            },
          },
        },
        project,
        Utilities.newBlob(csv, 'application/octet-stream'),
      );
    } catch (e) {
      return fail((e as Error).message);
    }
    const jobId = job.jobReference?.jobId as string;
    const location = job.jobReference?.location;
    const started = Date.now();
    // Rounds are counted as well as the clock read, so the wait ends even where time stands still.
    for (let round = 0; job.status?.state !== 'DONE'; round++) {
      if (round * 1000 >= LOAD_WAIT_MS || Date.now() - started > LOAD_WAIT_MS)
        throw new UserFacingError(
          message('bigquery_load_pending', locale, {
            sheet,
            table,
            job: jobId,
            minutes: LOAD_WAIT_MS / 60_000,
          }),
        );
      Utilities.sleep(1000);
      job = bq.Jobs.get(project, jobId, location ? { location } : {});
    }
    if (job.status?.errorResult) fail(job.status.errorResult.message ?? 'error');
    const done = message('bigquery_loaded', locale, { rows, sheet, table });
    ctx.notifier.done(
      blanked > 0
        ? `${done} ${message('bigquery_loaded_blanks', locale, { cells: blanked })}`
        : done,
    );
  });
}
