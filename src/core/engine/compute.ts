import { addMonthsClamped, type Day } from '../calendar/day';
import type { AccountMetrics, RfmScore } from '../model/metrics';
import type { KamModel, TransactionRecord } from '../model/records';
import type { AccountFacts } from './facts';
import { abcCode, classifyAbcIndexed } from '../rules/abc';
import { roundSum } from '../rules/amounts';
import { staleness } from '../rules/activity';
import { churnFromSortedDates } from '../rules/churn';
import { invoiceOverdueDays, isUnpaid, ratingFromTotals } from '../rules/credit';
import { healthBand, healthComponents, healthScore } from '../rules/health';
import { rfmScore, rfmSegment, scoreRfmIndexed } from '../rules/rfm';
import { isOpenComplaint } from '../rules/risk/complaint';
import { riskFlags } from '../rules/risk/flags';
import {
  addToPipeline,
  emptyPipeline,
  winRate,
  type PipelineFigures,
} from '../rules/opportunities';
import { parsePeriod, periodContains, type Period } from '../rules/risk/period';
import { planAttainment, planOf, preferPlan, type CurrentPlan } from '../rules/risk/plan-behind';
import { analysisWindow, previousWindow, type DayWindow } from '../rules/window';
import { groupTops } from '../rules/groups';
import { crossSell, productMix } from '../rules/products';

/** "No date" in the Int32Array accumulators: below every real Day. */
const NO_DAY = -0x80000000;
/** "No date" where the earliest date is kept: above every real Day. */
const NO_DAY_MAX = 0x7fffffff;

/**
 * Every figure of docs/rules.md and docs/looker.md for every account, in the order of `model.accounts`.
 *
 * One pass over each record list, accumulating per account into typed arrays keyed by the
 * account's index (rows whose account is unknown, or dated after today, are skipped), then one
 * counting sort of the positive-amount dates by account for frequency and churn, one sort for ABC
 * and three for RFM. The hot loops allocate nothing per row.
 */
/**
 * Opportunities in ID order (IDs are unique once the parser has left out repeated ones): the
 * sums are then the same whatever the row order (floating-point addition is not associative).
 */
