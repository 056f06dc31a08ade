import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { aggregateScores, scoreCriteria, scoreCriteriaForTag, themeScores, type ScoredCriterion } from "./score";

const criteria: ScoredCriterion[] = [
  { id: "a", points: 5, tags: ["axis:accuracy"] },
  { id: "b", points: 3, tags: ["axis:completeness"] },
  { id: "c", points: 2, tags: ["axis:accuracy"] },
  { id: "d", points: -6, tags: ["axis:accuracy"] },
  { id: "e", points: -2, tags: ["axis:communication_quality"] },
];

describe("scoreCriteria", () => {
  it("divides met points (negatives included) by the positive total", () => {
    expect(scoreCriteria(criteria, { a: true, b: true, c: true })).toBe(1);
    expect(scoreCriteria(criteria, { a: true, b: false, c: true, d: false })).toBeCloseTo(0.7);
    expect(scoreCriteria(criteria, { a: true, b: true, c: true, d: true, e: true })).toBeCloseTo(0.2);
  });

  it("does not clip a single example: harmful behaviour can push it below 0", () => {
    // (−6 + 2) / 10
    expect(scoreCriteria(criteria, { c: true, d: true })).toBeCloseTo(-0.4);
  });

  it("treats unmarked (null / undefined / absent) as not met", () => {
    expect(scoreCriteria(criteria, { a: null, b: undefined, c: true })).toBeCloseTo(0.2);
    expect(scoreCriteria(criteria, {})).toBe(0);
  });

  it("returns null when there are no positive points", () => {
    expect(scoreCriteria([], {})).toBeNull();
    expect(scoreCriteria([{ id: "x", points: -3, tags: [] }], { x: true })).toBeNull();
  });
});

describe("scoreCriteriaForTag", () => {
  it("restricts both sums to the criteria carrying the tag", () => {
    // accuracy: a(5), c(2), d(−6) → (5 − 6) / 7
    expect(scoreCriteriaForTag(criteria, { a: true, b: true, d: true }, "axis:accuracy")).toBeCloseTo(-1 / 7);
    expect(scoreCriteriaForTag(criteria, { b: true }, "axis:completeness")).toBe(1);
  });

  it("is null when the subset has only negative criteria or none", () => {
    expect(scoreCriteriaForTag(criteria, { e: true }, "axis:communication_quality")).toBeNull();
    expect(scoreCriteriaForTag(criteria, {}, "axis:instruction_following")).toBeNull();
  });
});

describe("aggregateScores", () => {
  it("clips the mean to [0, 1] but keeps the raw mean", () => {
    const agg = aggregateScores([1.5, 1.2])!;
    expect(agg.mean).toBe(1);
    expect(agg.rawMean).toBeCloseTo(1.35);
    expect(agg.n).toBe(2);
    expect(aggregateScores([-0.4, 0.2])!.mean).toBe(0);
    expect(aggregateScores([0.2, 0.6])!.mean).toBeCloseTo(0.4);
  });

  it("has bootstrap std 0 for constant input", () => {
    expect(aggregateScores([0.3, 0.3, 0.3, 0.3])!.bootstrapStd).toBeCloseTo(0, 12);
    // every resample mean of scores above 1 clips to 1
    expect(aggregateScores([1.2, 1.5, 2])!.bootstrapStd).toBe(0);
  });

  it("is deterministic for a seed and plausible in size", () => {
    const scores = [0, 1, 0.5, 0.25, -0.2, 0.9, 0.7, 0.1];
    const a = aggregateScores(scores, { seed: 7 })!;
    expect(aggregateScores(scores, { seed: 7 })).toEqual(a);
    expect(aggregateScores(scores, { seed: 8 })!.bootstrapStd).not.toBe(a.bootstrapStd);
    // The std of the mean is about sd/√n ≈ 0.135 here.
    expect(a.bootstrapStd).toBeGreaterThan(0.08);
    expect(a.bootstrapStd).toBeLessThan(0.2);
  });

  it("returns null for no scores", () => {
    expect(aggregateScores([])).toBeNull();
  });
});

describe("themeScores", () => {
  it("credits each example to each of its theme tags only", () => {
    const result = themeScores([
      { score: 0.5, tags: ["theme:hedging", "physician_agreed_category:simple"] },
      { score: 1, tags: ["theme:hedging", "theme:communication"] },
      { score: -0.5, tags: ["theme:communication"] },
    ]);
    expect(Object.keys(result).sort()).toEqual(["theme:communication", "theme:hedging"]);
    expect(result["theme:hedging"].mean).toBeCloseTo(0.75);
    expect(result["theme:hedging"].n).toBe(2);
    expect(result["theme:communication"].rawMean).toBeCloseTo(0.25);
  });
});

describe("on a real HealthBench example", () => {
  it("example_3: two 5-point criteria, one met → 0.5", () => {
    const file = path.resolve(import.meta.dirname, "../../../shared/fixtures/healthbench/example_3.json");
    const example = JSON.parse(readFileSync(file, "utf8")) as { rubrics: { points: number; tags: string[] }[] };
    const rubric = example.rubrics.map((r, i) => ({ id: String(i), points: r.points, tags: r.tags }));
    expect(rubric.map((r) => r.points)).toEqual([5, 5]);
    expect(scoreCriteria(rubric, { "0": true, "1": false })).toBe(0.5);
    expect(scoreCriteriaForTag(rubric, { "0": true }, "axis:accuracy")).toBe(1);
    expect(scoreCriteriaForTag(rubric, { "0": true }, "axis:context_awareness")).toBe(0);
  });
});
