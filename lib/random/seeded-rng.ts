/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * Mulberry32: a tiny seeded 32-bit PRNG. Used wherever results must be reproducible from a stored
 * seed (assignment plans, bootstrap resampling, the demo images); not for anything secret.
 */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