function byId<T extends { readonly id: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function computeMetrics(model: KamModel, today: Day): AccountMetrics[] {
  const { accounts, settings } = model;
  const n = accounts.length;
  const index = accountIndex(model);

  const months = settings.analysisWindowMonths;
  const win = analysisWindow(today, months);
  const prev = previousWindow(win, months);

  // ---- plans: each account's current plan (docs/rules.md "Risk flags") ----
  const { plan, periodFirst } = currentPlans(model, index, today);

  // ---- opportunities (docs/rules.md "Opportunities") ----
  const pipeline: PipelineFigures[] = new Array(n);
  for (let a = 0; a < n; a++) pipeline[a] = emptyPipeline();
  for (const o of byId(model.opportunities)) {
    const a = index.get(o.accountId);
    if (a !== undefined) addToPipeline(pipeline[a], o, settings, today, win);
  }

  // ---- transactions: summed here, or by a SQL engine (model.facts) ----
  const facts =
    model.facts ?? accountFacts(model.transactions, index, n, today, win, prev, periodFirst);
  const rev12 = facts.revenue12m;
  const revPrev = facts.revenuePrev12m;
  const rev90 = facts.revenue90;
  const revPrev90 = facts.revenuePrev90;
  const periodRev = facts.periodRevenue;
  const unpaid = facts.unpaid;
  const orders = facts.orders12m;
  const lastOrder = facts.lastOrder;
  const lastAct = Int32Array.from(facts.lastTransaction);
  const maxOverdue = facts.maxOverdue;
  const posStart = facts.positiveStart;
  const grouped = Int32Array.from(facts.positiveDates);

  // Each account's positive-amount dates, sorted and made distinct in place.
  let maxGroup = 0;
  for (let a = 0; a < n; a++) maxGroup = Math.max(maxGroup, posStart[a + 1] - posStart[a]);
  const scratch = new Float64Array(maxGroup);
  const frequency = new Int32Array(n);
  const churn: AccountMetrics['churnRisk'][] = new Array(n);
  for (let a = 0; a < n; a++) {
    const from = posStart[a];
    const size = posStart[a + 1] - from;
    if (size === 0) {
      churn[a] = 'insufficient_history';
      continue;
    }
    const dates = grouped.subarray(from, from + size).sort();
    let distinct = 0;
    let inWindow = 0;
    for (let k = 0; k < size; k++) {
      const d = dates[k];
      if (distinct > 0 && d === dates[distinct - 1]) continue;
      dates[distinct++] = d;
      if (d >= win.start) inWindow++;
    }
    frequency[a] = inWindow;
    churn[a] = churnFromSortedDates(dates, distinct, today, scratch);
  }

  // ---- interactions ----
  // avg_satisfaction uses the analysis window (docs/looker.md); the health score always the last
  // 12 months (docs/rules.md). They differ only when analysis_window_months is not 12.
  const satSum = new Float64Array(n);
  const satCount = new Int32Array(n);
  const sat12Sum = new Float64Array(n);
  const sat12Count = new Int32Array(n);
  const healthSatStart = addMonthsClamped(today, -12);
  const complaints = new Int32Array(n);
  const oldestComplaint = new Int32Array(n).fill(NO_DAY_MAX);
  for (const it of model.interactions) {
    const a = index.get(it.accountId);
    if (a === undefined) continue;
    const d = it.date;
    if (d <= today) {
      if (d > lastAct[a]) lastAct[a] = d;
      const s = it.satisfaction;
      if (s !== null && d >= win.start) {
        satSum[a] += s;
        satCount[a]++;
      }
      if (s !== null && d >= healthSatStart) {
        sat12Sum[a] += s;
        sat12Count[a]++;
      }
    }
    if (isOpenComplaint(it)) {
      complaints[a]++;
      if (d < oldestComplaint[a]) oldestComplaint[a] = d;
    }
  }

  // ---- actions ----
  const openActions = new Int32Array(n);
  const overdueActions = new Int32Array(n);
  for (const ac of model.actions) {
    if (ac.accountId === null) continue;
    const a = index.get(ac.accountId);
    if (a === undefined) continue;
    if (ac.status === 'done') {
      const c = ac.completedDate;
      if (c !== null && c <= today && c > lastAct[a]) lastAct[a] = c;
    } else {
      openActions[a]++;
      if (ac.dueDate !== null && ac.dueDate < today) overdueActions[a]++;
    }
  }

  // ---- contacts ----
  const contacts = new Int32Array(n);
  const decisionMaker = new Uint8Array(n);
  for (const c of model.contacts) {
    if (c.accountId === null) continue;
    const a = index.get(c.accountId);
    if (a === undefined) continue;
    contacts[a]++;
    if (c.role === 'decision_maker') decisionMaker[a] = 1;
  }

  // ---- ABC over every account, RFM over accounts with a positive amount in the window ----
  const ids = accounts.map((x) => x.id);
  const abc = classifyAbcIndexed(ids, rev12, settings.abcCutoffA, settings.abcCutoffB);
  const scoredIdx = new Int32Array(n);
  let ns = 0;
  for (let a = 0; a < n; a++) if (orders[a] > 0) scoredIdx[ns++] = a;
  const rRec = new Float64Array(ns);
  const rFreq = new Float64Array(ns);
  const rMon = new Float64Array(ns);
  for (let k = 0; k < ns; k++) {
    const a = scoredIdx[k];
    rRec[k] = today - lastOrder[a];
    rFreq[k] = frequency[a];
    rMon[k] = rev12[a];
  }
  const rfmScores = scoreRfmIndexed(rRec, rFreq, rMon, ns);
  const rfm: (RfmScore | null)[] = new Array(n).fill(null);
  for (let k = 0; k < ns; k++) {
    const a = scoredIdx[k];
    rfm[a] = rfmScore(rRec[k], rFreq[k], rMon[k], rfmScores.r[k], rfmScores.f[k], rfmScores.m[k]);
  }

  // ---- groups and products (docs/rules.md "Groups" and "Cross-sell") ----
  const tops = groupTops(accounts);
  const mix = facts.products;
  const suggestions = crossSell(accounts, mix, settings);

  // ---- per-account results ----
  const out: AccountMetrics[] = new Array(n);
  for (let a = 0; a < n; a++) {
    const acc = accounts[a];
    const abcClass = abcCode(abc[a]);
    const lastActivityDate = lastAct[a] === NO_DAY ? null : lastAct[a];
    const daysSinceActivity = lastActivityDate === null ? null : today - lastActivityDate;
    const st = staleness(
      {
        lastActivityDate,
        abcClass,
        status: acc.status,
        nextActionDate: acc.nextActionDate,
        remindersPausedUntil: acc.remindersPausedUntil,
      },
      settings,
      today,
    );
    const meanSatisfaction = satCount[a] > 0 ? satSum[a] / satCount[a] : null;
    const healthSatisfaction = sat12Count[a] > 0 ? sat12Sum[a] / sat12Count[a] : null;
    const healthComponentsOf = healthComponents({
      daysSinceActivity,
      staleThreshold: st.threshold,
      revenueLast90: rev90[a],
      revenuePrev90: revPrev90[a],
      meanSatisfaction: healthSatisfaction,
      openComplaints: complaints[a],
      overdueActions: overdueActions[a],
      contactsCount: contacts[a],
      hasDecisionMaker: decisionMaker[a] === 1,
    });
    const score = healthScore(healthComponentsOf, settings.healthWeights);
    const r = rfm[a];
    const creditRating = ratingFromTotals(maxOverdue[a], unpaid[a], acc.creditLimit);
    const currentPlan = plan[a];
    const oldestOpenComplaint = oldestComplaint[a] === NO_DAY_MAX ? null : oldestComplaint[a];
    const flags = riskFlags(
      {
        churnRisk: churn[a],
        abcClass,
        tier: acc.tier,
        revenue12m: rev12[a],
        revenuePrev12m: revPrev[a],
        creditRating,
        oldestOpenComplaint,
        plan: currentPlan,
        periodRevenue: periodRev[a],
        contactsCount: contacts[a],
      },
      settings,
      today,
    );
    out[a] = {
      accountId: acc.id,
      lastActivityDate,
      daysSinceActivity,
      revenue12m: rev12[a],
      revenuePrev12m: revPrev[a],
      orders12m: orders[a],
      lastOrderDate: lastOrder[a] === NO_DAY ? null : lastOrder[a],
      abcClass,
      rfm: r,
      rfmSegment: r === null ? 'no_purchases' : rfmSegment(r.r, r.f),
      churnRisk: churn[a],
      healthScore: score,
      healthBand: healthBand(score),
      healthComponents: healthComponentsOf,
      creditRating,
      staleThreshold: st.threshold,
      stale: st.stale,
      staleReasons: st.reasons,
      dueSoon: st.dueSoon,
      exempt: st.exempt,
      openActions: openActions[a],
      overdueActions: overdueActions[a],
      openComplaints: complaints[a],
      avgSatisfaction: meanSatisfaction === null ? null : Math.round(meanSatisfaction * 100) / 100,
      contactsCount: contacts[a],
      riskFlags: flags,
      periodRevenue: currentPlan === null ? null : periodRev[a],
      planTarget: currentPlan === null ? null : currentPlan.target,
      planAttainment: planAttainment(currentPlan, periodRev[a]),
      planPeriod: currentPlan === null ? null : currentPlan.period,
      oldestOpenComplaint,
      openPipeline: pipeline[a].openPipeline,
      weightedPipeline: pipeline[a].weightedPipeline,
      won12m: pipeline[a].won12m,
      winRate12m: winRate(pipeline[a]),
      stalledOpportunities: pipeline[a].stalled,
      groupId: accounts[tops[a]].id,
      products: mix[a],
      crossSell: suggestions[a],
    };
  }
  return out;
}

/**
 * The account facts (engine/facts.ts) of the in-sheet path: one pass over the transactions,
 * accumulating per account into typed arrays keyed by the account's index (rows whose account is
 * unknown, or dated after today, are skipped), then the products pass. The SQL definition in
 * core/sql computes the same from a file; the parity tests hold the two together.
 */
export function accountFacts(
  txs: readonly TransactionRecord[],
  index: ReadonlyMap<string, number>,
  n: number,
  today: Day,
  win: DayWindow,
  prev: DayWindow,
  periodFirst: Int32Array,
): AccountFacts {
  const last90Start = today - 89;
  const prev90Start = today - 179;
  const periodRev = new Float64Array(n);
  const rev12 = new Float64Array(n);
  const revPrev = new Float64Array(n);
  const rev90 = new Float64Array(n);
  const revPrev90 = new Float64Array(n);
  const orders = new Int32Array(n);
  const lastOrder = new Int32Array(n).fill(NO_DAY);
  const lastAct = new Int32Array(n).fill(NO_DAY);
  const maxOverdue = new Int32Array(n).fill(-1);
  const unpaid = new Float64Array(n);
  const posStart = new Int32Array(n + 1);
  const m = txs.length;
  const posAcc = new Int32Array(m);
  const posDay = new Int32Array(m);
  // Each transaction's account index (−1: unknown), kept for the products pass.
  const txAccount = new Int32Array(m).fill(-1);
  let np = 0;
  for (let t = 0; t < m; t++) {
    const tx = txs[t];
    const a = index.get(tx.accountId);
    if (a === undefined) continue;
    txAccount[t] = a;
    const d = tx.date;
    const amt = tx.amount;
    if (!(d <= today) || !Number.isFinite(amt)) continue;
    if (d > lastAct[a]) lastAct[a] = d;
    if (d >= win.start) {
      rev12[a] += amt;
      if (amt > 0) orders[a]++;
    } else if (d >= prev.start && d <= prev.end) {
      revPrev[a] += amt;
    }
    if (d >= periodFirst[a]) periodRev[a] += amt;
    if (d >= last90Start) rev90[a] += amt;
    else if (d >= prev90Start) revPrev90[a] += amt;
    if (amt > 0) {
      if (d > lastOrder[a]) lastOrder[a] = d;
      posAcc[np] = a;
      posDay[np] = d;
      np++;
      posStart[a + 1]++;
    }
    const due = tx.paymentDueDate;
    if (due !== null) {
      const od = invoiceOverdueDays(due, tx.paidDate, today, win.start);
      if (od >= 0) {
        if (od > maxOverdue[a]) maxOverdue[a] = od;
        if (isUnpaid(tx.paidDate, today)) unpaid[a] += amt;
      }
    }
  }

  for (let a = 0; a < n; a++) {
    rev12[a] = roundSum(rev12[a]);
    revPrev[a] = roundSum(revPrev[a]);
    rev90[a] = roundSum(rev90[a]);
    revPrev90[a] = roundSum(revPrev90[a]);
    unpaid[a] = roundSum(unpaid[a]);
    periodRev[a] = roundSum(periodRev[a]);
  }

  // Positive-amount dates grouped by account (counting sort).
  for (let a = 0; a < n; a++) posStart[a + 1] += posStart[a];
  const cursor = posStart.slice(0, n);
  const grouped = new Int32Array(np);
  for (let k = 0; k < np; k++) grouped[cursor[posAcc[k]]++] = posDay[k];
  return {
    revenue12m: rev12,
    revenuePrev12m: revPrev,
    revenue90: rev90,
    revenuePrev90: revPrev90,
    periodRevenue: periodRev,
    unpaid,
    orders12m: orders,
    lastOrder,
    lastTransaction: lastAct,
    maxOverdue,
    positiveStart: posStart,
    positiveDates: grouped,
    products: productMix(txs, txAccount, n, today, win.start),
  };
}

/**
 * Each account's current plan (docs/rules.md "Risk flags") and the first day its period revenue
 * counts from (after today, so nothing counts, without a plan). A SQL engine needs the days
 * before it sums the transactions.
 */
export function currentPlans(
  model: KamModel,
  index: ReadonlyMap<string, number>,
  today: Day,
): { plan: (CurrentPlan | null)[]; periodFirst: Int32Array } {
  const n = model.accounts.length;
  const plan: (CurrentPlan | null)[] = new Array(n).fill(null);
  const periods = new Map<string, Period | null>();
  for (const p of model.plans) {
    const a = index.get(p.accountId);
    if (a === undefined) continue;
    let period = periods.get(p.period);
    if (period === undefined) {
      period = parsePeriod(p.period);
      periods.set(p.period, period);
    }
    if (period === null || !periodContains(period, today)) continue;
    const cand = planOf(period, p.revenueTarget);
    const best = plan[a];
    if (best === null || preferPlan(cand, best)) plan[a] = cand;
  }
  // First day counted into period revenue; after today (nothing counted) without a plan.
  const periodFirst = new Int32Array(n).fill(today + 1);
  for (let a = 0; a < n; a++) {
    const p = plan[a];
    if (p !== null) periodFirst[a] = p.period.first;
  }

  return { plan, periodFirst };
}

/** Account ID → index in `model.accounts` (the first row of a repeated ID). */
export function accountIndex(model: KamModel): Map<string, number> {
  const index = new Map<string, number>();
  model.accounts.forEach((a, i) => {
    if (!index.has(a.id)) index.set(a.id, i);
  });
  return index;
}
