import { dayFromYmd, daysInMonth, ymdFromDay, type Day } from '../../core/calendar/day';
import { mulberry32, pickOne, randomInt } from '../../core/sample-data/random';
import { pick, type Locale } from '../../core/i18n/locale';
import {
  ACCOUNT_STATUSES,
  ACTION_STATUSES,
  COMPLAINT_STATUSES,
  CONTACT_ROLES,
  INTERACTION_TYPES,
  OPPORTUNITY_STAGES,
  TIERS,
  YES_NO,
  optionLabel,
} from '../../core/schema/enums';
import type { EnumOption, SheetKey } from '../../core/schema/types';
import { dateCell, type CellValue } from '../../core/values/cell';
import { demoWords, type DemoWords } from './names';

/** One row of a sheet by column key; columns left out are blank. */
export type DemoRow = Readonly<Record<string, CellValue>>;

export interface DemoOptions {
  readonly accounts: number;
  /** Default: two years of roughly monthly orders, 24 per account. */
  readonly transactions?: number;
  readonly seed: number;
  readonly today: Day;
  readonly locale: Locale;
}

export interface DemoData {
  readonly rows: Readonly<Partial<Record<SheetKey, readonly DemoRow[]>>>;
  /** Settings values by key (written over the defaults of Set up workbook). */
  readonly settings: Readonly<Record<string, CellValue>>;
  /** Extra exchange rates (the defaults have CNY, USD, EUR). */
  readonly rates: readonly (readonly [string, number])[];
  /** The company domain reminders may go to. */
  readonly domain: string;
}

const SPAN_DAYS = 730;
// Bound once: these run hundreds of thousands of times in the 10k-account benchmark.
const { floor, max, min, pow, round } = Math;
const round2 = (x: number): number => round(x * 100) / 100;

interface Account {
  readonly id: string;
  readonly owner: string;
  /** Relative buying power (Pareto): a few accounts carry most of the revenue. */
  readonly weight: number;
  /** Days before today the account stopped buying (0 = still buying). */
  readonly stopDays: number;
  readonly status: string;
  /** Typical days between contacts (A accounts are called on more often). */
  readonly cadence: number;
}

const label = (options: readonly EnumOption[], code: string, locale: Locale): string =>
  optionLabel(options, code, locale);

/**
 * A realistic key-account workbook, the same for the same options on every machine: Pareto
 * revenue, two years of orders with returns and several currencies, dormant and lost accounts,
 * accounts drifting away (so some are stale), contacts with birthdays (a few this week), open
 * and overdue actions, plans with reviews, and a handful of data problems on purpose, so that
 * every part of the product has something to show.
 */
