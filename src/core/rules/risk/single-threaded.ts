import type { AbcClass } from '../../model/metrics';

/** `single_threaded` (docs/rules.md "Risk flags"): ABC class A with at most one contact. */
export function singleThreadedFlag(abcClass: AbcClass, contactsCount: number): boolean {
  return abcClass === 'A' && contactsCount <= 1;
}
