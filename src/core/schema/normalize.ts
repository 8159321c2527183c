/**
 * The comparison key for sheet names, headers and enum values: lower case, with white space,
 * punctuation and symbols removed (so `Revenue (12m)`, `revenue_12m` and ` REVENUE 12M ` agree).
 * NFKC folds full-width letters and digits that Chinese input methods produce.
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
