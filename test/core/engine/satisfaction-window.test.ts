import { addMonthsClamped, dayFromYmd } from '../../../src/core/calendar/day';
import { computeMetrics } from '../../../src/core/engine/compute';
import type { KamModel } from '../../../src/core/model/records';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/model';

const TODAY = dayFromYmd(2026, 11, 23);

function model(windowMonths: number): KamModel {
  const interaction = (date: number, satisfaction: number) => ({
    row: 2,
    date,
    accountId: 'A1',
    type: null,
    ownerEmail: null,
    summary: '',
    nextStep: '',
    satisfaction,
    complaint: false,
    complaintStatus: null,
  });
  return {
    accounts: [
      {
        row: 2,
        id: 'A1',
        name: 'Acme',
        parentId: null,
        industry: '',
        region: '',
        address: '',
        ownerEmail: null,
        backupOwnerEmail: null,
        tier: null,
        status: null,
        creditLimit: null,
        nextActionDate: null,
        remindersPausedUntil: null,
        notes: '',
      },
    ],
    contacts: [],
    transactions: [],
    // 5 two months ago, 1 nine months ago.
    interactions: [
      interaction(addMonthsClamped(TODAY, -2), 5),
      interaction(addMonthsClamped(TODAY, -9), 1),
    ],
    actions: [],
    plans: [],
    opportunities: [],
    settings: { ...DEFAULT_SETTINGS, analysisWindowMonths: windowMonths },
  };
}

describe('satisfaction windows', () => {
  it('avg_satisfaction follows the analysis window; the health score always uses 12 months', () => {
    const six = computeMetrics(model(6), TODAY)[0];
    expect(six.avgSatisfaction).toBe(5); // only the interaction inside 6 months
    expect(six.healthComponents.satisfaction).toBe(50); // mean 3 over 12 months → (3 − 1) / 4 × 100
    const twelve = computeMetrics(model(12), TODAY)[0];
    expect(twelve.avgSatisfaction).toBe(3);
    expect(twelve.healthComponents.satisfaction).toBe(50);
  });
});
