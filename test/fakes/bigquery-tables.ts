/**
 * Tables of the fake BigQuery that the refresh writes (the Looker summary and history), kept in
 * memory with their schema and partitioning: `Tables.get`, `Tables.insert`, and CSV load jobs with
 * WRITE_TRUNCATE into a table or one day's partition (`table$YYYYMMDD`).
 *
 * It enforces what BigQuery's documentation says such a load does, so the code under test cannot
 * rely on a leniency the real service lacks:
 * - a load is applied whole or not at all; a failed job leaves the table as it was;
 * - fields map to the job's schema by position; a row with more or fewer fields is an error; an
 *   empty field is NULL (the default null marker); a line break inside a quoted field needs
 *   `allowQuotedNewlines`; every value must fit its field's type (DATE `YYYY-MM-DD`, INT64
 *   whole, FLOAT64 numeric, BOOL true/false);
 * - a partition decorator needs an existing table partitioned on a column, and every row's
 *   partitioning value must be the decorator's day ("the partition ID specified in the decorator
 *   must match the data being written");
 * - into a partition, a schema with fields the table lacks needs ALLOW_FIELD_ADDITION (and only
 *   NULLABLE fields can be added); a field of another type is refused;
 * - WRITE_TRUNCATE of a whole table replaces its rows and its schema (its labels and partitioning
 *   stay: to be confirmed on a real project, docs/outgrow.md);
 * - an ASCII control character other than tab and line breaks fails the load unless
 *   `preserveAsciiControlCharacters` is set (BigQuery's "Bad character (ASCII 0) encountered");
 * - labels are lowercase keys and values of at most 63 characters.
 */
type Field = { name: string; type: string; mode?: string };
type Table = GoogleAppsScript.BigQuery.Schema.Table;
type Load = GoogleAppsScript.BigQuery.Schema.JobConfigurationLoad;

