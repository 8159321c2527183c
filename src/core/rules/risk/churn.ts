import type { AbcClass, ChurnCode } from '../../model/metrics';

/**
 * `churn` (docs/rules.md "Risk flags"): churn risk `at_risk` or `churn_warning` on an account
 * that matters: ABC class A or B, or tier `strategic` or `key`.
 */
export function churnFlag(churnRisk: ChurnCode, abcClass: AbcClass, tier: string | null): boolean {
  if (churnRisk !== 'at_risk' && churnRisk !== 'churn_warning') return false;
  return abcClass === 'A' || abcClass === 'B' || tier === 'strategic' || tier === 'key';
}
