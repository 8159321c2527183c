import { SAMPLE_INDUSTRIES } from './industries';
import { daysInMonth, ymdFromDay, type Day } from '../calendar/day';
import type {
  AccountRecord,
  ActionRecord,
  ContactRecord,
  InteractionRecord,
  KamModel,
  OpportunityRecord,
  PlanRecord,
  StageCode,
  TransactionRecord,
} from '../model/records';
import { DEFAULT_SETTINGS, type Settings } from '../settings/model';
import { stageProbability } from '../rules/opportunities';
import { mulberry32, pickOne, randomInt } from './random';

export interface GenerateOptions {
  readonly accounts: number;
  readonly transactions: number;
  readonly seed: number;
  readonly today: Day;
  /** Averages per account; defaults 6, 2, 2.5 and 0.4. */
  readonly interactionsPerAccount?: number;
  readonly actionsPerAccount?: number;
  readonly contactsPerAccount?: number;
  readonly plansPerAccount?: number;
  /** Average opportunities per account; default 2 (the benchmark uses 5). */
  readonly opportunitiesPerAccount?: number;
  /** Defaults to DEFAULT_SETTINGS with USD and EUR rates. */
  readonly settings?: Settings;
}

// Bound once: under jest every `Math.x` is a global lookup through the vm context, ~30× slower.
const { ceil, floor, max, min, pow, round } = Math;

const NAME_HEADS = [
  'Huadong',
  'Jinghua',
  'Pacific',
  'Nordlicht',
  'Golden Bridge',
  'Yangtze',
  'Sunrise',
  'Meridian',
  'Lotus',
  'Pearl River',
  'Summit',
  'Harbin',
  'Alpine',
  'Orient',
  'Evergreen',
  'Silverline',
  '华东',
  '京华',
  '长江',
  '珠江',
  '东方',
  '恒通',
  '瑞丰',
  '金桥',
];
const NAME_TAILS = [
  'Precision Manufacturing',
  'Logistics',
  'Medical Devices',
  'Foods',
  'Electronics',
  'Chemicals',
  'Automotive Parts',
  'Retail Group',
  'Packaging',
  'Textiles',
  '精密制造有限公司',
  '物流有限公司',
  '医疗器械有限公司',
  '食品有限公司',
  '电子科技有限公司',
];
// English industries and two Chinese ones, so generated data mixes scripts as real sheets do.
const INDUSTRIES = [
  ...SAMPLE_INDUSTRIES.en.filter((i) => i !== 'Energy'),
  SAMPLE_INDUSTRIES.zh[0],
  '医疗',
];
const REGIONS = [
  'East China',
  'North China',
  'South China',
  'West China',
  'APAC',
  'EMEA',
  '华东',
  '华南',
];
const PRODUCTS = [
  'Sensor S1',
  'Sensor S2',
  'Controller C5',
  'Valve V10',
  'Pump P3',
  'Service Plan',
  'Spare Parts',
  'Installation',
  'Training',
  '软件许可',
];
const PRICES = [120, 180, 950, 310, 2400, 5000, 45, 800, 1500, 3000];
const INTERACTION_TYPES = ['visit', 'call', 'email', 'meeting', 'chat', 'follow_up'];
const SUMMARIES = [
  'Quarterly review',
  'Price discussion',
  'Delivery issue',
  'New project kickoff',
  'Technical support',
  '年度合同续签',
  '拜访采购部',
];
const NEXT_STEPS = ['Send quotation', 'Arrange demo', 'Follow up on delivery', '', '准备报价', ''];
const TASKS = [
  'Prepare annual plan',
  'Send renewal offer',
  'Resolve invoice dispute',
  'Organise site visit',
  'Collect feedback',
  '整理客户需求',
  '安排高层拜访',
];
const OUTCOMES = ['', 'Offer accepted', 'Meeting held', '已完成拜访'];
const FIRST = [
  'Wei',
  'Li',
  'Anna',
  'Max',
  'Chen',
  'Sofia',
  'Jun',
  'Tom',
  '王芳',
  '李强',
  '张伟',
  '刘洋',
];
const LAST = ['Zhang', 'Wang', 'Müller', 'Smith', 'Liu', 'Rossi', 'Zhao', ''];
const TITLES = ['Purchasing Manager', 'CEO', 'Plant Manager', 'Engineer', '采购经理', '总经理'];
const ROLES: readonly (string | null)[] = [
  'decision_maker',
  'influencer',
  'user',
  'gatekeeper',
  null,
];

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