export interface FakeTable {
  fields: Field[];
  timePartitioning?: { type?: string; field?: string; expirationMs?: string };
  labels?: Record<string, string>;
  rows: Record<string, unknown>[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(v: unknown): boolean {
  const m = typeof v === 'string' ? DATE.exec(v) : null;
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

/** Does a CSV field fit a BigQuery field type? (Empty fields are NULL and never get here.) */
function fits(v: unknown, type: string): boolean {
  if (v === null) return true;
  switch (type) {
    case 'DATE':
      return validDate(v);
    case 'INT64':
    case 'INTEGER':
      return (
        (typeof v === 'number' && Number.isInteger(v)) ||
        (typeof v === 'string' && /^-?\d+$/.test(v))
      );
    case 'FLOAT64':
    case 'FLOAT':
    case 'NUMERIC':
      return (
        (typeof v === 'number' && Number.isFinite(v)) ||
        (typeof v === 'string' && v !== '' && Number.isFinite(Number(v)))
      );
    case 'BOOL':
    case 'BOOLEAN':
      return typeof v === 'boolean' || v === 'true' || v === 'false';
    default:
      return typeof v === 'string';
  }
}

/** RFC 4180 records: fields split on commas, quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): { fields: string[]; quotedNewline: boolean }[] {
  const records: { fields: string[]; quotedNewline: boolean }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let quotedNewline = false;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ fields, quotedNewline });
    fields = [];
    field = '';
    quotedNewline = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') quotedNewline = true;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n') endRecord();
    else if (c !== '\r') field += c;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** A CSV field as its type stores it (it fits: checked before). */
function typedValue(v: string, type: string): unknown {
  if (['INT64', 'INTEGER', 'FLOAT64', 'FLOAT', 'NUMERIC'].includes(type)) return Number(v);
  if (type === 'BOOL' || type === 'BOOLEAN') return v === 'true';
  return v;
}

export class FakeBigQueryTables {
  /** `project.dataset.table` → table. */
  readonly tables = new Map<string, FakeTable>();

  get(project: string, dataset: string, tableId: string): Table {
    const t = this.tables.get(`${project}.${dataset}.${tableId}`);
    if (t === undefined) throw new Error(`Not found: Table ${project}:${dataset}.${tableId}`);
    return {
      tableReference: { projectId: project, datasetId: dataset, tableId },
      schema: { fields: t.fields.map((f) => ({ ...f })) },
      ...(t.timePartitioning ? { timePartitioning: { ...t.timePartitioning } } : {}),
      ...(t.labels ? { labels: { ...t.labels } } : {}),
      numRows: String(t.rows.length),
    };
  }

  insert(resource: Table, project: string, dataset: string): Table {
    const id = resource.tableReference?.tableId as string;
    const name = `${project}.${dataset}.${id}`;
    if (this.tables.has(name)) throw new Error(`Already Exists: Table ${project}:${dataset}.${id}`);
    const fields = (resource.schema?.fields ?? []).map((f) => ({
      name: f.name as string,
      type: f.type as string,
      mode: f.mode ?? 'NULLABLE',
    }));
    const p = resource.timePartitioning;
    if (p?.field !== undefined && !fields.some((f) => f.name === p.field && f.type === 'DATE'))
      throw new Error(`The field specified for partitioning cannot be found in the schema`);
    const labels = resource.labels as Record<string, string> | undefined;
    for (const [k, v] of Object.entries(labels ?? {}))
      if (!/^[a-z][a-z0-9_-]{0,62}$/.test(k) || !/^[a-z0-9_-]{0,63}$/.test(v))
        throw new Error(`Invalid label ${k}: ${v}`);
    this.tables.set(name, {
      fields,
      ...(p ? { timePartitioning: { ...p } } : {}),
      ...(labels ? { labels: { ...labels } } : {}),
      rows: [],
    });
    return this.get(project, dataset, id);
  }

  /**
   * A CSV load job (WRITE_TRUNCATE): null when done, else BigQuery's error text. Nothing changes
   * on an error.
   */
  loadCsv(load: Load, text: string): string | null {
    const dest = load.destinationTable;
    const [tableId, decorator] = (dest?.tableId ?? '').split('$');
    const name = `${dest?.projectId}.${dest?.datasetId}.${tableId}`;
    const given: Field[] = (load.schema?.fields ?? []).map((f) => ({
      name: f.name as string,
      type: f.type as string,
      mode: f.mode ?? 'NULLABLE',
    }));
    if (load.writeDisposition !== 'WRITE_TRUNCATE')
      return 'fake BigQuery: CSV loads with WRITE_TRUNCATE only';
    const existing = this.tables.get(name);
    let fields = given;
    if (decorator !== undefined) {
      if (existing === undefined) return `Not found: Table ${name}`;
      const field = existing.timePartitioning?.field;
      if (field === undefined || !/^\d{8}$/.test(decorator))
        return `Invalid partition decorator ${decorator} for table ${name}`;
      const added = given.filter((g) => !existing.fields.some((f) => f.name === g.name));
      for (const g of given) {
        const had = existing.fields.find((f) => f.name === g.name);
        if (had !== undefined && had.type !== g.type)
          return `Provided Schema does not match Table ${name}. Field ${g.name} has changed type from ${had.type} to ${g.type}`;
      }
      if (added.length > 0 && !(load.schemaUpdateOptions ?? []).includes('ALLOW_FIELD_ADDITION'))
        return `Provided Schema does not match Table ${name}. Cannot add fields (field: ${added[0].name})`;
      if (added.some((g) => g.mode !== 'NULLABLE'))
        return `Provided Schema does not match Table ${name}. Cannot add required fields`;
      fields = [...existing.fields, ...added];
    } else if (existing === undefined && load.createDisposition !== 'CREATE_IF_NEEDED') {
      return `Not found: Table ${name}`;
    }
    if (fields.length === 0) return 'No schema specified on job or table.';

    const preserve = (load as { preserveAsciiControlCharacters?: boolean })
      .preserveAsciiControlCharacters;
    // eslint-disable-next-line no-control-regex
    const control = /[\x00-\x08\x0B\x0C\x0E-\x1F]/.exec(text);
    if (control !== null && preserve !== true)
      return `Error while reading data, error message: Bad character (ASCII ${control[0].charCodeAt(0)}) encountered.`;
    const rows: Record<string, unknown>[] = [];
    const records = parseCsv(text).slice(load.skipLeadingRows ?? 0);
    for (let i = 0; i < records.length; i++) {
      const { fields: values, quotedNewline } = records[i];
      if (quotedNewline && load.allowQuotedNewlines !== true)
        return `Error while reading data, error message: Error detected while parsing row starting at position ${i}. Error: Missing close double quote (") character.`;
      if (values.length !== given.length)
        return `Error while reading data, error message: CSV table encountered too many errors. Row ${i + 1} has ${values.length} fields; the schema has ${given.length}.`;
      const o: Record<string, unknown> = {};
      for (let k = 0; k < given.length; k++) {
        const v = values[k];
        const f = given[k];
        if (v === '') o[f.name] = null;
        else if (!fits(v, f.type))
          return `Error while reading data, error message: Could not parse '${v}' as ${f.type.toLowerCase()} for field ${f.name} (position ${k}) starting at location ${i}`;
        else o[f.name] = typedValue(v, f.type);
      }
      if (decorator !== undefined) {
        const key = existing?.timePartitioning?.field as string;
        const day = typeof o[key] === 'string' ? (o[key] as string).replace(/-/g, '') : null;
        if (day !== decorator)
          return `Some rows belong to different partitions rather than destination partition ${decorator}`;
      }
      rows.push(Object.fromEntries(fields.map((f) => [f.name, o[f.name] ?? null])));
    }

    if (decorator !== undefined) {
      const t = existing as FakeTable;
      const key = t.timePartitioning?.field as string;
      const kept = t.rows.filter((r) => String(r[key]).replace(/-/g, '') !== decorator);
      t.fields = fields;
      t.rows = [
        ...kept.map((r) => ({ ...Object.fromEntries(fields.map((f) => [f.name, null])), ...r })),
        ...rows,
      ];
    } else {
      // The table's own properties (partitioning, labels) stay; data and schema are replaced.
      this.tables.set(name, { ...existing, fields, rows });
    }
    return null;
  }
}
