import { allocateQuota } from '../../../src/core/reminders/quota';
import { planDigests, type Digest } from '../../../src/core/reminders/plan';
import { input, staleMetrics } from './builders';

/** Four digests in priority order: a (cc'd, 2 recipients), b, c, d (1 each). */
function digests(): Digest[] {
  const all = planDigests(
    input({
      accounts: [
        { id: 'A1', owner: 'a@example.com', metrics: staleMetrics(40, 'A', 14) },
        { id: 'A2', owner: 'a@example.com', metrics: staleMetrics(15, 'A', 14) },
        { id: 'B1', owner: 'b@example.com', metrics: staleMetrics(15, 'A', 14) },
        { id: 'C1', owner: 'c@example.com', metrics: staleMetrics(40, 'B') },
        { id: 'D1', owner: 'd@example.com', metrics: { dueSoon: true, daysSinceActivity: 28 } },
      ],
      settings: { escalationCc: 'boss@example.com' },
    }),
  );
  expect(all.map((x) => x.owner)).toEqual([
    'a@example.com',
    'b@example.com',
    'c@example.com',
    'd@example.com',
  ]);
  return all;
}

const recipients = (d: Digest) => 1 + (d.escalationCc ? 1 : 0);
const owners = (ds: Digest[]) => ds.map((x) => x.owner[0]).join('');

describe('allocateQuota', () => {
  it('sends nothing with a quota of 0 (or a negative or NaN quota)', () => {
    for (const q of [0, -5, NaN]) {
      const r = allocateQuota(digests(), q, recipients);
      expect(owners(r.send)).toBe('');
      expect(owners(r.deferred)).toBe('abcd');
    }
  });

  it("with 1 left, defers the cc'd top digest and everything after it (strict priority)", () => {
    const r = allocateQuota(digests(), 1, recipients);
    expect(owners(r.send)).toBe('');
    expect(owners(r.deferred)).toBe('abcd');
  });

  it('with one recipient each and quota 1 sends only the first', () => {
    const r = allocateQuota(digests(), 1, () => 1);
    expect(owners(r.send)).toBe('a');
    expect(owners(r.deferred)).toBe('bcd');
  });

  it('uses an exact quota completely', () => {
    const r = allocateQuota(digests(), 5, recipients);
    expect(owners(r.send)).toBe('abcd');
    expect(r.deferred).toEqual([]);
  });

  it('does not skip ahead to a smaller digest when one does not fit', () => {
    const r = allocateQuota(digests(), 3, (d) => (d.owner.startsWith('b') ? 5 : 1));
    expect(owners(r.send)).toBe('a');
    expect(owners(r.deferred)).toBe('bcd');
  });

  it('sends everything when the quota is more than enough, or unlimited', () => {
    for (const q of [100, Infinity]) {
      const r = allocateQuota(digests(), q, recipients);
      expect(owners(r.send)).toBe('abcd');
      expect(r.deferred).toEqual([]);
    }
    expect(allocateQuota([], 3, recipients)).toEqual({ send: [], deferred: [] });
  });
});
