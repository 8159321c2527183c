/**
 * Risk flags in the owner digest and the weekly manager digest, over simulated days: the remind
 * job runs every day against an in-memory workbook whose complaints open and close on a generated
 * schedule, with injected faults (a send that throws, a quota of 0, a second run the same day).
 *
 * Properties (docs/reminders.md "Accounts at risk" and "Manager digest"):
 * - a flag reaches its owner at most once in any 7 days;
 * - on every day an owner's digest goes out, each raised flag not listed in the 6 days before is
 *   listed (so the day it is raised, and weekly while it stays);
 * - nothing is listed that is not raised that day;
 * - each manager gets exactly one weekly digest per ISO week that has a run on or after
 *   manager_digest_weekday, whatever the retries and double runs.
 */
import fc from 'fast-check';
import { formatDay, type Day, dayFromYmd } from '../../../src/core/calendar/day';
import { remind } from '../../../src/core/jobs/remind';
import type { Mailer, OutgoingMail } from '../../../src/core/ports/mailer';
import { isoWeek, isoWeekday } from '../../../src/core/reminders/manager';
import { dateCell, type Grid } from '../../../src/core/values/cell';
import { fixedClock, MemoryNotifier, MemoryStore } from './memory-store';

const SLA = 7;
const OWNERS = ['ann@example.com', 'bob@example.com'];
const MANAGERS = ['boss@example.com', 'ann@example.com'];
const START: Day = dayFromYmd(2026, 1, 1);

interface Episode {
  readonly open: number;
  readonly length: number;
}

interface World {
  readonly accounts: readonly { owner: number; episodes: readonly Episode[] }[];
  readonly weekday: number;
  readonly days: number;
  /** Per day: 0 clean, 1 a send throws once, 2 quota 0 first, 3 two runs. */
  readonly faults: readonly number[];
}

/** The complaint flag of account `a` on day `t` (simulation day numbers). */
function raised(world: World, a: number, t: number): boolean {
  return world.accounts[a].episodes.some(
    (e) => e.open <= t && t < e.open + e.length && t - e.open > SLA,
  );
}

function sheets(world: World, t: number): Record<string, Grid> {
  const ix: Grid = [['Date', 'Account ID', 'Type', 'Complaint', 'Complaint Status']];
  world.accounts.forEach((acc, a) => {
    for (const e of acc.episodes)
      if (e.open <= t)
        ix.push([
          dateCell(START + e.open),
          `K${a}`,
          'Call',
          'yes',
          t >= e.open + e.length ? 'Closed' : 'Open',
        ]);
  });
  return {
    Settings: [
      ['setting', 'value'],
      ['allowed_recipient_domains', 'example.com'],
      ['manager_emails', MANAGERS.join(', ')],
      ['manager_digest_weekday', world.weekday],
      ['complaint_sla_days', SLA],
    ],
    Accounts: [
      ['Account ID', 'Account Name', 'Owner Email', 'Tier', 'Status'],
      ...world.accounts.map((acc, a) => [`K${a}`, `Name ${a}`, OWNERS[acc.owner], 'Key', 'Active']),
    ],
    Interactions: ix,
  };
}

interface Delivered {
  readonly day: number;
  readonly mail: OutgoingMail;
}

class FaultyMailer implements Mailer {
  readonly delivered: Delivered[] = [];
  day = 0;
  throwNext = false;
  quota = Infinity;
  remainingQuota(): number {
    return this.quota;
  }
  send(mail: OutgoingMail): void {
    if (this.throwNext) {
      this.throwNext = false;
      throw new Error('Service invoked too many times');
    }
    this.delivered.push({ day: this.day, mail });
  }
}

/** Account IDs listed under "Accounts at risk" in a digest's plain text. */
function listedAccounts(text: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^Accounts at risk \(\d+\)$/.test(l));
  if (at < 0) return [];
  const out: string[] = [];
  for (let i = at + 1; i < lines.length && lines[i].startsWith('- '); i++)
    out.push(lines[i].slice(2).split(' · ')[0]);
  return out;
}

function simulate(world: World): { mailer: FaultyMailer; store: MemoryStore } {
  const mailer = new FaultyMailer();
  let store = new MemoryStore(sheets(world, 0));
  for (let t = 0; t < world.days; t++) {
    // The users' sheets change day by day; the script's reminder_log carries over.
    const log = store.sheets.get('Reminder Log');
    store = new MemoryStore(sheets(world, t));
    if (log) store.sheets.set('Reminder Log', log);
    mailer.day = t;
    const run = (): void => {
      remind({
        store,
        clock: fixedClock(START + t),
        notifier: new MemoryNotifier(),
        mailer,
        mode: 'send',
        defaultAllowList: null,
      });
    };
    const fault = world.faults[t % world.faults.length];
    if (fault === 1) mailer.throwNext = true;
    if (fault === 2) mailer.quota = 0;
    run();
    mailer.quota = Infinity;
    mailer.throwNext = false;
    // The retry (continuation trigger or a second click) finishes the day.
    run();
    if (fault === 3) run();
  }
  return { mailer, store };
}

