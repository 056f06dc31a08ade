import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { concordanceOf, kendallW, midRanks } from "./kendall-w";

const order = (...ids: string[]) => ids.map((id) => [id]);

describe("Kendall's W", () => {
  it("gives mid-ranks to ties", () => {
    expect(Object.fromEntries(midRanks([["a", "b"], ["c"], ["d", "e", "f"]]))).toEqual({ a: 1.5, b: 1.5, c: 3, d: 5, e: 5, f: 5 });
  });

  it("is 1 for identical rankings and 0 for two opposite ones", () => {
    expect(kendallW([order("a", "b", "c", "d"), order("a", "b", "c", "d"), order("a", "b", "c", "d")])).toBeCloseTo(1, 12);
    expect(kendallW([order("a", "b", "c", "d"), order("d", "c", "b", "a")])).toBeCloseTo(0, 12);
  });

  it("equals Friedman's chi-square / (m(n − 1)) without ties (an independent formula)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 7 }), fc.integer(), (m, n, seed) => {
        const ids = Array.from({ length: n }, (_, i) => `o${i}`);
        let x = seed >>> 0;
        const rand = () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32);
        const rankings = Array.from({ length: m }, () => [...ids].sort(() => rand() - 0.5).map((id) => [id]));
        // Friedman: χ²_r = 12/(m·n(n+1)) Σ R_i² − 3m(n+1).
        const sums = ids.map((id) => rankings.reduce((s, r) => s + r.findIndex((t) => t[0] === id) + 1, 0));
        const chi = (12 / (m * n * (n + 1))) * sums.reduce((s, r) => s + r * r, 0) - 3 * m * (n + 1);
        expect(kendallW(rankings)).toBeCloseTo(chi / (m * (n - 1)), 9);
      }),
    );
  });

  it("corrects for ties (worked by hand)", () => {
    // Raters: a > b = c, a > b > c, b > a > c. Mid-ranks a: 1, 1, 2 (4); b: 2.5, 2, 1 (5.5); c: 2.5, 3, 3 (8.5).
    // S = (4 − 6)² + (5.5 − 6)² + (8.5 − 6)² = 10.5; T = 2³ − 2 = 6; W = 12·10.5 / (9·24 − 3·6) = 126 / 198.
    expect(kendallW([[["a"], ["b", "c"]], order("a", "b", "c"), order("b", "a", "c")])).toBeCloseTo(126 / 198, 12);
  });

  it("is undefined for one rater, different object sets, or everything tied", () => {
    expect(kendallW([order("a", "b")])).toBeNull();
    expect(kendallW([order("a", "b"), order("a", "c")])).toBeNull();
    expect(kendallW([[["a", "b"]], [["a", "b"]]])).toBeNull();
    expect(concordanceOf([[order("a", "b", "c"), order("a", "b", "c")], [order("a", "b"), order("b", "a")], [order("x")]])).toEqual({ units: 2, meanW: 0.5, medianW: 0.5 });
  });
});
