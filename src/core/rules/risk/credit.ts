import type { CreditRating } from '../../model/metrics';

/** `credit` (docs/rules.md "Risk flags"): `credit_rating` C or D. */
export function creditFlag(rating: CreditRating | null): boolean {
  return rating === 'C' || rating === 'D';
}
