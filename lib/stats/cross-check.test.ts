import { describe, expect, it } from "vitest";
import { seededRng, type Rng } from "@/lib/random/seeded-rng";
import { computeCohenKappa } from "./cohen-kappa";
import { computeFleissKappa } from "./fleiss-kappa";
import { computeGwetAc } from "./gwet-ac";
import { computeKrippendorffAlpha, type AlphaMetric } from "./krippendorff-alpha";
import { computePercentAgreement } from "./percent-agreement";

// A second, deliberately naive implementation of every coefficient, written here from the textbook
// definitions on raw values (no coincidence matrix, no value profiles, no shared code with lib/stats),
// compared with lib/stats on many seeded random datasets with missing and N/A values.

type Cell = number | "na" | null;
const isValue = (v: Cell): v is number => typeof v === "number";

// ---- Naive implementations ----

/** Krippendorff's alpha as sums of pairwise disagreements (Krippendorff 2011, eq. before the coincidence matrix). */
function naiveAlpha(units: Cell[][], metric: AlphaMetric, categories: number[]): number | null {
  const pairable = units.map((u) => u.filter(isValue)).filter((u) => u.length >= 2);
  if (pairable.length < 2) return null;
  const all = pairable.flat();
  if (new Set(all).size < 2) return null;
  const n = all.length;
  const frequency = new Map(categories.map((c) => [c, all.filter((v) => v === c).length]));
  const freq = (c: number) => frequency.get(c) as number;
  const delta2 = (a: number, b: number): number => {
    if (metric === "nominal") return a === b ? 0 : 1;
    if (metric === "interval") return (a - b) ** 2;
    if (metric === "ratio") return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
    const [lo, hi] = [Math.min(categories.indexOf(a), categories.indexOf(b)), Math.max(categories.indexOf(a), categories.indexOf(b))];
    let s = 0;
    for (let g = lo; g <= hi; g++) s += freq(categories[g]);
    return (s - (freq(categories[lo]) + freq(categories[hi])) / 2) ** 2;
  };
  let within = 0;
  for (const u of pairable) {
    let s = 0;
    for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) s += delta2(u[i], u[j]);
    within += s / (u.length - 1);
  }
  let between = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) between += delta2(all[i], all[j]);
  return 1 - within / n / (between / (n * (n - 1)));
}

/** Cohen's kappa from the k × k table with agreement weights: (Σ w p_o − Σ w p_e) / (1 − Σ w p_e). */
function naiveCohen(units: Cell[][], categories: number[], weights: "unweighted" | "linear" | "quadratic"): number | null {
  const q = categories.length;
  const both = units.filter((u) => isValue(u[0]) && isValue(u[1]));
  if (both.length < 2) return null;
  const table = categories.map(() => categories.map(() => 0));
  for (const u of both) table[categories.indexOf(u[0] as number)][categories.indexOf(u[1] as number)] += 1 / both.length;
  const w = (i: number, j: number) => (weights === "unweighted" ? (i === j ? 1 : 0) : weights === "linear" ? 1 - Math.abs(i - j) / (q - 1) : 1 - (i - j) ** 2 / (q - 1) ** 2);
  const row = table.map((r) => r.reduce((a, b) => a + b, 0));
  const col = categories.map((_, j) => table.reduce((a, r) => a + r[j], 0));
  let po = 0, pe = 0;
  for (let i = 0; i < q; i++) for (let j = 0; j < q; j++) {
    po += w(i, j) * table[i][j];
    pe += w(i, j) * row[i] * col[j];
  }
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

/** Counts r_ik per unit, then Gwet 2014's p_a and π_k written out plainly. */
function naiveShares(units: Cell[][], categories: number[], w: (k: number, l: number) => number) {
  const counts = units.map((u) => categories.map((c) => u.filter((v) => v === c).length));
  const rated = counts.filter((r) => r.reduce((a, b) => a + b, 0) >= 1);
  const pairable = counts.filter((r) => r.reduce((a, b) => a + b, 0) >= 2);
  const pa = pairable.reduce((acc, r) => {
    const ri = r.reduce((a, b) => a + b, 0);
    let s = 0;
    r.forEach((rik, k) => (s += rik * (r.reduce((a, ril, l) => a + w(k, l) * ril, 0) - 1)));
    return acc + s / (ri * (ri - 1));
  }, 0) / pairable.length;
  const pi = categories.map((_, k) => rated.reduce((a, r) => a + r[k] / r.reduce((x, y) => x + y, 0), 0) / rated.length);
  return { pa, pi, pairable: pairable.length };
}

function naiveFleiss(units: Cell[][], categories: number[]): number | null {
  const { pa, pi, pairable } = naiveShares(units, categories, (k, l) => (k === l ? 1 : 0));
  if (pairable < 2 || pi.filter((x) => x > 0).length < 2) return null;
  const pe = pi.reduce((a, x) => a + x * x, 0);
  return (pa - pe) / (1 - pe);
}

/** Fleiss 1971's own formulas, for complete data: P_i = (Σ_j n_ij² − n) / (n(n − 1)), p_j = Σ_i n_ij / (N n). */
function fleiss1971(units: number[][], categories: number[]): number {
  const n = units[0].length;
  const N = units.length;
  const nij = units.map((u) => categories.map((c) => u.filter((v) => v === c).length));
  const P = nij.map((r) => (r.reduce((a, x) => a + x * x, 0) - n) / (n * (n - 1)));
  const Pbar = P.reduce((a, b) => a + b, 0) / N;
  const p = categories.map((_, j) => nij.reduce((a, r) => a + r[j], 0) / (N * n));
  const Pe = p.reduce((a, x) => a + x * x, 0);
  return (Pbar - Pe) / (1 - Pe);
}

function naiveGwet(units: Cell[][], categories: number[], weights: "unweighted" | "linear" | "quadratic"): number | null {
  const q = categories.length;
  const w = (k: number, l: number) => (weights === "unweighted" ? (k === l ? 1 : 0) : weights === "linear" ? 1 - Math.abs(k - l) / (q - 1) : 1 - (k - l) ** 2 / (q - 1) ** 2);
  const { pa, pi, pairable } = naiveShares(units, categories, w);
  if (pairable < 2) return null;
  let tw = 0;
  for (let k = 0; k < q; k++) for (let l = 0; l < q; l++) tw += w(k, l);
  const pe = (tw / (q * (q - 1))) * pi.reduce((a, x) => a + x * (1 - x), 0);
  return (pa - pe) / (1 - pe);
}

/** Share of agreeing ordered pairs of raters per unit, averaged over units with two or more values. */
function naivePercent(units: Cell[][]): number | null {
  const shares = units.map((u) => u.filter(isValue)).filter((u) => u.length >= 2).map((u) => {
    let agree = 0;
    for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j && u[i] === u[j]) agree++;
    return agree / (u.length * (u.length - 1));
  });
  return shares.length < 2 ? null : shares.reduce((a, b) => a + b, 0) / shares.length;
}

