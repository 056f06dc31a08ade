import { describe, expect, it } from "vitest";
import { binomial, logFactorial, multinomialInto } from "./binomial";
import { seededRng } from "./seeded-rng";

// The samplers against the exact binomial probabilities: a chi-square goodness-of-fit test over
// 20,000 draws for each regime (inversion for small means, transformed rejection for large ones,
// p above 1/2 by symmetry). The critical value is the 99.9th percentile, so a correct sampler fails
// one case in a thousand per seed; the seeds are fixed, so the test is deterministic.

function exactPmf(n: number, p: number): number[] {
  return Array.from({ length: n + 1 }, (_, k) => Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log(1 - p)));
}

/** Wilson–Hilferty approximation of the chi-square 99.9th percentile (within 0.5 % for df ≥ 5). */
function chiSquare999(df: number): number {
  const z = 3.090232306167813;
  return df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
}

function chiSquare(n: number, p: number, seed: number, draws = 20_000) {
  const rng = seededRng(seed);
  const counts = new Map<number, number>();
  for (let i = 0; i < draws; i++) {
    const k = binomial(rng, n, p);
    expect(Number.isInteger(k) && k >= 0 && k <= n).toBe(true);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // Bins with an expected count of at least 5; the tails pooled into the neighbouring bins.
  const pmf = exactPmf(n, p);
  const bins: Array<{ expected: number; observed: number }> = [];
  let pending = { expected: 0, observed: 0 };
  for (let k = 0; k <= n; k++) {
    pending.expected += pmf[k] * draws;
    pending.observed += counts.get(k) ?? 0;
    if (pending.expected >= 5) {
      bins.push(pending);
      pending = { expected: 0, observed: 0 };
    }
  }
  bins[bins.length - 1].expected += pending.expected;
  bins[bins.length - 1].observed += pending.observed;
  const statistic = bins.reduce((s, b) => s + (b.observed - b.expected) ** 2 / b.expected, 0);
  return { statistic, df: bins.length - 1 };
}

describe("logFactorial", () => {
  it("matches the running sum of logs across the table boundary and Stirling's series", () => {
    let sum = 0;
    for (let k = 1; k <= 2000; k++) {
      sum += Math.log(k);
      expect(logFactorial(k)).toBeCloseTo(sum, 8);
    }
    expect(logFactorial(0)).toBe(0);
  });
});

describe("binomial", () => {
  it.each([
    [40, 0.05, 1], // mean 2: inversion
    [12, 0.5, 2], // p = 1/2 exactly
    [1000, 0.3, 3], // mean 300: transformed rejection
    [100_000, 0.004, 4], // mean 400 with a small p
    [60, 0.9, 5], // p > 1/2: by symmetry, inversion
    [500, 0.97, 6], // p > 1/2, transformed rejection on the complement
    [25, 0.4, 7], // mean exactly 10: the boundary between the two
  ])("Binomial(%i, %f) passes a chi-square test against the exact probabilities", (n, p, seed) => {
    const { statistic, df } = chiSquare(n, p, seed);
    expect(df).toBeGreaterThanOrEqual(4);
    expect(statistic).toBeLessThan(chiSquare999(df));
  });

  it("fails the same test when the probabilities are wrong (the test has power)", () => {
    const rng = seededRng(8);
    const pmf = exactPmf(1000, 0.3);
    const draws = 20_000;
    const counts = new Float64Array(1001);
    for (let i = 0; i < draws; i++) counts[binomial(rng, 1000, 0.31)]++;
    let statistic = 0;
    for (let k = 250; k <= 350; k++) statistic += (counts[k] - pmf[k] * draws) ** 2 / (pmf[k] * draws);
    expect(statistic).toBeGreaterThan(chiSquare999(100));
  });

  it("handles the degenerate cases and refuses nonsense", () => {
    const rng = seededRng(9);
    expect(binomial(rng, 0, 0.3)).toBe(0);
    expect(binomial(rng, 7, 0)).toBe(0);
    expect(binomial(rng, 7, 1)).toBe(7);
    expect(() => binomial(rng, -1, 0.5)).toThrow(/whole number/);
    expect(() => binomial(rng, 2.5, 0.5)).toThrow(/whole number/);
    expect(() => binomial(rng, 3, 1.5)).toThrow(/between 0 and 1/);
  });
});

describe("multinomialInto", () => {
  it("always sums to n, leaves weightless categories empty, and has the multinomial means and variances", () => {
    const rng = seededRng(10);
    const weights = [5, 0, 1, 30, 64_000, 2];
    const total = weights.reduce((a, b) => a + b, 0);
    const n = total; // a bootstrap draws as many units as there are
    const out = new Float64Array(weights.length);
    const draws = 4000;
    const sum = new Float64Array(weights.length);
    const sumSq = new Float64Array(weights.length);
    for (let d = 0; d < draws; d++) {
      multinomialInto(rng, n, weights, out);
      expect(out.reduce((a, b) => a + b, 0)).toBe(n);
      expect(out[1]).toBe(0);
      out.forEach((x, i) => {
        sum[i] += x;
        sumSq[i] += x * x;
      });
    }
    weights.forEach((w, i) => {
      if (w === 0) return;
      const p = w / total;
      const mean = sum[i] / draws;
      const variance = sumSq[i] / draws - mean * mean;
      const expectedVariance = n * p * (1 - p);
      // The mean within 4 standard errors; the variance within 15 % (4,000 draws).
      expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt(expectedVariance / draws) + 1e-9);
      expect(Math.abs(variance - expectedVariance) / expectedVariance).toBeLessThan(0.15);
    });
  });
});
