import { describe, expect, it } from "vitest";
import { seededRng } from "@/lib/random/seeded-rng";
import { krippendorff2011 } from "@/test/support/published-agreement-data";
import { bootstrapIntervals, quantileOfSorted } from "./bootstrap";
import { computeCohenKappa, planCohenKappa } from "./cohen-kappa";
import { computeFleissKappa, planFleissKappa } from "./fleiss-kappa";
import { computeGwetAc, planGwetAc } from "./gwet-ac";
import { computeKrippendorffAlpha, planKrippendorffAlpha } from "./krippendorff-alpha";
import { computePercentAgreement, planPercentAgreement } from "./percent-agreement";
import { prepareReliabilityData, type ReliabilityData } from "./reliability-data";

function randomUnits(seed: number, units: number, raters: number) {
  const rng = seededRng(seed);
  return Array.from({ length: units }, () => {
    const truth = 1 + Math.floor(rng() * 4);
    return Array.from({ length: raters }, () => (rng() < 0.15 ? null : rng() < 0.05 ? "na" : rng() < 0.3 ? 1 + Math.floor(rng() * 4) : truth));
  });
}

describe("a resample is a weighted sum over value profiles", () => {
  it.each([2, 3])("equals recomputing every coefficient from the resampled raw units (%i raters)", (raters) => {
    const values = randomUnits(raters, 60, raters);
    const categories = [1, 2, 3, 4];
    const prepared = prepareReliabilityData({ values, categories });
    const rng = seededRng(5);
    for (let b = 0; b < 25; b++) {
      // Draw units with replacement; build the resampled raw data and the pattern weights side by side.
      const drawn = Array.from({ length: values.length }, () => Math.floor(rng() * values.length));
      const resampled: ReliabilityData = { values: drawn.map((u) => values[u]), categories };
      const weights = new Float64Array(prepared.patterns);
      for (const u of drawn) if (prepared.unitPattern[u] >= 0) weights[prepared.unitPattern[u]]++;
      const pairs: Array<[number | null, number | null]> = [
        [planKrippendorffAlpha(prepared, "ordinal")(weights).value, computeKrippendorffAlpha(resampled, "ordinal").value],
        [planKrippendorffAlpha(prepared, "interval")(weights).value, computeKrippendorffAlpha(resampled, "interval").value],
        [planFleissKappa(prepared)(weights).value, computeFleissKappa(resampled).value],
        [planGwetAc(prepared, "quadratic")(weights).value, computeGwetAc(resampled, "quadratic").value],
        [planPercentAgreement(prepared)(weights).value, computePercentAgreement(resampled).value],
        [planCohenKappa(prepared, "linear")(weights).value, computeCohenKappa(resampled, "linear").value],
      ];
      for (const [fromWeights, recomputed] of pairs) {
        if (recomputed === null) expect(fromWeights).toBeNull();
        else expect(fromWeights).toBeCloseTo(recomputed, 10);
      }
    }
  });
});