function round2(x: number): number {
  return round(x * 100) / 100;
}

/**
 * A deterministic sample KamModel: the same options give the same model on every host.
 * Revenue is Pareto-distributed across accounts (a few accounts carry most of it), about 3 % of
 * transactions are returns, about 5 % were in USD or EUR and are already converted to the home
 * currency, dormant and lost accounts stopped buying months ago, and prospects have not bought.
 */
export function generateModel(options: GenerateOptions): KamModel {
  const rand = mulberry32(options.seed);
  const today = options.today;
  const nAcc = max(0, floor(options.accounts));
  const nTx = nAcc === 0 ? 0 : max(0, floor(options.transactions));
  const settings = options.settings ?? {
    ...DEFAULT_SETTINGS,
    rates: new Map([
      ['CNY', 1],
      ['USD', 7.1],
      ['EUR', 7.8],
    ]),
  };
  const home = settings.homeCurrency;
  const foreign = [...settings.rates.entries()].filter(([code]) => code !== home);
  const width = max(5, String(nAcc).length);
  const owners = max(3, ceil(nAcc / 40));

  // ---- accounts ----
  const accounts: AccountRecord[] = new Array(nAcc);
  const weight = new Float64Array(nAcc);
  const stopDays = new Int32Array(nAcc); // days before today the account stopped buying
  const ownerOf: string[] = new Array(nAcc);
  for (let i = 0; i < nAcc; i++) {
    const u = rand();
    const status = u < 0.8 ? 'active' : u < 0.88 ? 'prospect' : u < 0.95 ? 'dormant' : 'lost';
    // Pareto (alpha 1.16, the "80/20" shape), capped so one account cannot swallow everything.
    const w = status === 'prospect' ? 0 : min(1000, pow(1 - rand(), -1 / 1.16));
    weight[i] = w;
    stopDays[i] =
      status === 'dormant'
        ? randomInt(rand, 150, 500)
        : status === 'lost'
          ? randomInt(rand, 250, 700)
          : rand() < 0.15
            ? randomInt(rand, 40, 200) // drifting away
            : 0;
    const owner = `owner${randomInt(rand, 1, owners)}@example.com`;
    ownerOf[i] = owner;
    const tier =
      w > 8
        ? 'strategic'
        : w > 3
          ? 'key'
          : status === 'prospect'
            ? 'potential'
            : rand() < 0.1
              ? null
              : 'standard';
    const limitRoll = rand();
    accounts[i] = {
      row: i + 2,
      id: `ACC-${pad(i + 1, width)}`,
      name: `${pickOne(rand, NAME_HEADS)} ${pickOne(rand, NAME_TAILS)} ${i + 1}`,
      parentId: i > 10 && rand() < 0.05 ? `ACC-${pad(randomInt(rand, 1, i), width)}` : null,
      industry: pickOne(rand, INDUSTRIES),
      region: pickOne(rand, REGIONS),
      address: rand() < 0.5 ? `${randomInt(rand, 1, 999)} Industrial Road` : '',
      ownerEmail: rand() < 0.98 ? owner : null,
      backupOwnerEmail: rand() < 0.3 ? `owner${randomInt(rand, 1, owners)}@example.com` : null,
      tier,
      status,
      creditLimit:
        limitRoll < 0.3 ? null : limitRoll < 0.33 ? 0 : round(w * randomInt(rand, 20, 120)) * 1000,
      nextActionDate: rand() < 0.4 ? today + randomInt(rand, -20, 30) : null,
      remindersPausedUntil: rand() < 0.03 ? today + randomInt(rand, -10, 20) : null,
      notes: rand() < 0.01 ? '=needs review' : rand() < 0.1 ? 'Prefers WeChat' : '',
    };
  }

  // ---- transactions: account by weight, date within its active span ----
  const cumulative = new Float64Array(nAcc);
  let totalWeight = 0;
  for (let i = 0; i < nAcc; i++) {
    totalWeight += weight[i];
    cumulative[i] = totalWeight;
  }
  if (totalWeight === 0 && nAcc > 0) {
    for (let i = 0; i < nAcc; i++) cumulative[i] = i + 1;
    totalWeight = nAcc;
  }
  const pickAccount = (r: number): number => {
    const x = r * totalWeight;
    let lo = 0;
    let hi = nAcc - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const span = 730; // two years of history
  const transactions: TransactionRecord[] = new Array(nTx);
  for (let t = 0; t < nTx; t++) {
    const a = pickAccount(rand());
    const end = today - stopDays[a];
    const date = end - floor(rand() * max(1, span - stopDays[a]));
    const p = floor(rand() * PRODUCTS.length);
    const qty = 1 + floor(rand() * rand() * 40);
    let amount = round2(PRICES[p] * qty * (0.9 + rand() * 0.2));
    let currency = home;
    const roll = rand();
    if (roll < 0.03) amount = -round2(amount * (0.1 + rand() * 0.9));
    else if (roll < 0.08 && foreign.length > 0) {
      const [code, rate] = foreign[floor(rand() * foreign.length)];
      currency = code;
      amount = round2(round2(amount / rate) * rate);
    }
    let paymentDueDate: Day | null = null;
    let paidDate: Day | null = null;
    if (amount > 0 && rand() < 0.7) {
      paymentDueDate = date + (rand() < 0.7 ? 30 : 60);
      if (paymentDueDate <= today) {
        // Most invoices are paid around the due date; a few recent ones are still open.
        const open = today - paymentDueDate < 90 ? 0.12 : 0.01;
        if (rand() >= open) {
          const delay = rand() < 0.8 ? randomInt(rand, -10, 10) : randomInt(rand, 11, 75);
          paidDate = min(today, max(date, paymentDueDate + delay));
        }
      } else if (rand() < 0.3) {
        paidDate = date + floor(rand() * (today - date + 1));
      }
    }
    transactions[t] = {
      row: t + 2,
      date,
      accountId: accounts[a].id,
      product: PRODUCTS[p],
      amount,
      currency,
      paymentDueDate,
      paidDate,
    };
  }

  // ---- interactions ----
  const nInt = round(nAcc * (options.interactionsPerAccount ?? 6));
  const interactions: InteractionRecord[] = new Array(nInt);
  for (let k = 0; k < nInt; k++) {
    const a = rand() < 0.5 ? pickAccount(rand()) : floor(rand() * nAcc);
    const date = today - floor(stopDays[a] * 0.7) - floor(rand() * rand() * 400);
    const complaint = rand() < 0.04;
    interactions[k] = {
      row: k + 2,
      date,
      accountId: accounts[a].id,
      type: pickOne(rand, INTERACTION_TYPES),
      ownerEmail: ownerOf[a],
      summary: pickOne(rand, SUMMARIES),
      nextStep: pickOne(rand, NEXT_STEPS),
      satisfaction: rand() < 0.6 ? min(5, max(1, round(3.8 + (rand() - 0.5) * 3))) : null,
      complaint,
      complaintStatus: complaint ? (rand() < 0.4 ? 'open' : 'closed') : null,
    };
  }

  // ---- actions ----
  const nAct = round(nAcc * (options.actionsPerAccount ?? 2));
  const actions: ActionRecord[] = new Array(nAct);
  for (let k = 0; k < nAct; k++) {
    const a = floor(rand() * nAcc);
    const start = today - randomInt(rand, 0, 120);
    const due = start + randomInt(rand, 5, 60);
    const u = rand();
    const status =
      u < 0.5
        ? 'done'
        : u < 0.7
          ? 'in_progress'
          : u < 0.9
            ? 'not_started'
            : u < 0.95
              ? 'blocked'
              : null;
    actions[k] = {
      row: k + 2,
      task: pickOne(rand, TASKS),
      accountId: rand() < 0.02 ? null : accounts[a].id,
      ownerEmail: rand() < 0.7 ? ownerOf[a] : null,
      startDate: start,
      dueDate: rand() < 0.95 ? due : null,
      status,
      completedDate:
        status === 'done' && rand() < 0.9 ? min(today, start + randomInt(rand, 0, 70)) : null,
      outcome: status === 'done' ? pickOne(rand, OUTCOMES) : '',
    };
  }

  // ---- contacts ----
  const contacts: ContactRecord[] = [];
  const perAccount = options.contactsPerAccount ?? 2.5;
  for (let a = 0; a < nAcc; a++) {
    const count = rand() < 0.1 ? 0 : floor(rand() * 2 * perAccount + 0.5);
    for (let c = 0; c < count; c++) {
      const first = pickOne(rand, FIRST);
      const last = first.length <= 2 ? pickOne(rand, LAST) : '';
      const month = randomInt(rand, 1, 12);
      contacts.push({
        row: contacts.length + 2,
        accountId: accounts[a].id,
        name: last ? `${first} ${last}` : first,
        title: pickOne(rand, TITLES),
        email: rand() < 0.8 ? `contact${contacts.length + 1}@customer${a + 1}.example` : null,
        phone: rand() < 0.6 ? `+86 21 ${pad(randomInt(rand, 0, 99999999), 8)}` : '',
        role: pickOne(rand, ROLES),
        influence: rand() < 0.7 ? randomInt(rand, 1, 5) : null,
        relationship: rand() < 0.7 ? randomInt(rand, 1, 5) : null,
        birthday: rand() < 0.5 ? birthday(rand, month) : null,
      });
    }
  }

  // ---- plans ----
  const year = ymdFromDay(today).y;
  const nPlans = round(nAcc * (options.plansPerAccount ?? 0.4));
  const plans: PlanRecord[] = new Array(nPlans);
  for (let k = 0; k < nPlans; k++) {
    const a = floor(rand() * nAcc);
    plans[k] = {
      row: k + 2,
      accountId: accounts[a].id,
      period: rand() < 0.5 ? String(year) : `${year}-Q${randomInt(rand, 1, 4)}`,
      challenges: 'Price pressure from local competitors',
      goals: 'Grow share of wallet',
      specialRequirements: rand() < 0.3 ? 'Bilingual invoices' : '',
      valueProposition: 'Local service within 24 h',
      revenueTarget: rand() < 0.8 ? round(weight[a] * randomInt(rand, 50, 200)) * 1000 : null,
      nextReviewDate: rand() < 0.8 ? today + randomInt(rand, -30, 90) : null,
      reviewCadenceMonths: 3,
    };
  }

  // ---- opportunities: most open, a third closed in the last year; stage dates spread so some
  // have stalled and some are past their expected close ----
  const STAGES: readonly StageCode[] = [
    'lead',
    'qualified',
    'proposal',
    'negotiation',
    'won',
    'lost',
  ];
  const nOpps = round(nAcc * (options.opportunitiesPerAccount ?? 2));
  const opportunities: OpportunityRecord[] = new Array(nOpps);
  for (let k = 0; k < nOpps; k++) {
    const a = floor(rand() * nAcc);
    const stage = STAGES[min(STAGES.length - 1, floor(rand() * STAGES.length))];
    const closed = stage === 'won' || stage === 'lost';
    const amount = round(weight[a] * randomInt(rand, 5, 80)) * 1000;
    const changed = today - randomInt(rand, 0, 60);
    opportunities[k] = {
      row: k + 2,
      id: `OP-${String(k + 1).padStart(6, '0')}`,
      accountId: accounts[a].id,
      name: `${pickOne(rand, PRODUCTS)} ${year}`,
      ownerEmail: null,
      stage,
      amount,
      currency: settings.homeCurrency,
      amountHome: amount,
      probability: stageProbability(stage),
      expectedCloseDate: today + randomInt(rand, -20, 120),
      stageChangedDate: changed,
      closedDate: closed ? changed : null,
      lostReason: stage === 'lost' ? 'Price' : '',
      product: pickOne(rand, PRODUCTS),
      nextStep: closed ? '' : 'Follow up on the proposal',
    };
  }

  return {
    accounts,
    contacts,
    transactions,
    interactions,
    actions,
    plans,
    opportunities,
    settings,
  };
}

/** A birthday in `month`; the year is known 60 % of the time, and 29 Feb only in leap years. */
function birthday(
  rand: () => number,
  month: number,
): { month: number; day: number; year: number | null } {
  const year = rand() < 0.6 ? randomInt(rand, 1960, 2000) : null;
  return { month, day: randomInt(rand, 1, daysInMonth(year ?? 2024, month)), year };
}
