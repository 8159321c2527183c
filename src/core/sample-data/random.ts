// Bound once: under jest every `Math.x` is a global lookup through the vm context, ~30× slower.
const { imul, floor } = Math;

/**
 * mulberry32: a tiny seeded PRNG (32-bit state), good enough for sample data and tests and the
 * same on every host. Returns floats in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  // The state lives in a typed array: a closure variable above 2^30 would be boxed on every call.
  const state = new Uint32Array([seed >>> 0]);
  return () => {
    state[0] += 0x6d2b79f5;
    const a = state[0];
    let t = imul(a ^ (a >>> 15), a | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [lo, hi], both included. */
export function randomInt(rand: () => number, lo: number, hi: number): number {
  return lo + floor(rand() * (hi - lo + 1));
}

export function pickOne<T>(rand: () => number, items: readonly T[]): T {
  return items[floor(rand() * items.length)];
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(rand: () => number, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = floor(rand() * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}
