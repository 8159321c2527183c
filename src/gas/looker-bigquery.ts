import type { Bilingual } from '../core/i18n/locale';
import type { DataIssue, IssueCode, Severity } from '../core/issues/issue';
import type { LookerWarehouse, WarehouseInput, WarehouseResult } from '../core/ports/warehouse';
import {
  historyPartition,
  isOurTable,
  lookerLabels,
  LOOKER_TABLE_SCHEMA,
  lookerCsv,
  MAX_LOAD_BYTES,
  PARTITION_FIELD,
  workbookLabel,
} from '../core/sql/looker-tables';
import { utf8Bytes } from '../core/text/bytes';
import { blankSetting, installedBigQuery } from './bigquery';

type Service = GoogleAppsScript.BigQuery;
type Table = GoogleAppsScript.BigQuery.Schema.Table;
type Job = GoogleAppsScript.BigQuery.Schema.Job;

/** The longest the refresh waits for the load jobs (they finish on their own after it). */
const MAX_WAIT_MS = 120_000;
/** How often the refresh asks BigQuery whether the loads are done. */
const POLL_MS = 1000;
/** Time kept after the wait for data_issues, the last write of the refresh. */
const RESERVE_MS = 30_000;

interface Target {
  readonly key: 'summary' | 'history';
  readonly setting: 'bigquery_summary_table' | 'bigquery_history_table';
  readonly table: string;
}

const TABLE_NAME: Record<Target['key'], Bilingual> = {
  summary: { en: 'summary', zh: '摘要' },
  history: { en: 'history', zh: '历史快照' },
};

const PRESERVE_CONTROL = {
  preserveAsciiControlCharacters: true,
} as GoogleAppsScript.BigQuery.Schema.JobConfigurationLoad;

const schema = (): GoogleAppsScript.BigQuery.Schema.TableSchema => ({
  fields: LOOKER_TABLE_SCHEMA.map((f) => ({ ...f })),
});

const notFound = (e: unknown): boolean => /not ?found/i.test((e as Error).message ?? '');

/**
 * The Looker tables in BigQuery (docs/outgrow.md), for Sheets whose Settings name them:
 * `bigquery_summary_table` is replaced whole by each refresh, `bigquery_history_table` is
 * partitioned by day on snapshot_date and gets today's partition replaced, so a second refresh
 * on one day does not double it, and keeps every day (no partition expiration).
 * Each table is one load job (CSV with a header of the keys, typed schema), which BigQuery applies
 * whole or not at all. A table of the same name that the script did not write is left alone.
 * Problems come back as data issues: the sheets are already written and stay so.
 */
export interface WarehouseOptions {
  /** The advanced service; undefined in a build without it. */
  readonly service?: Service;
  readonly sleep?: (ms: number) => void;
  readonly now?: () => number;
  /** The largest CSV sent in one load (MAX_LOAD_BYTES). */
  readonly maxBytes?: number;
  /** The spreadsheet's ID, asked only when a table is written (one service call). */
  readonly workbookId?: () => string;
}

export class BigQueryLookerWarehouse implements LookerWarehouse {
  private readonly service: Service | undefined;
  private readonly sleep: (ms: number) => void;
  private readonly now: () => number;
  private readonly maxBytes: number;
  private readonly workbookId: () => string;

  constructor(options: WarehouseOptions = {}) {
    this.service = 'service' in options ? options.service : installedBigQuery();
    this.sleep = options.sleep ?? ((ms) => Utilities.sleep(ms));
    this.now = options.now ?? (() => Date.now());
    this.maxBytes = options.maxBytes ?? MAX_LOAD_BYTES;
    this.workbookId = options.workbookId ?? (() => SpreadsheetApp.getActive().getId());
  }

