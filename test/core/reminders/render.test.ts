import fc from 'fast-check';
import { planDigests, type Digest } from '../../../src/core/reminders/plan';
import {
  DIGEST_LIMITS,
  renderDigest,
  type RenderOptions,
} from '../../../src/core/reminders/render';
import { utf8Bytes } from '../../../src/core/text/bytes';
import type { Locale } from '../../../src/core/i18n/locale';
import { TODAY, action, contact, input, plan, staleMetrics } from './builders';

const SHEET_URL = 'https://docs.google.com/spreadsheets/d/X/edit';

function opts(locale: Locale, extra: Partial<RenderOptions> = {}): RenderOptions {
  return {
    locale,
    today: TODAY,
    senderName: 'Key Account Reminders',
    spreadsheetName: 'KAM 2026',
    spreadsheetUrl: SHEET_URL,
    ...extra,
  };
}

/** Ann: 2 stale (one escalated and recyclable), 1 due soon, 2 actions, 1 birthday, 1 review. */
function annDigest(
  names: Partial<Record<'stale' | 'task' | 'contact' | 'period', string>> = {},
): Digest {
  const digests = planDigests(
    input({
      accounts: [
        { id: 'ACC-001', name: names.stale ?? 'Acme Ltd', metrics: staleMetrics(35, 'B', 30) },
        { id: 'ACC-002', name: 'Beta 贸易', metrics: { ...staleMetrics(70, 'A', 30) } },
        {
          id: 'ACC-003',
          name: 'Gamma',
          nextActionDate: TODAY - 3,
          metrics: {
            stale: true,
            staleReasons: ['next_action_passed'],
            daysSinceActivity: 3,
            abcClass: 'C',
            staleThreshold: 60,
          },
        },
        {
          id: 'ACC-004',
          name: 'Delta',
          metrics: { dueSoon: true, daysSinceActivity: 28, staleThreshold: 30 },
        },
        { id: 'ACC-005', name: 'Epsilon', metrics: staleMetrics(null, 'C', 60) },
      ],
      actions: [
        action({ task: names.task ?? 'Call the CFO', accountId: 'ACC-001', dueDate: TODAY - 3 }),
        action({ task: 'Send quote', accountId: 'ACC-004', dueDate: TODAY + 2 }),
      ],
      contacts: [contact('ACC-001', names.contact ?? 'Wang Wei', { month: 11, day: 25 })],
      plans: [plan('ACC-002', names.period ?? '2026-Q4', TODAY - 3)],
      settings: { escalationCc: 'boss@example.com', recycleAfterDays: 60 },
    }),
  );
  expect(digests).toHaveLength(1);
  return digests[0];
}

