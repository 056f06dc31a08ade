import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { seededRng } from "./plan-assignments";
import { armsSchema, planArms } from "./study-arms";

/** Rows as the batch planner makes them: per reviewer a queue order 0…n-1. */
function rowsOf(loads: number[]) {
  return loads.flatMap((n, r) => Array.from({ length: n }, (_, i) => ({ id: `a${r}-${i}`, reviewerId: `r${r}`, itemId: `i${i}`, displayOrder: i })));
}

describe("planArms", () => {
  const loads = fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 6 });

  it("gives every first-phase rating exactly one second phase, same reviewer and item, the other arm", () => {
    fc.assert(
      fc.property(loads, fc.constantFrom("sequential" as const, "crossover" as const), fc.integer(), fc.boolean(), (l, design, seed, reshuffle) => {
        const rows = rowsOf(l);
        const { firstArm, second } = planArms(rows, design, { rng: seededRng(seed), reshuffle });
        expect(second).toHaveLength(rows.length);
        expect(new Set(second.map((s) => s.precededById)).size).toBe(rows.length);
        for (const s of second) {
          const first = rows.find((r) => r.id === s.precededById)!;
          expect(s).toMatchObject({ reviewerId: first.reviewerId, itemId: first.itemId });
          expect(s.arm).not.toBe(firstArm.get(first.id));
        }
        // Each reviewer's second-phase queue is a permutation of 0…n-1.
        l.forEach((n, r) => expect(second.filter((s) => s.reviewerId === `r${r}`).map((s) => s.displayOrder).sort((a, b) => a - b)).toEqual([...Array(n).keys()]));
      }),
    );
  });

  it("sequential: unassisted first, and the assisted phase keeps the reviewer's order", () => {
    const rows = rowsOf([5, 3]);
    const { firstArm, second } = planArms(rows, "sequential", { rng: seededRng(1), reshuffle: true });
    expect([...firstArm.values()].every((a) => a === "UNASSISTED")).toBe(true);
    for (const s of second) expect(s.displayOrder).toBe(rows.find((r) => r.id === s.precededById)!.displayOrder);
  });

  it("crossover: each reviewer's period 1 is half unassisted, half assisted (within one)", () => {
    fc.assert(
      fc.property(loads, fc.integer(), (l, seed) => {
        const { firstArm } = planArms(rowsOf(l), "crossover", { rng: seededRng(seed), reshuffle: false });
        l.forEach((n, r) => {
          const assisted = Array.from({ length: n }, (_, i) => firstArm.get(`a${r}-${i}`)).filter((a) => a === "ASSISTED").length;
          expect(Math.abs(assisted - (n - assisted))).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it("crossover: which arm comes first varies with the seed (not always the same half)", () => {
    const firsts = new Set(Array.from({ length: 20 }, (_, seed) => planArms(rowsOf([1]), "crossover", { rng: seededRng(seed), reshuffle: false }).firstArm.get("a0-0")));
    expect(firsts).toEqual(new Set(["ASSISTED", "UNASSISTED"]));
  });
});

describe("armsSchema", () => {
  it("accepts a reference or a labelled response as the assistance", () => {
    expect(armsSchema.parse({ design: "crossover", assist: { material: "response", label: "B", title: "Second opinion" }, washoutDays: 28 })).toMatchObject({ washoutDays: 28 });
    expect(armsSchema.parse({ design: "sequential", assist: { material: "reference", title: "Reference" } }).washoutDays).toBe(0);
  });

  it("says what is wrong", () => {
    expect(armsSchema.safeParse({ design: "parallel", assist: { material: "reference", title: "R" } }).error?.issues[0].message).toMatch(/sequential or crossover/);
    expect(armsSchema.safeParse({ design: "sequential", assist: { material: "response", label: "b", title: "R" } }).error?.issues[0].message).toMatch(/one capital letter/);
    expect(armsSchema.safeParse({ design: "sequential", assist: { material: "reference", title: " " } }).error?.issues[0].message).toMatch(/Name the assistance/);
  });
});