// ---- Random data ----

function randomData(rng: Rng, raters: number, complete = false) {
  const q = 2 + Math.floor(rng() * 5);
  const categories = Array.from({ length: q }, (_, i) => i + 1); // 1…q, so interval and ratio apply too
  const unitCount = 2 + Math.floor(rng() * 40);
  const missing = complete ? 0 : rng() * 0.4;
  const noise = rng();
  const units: Cell[][] = Array.from({ length: unitCount }, () => {
    const truth = 1 + Math.floor(rng() * q);
    return Array.from({ length: raters }, () => {
      if (rng() < missing) return null;
      if (!complete && rng() < 0.05) return "na";
      return rng() < noise ? 1 + Math.floor(rng() * q) : truth;
    });
  });
  return { units, categories };
}

function expectSame(actual: number | null, expected: number | null) {
  if (expected === null) expect(actual).toBeNull();
  else expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-9);
}

describe("lib/stats equals a naive implementation on 400 seeded random datasets", () => {
  const rng = seededRng(9);
  const datasets = Array.from({ length: 400 }, (_, i) => randomData(rng, 2 + (i % 5)));

  it.each(["nominal", "ordinal", "interval", "ratio"] as const)("Krippendorff's alpha, %s", (metric) => {
    for (const { units, categories } of datasets) expectSame(computeKrippendorffAlpha({ values: units, categories }, metric).value, naiveAlpha(units, metric, categories));
  });
  it("Fleiss' kappa (Gwet's generalization for missing ratings)", () => {
    for (const { units, categories } of datasets) expectSame(computeFleissKappa({ values: units, categories }).value, naiveFleiss(units, categories));
  });
  it.each(["unweighted", "linear", "quadratic"] as const)("Gwet's AC (%s)", (weights) => {
    for (const { units, categories } of datasets) expectSame(computeGwetAc({ values: units, categories }, weights).value, naiveGwet(units, categories, weights));
  });
  it("percent agreement", () => {
    for (const { units, categories } of datasets) expectSame(computePercentAgreement({ values: units, categories }).value, naivePercent(units));
  });
  it.each(["unweighted", "linear", "quadratic"] as const)("Cohen's kappa (%s), two raters", (weights) => {
    for (const { units, categories } of datasets.filter((d) => d.units[0].length === 2)) {
      expectSame(computeCohenKappa({ values: units, categories }, weights).value, naiveCohen(units, categories, weights));
    }
  });
  it("Fleiss' kappa equals Fleiss 1971's own formulas on complete data", () => {
    const rng2 = seededRng(71);
    for (let i = 0; i < 100; i++) {
      const { units, categories } = randomData(rng2, 2 + (i % 8), true);
      const expected = new Set(units.flat()).size < 2 ? null : fleiss1971(units as number[][], categories);
      expectSame(computeFleissKappa({ values: units, categories }).value, expected);
    }
  });
});