describe("bootstrapIntervals", () => {
  const prepared = prepareReliabilityData({ values: randomUnits(11, 400, 3), categories: [1, 2, 3, 4] });
  const estimators = [planKrippendorffAlpha(prepared, "ordinal"), planGwetAc(prepared)];

  it("is reproducible from its seed, and another seed gives another interval", () => {
    const a = bootstrapIntervals(prepared, estimators, { resamples: 200, seed: 1 });
    expect(bootstrapIntervals(prepared, estimators, { resamples: 200, seed: 1 })).toEqual(a);
    expect(bootstrapIntervals(prepared, estimators, { resamples: 200, seed: 2 })[0]?.low).not.toBe(a[0]?.low);
  });
  it("reports the method, level, resamples and seed, with low ≤ estimate ≤ high here", () => {
    const [alpha] = bootstrapIntervals(prepared, estimators, { resamples: 500, seed: 3 });
    const point = estimators[0](prepared.multiplicity).value as number;
    expect(alpha).toMatchObject({ level: 0.95, resamples: 500, undefinedResamples: 0, seed: 3, method: "percentile bootstrap over units" });
    expect(alpha!.low).toBeLessThanOrEqual(point);
    expect(alpha!.high).toBeGreaterThanOrEqual(point);
    expect(alpha!.high - alpha!.low).toBeGreaterThan(0);
  });
  it("counts resamples where the coefficient is undefined and leaves them out", () => {
    // Three units, one of them the only disagreement-free "2": many resamples hold one category only.
    const small = prepareReliabilityData({ values: [[1, 1], [1, 1], [2, 2]] });
    const [interval] = bootstrapIntervals(small, [planKrippendorffAlpha(small, "nominal")], { resamples: 100, seed: 4 });
    expect(interval!.undefinedResamples).toBeGreaterThan(0);
    expect(interval!.undefinedResamples).toBeLessThan(100);
  });
  it("a narrower confidence level gives a narrower interval", () => {
    const wide = bootstrapIntervals(prepared, estimators, { resamples: 300, seed: 6 })[0]!;
    const narrow = bootstrapIntervals(prepared, estimators, { resamples: 300, seed: 6, level: 0.5 })[0]!;
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });
  it("refuses a resample count that is not a positive whole number", () => {
    expect(() => bootstrapIntervals(prepared, estimators, { resamples: 0 })).toThrow(/resamples must be/);
  });
  it("returns null when nothing was rated", () => {
    const empty = prepareReliabilityData({ values: [[null, "na"]] });
    expect(bootstrapIntervals(empty, [planFleissKappa(empty)])).toEqual([null]);
  });
  it("draws the same resampling distribution as drawing units one by one (multinomial over profiles)", () => {
    // The naive bootstrap, written out in the test: draw units with replacement, recompute alpha.
    const values = randomUnits(12, 300, 3);
    const data = prepareReliabilityData({ values, categories: [1, 2, 3, 4] });
    const rng = seededRng(13);
    const naive = new Float64Array(4000);
    for (let b = 0; b < naive.length; b++) {
      const drawn = Array.from({ length: values.length }, () => values[Math.floor(rng() * values.length)]);
      naive[b] = computeKrippendorffAlpha({ values: drawn, categories: [1, 2, 3, 4] }, "ordinal").value as number;
    }
    naive.sort();
    const [interval] = bootstrapIntervals(data, [planKrippendorffAlpha(data, "ordinal")], { resamples: 4000, seed: 14 });
    // Two Monte Carlo estimates of the same percentiles: equal within their sampling error (~0.01 here).
    expect(Math.abs(interval!.low - quantileOfSorted(naive, 0.025))).toBeLessThan(0.02);
    expect(Math.abs(interval!.high - quantileOfSorted(naive, 0.975))).toBeLessThan(0.02);
    // Against a wrong resampling scheme (half as many units: intervals wider by √2) the check would fail.
    expect(interval!.high - interval!.low).toBeGreaterThan(0.6 * (quantileOfSorted(naive, 0.975) - quantileOfSorted(naive, 0.025)) * Math.SQRT2);
  });
  it("Krippendorff's example: 1,000 resamples bracket the published 0.743", () => {
    const data = prepareReliabilityData({ values: krippendorff2011 });
    const [interval] = bootstrapIntervals(data, [planKrippendorffAlpha(data, "nominal")]);
    expect(interval!.resamples).toBe(1000);
    expect(interval!.low).toBeLessThan(0.743);
    expect(interval!.high).toBeGreaterThan(0.743);
  });
});

describe("quantileOfSorted", () => {
  it("interpolates like R's default quantile (type 7)", () => {
    const x = Float64Array.from([1, 2, 3, 4]);
    expect(quantileOfSorted(x, 0.025)).toBeCloseTo(1.075, 12); // quantile(1:4, 0.025) in R
    expect(quantileOfSorted(x, 0.975)).toBeCloseTo(3.925, 12);
    expect(quantileOfSorted(Float64Array.from([7]), 0.5)).toBe(7);
  });
});
