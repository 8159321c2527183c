import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { ensureBuilt, kam, readBook, tempDir, TODAY } from './helpers';

const OWNER = 'li.wei@acme-industrial.example';
const EXTRA = 300;

/**
 * `kam remind` uses the same renderer as Apps Script, so a digest for an owner with hundreds of
 * stale accounts is capped the same way: the .eml stays a mail that Gmail shows whole.
 */
describe('kam remind: an owner with 300 more stale accounts', () => {
  const tmp = tempDir();
  const book = join(tmp.dir, 'demo', 'kam-demo.xlsx');
  const outbox = join(tmp.dir, 'outbox');
  afterAll(() => tmp.cleanup());

  it('gets one digest under the size budget that counts what it leaves out', async () => {
    ensureBuilt();
    const demo = await kam(
      ['demo', '--out', join(tmp.dir, 'demo'), '--accounts', '24', '--seed', '7', '--today', TODAY],
      tmp.dir,
    );
    expect(demo.code).toBe(0);
    // Accounts with no activity at all are stale: 300 of them for one owner.
    const wb = await readBook(book);
    const accounts = wb.getWorksheet('Accounts')!;
    const header = (accounts.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    for (let i = 0; i < EXTRA; i++) {
      const row: unknown[] = [];
      row[col('Account ID')] = `BIG-${String(i).padStart(4, '0')}`;
      row[col('Account Name')] = `华东贸易有限公司 East China Trading Co., Ltd. ${i}`;
      row[col('Owner Email')] = OWNER;
      row[col('Tier')] = 'Key';
      row[col('Status')] = 'Active';
      accounts.addRow(row.slice(1));
    }
    await wb.xlsx.writeFile(book);

    const r = await kam(['remind', book, '--today', '2025-11-21', '--outbox', outbox], tmp.dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = readdirSync(outbox).find((f) => f.includes(OWNER))!;
    const raw = readFileSync(join(outbox, file));
    const mail = await simpleParser(raw);
    const html = Buffer.byteLength(String(mail.html), 'utf8');
    const text = Buffer.byteLength(mail.text ?? '', 'utf8');
    expect(html).toBeLessThanOrEqual(80_000);
    expect(text).toBeLessThanOrEqual(40_000);
    expect(statSync(join(outbox, file)).size).toBeLessThan(200_000);

    const heading = /^Accounts to follow up \((\d+)\)$/m.exec(mail.text ?? '');
    expect(heading).not.toBeNull();
    const total = Number(heading![1]);
    expect(total).toBeGreaterThan(EXTRA);
    const block = (mail.text ?? '').slice(heading!.index).split('\n\n')[0].split('\n');
    const listed = block.filter((l) => l.startsWith('- ')).length;
    const more = /^…and (\d+) more accounts to follow up, not listed here/m.exec(block.join('\n'));
    expect(more).not.toBeNull();
    expect(listed + Number(more![1])).toBe(total);
    console.log(
      `kam: ${total} accounts to follow up, ${listed} listed; HTML ${html} B, text ${text} B, .eml ${raw.length} B`,
    );
  });
});