  write(input: WarehouseInput): WarehouseResult {
    const { project, dataset, summaryTable, historyTable } = input.settings.bigQuery;
    const targets: Target[] = [];
    if (summaryTable !== '')
      targets.push({ key: 'summary', setting: 'bigquery_summary_table', table: summaryTable });
    if (historyTable !== '')
      targets.push({ key: 'history', setting: 'bigquery_history_table', table: historyTable });
    if (targets.length === 0) return { written: [], issues: [] };

    const full = (t: string): string => `${project}.${dataset}.${t}`;
    const issues: DataIssue[] = [];
    const issue = (
      t: Target,
      code: IssueCode,
      params: Record<string, string | Bilingual>,
      severity: Severity = 'error',
    ): void => {
      issues.push({
        sheet: 'BigQuery',
        row: null,
        column: t.setting,
        value: full(t.table),
        code,
        params: { table: full(t.table), setting: t.setting, ...params },
        severity,
      });
    };
    // The summary is replaced whole every day: the history cannot share its table.
    if (targets.length === 2 && summaryTable === historyTable) {
      issue(targets[1], 'bigquery_tables_same', {});
      targets.pop();
    }
    const bq = this.service;
    if (bq === undefined) {
      for (const t of targets) issue(t, 'bigquery_output_off', {});
      return { written: [], issues };
    }
    const blank = blankSetting(project, dataset);
    if (blank !== null) {
      for (const t of targets) issue(t, 'bigquery_output_settings', { missing: blank });
      return { written: [], issues };
    }

    const csv = lookerCsv(input.rows);
    const bytes = utf8Bytes(csv);
    if (bytes > this.maxBytes) {
      const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
      for (const t of targets)
        issue(t, 'bigquery_output_too_big', { mb: mb(bytes), max: mb(this.maxBytes) });
      return { written: [], issues };
    }
    const started: { t: Target; job: Job }[] = [];
    let workbook: string | undefined;
    for (const t of targets) {
      let existing: Table | null;
      try {
        existing = bq.Tables.get(project, dataset, t.table);
      } catch (e) {
        if (!notFound(e)) {
          issue(t, 'bigquery_output_failed', { message: (e as Error).message });
          continue;
        }
        existing = null;
      }
      workbook ??= workbookLabel(this.workbookId());
      if (
        existing !== null &&
        !isOurTable(existing.labels as Record<string, string> | undefined, t.key, workbook)
      ) {
        issue(t, 'bigquery_table_not_ours', { key: TABLE_NAME[t.key] });
        continue;
      }
      const p = existing?.timePartitioning;
      if (
        t.key === 'history' &&
        existing !== null &&
        (p?.field !== PARTITION_FIELD || (p?.type ?? 'DAY') !== 'DAY')
      ) {
        issue(t, 'bigquery_history_unpartitioned', { field: PARTITION_FIELD });
        continue;
      }
      try {
        started.push({
          t,
          job: this.load(bq, project, dataset, t, existing === null, csv, input, workbook),
        });
      } catch (e) {
        issue(t, 'bigquery_output_failed', { message: (e as Error).message });
      }
    }

    // Wait for the jobs, within the refresh's budget; a job still running then finishes alone.
    // Rounds are counted as well as the clock read, so the wait ends even where time stands still.
    const waitMs = Math.min(MAX_WAIT_MS, Math.max(0, input.remainingMs - RESERVE_MS));
    const deadline = this.now() + waitMs;
    let rounds = Math.floor(waitMs / POLL_MS);
    const written: string[] = [];
    let pending = started;
    for (;;) {
      const next: typeof pending = [];
      for (const s of pending) {
        const status = s.job.status;
        if (status?.state !== 'DONE') next.push(s);
        else if (status.errorResult)
          issue(s.t, 'bigquery_output_failed', {
            message: status.errorResult.message ?? status.errorResult.reason ?? 'error',
          });
        else written.push(full(s.t.table));
      }
      pending = next;
      if (pending.length === 0 || rounds-- <= 0 || this.now() >= deadline) break;
      this.sleep(POLL_MS);
      pending = pending.map((s) => {
        const ref = s.job.jobReference;
        try {
          return {
            t: s.t,
            job: bq.Jobs.get(
              project,
              ref?.jobId as string,
              ref?.location ? { location: ref.location } : {},
            ),
          };
        } catch {
          return s; // asked again next round; a job still unknown at the end is "pending"
        }
      });
    }
    for (const s of pending)
      issue(s.t, 'bigquery_output_pending', { job: s.job.jobReference?.jobId ?? '' }, 'warning');
    return { written, issues };
  }

  /**
   * Starts one load job. A table that is not there yet is made first, with the labels that say
   * whose it is (and history partitioned by day on snapshot_date); then the load replaces the
   * summary whole, or today's partition of the history.
   */
  private load(
    bq: Service,
    project: string,
    dataset: string,
    t: Target,
    missing: boolean,
    csv: string,
    input: WarehouseInput,
    workbook: string,
  ): Job {
    if (missing)
      bq.Tables.insert(
        {
          tableReference: { projectId: project, datasetId: dataset, tableId: t.table },
          schema: schema(),
          labels: lookerLabels(t.key, workbook),
          description: `kam-sheets: ${t.key === 'summary' ? 'the account summary of the last refresh' : 'daily snapshots of the account summary'} (docs/looker.md)`,
          // No expiration: BigQuery keeps every day (history_retention_days sizes the sheet,
          // which has a cell limit; a team may set one on the table in the console).
          ...(t.key === 'history'
            ? { timePartitioning: { type: 'DAY', field: PARTITION_FIELD } }
            : {}),
        },
        project,
        dataset,
      );
    const history = t.key === 'history';
    return bq.Jobs.insert(
      {
        configuration: {
          load: {
            destinationTable: {
              projectId: project,
              datasetId: dataset,
              // Today's partition only: replaced whole, the other days untouched.
              tableId: history ? historyPartition(t.table, input.today) : t.table,
            },
            sourceFormat: 'CSV',
            skipLeadingRows: 1,
            allowQuotedNewlines: true,
            createDisposition: 'CREATE_NEVER',
            writeDisposition: 'WRITE_TRUNCATE',
            schema: schema(),
            ...(history ? { schemaUpdateOptions: ['ALLOW_FIELD_ADDITION'] } : {}),
            // A control character typed into a name stays in it instead of failing the load (a
            // field of the REST API the typings do not list yet).
            ...PRESERVE_CONTROL,
          },
        },
      },
      project,
      Utilities.newBlob(csv, 'application/octet-stream'),
    );
  }
}
