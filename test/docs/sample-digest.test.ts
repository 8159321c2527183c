/**
 * The sample digests in docs/reminders.md and docs/reminders.zh-CN.md are real renderer output:
 * this test parses a small fixed workbook, plans the digests with `planDigests` and renders
 * Ann's with `renderDigest`, in English and in Chinese, and checks that each docs file holds that
 * exact text in the fenced block after its `<!-- sample-digest:LOCALE -->` marker. When the
 * renderer or the rules change, the failure message prints the new block to paste.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIsoDay, type Day } from '../../src/core/calendar/day';
import { computeMetrics } from '../../src/core/engine/compute';
import type { Locale } from '../../src/core/i18n/locale';
import { parseWorkbook, type WorkbookGrids } from '../../src/core/parse/workbook';
import { planDigests } from '../../src/core/reminders/plan';
import { catalogue } from '../../src/core/i18n/catalogue';
import { renderDigest } from '../../src/core/reminders/render';
import { columnDef, sheetDef } from '../../src/core/schema/sheets';
import { pick } from '../../src/core/i18n/locale';

const TODAY = day('2026-11-23');
const SHEET_URL = 'https://docs.google.com/spreadsheets/d/SAMPLE/edit';
const GIDS = { accounts: 0, actions: 4, contacts: 1, plans: 5, opportunities: 6 } as const;

function day(iso: string): Day {
  const d = parseIsoDay(iso);
  if (d === null) throw new Error(`bad date ${iso}`);
  return d;
}

/** Dates are typed as text, the way a user may type them; the parser reads them as dates. */
const GRIDS: WorkbookGrids = {
  accounts: {
    name: 'Accounts',
    values: [
      ['account_id', 'account_name', 'owner_email', 'tier', 'status'],
      ['K-001', 'Acme Trading', 'ann@example.com', 'Strategic', 'Active'],
      ['K-002', '华东钢铁 Huadong Steel', 'ann@example.com', 'Key', 'Active'],
      ['K-003', 'Delta Pharma', 'ann@example.com', 'Potential', 'Prospect'],
      ['K-004', 'Bright Future Ltd', 'bob@example.com', 'Strategic', 'Active'],
    ],
  },
  transactions: {
    name: 'Transactions',
    values: [
      ['date', 'account_id', 'amount'],
      ['2026-06-15', 'K-001', 300000],
      ['2026-10-20', 'K-001', 300000],
      ['2026-10-25', 'K-002', 150000],
      ['2026-11-20', 'K-004', 1000000],
    ],
  },
  actions: {
    name: 'Action Plan',
    values: [
      ['task', 'account_id', 'owner_email', 'due_date', 'status'],
      ['Send renewal quote', 'K-001', null, '2026-11-20', 'In progress'],
      ['Prepare QBR deck', 'K-002', null, '2026-11-26', 'Not started'],
    ],
  },
  contacts: {
    name: 'Contacts',
    values: [
      ['account_id', 'name', 'role', 'birthday'],
      ['K-001', 'Li Na', 'Decision maker', '11-25'],
    ],
  },
  plans: {
    name: 'Account Plans',
    values: [
      ['account_id', 'period', 'next_review_date'],
      ['K-002', '2026-Q4', '2026-11-21'],
    ],
  },
  settings: {
    name: 'Settings',
    values: [
      ['setting', 'value', 'description'],
      ['escalation_cc', 'manager@example.com', null],
    ],
  },
};

/** Subject line, a blank line, then the plain-text part: what the docs show. */
function sampleDigest(locale: Locale): string {
  const parsed = parseWorkbook(GRIDS, TODAY);
  expect(parsed.issues).toEqual([]);
  const metrics = computeMetrics(parsed.model, TODAY);
  const link = (gid: number) => (row: number) => `${SHEET_URL}#gid=${gid}&range=A${row}`;
  const digests = planDigests({
    model: parsed.model,
    metrics,
    today: TODAY,
    locale,
    sheetLinks: {
      accounts: link(GIDS.accounts),
      actions: link(GIDS.actions),
      contacts: link(GIDS.contacts),
      plans: link(GIDS.plans),
      opportunities: link(GIDS.opportunities),
    },
  });
  const ann = digests.find((d) => d.owner === 'ann@example.com');
  if (!ann) throw new Error('the fixture must give ann@example.com a digest');
  const rendered = renderDigest(ann, {
    locale,
    today: TODAY,
    senderName: parsed.model.settings.reminderSenderName,
    spreadsheetName: 'Key Accounts',
    spreadsheetUrl: SHEET_URL,
  });
  return `Subject: ${rendered.subject}\n\n${rendered.text}`.replace(/\s+$/, '');
}

/** The note that ends a long digest's first section, for 212 accounts left out. */
function sampleMore(locale: Locale): string {
  return catalogue(locale).email.more(
    212,
    'stale',
    pick(sheetDef('accounts'), locale),
    pick(columnDef('accounts', 'owner_email'), locale),
  );
}

/** The fenced block that follows `<!-- NAME:LOCALE -->`, or null. */
function fencedBlock(markdown: string, locale: Locale, name = 'sample-digest'): string | null {
  const marker = `<!-- ${name}:${locale} -->`;
  const at = markdown.indexOf(marker);
  if (at === -1) return null;
  const m = /```[a-z]*\n([\s\S]*?)\n```/.exec(markdown.slice(at + marker.length));
  return m ? m[1].replace(/\s+$/, '') : null;
}

const DOCS = ['docs/reminders.md', 'docs/reminders.zh-CN.md'];
const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

describe('sample digests in the reminders docs', () => {
  for (const file of DOCS) {
    for (const locale of LOCALES) {
      test(`${file} shows the real ${locale} digest`, () => {
        const markdown = readFileSync(join(__dirname, '..', '..', file), 'utf8');
        const expected = sampleDigest(locale);
        const block = fencedBlock(markdown, locale);
        if (block !== expected) {
          throw new Error(
            `${file}: the block after <!-- sample-digest:${locale} --> must be:\n\n\`\`\`text\n${expected}\n\`\`\`\n`,
          );
        }
      });
    }
  }

  for (const file of DOCS) {
    const locale: Locale = file.endsWith('zh-CN.md') ? 'zh-CN' : 'en';
    test(`${file} quotes the real note of a long digest`, () => {
      const markdown = readFileSync(join(__dirname, '..', '..', file), 'utf8');
      expect(fencedBlock(markdown, locale, 'sample-more')).toBe(sampleMore(locale));
    });
  }

  test('the fixture covers all four sections, an escalation and both kinds of stale', () => {
    const text = sampleDigest('en');
    for (const heading of [
      'Accounts to follow up',
      'Actions due',
      'Contact birthdays',
      'Plan reviews',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('over twice the limit');
    expect(text).toContain('no activity recorded');
    expect(text).toContain('due soon:');
  });
});