const episode = fc.record({
  open: fc.integer({ min: 0, max: 390 }),
  length: fc.integer({ min: 1, max: 40 }),
});
const world = fc.record({
  accounts: fc.array(
    fc.record({
      owner: fc.integer({ min: 0, max: 1 }),
      episodes: fc.array(episode, { minLength: 2, maxLength: 8 }),
    }),
    { minLength: 3, maxLength: 4 },
  ),
  weekday: fc.integer({ min: 1, max: 7 }),
  days: fc.constant(400),
  faults: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 30 }),
});

// One generated 400-day world in `npm test` (about 7 s: ~1,000 runs of the job); `npm run soak`
// (KAM_PBT_RUNS=100000) runs 100.
const RUNS = Math.max(1, Math.floor(Number(process.env.KAM_PBT_RUNS ?? 350) / 1000));

describe('risk flags and the manager digest over 400 simulated days', () => {
  it('flags reach their owner the day they are due and at most once a week; managers once per ISO week', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { mailer } = simulate(w);
        const ownerMails = mailer.delivered.filter(
          (d) => !d.mail.subject.startsWith('Key accounts weekly'),
        );
        const managerMails = mailer.delivered.filter((d) =>
          d.mail.subject.startsWith('Key accounts weekly'),
        );
        // Owner digests: at most one per owner per day.
        const perDay = new Map<string, number>();
        for (const d of ownerMails) {
          const k = `${d.day}|${d.mail.to}`;
          perDay.set(k, (perDay.get(k) ?? 0) + 1);
        }
        expect([...perDay.values()].every((n) => n === 1)).toBe(true);

        w.accounts.forEach((acc, a) => {
          const owner = OWNERS[acc.owner];
          const mine = ownerMails.filter((d) => d.mail.to === owner);
          const listedOn = mine
            .filter((d) => listedAccounts(d.mail.text).includes(`K${a}`))
            .map((d) => d.day);
          for (let i = 1; i < listedOn.length; i++)
            expect(listedOn[i] - listedOn[i - 1]).toBeGreaterThanOrEqual(7);
          for (const t of listedOn) expect(raised(w, a, t)).toBe(true);
          // Every day this owner got a digest, a raised flag not listed in the 6 days before is.
          for (const d of mine) {
            if (!raised(w, a, d.day)) continue;
            const recent = listedOn.some((t) => t < d.day && d.day - t < 7);
            expect(listedOn.includes(d.day)).toBe(!recent);
          }
          // The day a flag is raised, its owner hears of it (a digest goes out for it that day).
          for (let t = 0; t < w.days; t++) {
            if (!raised(w, a, t) || (t > 0 && raised(w, a, t - 1))) continue;
            const recent = listedOn.some((x) => x < t && t - x < 7);
            if (!recent) expect(listedOn).toContain(t);
          }
        });

        // Managers: exactly one per ISO week with a run day on or after the weekday.
        for (const m of MANAGERS) {
          const weeks = new Map<number, number>();
          for (const d of managerMails.filter((x) => x.mail.to === m)) {
            const wk = isoWeek(START + d.day).monday;
            weeks.set(wk, (weeks.get(wk) ?? 0) + 1);
            expect(isoWeekday(START + d.day)).toBeGreaterThanOrEqual(w.weekday);
          }
          const due = new Set<number>();
          for (let t = 0; t < w.days; t++)
            if (isoWeekday(START + t) >= w.weekday) due.add(isoWeek(START + t).monday);
          expect([...weeks.keys()].sort()).toEqual([...due].sort());
          expect([...weeks.values()].every((n) => n === 1)).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: 20261205 },
    );
  });

  it('reminder_log records the listed flags and the digest kind', () => {
    const w: World = {
      accounts: [{ owner: 0, episodes: [{ open: 0, length: 30 }] }],
      weekday: 1,
      days: 10,
      faults: [0],
    };
    const { store, mailer } = simulate(w);
    const log = store.grid('Reminder Log');
    expect(log[0].slice(9)).toEqual(['Digest', 'Risk Items']);
    // Raised on day 8 (8 days after the complaint, SLA 7): listed that day, with its reason.
    const day8 = log.filter((r) => r[1] !== null && r[2] === 'ann@example.com' && r[9] === 'owner');
    const listed = day8.filter((r) => r[10] !== '');
    expect(listed).toHaveLength(1);
    expect(listed[0][10]).toBe('{"K0":["complaint"]}');
    const mail = mailer.delivered.find((d) => d.day === 8 && d.mail.to === 'ann@example.com');
    expect(mail?.mail.text).toContain(
      `Complaint overdue: complaint open since ${formatDay(START)} (8 days; limit 7 days)`,
    );
    // The manager rows say so.
    expect(log.some((r) => r[2] === 'boss@example.com' && r[9] === 'manager')).toBe(true);
  });
});
