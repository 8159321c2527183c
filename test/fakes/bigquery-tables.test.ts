/**
 * The fake's rules for CSV loads, as BigQuery documents them (load-data-partitioned-tables,
 * loading CSV data): whole or nothing, types checked, the decorator's day matches the rows.
 */
import { FakeBigQueryTables } from './bigquery-tables';

type Load = GoogleAppsScript.BigQuery.Schema.JobConfigurationLoad;
type Field = { name: string; type: string; mode: string };
const fields: Field[] = [
  { name: 'snapshot_date', type: 'DATE', mode: 'NULLABLE' },
  { name: 'account_id', type: 'STRING', mode: 'NULLABLE' },
  { name: 'n', type: 'INT64', mode: 'NULLABLE' },
];
const load = (tableId: string, extra: Partial<Load> = {}): Load => ({
  destinationTable: { projectId: 'p-12345', datasetId: 'd', tableId },
  sourceFormat: 'CSV',
  skipLeadingRows: 1,
  allowQuotedNewlines: true,
  createDisposition: 'CREATE_IF_NEEDED',
  writeDisposition: 'WRITE_TRUNCATE',
  schema: { fields },
  ...extra,
});
/** A header and one row, in the order of `schema` (a missing value is an empty field). */
const line = (o: Record<string, unknown>, schema: Field[] = fields): string =>
  `${schema.map((f) => f.name).join(',')}\n${schema.map((f) => String(o[f.name] ?? '')).join(',')}\n`;
/** Table `h`, partitioned by day on snapshot_date. */
const partitioned = (t: FakeBigQueryTables): void => {
  t.insert(
    {
      tableReference: { tableId: 'h' },
      schema: { fields },
      timePartitioning: { type: 'DAY', field: 'snapshot_date' },
    },
    'p-12345',
    'd',
  );
};

describe('fake BigQuery tables', () => {
  it('creates a table with the schema and replaces it whole; fields are typed, empty is NULL', () => {
    const t = new FakeBigQueryTables();
    expect(
      t.loadCsv(load('s'), line({ snapshot_date: '2026-01-01', account_id: 'A', n: 1 })),
    ).toBeNull();
    expect(
      t.loadCsv(load('s'), line({ snapshot_date: '2026-01-02', account_id: '00B' })),
    ).toBeNull();
    expect(t.tables.get('p-12345.d.s')?.rows).toEqual([
      { snapshot_date: '2026-01-02', account_id: '00B', n: null },
    ]);
    const quoted = 'snapshot_date,account_id,n\n2026-01-03,"a, ""b""\nc",7\n';
    expect(t.loadCsv(load('s'), quoted)).toBeNull();
    expect(t.tables.get('p-12345.d.s')?.rows).toEqual([
      { snapshot_date: '2026-01-03', account_id: 'a, "b"\nc', n: 7 },
    ]);
  });

  it('refuses a value of the wrong type, a row of another width or an unexpected line break, and changes nothing', () => {
    const t = new FakeBigQueryTables();
    t.loadCsv(load('s'), line({ snapshot_date: '2026-01-01', account_id: 'A', n: 1 }));
    const before = structuredClone(t.tables.get('p-12345.d.s'));
    expect(t.loadCsv(load('s'), line({ snapshot_date: '2026-02-30', account_id: 'A' }))).toMatch(
      /as date for field snapshot_date/,
    );
    expect(t.loadCsv(load('s'), line({ snapshot_date: '2026-01-01', n: 1.5 }))).toMatch(
      /as int64 for field n/,
    );
    expect(t.loadCsv(load('s'), 'h\n2026-01-01,A,1,extra\n')).toMatch(/has 4 fields/);
    expect(t.loadCsv(load('s'), 'h\n2026-01-01,A\n')).toMatch(/has 2 fields/);
    expect(
      t.loadCsv(load('s', { allowQuotedNewlines: false }), 'h\n2026-01-01,"A\nB",1\n'),
    ).toMatch(/close double quote/);
    expect(t.tables.get('p-12345.d.s')).toEqual(before);
  });

  it('a partition load needs a partitioned table and rows of the decorator’s day only', () => {
    const t = new FakeBigQueryTables();
    const row = line({ snapshot_date: '2026-01-01', account_id: 'A', n: 1 });
    expect(t.loadCsv(load('h$20260101'), row)).toMatch(/^Not found/);
    t.insert({ tableReference: { tableId: 'flat' }, schema: { fields } }, 'p-12345', 'd');
    expect(t.loadCsv(load('flat$20260101'), row)).toMatch(/Invalid partition decorator/);
    partitioned(t);
    expect(t.loadCsv(load('h$20260102'), row)).toMatch(/different partitions/);
    expect(t.loadCsv(load('h$20260101'), row)).toBeNull();
    expect(
      t.loadCsv(load('h$20260102'), line({ snapshot_date: '2026-01-02', account_id: 'B', n: 2 })),
    ).toBeNull();
    // The same day again replaces that day only.
    expect(
      t.loadCsv(load('h$20260101'), line({ snapshot_date: '2026-01-01', account_id: 'C', n: 3 })),
    ).toBeNull();
    expect(t.tables.get('p-12345.d.h')?.rows.map((r) => r.account_id)).toEqual(['B', 'C']);
  });

  it('adds a field to a partitioned table only with ALLOW_FIELD_ADDITION, and never changes a type', () => {
    const t = new FakeBigQueryTables();
    partitioned(t);
    const wider = [...fields, { name: 'more', type: 'STRING', mode: 'NULLABLE' }];
    const row = line({ snapshot_date: '2026-01-01', account_id: 'A', more: 'x' }, wider);
    expect(t.loadCsv(load('h$20260101', { schema: { fields: wider } }), row)).toMatch(
      /Cannot add fields/,
    );
    expect(
      t.loadCsv(
        load('h$20260101', {
          schema: { fields: wider },
          schemaUpdateOptions: ['ALLOW_FIELD_ADDITION'],
        }),
        row,
      ),
    ).toBeNull();
    expect(t.tables.get('p-12345.d.h')?.rows).toEqual([
      { snapshot_date: '2026-01-01', account_id: 'A', n: null, more: 'x' },
    ]);
    const retyped = [fields[0], { name: 'account_id', type: 'INT64', mode: 'NULLABLE' }];
    expect(
      t.loadCsv(
        load('h$20260101', { schema: { fields: retyped } }),
        line({ snapshot_date: '2026-01-01' }, retyped),
      ),
    ).toMatch(/changed type/);
  });
});
