import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACCOUNT_STATUSES,
  CHURN_RISKS,
  HEALTH_BANDS,
  OPPORTUNITY_STAGES,
  RFM_SEGMENTS,
  RISK_FLAGS,
  TIERS,
} from '../../../src/core/schema/enums';
import { SUMMARY_COLUMNS, sheetDef } from '../../../src/core/schema/sheets';

const DOCS = ['looker.md', 'looker.zh-CN.md'].map((f) => ({
  f,
  text: readFileSync(join(__dirname, '../../../docs', f), 'utf8'),
}));

/** Cells of every markdown table row, trimmed (tables may be padded by a formatter). */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

const TYPES = new Set(['Date', 'Text', 'Number', 'Boolean', '日期', '文本', '数字', '布尔值']);

/** The field rows of a doc's dictionary: | `key` | type | meaning |. */
function dictionaryKeys(text: string): string[] {
  return tableRows(text)
    .filter((r) => r.length === 3 && TYPES.has(r[1]) && /^`[a-z0-9_]+`$/.test(r[0]))
    .map((r) => r[0].slice(1, -1));
}

describe.each(DOCS)('docs/$f field dictionary', ({ text }) => {
  it('lists every summary/history column, then monthly, pipeline, groups and products, in sheet order', () => {
    const keys = dictionaryKeys(text);
    expect(keys).toEqual([
      ...SUMMARY_COLUMNS.map((c) => c.key),
      ...sheetDef('monthly').columns.map((c) => c.key),
      ...sheetDef('pipeline').columns.map((c) => c.key),
      ...sheetDef('groups').columns.map((c) => c.key),
      ...sheetDef('products').columns.map((c) => c.key),
    ]);
  });

  it('gives every code with both labels', () => {
    const rows = tableRows(text);
    const groups = {
      tier: TIERS,
      status: ACCOUNT_STATUSES,
      rfm_segment: RFM_SEGMENTS,
      churn_risk: CHURN_RISKS,
      health_band: HEALTH_BANDS,
      risk_flags: RISK_FLAGS,
      stage: OPPORTUNITY_STAGES,
    };
    for (const [field, options] of Object.entries(groups))
      for (const o of options)
        expect(rows).toContainEqual([`\`${field}\``, `\`${o.code}\``, o.en, o.zh]);
  });

  it('says how to connect Looker Studio: first row as headers, which sheet, data freshness', () => {
    expect(text).toMatch(/Use first row as headers|将第一行用作标题/);
    expect(text).toMatch(/Summary \/ 汇总|汇总 \/ Summary/);
    expect(text).toMatch(/Data freshness|数据新鲜度/);
  });
});
