import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { seededRng } from "@/lib/random/seeded-rng";
import { planResponseSubsets } from "./response-subsets";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);

function pairCounts(subsets: string[][], n: number) {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) counts.set(`r${i}|r${j}`, 0);
  for (const s of subsets) {
    const sorted = [...s].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) counts.set(`${sorted[i]}|${sorted[j]}`, counts.get(`${sorted[i]}|${sorted[j]}`)! + 1);
  }
  return [...counts.values()];
}

describe("planResponseSubsets", () => {
  it("gives pairs so that any two pairs are compared within one time of each other", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 60 }), fc.integer(), (n, count, seed) => {
        const subsets = planResponseSubsets(ids(n), count, 2, seededRng(seed));
        expect(subsets).toHaveLength(count);
        for (const s of subsets) expect(new Set(s).size).toBe(2);
        const counts = pairCounts(subsets, n);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("gives larger subsets of distinct responses, covering every pair once there are enough of them", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 8 }), fc.integer({ min: 3, max: 4 }), fc.integer(), (n, size, seed) => {
        fc.pre(size < n);
        const count = 3 * n;
        const subsets = planResponseSubsets(ids(n), count, size, seededRng(seed));
        for (const s of subsets) expect(new Set(s).size).toBe(size);
        const counts = pairCounts(subsets, n);
        expect(Math.min(...counts)).toBeGreaterThan(0);
        // Every response is shown about as often as the others.
        const shown = ids(n).map((id) => subsets.filter((s) => s.includes(id)).length);
        expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(2);
      }),
    );
  });

  it("shows every response when the subset is not smaller than the item", () => {
    expect(planResponseSubsets(ids(3), 2, 3, seededRng(1))).toEqual([ids(3), ids(3)]);
  });
});
