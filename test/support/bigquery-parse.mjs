// Parses SQL texts with datafusion-sqlparser-rs's BigQuery dialect (@guanmingchiu/sqlparser-ts).
// Run as a child process: the package loads its WebAssembly with a dynamic import, which Jest's
// CommonJS sandbox does not allow. stdin: JSON array of SQL texts; stdout: JSON array of
// { ok, statements, error }.
import { init, parse } from '@guanmingchiu/sqlparser-ts';

let input = '';
for await (const chunk of process.stdin) input += chunk;
await init();
const results = JSON.parse(input).map((sql) => {
  try {
    return { ok: true, statements: parse(sql, 'bigquery').length, error: null };
  } catch (e) {
    return { ok: false, statements: 0, error: String(e?.message ?? e) };
  }
});
process.stdout.write(JSON.stringify(results));
