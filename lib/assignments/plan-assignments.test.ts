import { describe, expect, it } from "vitest";
import { planAssignments, seededRng, shuffle } from "./plan-assignments";

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("planAssignments", () => {
  it("gives every item k distinct reviewers", () => {
    const plan = planAssignments({ itemIds: ids("i", 20), reviewerIds: ids("r", 5), perItem: 3, rng: seededRng(1) });
    expect(plan).toHaveLength(60);
    for (const item of ids("i", 20)) {
      const reviewers = plan.filter((p) => p.itemId === item).map((p) => p.reviewerId);
      expect(new Set(reviewers).size).toBe(3);
    }
  });

  it("balances load to within one assignment", () => {
    const plan = planAssignments({ itemIds: ids("i", 23), reviewerIds: ids("r", 4), perItem: 2, rng: seededRng(7) });
    const loads = ids("r", 4).map((r) => plan.filter((p) => p.reviewerId === r).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((a, b) => a + b)).toBe(46);
  });

  it("takes existing load into account", () => {
    const plan = planAssignments({ itemIds: ids("i", 2), reviewerIds: ["busy", "free1", "free2"], perItem: 1, rng: seededRng(3), startLoad: new Map([["busy", 10]]) });
    expect(plan.map((p) => p.reviewerId)).not.toContain("busy");
  });

  it("refuses when there are fewer reviewers than k", () => {
    expect(() => planAssignments({ itemIds: ["a"], reviewerIds: ["r1", "r1"], perItem: 2, rng: seededRng(1) })).toThrow(/2 distinct reviewers/);
  });

  it("is reproducible from a seed", () => {
    const a = planAssignments({ itemIds: ids("i", 10), reviewerIds: ids("r", 4), perItem: 2, rng: seededRng(99) });
    const b = planAssignments({ itemIds: ids("i", 10), reviewerIds: ids("r", 4), perItem: 2, rng: seededRng(99) });
    expect(a).toEqual(b);
  });
});

describe("shuffle", () => {
  it("permutes without losing elements", () => {
    const list = ids("x", 50);
    const out = shuffle(list, seededRng(5));
    expect(out).not.toEqual(list);
    expect([...out].sort()).toEqual([...list].sort());
  });
});
