import { dayFromYmd, type Day } from '../../../src/core/calendar/day';
import { computeMetrics } from '../../../src/core/engine/compute';
import { parseWorkbook } from '../../../src/core/parse/workbook';
import { planManagerDigest } from '../../../src/core/reminders/manager';
import { renderManagerDigest } from '../../../src/core/reminders/manager-render';
import { planDigests } from '../../../src/core/reminders/plan';
import { renderDigest } from '../../../src/core/reminders/render';
import { LINKS } from './builders';

const TODAY: Day = dayFromYmd(2026, 11, 23);
const grids = {
  settings: {
    name: 'Settings',
    values: [
      ['setting', 'value'],
      ['allowed_recipient_domains', 'example.com'],
    ],
  },
  accounts: {
    name: 'Accounts',
    values: [
      ['Account ID', 'Account Name', 'Owner Email', 'Status'],
      ['A1', 'Acme', 'ann@example.com', 'Active'],
      ['A2', 'Gone', 'ann@example.com', 'Lost'],
    ],
  },
  opportunities: {
    name: 'Opportunities',
    values: [
      [
        'Opportunity ID',
        'Account ID',
        'Name',
        'Owner Email',
        'Stage',
        'Amount',
        'Stage Changed',
        'Expected Close',
      ],
      // Stalled: 31 days in Proposal (limit 30); to the account's owner.
      ['O1', 'A1', 'Big deal', '', 'Proposal', 100000, '2026-10-23', '2027-01-15'],
      // Exactly at the limit and closing later: not listed.
      ['O2', 'A1', 'On time', '', 'Proposal', 5000, '2026-10-24', '2026-12-20'],
      // Past its expected close, owned by Bob.
      ['O3', 'A1', '', 'bob@example.com', 'Negotiation', 20000, '2026-11-20', '2026-11-22'],
      // Won, Lost, and an exempt account's deal: never listed.
      ['O4', 'A1', 'Won one', '', 'Won', 1, '2026-01-01', '2026-01-01'],
      ['O5', 'A2', 'Lost account', '', 'Lead', 1, '2026-01-01', '2026-01-01'],
    ],
  },
};

const parsed = parseWorkbook(grids, TODAY);
const metrics = computeMetrics(parsed.model, TODAY);
const opts = {
  locale: 'en' as const,
  today: TODAY,
  senderName: 'KAM',
  spreadsheetName: 'Book',
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/X/edit',
};

describe('opportunities in the owner digest', () => {
  const digests = planDigests({
    model: parsed.model,
    metrics,
    today: TODAY,
    locale: 'en',
    sheetLinks: LINKS,
  });
  const byOwner = new Map(digests.map((d) => [d.owner, d]));

  it('lists stalled and overdue-close open deals to their owner, largest first', () => {
    expect(byOwner.get('ann@example.com')?.opportunities.map((o) => o.id)).toEqual(['O1']);
    expect(byOwner.get('bob@example.com')?.opportunities.map((o) => o.id)).toEqual(['O3']);
    const o1 = byOwner.get('ann@example.com')!.opportunities[0];
    expect(o1).toMatchObject({ stalledDays: 31, rotDays: 30, overdueClose: null });
  });

  it('says why in words, in the subject and the section', () => {
    const ann = renderDigest(byOwner.get('ann@example.com')!, opts);
    expect(ann.subject).toContain('1 deal to move');
    expect(ann.text).toContain(
      'Opportunities to move (1)\n- A1 · Acme · Big deal · Proposal · ¥100,000; 31 days in this stage (limit 30) · https://docs.google.com/spreadsheets/d/X/edit#gid=7&range=A2',
    );
    const bob = renderDigest(byOwner.get('bob@example.com')!, { ...opts, locale: 'zh-CN' });
    expect(bob.text).toContain('O3 · 谈判 · ¥20,000；预计成交日期 2026-11-22 已过');
  });
});

describe('pipeline in the manager digest', () => {
  const md = planManagerDigest({
    model: parsed.model,
    metrics,
    today: TODAY,
    sheetLinks: LINKS,
    snapshots: new Map(),
  });

  it('totals open deals by stage and forecasts the weighted amount by expected close month', () => {
    expect(md.pipeline).toEqual([
      { stage: 'proposal', count: 2, amount: 105000, weighted: 52500 },
      { stage: 'negotiation', count: 1, amount: 20000, weighted: 15000 },
    ]);
    expect(md.forecast.map((f) => [f.month, f.count, f.weighted])).toEqual([
      ['2026-11', 0, 0],
      ['2026-12', 1, 2500],
      ['2027-01', 1, 50000],
      ['2027-02', 0, 0],
      ['2027-03', 0, 0],
      ['2027-04', 0, 0],
    ]);
  });

  it('renders both in the weekly email', () => {
    const r = renderManagerDigest(md, 'CNY', opts);
    expect(r.text).toContain(
      'Open pipeline by stage (2)\n- Proposal · 2 opportunities · ¥105,000 · weighted ¥52,500',
    );
    expect(r.text).toContain('- 2027-01 · weighted ¥50,000 from 1 opportunity');
  });
});
