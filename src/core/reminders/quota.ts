import type { Digest } from './plan';

export interface QuotaAllocation {
  readonly send: Digest[];
  readonly deferred: Digest[];
}

/**
 * Splits priority-sorted digests into those the remaining daily mail quota covers and those
 * deferred to a later run (docs/reminders.md).
 *
 * Greedy in priority order, and strict: the first digest that does not fit is deferred together
 * with every digest after it, even if a smaller one further down would still fit. Otherwise a
 * low-priority owner with one recipient could be mailed while a higher-priority owner with a cc
 * waits. A quota of 0 or less (or NaN) covers nothing; `Infinity` covers everything (a host
 * without a quota). `recipientsPerDigest` counts every
 * address the digest goes to (To plus Cc), as the Apps Script quota does; a count below 0 or not
 * a number counts as 1.
 */
export function allocateQuota(
  digests: readonly Digest[],
  remainingQuota: number,
  recipientsPerDigest: (digest: Digest) => number,
): QuotaAllocation {
  let left = Number.isNaN(remainingQuota) ? 0 : Math.max(0, Math.floor(remainingQuota));
  const send: Digest[] = [];
  const deferred: Digest[] = [];
  for (const digest of digests) {
    const raw = recipientsPerDigest(digest);
    const cost = Number.isFinite(raw) && raw >= 0 ? Math.ceil(raw) : 1;
    if (deferred.length === 0 && cost <= left) {
      send.push(digest);
      left -= cost;
    } else {
      deferred.push(digest);
    }
  }
  return { send, deferred };
}
