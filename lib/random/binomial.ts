import type { Rng } from "./seeded-rng";

// Exact binomial and multinomial draws from a uniform source, for the bootstrap (lib/stats/bootstrap.ts).
// Drawing n units with replacement and counting how often each value profile came up is one
// multinomial draw over the profiles; drawing it as a chain of binomials costs O(profiles) per
// resample instead of O(units), which is what makes a 1,000-resample bootstrap over 100,000 units
// take milliseconds. Both samplers are exact (no normal approximation):
//  - small means (n·min(p, 1−p) < 10): inversion, BINV of Kachitvichyanukul & Schmeiser,
//    "Binomial random variate generation", Commun ACM 1988;31:216–222;
//  - otherwise: transformed rejection with squeeze, BTRS of Hörmann, "The generation of binomial
//    random variates", J Stat Comput Simul 1993;46:101–110 (the algorithm TensorFlow uses).
// binomial.test.ts checks both against the exact probabilities with a chi-square test.

const LOG_FACTORIAL_TABLE = (() => {
  const table = new Float64Array(256);
  for (let k = 1; k < table.length; k++) table[k] = table[k - 1] + Math.log(k);
  return table;
})();

/** ln(k!) : a table below 256, then Stirling's series (error below 1e-15 there). */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE.length) return LOG_FACTORIAL_TABLE[k];
  const inv = 1 / k;
  const inv2 = inv * inv;
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

function inversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const r0 = q ** n;
  for (;;) {
    let r = r0;
    let u = rng();
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > n) break; // only by rounding: start over with a fresh uniform
      r *= a / x - s;
    }
    if (x <= n) return x;
  }
}

function transformedRejection(rng: Rng, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / (1 - p));
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    // The exact test: log of the scaled uniform against log f(k)/f(m).
    if (Math.log((v * alpha) / (a / (us * us) + b)) <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/** One draw from Binomial(n, p): successes in n independent trials of probability p. */
export function binomial(rng: Rng, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`binomial: n must be a whole number ≥ 0 (got ${n})`);
  if (!(p >= 0 && p <= 1)) throw new Error(`binomial: p must be between 0 and 1 (got ${p})`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  return n * p < 10 ? inversion(rng, n, p) : transformedRejection(rng, n, p);
}

/**
 * One draw from Multinomial(n, weights / Σ weights) into `out` (same length as `weights`), as a chain
 * of conditional binomials: the count of category i is Binomial(n left, w_i / weight left).
 */
export function multinomialInto(rng: Rng, n: number, weights: ArrayLike<number>, out: Float64Array): void {
  let left = n;
  let mass = 0;
  let last = -1; // the last category with weight takes what is left (no rounding leak)
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] > 0) last = i;
    mass += Math.max(0, weights[i]);
  }
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (left === 0 || w <= 0) {
      out[i] = 0;
      continue;
    }
    const share = i === last || w >= mass ? 1 : w / mass;
    const drawn = binomial(rng, left, share);
    out[i] = drawn;
    left -= drawn;
    mass -= w;
  }
}