export function generateDemo(options: DemoOptions): DemoData {
  const rand = mulberry32(options.seed);
  const { today, locale } = options;
  const w = demoWords(locale);
  const n = max(1, floor(options.accounts));
  const nTx = options.transactions ?? n * 24;
  const ownerCount = min(w.owners.length, max(3, round(n / 15)));
  const owners = w.owners.slice(0, ownerCount).map(([, box]) => `${box}@${w.domain}`);
  const width = max(4, String(n).length);
  const idOf = (i: number): string => `KA-${String(i + 1).padStart(width, '0')}`;

  const accounts: Account[] = [];
  const accountRows: Record<string, CellValue>[] = [];
  for (let i = 0; i < n; i++) {
    const u = rand();
    const status = u < 0.78 ? 'active' : u < 0.86 ? 'prospect' : u < 0.94 ? 'dormant' : 'lost';
    const weight = status === 'prospect' ? 0 : min(400, pow(1 - rand(), -1 / 1.16));
    const stopDays =
      status === 'dormant'
        ? randomInt(rand, 150, 500)
        : status === 'lost'
          ? randomInt(rand, 250, 650)
          : rand() < 0.18
            ? randomInt(rand, 30, 160)
            : 0;
    const owner = owners[floor(rand() * owners.length)];
    const tier =
      weight > 8
        ? 'strategic'
        : weight > 2.5
          ? 'key'
          : status === 'prospect'
            ? 'potential'
            : 'standard';
    const [region, cities] = pickOne(rand, w.regions);
    // Chinese company names run together; English ones have spaces.
    const name = [
      pickOne(rand, w.companyHeads),
      pickOne(rand, w.companyCores),
      pickOne(rand, w.companyTails),
    ].join(pick({ en: ' ', zh: '' }, locale));
    const city = pickOne(rand, cities);
    const street = pickOne(rand, w.streets);
    const no = randomInt(rand, 1, 999);
    accounts.push({
      id: idOf(i),
      owner,
      weight,
      stopDays,
      status,
      cadence: tier === 'strategic' ? 10 : tier === 'key' ? 20 : 40,
    });
    accountRows.push({
      account_id: idOf(i),
      account_name: name,
      parent_account_id: i > 8 && rand() < 0.05 ? idOf(randomInt(rand, 0, 7)) : null,
      industry: pickOne(rand, w.industries),
      region,
      address: pick({ en: `${no} ${street}, ${city}`, zh: `${city}${street}${no}号` }, locale),
      owner_email: owner,
      backup_owner_email: rand() < 0.3 ? owners[floor(rand() * owners.length)] : null,
      tier: label(TIERS, tier, locale),
      status: label(ACCOUNT_STATUSES, status, locale),
      credit_limit:
        status === 'prospect' || rand() < 0.25
          ? null
          : max(50, round(weight * randomInt(rand, 20, 60))) * 1000,
      next_action_date: rand() < 0.4 ? dateCell(today + randomInt(rand, -15, 30)) : null,
      reminders_paused_until: rand() < 0.03 ? dateCell(today + randomInt(rand, 3, 30)) : null,
      notes: rand() < 0.12 ? pickOne(rand, w.notes) : null,
    });
  }

  // ---- transactions: accounts by weight, dates within each account's buying span ----
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += accounts[i].weight;
  const byWeight = (r: number): number => {
    const x = r * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const transactions: Record<string, CellValue>[] = new Array(total > 0 ? nTx : 0);
  for (let t = 0; t < transactions.length; t++) {
    const a = accounts[byWeight(rand())];
    const end = today - a.stopDays;
    // Skewed towards recent dates: the business grew over the two years.
    const date = end - floor(pow(rand(), 1.25) * max(1, SPAN_DAYS - a.stopDays));
    const [product, price] = pickOne(rand, w.products);
    const quantity = 1 + floor(rand() * rand() * 30);
    const unit = round2(price * (0.9 + rand() * 0.2));
    const roll = rand();
    let currency: string | null = null;
    let unitPrice = unit;
    if (roll < 0.07) [currency, unitPrice] = ['USD', round2(unit / 7.1)];
    else if (roll < 0.1) [currency, unitPrice] = ['EUR', round2(unit / 7.8)];
    else if (roll < 0.12) [currency, unitPrice] = ['JPY', round(unit / 0.047)];
    const isReturn = rand() < 0.03;
    // Most rows give quantity × unit price and leave the amount blank, as order exports do.
    const amount = isReturn
      ? -round2(quantity * unitPrice * (0.2 + rand() * 0.8))
      : rand() < 0.35
        ? round2(quantity * unitPrice)
        : null;
    let due: Day | null = null;
    let paid: Day | null = null;
    if (!isReturn && rand() < 0.75) {
      due = date + (rand() < 0.7 ? 30 : 60);
      if (due <= today) {
        const slow = a.weight > 0 && a.id.charCodeAt(a.id.length - 1) % 7 === 0; // a few slow payers
        if (rand() >= (slow ? 0.35 : today - due < 60 ? 0.1 : 0.01))
          paid = min(
            today,
            max(date, due + (slow ? randomInt(rand, 10, 90) : randomInt(rand, -8, 8))),
          );
      } else if (rand() < 0.25) paid = date + floor(rand() * (today - date + 1));
    }
    transactions[t] = {
      date: dateCell(date),
      account_id: a.id,
      product,
      quantity: isReturn ? null : quantity,
      unit_price: isReturn ? null : unitPrice,
      amount,
      currency,
      payment_due_date: due === null ? null : dateCell(due),
      paid_date: paid === null ? null : dateCell(paid),
      notes: isReturn ? w.returnNote : null,
    };
  }
  transactions.sort((x, y) => dayOf(x.date) - dayOf(y.date));
  const contactRows = contacts(rand, w, accounts, today, locale);
  const interactionRows = interactions(rand, w, accounts, today, locale);
  const actionRows = actions(rand, w, accounts, today, locale);
  const planRows = plans(rand, w, accounts, today);
  addProblems(
    rand,
    accountRows,
    transactions,
    interactionRows,
    today,
    label(ACCOUNT_STATUSES, 'active', locale),
  );
  // Drawn from a stream of their own, so adding them left every other sheet as it was.
  const opportunityRows = opportunities(mulberry32(options.seed + 7), w, accounts, today, locale);

  return {
    rows: {
      accounts: accountRows,
      contacts: contactRows,
      transactions,
      interactions: interactionRows,
      actions: actionRows,
      plans: planRows,
      opportunities: opportunityRows,
    },
    settings: {
      allowed_recipient_domains: w.domain,
      reminder_sender_name: w.senderName,
      escalation_cc: `${w.director}@${w.domain}`,
      // The director also gets the weekly manager digest, so the demo shows one.
      manager_emails: `${w.director}@${w.domain}`,
    },
    rates: [['JPY', 0.047]],
    domain: w.domain,
  };
}

function dayOf(v: CellValue): number {
  return typeof v === 'object' && v !== null && v.kind === 'date' ? v.day : 0;
}

function contacts(
  rand: () => number,
  w: DemoWords,
  accounts: readonly Account[],
  today: Day,
  locale: Locale,
): DemoRow[] {
  const rows: DemoRow[] = [];
  const { y } = ymdFromDay(today);
  accounts.forEach((a, i) => {
    const count = a.status === 'prospect' ? randomInt(rand, 0, 1) : randomInt(rand, 1, 4);
    for (let c = 0; c < count; c++) {
      const [given, givenRoman] = pickOne(rand, w.given);
      const [family, familyRoman] = pickOne(rand, w.family);
      let birthday: CellValue = null;
      const roll = rand();
      if (roll < 0.08) {
        // A birthday this week, so the demo digests have care items.
        const soon = ymdFromDay(today + randomInt(rand, 0, 6));
        birthday = w.monthDay(soon.m, soon.d);
      } else if (roll < 0.6) {
        const m = randomInt(rand, 1, 12);
        const d = randomInt(rand, 1, daysInMonth(2001, m));
        // People often know the day but not the year.
        birthday =
          rand() < 0.4
            ? dateCell(dayFromYmd(randomInt(rand, y - 60, y - 25), m, min(d, 28)))
            : w.monthDay(m, d);
      }
      rows.push({
        account_id: a.id,
        name: w.fullName(given, family),
        title: pickOne(rand, w.titles),
        email: rand() < 0.85 ? `${givenRoman}.${familyRoman}@customer${i + 1}.example` : null,
        phone:
          rand() < 0.7
            ? `+86 ${randomInt(rand, 130, 189)} ${randomInt(rand, 1000, 9999)} ${randomInt(rand, 1000, 9999)}`
            : null,
        role:
          rand() < 0.85 ? label(CONTACT_ROLES, pickOne(rand, CONTACT_ROLES).code, locale) : null,
        influence: randomInt(rand, 1, 5),
        relationship: randomInt(rand, 1, 5),
        birthday,
        notes: null,
      });
    }
  });
  return rows;
}

function interactions(
  rand: () => number,
  w: DemoWords,
  accounts: readonly Account[],
  today: Day,
  locale: Locale,
): Record<string, CellValue>[] {
  const rows: Record<string, CellValue>[] = [];
  for (const a of accounts) {
    if (a.status === 'lost' && rand() < 0.5) continue;
    // Walk back from the last contact at the account's cadence, with some jitter.
    const drift =
      a.stopDays > 0 ? floor(a.stopDays * 0.8) : rand() < 0.2 ? randomInt(rand, 10, 80) : 0;
    let date = today - drift - randomInt(rand, 0, a.cadence);
    const count = randomInt(rand, 2, a.cadence <= 10 ? 14 : 8);
    for (let k = 0; k < count && date > today - SPAN_DAYS; k++) {
      const complaint = rand() < 0.05;
      rows.push({
        date: dateCell(date),
        account_id: a.id,
        type: label(INTERACTION_TYPES, pickOne(rand, INTERACTION_TYPES).code, locale),
        owner_email: a.owner,
        summary: pickOne(rand, w.summaries),
        next_step: pickOne(rand, w.nextSteps) || null,
        satisfaction: rand() < 0.6 ? min(5, max(1, round(3.9 + (rand() - 0.5) * 3))) : null,
        complaint: label(YES_NO, complaint ? 'yes' : 'no', locale),
        complaint_status: complaint
          ? label(COMPLAINT_STATUSES, rand() < 0.4 ? 'open' : 'closed', locale)
          : null,
      });
      date -= randomInt(rand, floor(a.cadence / 2), a.cadence * 3);
    }
  }
  return rows.sort((x, y) => dayOf(x.date) - dayOf(y.date));
}

function actions(
  rand: () => number,
  w: DemoWords,
  accounts: readonly Account[],
  today: Day,
  locale: Locale,
): DemoRow[] {
  const rows: DemoRow[] = [];
  for (const a of accounts) {
    if (a.status === 'lost') continue;
    const count = randomInt(rand, 0, 2);
    for (let k = 0; k < count; k++) {
      const start = today - randomInt(rand, 0, 90);
      const due = start + randomInt(rand, 7, 45);
      // Old actions are mostly done; the open ones are recent, a few slipped past their date.
      const u = due < today - 7 ? rand() * 0.6 + (rand() < 0.85 ? 0 : 0.4) : rand();
      const status =
        u < 0.45 ? 'done' : u < 0.7 ? 'in_progress' : u < 0.92 ? 'not_started' : 'blocked';
      rows.push({
        task: pickOne(rand, w.tasks),
        account_id: a.id,
        owner_email: rand() < 0.85 ? a.owner : null,
        start_date: dateCell(start),
        due_date: dateCell(due),
        status: label(ACTION_STATUSES, status, locale),
        completed_date:
          status === 'done' ? dateCell(min(today, start + randomInt(rand, 1, 40))) : null,
        outcome: status === 'done' ? pickOne(rand, w.outcomes) || null : null,
      });
    }
  }
  return rows;
}

function plans(
  rand: () => number,
  w: DemoWords,
  accounts: readonly Account[],
  today: Day,
): DemoRow[] {
  const { y, m } = ymdFromDay(today);
  const rows: DemoRow[] = [];
  for (const a of accounts) {
    if (a.weight < 1.5 || rand() < 0.3) continue;
    rows.push({
      account_id: a.id,
      period: rand() < 0.5 ? String(y) : `${y}-Q${floor((m - 1) / 3) + 1}`,
      challenges: pickOne(rand, w.challenges),
      goals: pickOne(rand, w.goals),
      special_requirements: pickOne(rand, w.requirements) || null,
      value_proposition: pickOne(rand, w.propositions),
      revenue_target: round(a.weight * randomInt(rand, 40, 120)) * 1000,
      next_review_date: dateCell(today + randomInt(rand, -20, 60)),
    });
  }
  return rows;
}

/**
 * Deals of the active accounts, larger for the big ones: most open across the four stages (some
 * stalled, some past their expected close), a third closed in the last year (won more often
 * than lost), stage dates as the edit trigger would have stamped them.
 */
function opportunities(
  rand: () => number,
  w: DemoWords,
  accounts: readonly Account[],
  today: Day,
  locale: Locale,
): DemoRow[] {
  const rows: DemoRow[] = [];
  let n = 0;
  for (const a of accounts) {
    if (a.status === 'lost' || a.status === 'prospect') continue;
    const count = a.weight > 1.5 ? randomInt(rand, 1, 3) : randomInt(rand, 0, 1);
    for (let k = 0; k < count; k++) {
      const u = rand();
      const stage =
        u < 0.18
          ? 'lead'
          : u < 0.36
            ? 'qualified'
            : u < 0.52
              ? 'proposal'
              : u < 0.64
                ? 'negotiation'
                : u < 0.86
                  ? 'won'
                  : 'lost';
      const closed = stage === 'won' || stage === 'lost';
      const changed = today - randomInt(rand, 1, closed ? 330 : 45);
      const [product] = pickOne(rand, w.products);
      const amount = round(a.weight * randomInt(rand, 20, 150)) * 1000;
      rows.push({
        opportunity_id: `OP-${String(++n).padStart(4, '0')}`,
        account_id: a.id,
        name: pickOne(rand, w.deals).replace('{product}', product),
        owner_email: rand() < 0.8 ? null : a.owner,
        stage: label(OPPORTUNITY_STAGES, stage, locale),
        amount,
        currency: null,
        // Most leave it to the stage default; some judge for themselves.
        probability: !closed && rand() < 0.25 ? randomInt(rand, 2, 9) * 10 : null,
        expected_close_date: closed ? null : dateCell(today + randomInt(rand, -15, 150)),
        stage_changed_date: dateCell(changed),
        closed_date: closed ? dateCell(changed) : null,
        lost_reason: stage === 'lost' ? pickOne(rand, w.lostReasons) : null,
        product,
        next_step: closed ? null : pickOne(rand, w.nextSteps) || null,
      });
    }
  }
  return rows;
}

/**
 * A few mistakes real sheets have, so `data_issues` and `kam check` have something to show:
 * an impossible date, a number with a typo, a currency without a rate, an unknown account, a
 * future-dated order, a broken owner address, an owner outside the company domain, a duplicate
 * account ID, an out-of-range score, and a note that looks like a formula (it stays text).
 */
function addProblems(
  rand: () => number,
  accounts: Record<string, CellValue>[],
  transactions: Record<string, CellValue>[],
  interactionRows: Record<string, CellValue>[],
  today: Day,
  active: string,
): void {
  const pickRow = <T>(rows: T[]): T | undefined => rows[floor(rand() * rows.length)];
  const tx = (patch: Record<string, CellValue>): void => {
    const base = pickRow(transactions);
    if (base) transactions.push({ ...base, ...patch });
  };
  tx({ date: '2025/13/45' });
  tx({ amount: '12,5O0', quantity: null, unit_price: null });
  tx({ currency: 'GBP' });
  tx({ account_id: 'KA-99999' });
  tx({ date: dateCell(today + 20) });
  const owned = accounts.filter((r) => r.owner_email !== null);
  const broken = pickRow(owned);
  if (broken) broken.owner_email = String(broken.owner_email).replace(/@.*/, '@');
  // An active account, so the block shows in data_issues and reminder_log.
  const outsider = pickRow(
    owned.filter((r) => r !== broken && r.status === active && r.reminders_paused_until === null),
  );
  if (outsider) outsider.owner_email = 'partner.agent@gmail.com';
  const noted = pickRow(accounts);
  if (noted) noted.notes = '=HYPERLINK("http://example.com","click me")';
  if (accounts.length > 3)
    accounts.push({ ...accounts[1], account_name: `${String(accounts[1].account_name)} (copy)` });
  const scored = pickRow(interactionRows);
  if (scored) scored.satisfaction = 7;
}
