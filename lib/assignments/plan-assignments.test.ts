import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PlanError, planAssignments, planGoldAtRate, planRepeats, seededRng, shuffle, specialtiesOf, specialtyMatch, uncoverableItems } from "./plan-assignments";

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

// Property-based: the planner's guarantees on any input fast-check can find (issue 10).
describe("planAssignments properties", () => {
  const arbPlan = fc.record({
    items: fc.integer({ min: 0, max: 40 }),
    reviewers: fc.integer({ min: 1, max: 9 }),
    perItem: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    // Per reviewer: specialties out of three; per item: a needed specialty or none.
    reviewerSpecialties: fc.array(fc.subarray(["cardio", "neuro", "onco"]), { minLength: 9, maxLength: 9 }),
    itemSpecialties: fc.array(fc.constantFrom(null, "cardio", "neuro", "onco"), { minLength: 40, maxLength: 40 }),
  });
  const setup = (p: { items: number; reviewers: number; perItem: number; seed: number; reviewerSpecialties: string[][]; itemSpecialties: Array<string | null> }) => {
    const itemIds = ids("i", p.items);
    const reviewerIds = ids("r", p.reviewers);
    const needs = new Map(itemIds.map((id, i) => [id, p.itemSpecialties[i]]));
    const has = new Map(reviewerIds.map((id, i) => [id, new Set(p.reviewerSpecialties[i])]));
    const eligible = (itemId: string, reviewerId: string) => specialtyMatch(needs.get(itemId), has.get(reviewerId)!);
    return { itemIds, reviewerIds, eligible };
  };

  it("every item gets exactly k distinct reviewers, and loads are within one of each other", () => {
    fc.assert(
      fc.property(arbPlan, (p) => {
        fc.pre(p.reviewers >= p.perItem);
        const { itemIds, reviewerIds } = setup(p);
        const plan = planAssignments({ itemIds, reviewerIds, perItem: p.perItem, rng: seededRng(p.seed) });
        for (const item of itemIds) {
          const mine = plan.filter((x) => x.itemId === item).map((x) => x.reviewerId);
          expect(mine).toHaveLength(p.perItem);
          expect(new Set(mine).size).toBe(p.perItem);
        }
        const loads = reviewerIds.map((r) => plan.filter((x) => x.reviewerId === r).length);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("with specialty match, only eligible reviewers are chosen, coverable items get k, and the rest are reported", () => {
    fc.assert(
      fc.property(arbPlan, (p) => {
        fc.pre(p.reviewers >= p.perItem);
        const { itemIds, reviewerIds, eligible } = setup(p);
        const uncovered = new Set(uncoverableItems({ itemIds, reviewerIds, perItem: p.perItem, eligible }).map((u) => u.itemId));
        for (const item of itemIds) expect(uncovered.has(item)).toBe(reviewerIds.filter((r) => eligible(item, r)).length < p.perItem);
        const coverable = itemIds.filter((i) => !uncovered.has(i));
        const plan = planAssignments({ itemIds: coverable, reviewerIds, perItem: p.perItem, rng: seededRng(p.seed), eligible });
        for (const x of plan) expect(eligible(x.itemId, x.reviewerId)).toBe(true);
        for (const item of coverable) expect(new Set(plan.filter((x) => x.itemId === item).map((x) => x.reviewerId)).size).toBe(p.perItem);
        expect(plan).toHaveLength(coverable.length * p.perItem);
        // Where every coverable item may go to everyone (no specialty needed), loads stay within one.
        if (coverable.every((i) => reviewerIds.every((r) => eligible(i, r)))) {
          const loads = reviewerIds.map((r) => plan.filter((x) => x.reviewerId === r).length);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never exceeds a quota: either a plan within it or a refusal that says why", () => {
    fc.assert(
      fc.property(arbPlan, fc.integer({ min: 1, max: 20 }), (p, quota) => {
        fc.pre(p.reviewers >= p.perItem);
        const { itemIds, reviewerIds } = setup(p);
        let plan: ReturnType<typeof planAssignments>;
        try {
          plan = planAssignments({ itemIds, reviewerIds, perItem: p.perItem, rng: seededRng(p.seed), quota });
        } catch (error) {
          expect(error).toBeInstanceOf(PlanError);
          // Without eligibility limits the greedy plan fails only when the quota cannot hold the batch.
          expect(quota * p.reviewers).toBeLessThan(p.items * p.perItem);
          return;
        }
        for (const r of reviewerIds) expect(plan.filter((x) => x.reviewerId === r).length).toBeLessThanOrEqual(quota);
        expect(plan).toHaveLength(p.items * p.perItem);
      }),
      { numRuns: 300 },
    );
  });

  it("mixes gold in at the rate asked, without repeating a gold item for a reviewer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 60 }), fc.integer(), (pool, loads, percent, seed) => {
        const goldIds = ids("g", pool);
        const rate = percent / 100;
        const plan = planGoldAtRate({ goldIds, loads: new Map(loads.map((l, i) => [`r${i}`, l])), rate, rng: seededRng(seed) });
        loads.forEach((l, i) => {
          const mine = plan.filter((x) => x.reviewerId === `r${i}`).map((x) => x.itemId);
          expect(new Set(mine).size).toBe(mine.length);
          expect(mine.length).toBe(Math.min(pool, Math.round((l * rate) / (1 - rate))));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("specialty match", () => {
  it("reads a reviewer's specialties from a list and matches case-insensitively; items without a specialty go to anyone", () => {
    const mine = specialtiesOf(" Cardiology; Internal medicine ,neurology");
    expect([...mine]).toEqual(["cardiology", "internal medicine", "neurology"]);
    expect(specialtyMatch("Internal Medicine", mine)).toBe(true);
    expect(specialtyMatch("oncology", mine)).toBe(false);
    expect(specialtyMatch(null, new Set())).toBe(true);
    expect(specialtyMatch("  ", new Set())).toBe(true);
  });
});

describe("planRepeats", () => {
  it("repeats the asked share per reviewer, never gold, only items with the washout after them, each at most once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 15 }), fc.integer(), (n, percent, washout, seed) => {
        const rows = ["r1", "r2"].flatMap((reviewerId) => Array.from({ length: n }, (_, i) => ({ id: `${reviewerId}-a${i}`, reviewerId, itemId: `i${i}`, displayOrder: i })));
        const gold = (itemId: string) => itemId === "i0";
        const { repeats, shortBy } = planRepeats(rows, { share: percent / 100, washoutItems: washout, rng: seededRng(seed), isGold: gold });
        for (const reviewerId of ["r1", "r2"]) {
          const mine = repeats.filter((r) => r.reviewerId === reviewerId);
          expect(mine.length + (shortBy.get(reviewerId) ?? 0)).toBe(Math.round((percent / 100) * n));
          expect(new Set(mine.map((r) => r.itemId)).size).toBe(mine.length);
          for (const r of mine) {
            const first = rows.find((x) => x.id === r.repeatOfId)!;
            expect([first.reviewerId, first.itemId]).toEqual([reviewerId, r.itemId]);
            expect(gold(r.itemId)).toBe(false);
            expect(n - 1 - first.displayOrder).toBeGreaterThanOrEqual(washout);
          }
        }
      }),
      { numRuns: 200 },
    );
    expect(() => planRepeats([], { share: 0.6, washoutItems: 0, rng: seededRng(1), isGold: () => false })).toThrow(/at most 50 %/);
  });
});
