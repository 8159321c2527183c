import { addDays, cellDate, fill, logRows, setSettings, shanghaiToday } from '../gas/reminder-book';
import { loadBundle } from './load';

/**
 * An owner with hundreds of accounts through what `clasp push` uploads. Apps Script refuses a
 * mail body over 200 KB on consumer accounts (the fake enforces it), and Gmail clips HTML over
 * about 102 KB: the digest must list the most important items first, stay well under both, and
 * say for every section how many items it left out and where they are.
 */
const OWNER = 'li@example.com';
const HTML_BUDGET = 80_000;
const TEXT_BUDGET = 40_000;

interface Book {
  accounts: number;
  actions: number;
  birthdays: number;
  reviews: number;
}

function seedBigBook(bundle: ReturnType<typeof loadBundle>, n: number): Book {
  const today = shanghaiToday(new Date());
  const at = (days: number) => cellDate(addDays(today, days));
  const id = (i: number) => `K${String(i).padStart(5, '0')}`;
  const book: Book = {
    accounts: n,
    actions: Math.floor(n / 3),
    birthdays: Math.floor(n / 10),
    reviews: Math.floor(n / 10),
  };
  const c = bundle.control;
  fill(
    c,
    'Accounts',
    Array.from({ length: n }, (_, i) => ({
      'Account ID': id(i),
      'Account Name': `Account ${i} Trading Co., Ltd. 华东贸易有限公司`,
      'Owner Email': OWNER,
      Tier: i % 3 === 0 ? 'Strategic' : 'Key',
      Status: 'Active',
    })),
  );
  // Larger amounts first, so the first accounts are class A; everyone is over every threshold.
  fill(
    c,
    'Transactions',
    Array.from({ length: n }, (_, i) => ({
      Date: at(-(70 + (i % 40))),
      'Account ID': id(i),
      Amount: 1_000 * (n - i),
    })),
  );
  fill(
    c,
    'Action Plan',
    Array.from({ length: book.actions }, (_, i) => ({
      Task: `Call the buyer about the renewal quote, item ${i}`,
      'Account ID': id(i),
      'Due Date': at(-1 - (i % 20)),
      Status: 'In progress',
    })),
  );
  const birthday = addDays(today, 2);
  fill(
    c,
    'Contacts',
    Array.from({ length: book.birthdays }, (_, i) => ({
      'Account ID': id(i),
      Name: `Contact ${i}`,
      Birthday: cellDate({ y: 1980, m: birthday.m, d: birthday.d }),
    })),
  );
  fill(
    c,
    'Account Plans',
    Array.from({ length: book.reviews }, (_, i) => ({
      'Account ID': id(i),
      Period: String(today.y),
      'Next Review Date': at(-2),
    })),
  );
  setSettings(c, { allowed_recipient_domains: 'example.com' });
  return book;
}

/** The plain-text part by section: its heading and the item lines and note under it. */
function textSections(text: string): Map<string, { items: string[]; more: number }> {
  const out = new Map<string, { items: string[]; more: number }>();
  for (const block of text.split('\n\n').slice(2)) {
    const [heading, ...lines] = block.split('\n');
    if (heading === '--') break;
    const note = lines.find((l) => l.startsWith('…and '));
    out.set(heading, {
      items: lines.filter((l) => l.startsWith('- ')),
      more: note ? Number(/^…and (\d+) more/.exec(note)![1]) : 0,
    });
  }
  return out;
}

describe('dist/Code.js: a digest fits in one email whatever the owner holds', () => {
  it.each([300, 3_000])(
    '%i accounts per owner: one digest under the limits, every section there, counted',
    (n) => {
      const bundle = loadBundle();
      bundle.call('kamSetupWorkbook');
      const book = seedBigBook(bundle, n);

      bundle.call('kamDailyReminders');
      expect(logRows(bundle.control).map((r) => [r.owner, r.status])).toEqual([[OWNER, 'sent']]);
      const [mail] = bundle.control.sentMails;
      const html = Buffer.byteLength(mail.htmlBody ?? '', 'utf8');
      const text = Buffer.byteLength(mail.body, 'utf8');
      expect(html).toBeLessThanOrEqual(HTML_BUDGET);
      expect(text).toBeLessThanOrEqual(TEXT_BUDGET);

      // The subject and each heading keep the full counts; listed + "N more" add up to them.
      expect(mail.subject).toContain(`${n} stale`);
      const sections = textSections(mail.body);
      // The class A accounts have no contacts: each is single-threaded, a risk flag.
      const risky = Number(/^Accounts at risk \((\d+)\)$/m.exec(mail.body)?.[1]);
      expect(risky).toBeGreaterThan(0);
      const expected: [string, number][] = [
        [`Accounts to follow up (${book.accounts})`, book.accounts],
        [`Actions due (${book.actions})`, book.actions],
        [`Contact birthdays (${book.birthdays})`, book.birthdays],
        [`Plan reviews (${book.reviews})`, book.reviews],
        [`Accounts at risk (${risky})`, risky],
      ];
      expect([...sections.keys()]).toEqual(expected.map(([h]) => h));
      for (const [heading, total] of expected) {
        const s = sections.get(heading)!;
        expect(s.items.length).toBeGreaterThanOrEqual(Math.min(10, total));
        expect(s.items.length + s.more).toBe(total);
        expect(mail.htmlBody).toContain(`${heading.replace(/ \(\d+\)$/, '')} (${total})`);
      }
      // reminder_log records exactly the flags the email lists, so the ones left out come next day.
      const risks = sections.get(`Accounts at risk (${risky})`)!;
      const logged = JSON.parse(logRows(bundle.control)[0].riskItems) as Record<string, string[]>;
      expect(Object.keys(logged)).toEqual(risks.items.map((i) => i.split(' · ')[0].slice(2)));
      // Most important first: class A accounts, most days without activity first.
      const stale = sections.get(`Accounts to follow up (${book.accounts})`)!;
      expect(stale.items[0]).toMatch(/ · class A · /);
      expect(stale.more).toBeGreaterThan(0);
      // The note says where the rest are and links to the sheet, in both parts.
      const accountsGid = bundle.control.sheet('Accounts').getSheetId();
      expect(mail.body).toContain(
        `…and ${stale.more} more accounts to follow up, not listed here to keep this email short. To see them all, open the Accounts sheet and filter its Owner Email column on your address.`,
      );
      expect(mail.body).toMatch(new RegExp(`on your address\\. \\S+#gid=${accountsGid}&range=A`));
      expect(mail.htmlBody).toContain(`…and ${stale.more} more accounts to follow up`);
      expect(mail.htmlBody).toMatch(
        new RegExp(`#gid=${accountsGid}&amp;range=A\\d+"[^>]*>Open the sheet</a>`),
      );
      console.log(
        `${n} accounts per owner: HTML ${html} B, text ${text} B; listed ${[...sections.values()].map((s) => s.items.length).join('/')}`,
      );
    },
  );
});
