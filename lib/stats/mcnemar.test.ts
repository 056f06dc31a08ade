import { describe, expect, it } from "vitest";
import { chiSquare1Upper, mcnemar } from "./mcnemar";

const pairs = (b: number, c: number, bothRight = 0, bothWrong = 0) => [
  ...Array.from({ length: b }, () => [true, false] as const),
  ...Array.from({ length: c }, () => [false, true] as const),
  ...Array.from({ length: bothRight }, () => [true, true] as const),
  ...Array.from({ length: bothWrong }, () => [false, false] as const),
];

describe("McNemar's test", () => {
  it("uses the exact binomial version below 25 discordant pairs", () => {
    // 2 × P(X ≤ 1 | n = 8, p = ½) = 2 × 9 / 256
    expect(mcnemar(pairs(1, 7, 40, 2))).toMatchObject({ pairs: 50, b: 1, c: 7, method: "exact-binomial", statistic: null });
    expect(mcnemar(pairs(1, 7)).pValue).toBeCloseTo(0.0703125, 10);
    expect(mcnemar(pairs(5, 15)).pValue).toBeCloseTo(0.04138946533203125, 10);
    expect(mcnemar(pairs(4, 4)).pValue).toBe(1);
  });

  it("uses the continuity-corrected chi-square from 25 discordant pairs (Agresti's approval ratings: 150 vs 86)", () => {
    const r = mcnemar(pairs(150, 86, 794, 570));
    expect(r.method).toBe("chi-square-continuity-corrected");
    expect(r.statistic).toBeCloseTo(16.8178, 4);
    expect(r.pValue).toBeCloseTo(4.1146e-5, 8);
    expect(r.oddsRatio).toBeCloseTo(150 / 86, 10);
    const small = mcnemar(pairs(30, 12));
    expect(small.statistic).toBeCloseTo(6.88095, 5);
    expect(small.pValue).toBeCloseTo(0.0087119, 6);
  });

  it("ignores pairs with an unknown side and says so in the count; no discordance is p = 1", () => {
    const r = mcnemar([[true, true], [false, false], [true, null], [undefined, false]]);
    expect(r).toMatchObject({ pairs: 2, b: 0, c: 0, pValue: 1, oddsRatio: null, test: "McNemar" });
    expect(r.citation).toMatch(/Psychometrika 1947/);
  });

  it("has a χ²(1) tail that matches known quantiles", () => {
    expect(chiSquare1Upper(3.841459)).toBeCloseTo(0.05, 6);
    expect(chiSquare1Upper(6.634897)).toBeCloseTo(0.01, 6);
    expect(chiSquare1Upper(0)).toBe(1);
  });
});
