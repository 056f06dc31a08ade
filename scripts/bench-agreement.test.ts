import { describe, expect, it } from "vitest";
import { measureAgreement } from "./bench-agreement";

// The benchmark's own plumbing on a small study (no timing assertions: the figures are reported, not tested).
describe("measureAgreement", () => {
  it("computes every axis and reports what it measured", () => {
    const f = measureAgreement({ items: 300, axes: 2, resamples: 20, runs: 1 });
    expect(f).toMatchObject({ items: 300, raters: 3, pool: 12, axes: 2, resamples: 20, coefficientsPerAxis: 6 });
    expect(f.ratings).toBeGreaterThan(2 * 300 * 3 * 0.9);
    expect(f.ratings).toBeLessThan(2 * 300 * 3);
    expect(f.pointEstimatesMs).toBeGreaterThan(0);
    expect(f.bootstrapMs).toBeGreaterThan(0);
  });
  it("with a pool of exactly two reviewers, Cohen's three kappas join in", () => {
    expect(measureAgreement({ items: 100, raters: 2, pool: 2, axes: 1, resamples: 5, runs: 1 }).coefficientsPerAxis).toBe(9);
  });
});