describe('renderDigest in English', () => {
  const r = renderDigest(annDigest(), opts('en'));

  it('has a subject with the counts and the date', () => {
    expect(r.subject).toBe(
      'Key accounts: 4 stale, 1 due soon, 2 actions due, 1 birthday, 1 plan review — 2026-11-23',
    );
  });

  it('lists every section with one line per item', () => {
    expect(r.text).toMatch(/^Hello,\n/);
    expect(r.text).toContain('Accounts to follow up (5)');
    expect(r.text).toContain(
      '- ACC-001 · Acme Ltd · class B · no activity for 35 days (limit 30) · https://docs.google.com/spreadsheets/d/X/edit#gid=1&range=A',
    );
    expect(r.text).toContain(
      '- ACC-002 · Beta 贸易 · class A · no activity for 70 days (limit 30); over twice the limit; eligible for reassignment (公海)',
    );
    expect(r.text).toContain('ACC-003 · Gamma · class C · next action date 2026-11-20 has passed');
    expect(r.text).toContain(
      'ACC-004 · Delta · class B · due soon: 28 days without activity (limit 30)',
    );
    expect(r.text).toContain(
      'ACC-005 · Epsilon · class C · no activity recorded; eligible for reassignment (公海)',
    );
    expect(r.text).toContain('Actions due (2)');
    expect(r.text).toContain(
      '- ACC-001 · Acme Ltd · Call the CFO · due 2026-11-20, 3 days overdue · https://',
    );
    expect(r.text).toContain('ACC-004 · Delta · Send quote · due 2026-11-25, in 2 days');
    expect(r.text).toContain('Contact birthdays (1)');
    expect(r.text).toContain('ACC-001 · Acme Ltd · Wang Wei: birthday on 2026-11-25 (in 2 days)');
    expect(r.text).toContain('Plan reviews (1)');
    expect(r.text).toContain(
      'ACC-002 · Beta 贸易 · Plan 2026-Q4 review was due 2026-11-20 (3 days ago)',
    );
  });

  it('says why, how to pause, who is copied, and links the spreadsheet', () => {
    expect(r.text).toContain(
      'because you own these accounts or actions in the spreadsheet "KAM 2026"',
    );
    expect(r.text).toContain(
      'Reminders Paused Until column (reminders_paused_until) on the Accounts sheet',
    );
    expect(r.text).toContain('A copy goes to boss@example.com');
    expect(r.text).toContain(`Open the spreadsheet: ${SHEET_URL}`);
    expect(r.text).toContain('Sent by Key Account Reminders.');
  });

  it('is a complete, mail-safe HTML document', () => {
    expect(r.html).toMatch(/^<!DOCTYPE html>\n<html lang="en"/);
    expect(r.html).toMatch(/<\/html>$/);
    expect(r.html).not.toMatch(/<style|class=|<script|<img|<link|@import|url\(/i);
    expect(r.html).toContain('width="640"');
    expect(r.html).toContain('max-width:640px');
    const widths = [...r.html.matchAll(/width="?(\d+)(px)?/g)].map((m) => Number(m[1]));
    expect(Math.max(...widths)).toBeLessThanOrEqual(640);
    expect(r.html).toContain('<h2');
    expect(r.html).toContain('Accounts to follow up (5)');
    expect(r.html).toContain('no activity for 35 days (limit 30)');
    expect(r.html).toContain(
      'href="https://docs.google.com/spreadsheets/d/X/edit#gid=1&amp;range=A',
    );
    expect(r.html).toContain(
      '<span dir="auto">Wang Wei</span>: birthday on 2026-11-25 (in 2 days)',
    );
  });
});

describe('renderDigest in Chinese', () => {
  const r = renderDigest(annDigest(), opts('zh-CN'));

  it('has a Chinese subject', () => {
    expect(r.subject).toBe(
      '大客户提醒：4 个停滞客户，1 个即将停滞，2 项待办，1 位联系人生日，1 项计划回顾 — 2026-11-23',
    );
  });

  it('localizes headings and reasons with full-width punctuation', () => {
    expect(r.text).toMatch(/^您好，\n/);
    expect(r.text).toContain('需要跟进的客户（5）');
    expect(r.text).toContain('ACC-001 · Acme Ltd · B 类 · 已 35 天未跟进（阈值 30 天）');
    expect(r.text).toContain('已 70 天未跟进（阈值 30 天）；已超过阈值两倍；可重新分配（公海）');
    expect(r.text).toContain('下次跟进日期 2026-11-20 已过');
    expect(r.text).toContain('即将停滞：已 28 天未跟进（阈值 30 天）');
    expect(r.text).toContain('尚无任何活动记录');
    expect(r.text).toContain('Call the CFO · 截止 2026-11-20，已逾期 3 天');
    expect(r.text).toContain('Send quote · 截止 2026-11-25，还有 2 天');
    expect(r.text).toContain('Wang Wei，生日 2026-11-25（2 天后）');
    expect(r.text).toContain('2026-Q4 计划回顾：2026-11-20（已过 3 天）');
    expect(r.text).toContain('“客户”表的“暂停提醒至”列（reminders_paused_until）');
    expect(r.text).toContain('本邮件同时抄送 boss@example.com。');
    expect(r.text).toContain(`打开表格：${SHEET_URL}`);
    expect(r.text).not.toMatch(/[「」]/);
  });

  it('marks the HTML as Chinese', () => {
    expect(r.html).toContain('<html lang="zh-CN"');
    expect(r.html).toContain('已 35 天未跟进（阈值 30 天）');
  });
});

describe('renderDigest escaping', () => {
  const nasty = {
    stale: '<script>alert(1)</script>',
    task: `"quoted" & 'single'`,
    contact: '=HYPERLINK("http://evil")',
    period: '+SUM(A1)',
  };
  const r = renderDigest(
    annDigest(nasty),
    opts('en', { spreadsheetName: '<b>Book</b> & co', senderName: '@me "x"' }),
  );

  it('escapes every user value in the HTML', () => {
    expect(r.html).not.toContain('<script');
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect(r.html).toContain('=HYPERLINK(&quot;http://evil&quot;)');
    expect(r.html).toContain('+SUM(A1)');
    expect(r.html).toContain('&lt;b&gt;Book&lt;/b&gt; &amp; co');
    expect(r.html).toContain('@me &quot;x&quot;');
    expect(r.html).not.toContain('href="http://evil');
  });

  it('keeps formula-like text as text in the plain part', () => {
    expect(r.text).toContain('ACC-001 · <script>alert(1)</script> · class B');
    expect(r.text).toContain(`"quoted" & 'single' · due 2026-11-20`);
    expect(r.text).toContain(`=HYPERLINK("http://evil"): birthday on`);
    expect(r.text).toContain('Plan +SUM(A1) review');
  });

  it('keeps emoji, and isolates right-to-left text in the plain part', () => {
    const rtl = 'شركة النور';
    const d = annDigest({ stale: `Rocket 🚀 Co`, task: `زيارة ${rtl}\u202e` });
    const out = renderDigest(d, opts('en'));
    expect(out.text).toContain('Rocket 🚀 Co');
    expect(out.html).toContain('Rocket 🚀 Co');
    expect(out.text).toContain(`\u2068زيارة ${rtl}\u2069 · due`);
    expect(out.text).not.toContain('\u202e');
    expect(out.html).toContain(`<span dir="auto">زيارة ${rtl}</span>`);
  });

  it('keeps a user value with line breaks on one line', () => {
    const out = renderDigest(
      annDigest({ stale: 'Acme\nBcc: evil@example.org\r\nLtd' }),
      opts('en'),
    );
    expect(out.text).toContain('ACC-001 · Acme Bcc: evil@example.org Ltd · class B');
  });

  it('renders only http(s) links', () => {
    const d = annDigest();
    const bad: Digest = {
      ...d,
      staleAccounts: d.staleAccounts.map((s) => ({ ...s, link: 'javascript:alert(1)' })),
    };
    const out = renderDigest(bad, opts('en', { spreadsheetUrl: 'data:text/html,hi' }));
    expect(out.html).not.toContain('javascript:');
    expect(out.text).not.toContain('javascript:');
    expect(out.html).not.toContain('data:text');
    expect(out.text).not.toContain('Open the spreadsheet:');
  });

  it('never lets a character of an account name open a tag', () => {
    const base = planDigests(
      input({ accounts: [{ id: 'P1', name: 'x', metrics: staleMetrics(40) }] }),
    )[0];
    const { html: skeleton } = renderDigest(base, opts('en'));
    const tagsInSkeleton = (skeleton.match(/</g) ?? []).length;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (name) => {
        const d: Digest = {
          ...base,
          staleAccounts: [{ ...base.staleAccounts[0], accountName: name }],
        };
        const { html } = renderDigest(d, opts('en'));
        // The only '<' are those of the template itself.
        expect((html.match(/</g) ?? []).length).toBe(tagsInSkeleton);
        expect(html).not.toMatch(
          /<(?!\/?(?:!DOCTYPE|html|head|meta|title|body|table|tr|td|th|h2|p|span|a|b|br)[\s>])/,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('renderDigest sections', () => {
  it('omits empty sections and shows account-less actions without an account', () => {
    const d = planDigests(
      input({
        accounts: [],
        actions: [
          action({ task: 'Internal review', ownerEmail: 'ann@example.com', dueDate: TODAY }),
        ],
      }),
    )[0];
    const r = renderDigest(d, opts('en'));
    expect(r.subject).toBe('Key accounts: 1 action due — 2026-11-23');
    expect(r.text).not.toContain('Accounts to follow up');
    expect(r.text).not.toContain('Contact birthdays');
    expect(r.text).toContain('- Internal review · due today (2026-11-23) · https://');
    expect(r.text).not.toContain('A copy goes to');
    const zh = renderDigest(d, opts('zh-CN'));
    expect(zh.subject).toBe('大客户提醒：1 项待办 — 2026-11-23');
    expect(zh.text).toContain('Internal review · 今天到期（2026-11-23）');
  });
});

describe('renderDigest size', () => {
  it("stays under Gmail's ~102 KB clipping limit with 100 items", () => {
    const accounts = Array.from({ length: 100 }, (_, i) => ({
      id: `ACC-${1000 + i}`,
      name: `上海某某国际贸易有限公司 ${i}`,
      metrics: staleMetrics(40 + i, 'A', 14),
    }));
    const d = planDigests(
      input({ accounts, settings: { escalationCc: 'boss@example.com', recycleAfterDays: 60 } }),
    )[0];
    const r = renderDigest(d, opts('zh-CN'));
    expect(d.staleAccounts).toHaveLength(100);
    const bytes = new TextEncoder().encode(r.html).length;
    expect(bytes).toBeLessThan(100_000);
    expect(bytes).toBeGreaterThan(0);
  });
});

describe('renderDigest size budget', () => {
  /** An owner with `n` stale accounts, n/3 actions, n/10 birthdays and n/10 plan reviews. */
  function bigDigest(n: number): Digest {
    const accounts = Array.from({ length: n }, (_, i) => ({
      id: `ACC-${10000 + i}`,
      name: `上海某某国际贸易有限公司 Shanghai International Trading ${i}`,
      metrics: staleMetrics(40 + (i % 300), i < n / 5 ? 'A' : i < n / 2 ? 'B' : 'C', 14),
    }));
    const digests = planDigests(
      input({
        accounts,
        actions: Array.from({ length: Math.floor(n / 3) }, (_, i) =>
          action({
            task: `跟进续约报价 follow up the renewal ${i}`,
            accountId: `ACC-${10000 + i}`,
            dueDate: TODAY - 1 - (i % 9),
          }),
        ),
        contacts: Array.from({ length: Math.floor(n / 10) }, (_, i) =>
          contact(`ACC-${10000 + i}`, `联系人 ${i}`, { month: 11, day: 25 }),
        ),
        plans: Array.from({ length: Math.floor(n / 10) }, (_, i) =>
          plan(`ACC-${10000 + i}`, '2026-Q4', TODAY - 3),
        ),
        settings: { escalationCc: 'boss@example.com', recycleAfterDays: 60 },
      }),
    );
    expect(digests).toHaveLength(1);
    return digests[0];
  }

  /** Item lines and the "more" count of each section of the plain-text part. */
  function sectionsOf(
    text: string,
    more: RegExp,
  ): { heading: string; items: number; more: number }[] {
    return text
      .split('\n\n')
      .slice(2)
      .filter((b) => !b.startsWith('--'))
      .map((block) => {
        const [heading, ...lines] = block.split('\n');
        const note = lines.map((l) => more.exec(l)).find((x) => x !== null);
        return {
          heading,
          items: lines.filter((l) => l.startsWith('- ')).length,
          more: note ? Number(note[1]) : 0,
        };
      });
  }

  it('keeps a digest that fits as it is, with no note', () => {
    const r = renderDigest(annDigest(), opts('en'));
    expect(r.text).not.toContain('…and');
    expect(r.html).not.toContain('…and');
  });

  it.each([300, 3_000])(
    '%i accounts in Chinese: both parts under the budget, every section counted, A accounts first',
    (n) => {
      const d = bigDigest(n);
      const r = renderDigest(d, opts('zh-CN'));
      expect(utf8Bytes(r.html)).toBeLessThanOrEqual(DIGEST_LIMITS.htmlBytes);
      expect(utf8Bytes(r.text)).toBeLessThanOrEqual(DIGEST_LIMITS.textBytes);
      const totals = [n, Math.floor(n / 3), Math.floor(n / 10), Math.floor(n / 10)];
      const sections = sectionsOf(r.text, /^……另有 (\d+) /);
      expect(sections.map((s) => s.heading)).toEqual([
        `需要跟进的客户（${totals[0]}）`,
        `待办行动（${totals[1]}）`,
        `联系人生日（${totals[2]}）`,
        `客户计划回顾（${totals[3]}）`,
      ]);
      sections.forEach((s, i) => {
        expect(s.items).toBeGreaterThanOrEqual(10);
        expect(s.items + s.more).toBe(totals[i]);
      });
      expect(r.text).toContain(
        `……另有 ${sections[0].more} 个需要跟进的客户未在此列出，以免邮件过长。请打开“客户”表，按“负责人邮箱”列筛选您的邮箱查看全部。`,
      );
      expect(r.text).toContain(
        `……另有 ${sections[1].more} 项待办行动未在此列出，以免邮件过长。请打开“行动计划”表查看全部。`,
      );
      expect(r.html).toContain('>打开工作表</a>');
      // The listed stale accounts are the first ones of the sorted list: class A, longest first.
      const firstListed = d.staleAccounts.slice(0, sections[0].items);
      expect(firstListed.every((s) => s.abcClass === 'A')).toBe(true);
      for (const s of firstListed) expect(r.text).toContain(s.accountId);
      expect(r.text).not.toContain(d.staleAccounts[sections[0].items].accountId + ' ·');
    },
  );

  it('gives every section its first items before any section gets more', () => {
    const r = renderDigest(
      bigDigest(300),
      opts('en', { limits: { htmlBytes: 50_000, textBytes: 16_000 } }),
    );
    expect(utf8Bytes(r.html)).toBeLessThanOrEqual(50_000);
    expect(utf8Bytes(r.text)).toBeLessThanOrEqual(16_000);
    const sections = sectionsOf(r.text, /^…and (\d+) more/);
    expect(sections).toHaveLength(4);
    for (const s of sections) {
      expect(s.items).toBeGreaterThanOrEqual(10);
      expect(s.more).toBeGreaterThan(0);
    }
    expect(r.text).toMatch(
      /…and \d+ more plan reviews, not listed here to keep this email short\. To see them all, open the Account Plans sheet\. https:/,
    );
  });

  it('still fits when even the first items of each section do not: headings and counts stay', () => {
    const r = renderDigest(
      bigDigest(300),
      opts('en', { limits: { htmlBytes: 12_000, textBytes: 4_000 } }),
    );
    expect(utf8Bytes(r.html)).toBeLessThanOrEqual(12_000);
    expect(utf8Bytes(r.text)).toBeLessThanOrEqual(4_000);
    const sections = sectionsOf(r.text, /^…and (\d+) more/);
    expect(sections.map((s) => s.items + s.more)).toEqual([300, 100, 30, 30]);
  });
});
