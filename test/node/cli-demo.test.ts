import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { simpleParser } from 'mailparser';
import { ensureBuilt, kam, readBook, sheetRows, tempDir, TODAY } from './helpers';

/** `kam demo`, the .eml files it writes, the report, and reminders that are never sent twice. */
describe('kam demo, remind and report on real files', () => {
  const tmp = tempDir();
  const out = join(tmp.dir, 'demo');
  const book = join(out, 'kam-demo.xlsx');
  const outbox = join(out, 'outbox');
  const emls = (): string[] =>
    readdirSync(outbox)
      .filter((f) => f.endsWith('.eml'))
      .sort();
  const logRows = async (): Promise<unknown[][]> =>
    sheetRows(await readBook(book), 'Reminder Log').slice(1);

  beforeAll(async () => {
    ensureBuilt();
    const r = await kam(
      ['demo', '--out', out, '--accounts', '24', '--seed', '7', '--today', TODAY],
      tmp.dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('prints where the workbook, the emails and the report are', async () => {
    const r = await kam(
      ['demo', '--out', out, '--accounts', '24', '--seed', '7', '--today', TODAY],
      tmp.dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(book);
    expect(r.stdout).toContain(outbox);
    expect(r.stdout).toContain(join(out, 'report.html'));
    expect(existsSync(book) && existsSync(join(out, 'report.html'))).toBe(true);
  });

  it('writes one .eml digest per owner that a mail parser reads as multipart/alternative', async () => {
    const files = emls();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const raw = readFileSync(join(outbox, f));
      expect(raw.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/i);
      const mail = await simpleParser(raw);
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      expect(f).toContain(to?.value[0].address ?? '?');
      expect(to?.value[0].address).toMatch(/@acme-industrial\.example$/);
      expect(mail.subject).toContain(TODAY);
      expect(mail.text).toContain('KA-');
      expect(mail.html).toContain('<');
      expect(mail.from?.value[0].name).toBe('Acme Key Account Reminders');
    }
    const log = await logRows();
    expect(log.filter((r) => r[7] === 'sent')).toHaveLength(files.length);
  });

  it('sends nothing the second time on the same --today, and again on the next day', async () => {
    const before = emls();
    const logBefore = (await logRows()).length;
    const again = await kam(['remind', book, '--today', TODAY], tmp.dir);
    expect(again.code).toBe(0);
    expect(emls()).toEqual(before);
    expect((await logRows()).length).toBe(logBefore);

    const next = '2025-11-21';
    const first = await kam(['remind', book, '--today', next, '--outbox', outbox], tmp.dir);
    expect(first.code).toBe(0);
    const sentNext = emls().filter((f) => f.startsWith(next));
    expect(sentNext.length).toBeGreaterThan(0);
    const logAfter = await logRows();
    const second = await kam(['remind', book, '--today', next, '--outbox', outbox], tmp.dir);
    expect(second.code).toBe(0);
    expect(emls().filter((f) => f.startsWith(next))).toEqual(sentNext);
    expect(await logRows()).toHaveLength(logAfter.length);
  });

  it('keeps the log rows of a run that stopped after sending but before saving (journal)', async () => {
    const day = '2025-11-25';
    const day0 = Date.UTC(2025, 10, 25) / 86_400_000;
    // `2025-11-21 li.wei@… 3f9c2a1b.eml`: the owner sits between the day and the hash.
    const owner = basename(emls()[0])
      .replace(/^\S+ /, '')
      .replace(/ [0-9a-f]{8}\.eml$/, '');
    const row = [
      { kind: 'instant', ms: Date.now() },
      { kind: 'date', day: day0, seconds: 0 },
      owner,
      1,
      0,
      0,
      0,
      'sent',
      '',
    ];
    const base = createHash('sha256').update(readFileSync(book)).digest('hex');
    const journal = join(out, '.kam-demo.xlsx.kam-journal');
    writeFileSync(
      journal,
      `${JSON.stringify({ base })}\n${JSON.stringify({ op: 'append', sheet: 'Reminder Log', rows: [row], width: 9 })}\n`,
    );
    const r = await kam(['remind', book, '--today', day], tmp.dir);
    expect(r.code).toBe(0);
    expect(emls().filter((f) => f.startsWith(`${day} ${owner} `))).toEqual([]);
    expect(emls().filter((f) => f.startsWith(day)).length).toBeGreaterThan(0);
    expect(
      (await logRows()).filter(
        (l) => l[2] === owner && l[1] instanceof Date && l[1].toISOString().startsWith(day),
      ),
    ).toHaveLength(1);
    expect(existsSync(journal)).toBe(false);
  });

  it('previews with --dry-run without writing the workbook or any email', async () => {
    const bytes = readFileSync(book);
    const r = await kam(['remind', book, '--today', '2025-12-01', '--dry-run'], tmp.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/preview/);
    expect(readFileSync(book).equals(bytes)).toBe(true);
    expect(emls().some((f) => f.startsWith('2025-12-01'))).toBe(false);
  });

  it('sends the weekly manager digest once per ISO week; --manager --dry-run previews it', async () => {
    const day = '2025-12-03';
    const dry = await kam(['remind', book, '--today', day, '--manager', '--dry-run'], tmp.dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/preview\s+\S+@\S+\s+Key accounts weekly 2025-W49: \d+ at risk/);
    expect(emls().some((f) => f.startsWith(day))).toBe(false);
    // The daily run sends it (weekday 1: from Monday on), filed apart from the owners' digests.
    const r = await kam(['remind', book, '--today', day], tmp.dir);
    expect(r.code).toBe(0);
    const weekly = emls().filter((f) => f.startsWith(`${day} weekly_`));
    expect(weekly).toHaveLength(1);
    const mail = await simpleParser(readFileSync(join(outbox, weekly[0])));
    expect(mail.subject).toMatch(/^Key accounts weekly 2025-W49: /);
    expect(mail.text).toContain('By owner');
    // Later the same ISO week, with --manager or not: nothing more for the manager.
    for (const again of [['--manager'], []]) {
      const next = await kam(['remind', book, '--today', '2025-12-05', ...again], tmp.dir);
      expect(next.code).toBe(0);
    }
    expect(
      emls().filter((f) => / weekly_/.test(f) && f >= '2025-12-01' && f < '2025-12-08'),
    ).toHaveLength(1);
    // Earlier tests' weeks have their own rows; this week has one announced and confirmed send.
    const rows = (await logRows()).filter(
      (l) => l[9] === 'manager' && l[1] instanceof Date && l[1].toISOString() >= '2025-12-01',
    );
    expect(rows.map((l) => l[7])).toEqual(['sending', 'sent']);
  });

  it('writes a self-contained report with every dashboard chart and the stale list per owner', async () => {
    const file = join(tmp.dir, 'report.html');
    const r = await kam(['report', book, '--out', file, '--today', TODAY], tmp.dir);
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    for (const id of [
      'revenue_by_quarter',
      'abc_pareto',
      'rfm_segments',
      'stale_by_owner',
      'monthly_orders',
      'health_vs_revenue',
      'health_bands',
      'risk_flags',
      'pipeline_by_stage',
      'forecast_by_month',
    ])
      expect(html).toMatch(new RegExp(`<svg[^>]*data-chart="${id}"`));
    // The health bands as a pie: a slice per band with accounts, and a legend with shares.
    const pie = /<svg[^>]*data-chart="health_bands"[^>]*>([\s\S]*?)<\/svg>/.exec(html)![1];
    expect(pie).toMatch(/<path d="M150,160 L/);
    expect(pie).toMatch(/Green {2}\d+ \(\d+%\)/);
    expect(pie).toMatch(/Red {2}\d+ \(\d+%\)/);
    for (const kind of ['column', 'combo', 'bar', 'line', 'scatter', 'pie'])
      expect(html).toContain(`data-kind="${kind}"`);
    expect(html).toContain('Stale accounts by owner');
    expect(html).toContain('@acme-industrial.example');
    // Nothing is fetched: no scripts, stylesheets, images or fonts from anywhere.
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
  });

  it('shades flagged Accounts rows in the .xlsx and writes the flags on them', async () => {
    const ws = (await readBook(book)).getWorksheet('Accounts')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = header.indexOf('Risk Flags');
    expect(col).toBeGreaterThan(0);
    const letter = ws.getColumn(col).letter;
    const rules = (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[];
      }
    ).conditionalFormattings;
    const risk = rules.filter((c) =>
      c.rules.some((r) => r.formulae?.[0]?.includes(`$${letter}2<>""`)),
    );
    expect(risk).toHaveLength(1);
    expect(risk[0].ref).toMatch(/^A2:/);
    const flagged = [...Array(ws.rowCount).keys()]
      .map((i) => ws.getRow(i + 2).getCell(col).value)
      .filter((v) => typeof v === 'string' && v !== '');
    expect(flagged.length).toBeGreaterThan(0);
    expect(String(flagged[0])).toMatch(
      /^(Churn warning|Revenue drop|Credit risk|Complaint overdue|Behind plan|Single-threaded)/,
    );
  });

  it('has realistic opportunities: every stage, some stalled or past their close, a Pipeline sheet for Looker', async () => {
    const wb = await readBook(book);
    const opps = sheetRows(wb, 'Opportunities');
    const header = opps[0].map(String);
    const stages = new Set(opps.slice(1).map((r) => String(r[header.indexOf('Stage')])));
    expect([...stages].sort()).toEqual(
      ['Lead', 'Lost', 'Negotiation', 'Proposal', 'Qualified', 'Won'].sort(),
    );
    const pipeline = sheetRows(wb, 'Pipeline');
    expect(pipeline.length).toBe(opps.length);
    const stalled = pipeline.slice(1).filter((r) => r[pipeline[0].indexOf('is_stalled')] === true);
    expect(stalled.length).toBeGreaterThan(0);
  });

  it('keeps a note that looks like a formula as text, and check exits 1 on the planted errors', async () => {
    const wb = await readBook(book);
    let formulas = 0;
    let noted = false;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) formulas++;
          if (cell.value === '=HYPERLINK("http://example.com","click me")') noted = true;
        }),
      ),
    );
    expect(formulas).toBe(0);
    expect(noted).toBe(true);
    const r = await kam(['check', book, '--today', TODAY], tmp.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/No exchange rate for GBP/);
    expect(r.stdout).toMatch(/data errors/);
  });

  it('writes a Chinese demo with Chinese sheets, headers and names', async () => {
    const zh = join(tmp.dir, 'zh');
    const r = await kam(
      ['demo', '--out', zh, '--locale', 'zh-CN', '--accounts', '12', '--today', TODAY],
      tmp.dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('工作簿');
    const wb = await readBook(join(zh, 'kam-demo.xlsx'));
    const accounts = sheetRows(wb, '客户');
    expect(accounts[0]).toContain('客户名称');
    expect(String(accounts[1][1])).toMatch(/有限公司$/);
    expect(sheetRows(wb, '联系人')[1][1]).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    expect(readFileSync(join(zh, 'report.html'), 'utf8')).toContain('大客户报告');
  });
});
