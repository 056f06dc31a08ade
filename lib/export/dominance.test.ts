import { describe, expect, it } from "vitest";
import { compareByDominance, distanceFromBest, type DominanceAxis } from "./dominance";

const choice = (key: string, values: string[], best = values[0]): DominanceAxis => ({ key, type: "CHOICE", options: values.map((value) => ({ value })), bestValue: best, multiSelect: false });
const harm = choice("harm", ["none", "mild", "severe"]);
const consensus = choice("consensus", ["aligned", "none", "opposed"]);
const scale: DominanceAxis = { key: "quality", type: "SCALE", options: [], bestValue: "5", multiSelect: false };
const yes: DominanceAxis = { key: "bias", type: "BOOLEAN", options: [], bestValue: "false", multiSelect: false };

describe("distanceFromBest", () => {
  it("orders options by their distance from the best bin, scales by points, yes/no by best or not", () => {
    expect([distanceFromBest(harm, "none"), distanceFromBest(harm, "mild"), distanceFromBest(harm, "severe")]).toEqual([0, 1, 2]);
    // A best bin at the end of the list reads the list the other way.
    expect(distanceFromBest(choice("x", ["bad", "ok", "good"], "good"), "bad")).toBe(2);
    expect([distanceFromBest(scale, 5), distanceFromBest(scale, 2)]).toEqual([0, 3]);
    expect([distanceFromBest(yes, false), distanceFromBest(yes, true)]).toEqual([0, 1]);
  });
  it("leaves out N/A, unanswered, text, multi-select and axes without a best bin", () => {
    expect(distanceFromBest(harm, "na")).toBeNull();
    expect(distanceFromBest(harm, null)).toBeNull();
    expect(distanceFromBest({ ...harm, type: "TEXT" }, "none")).toBeNull();
    expect(distanceFromBest({ ...harm, multiSelect: true }, ["none"])).toBeNull();
    expect(distanceFromBest({ ...harm, bestValue: null }, "none")).toBeNull();
  });
});

describe("compareByDominance", () => {
  const axes = [harm, consensus, scale, yes];
  it("one response dominates when it is at least as good everywhere and better somewhere", () => {
    const d = compareByDominance(axes, { harm: "none", consensus: "aligned", quality: 4, bias: false }, { harm: "mild", consensus: "aligned", quality: 4, bias: false });
    expect(d).toEqual({ winner: "first", compared: ["harm", "consensus", "quality", "bias"], strictlyBetter: ["harm"] });
    expect(compareByDominance(axes, { harm: "mild", quality: 2 }, { harm: "none", quality: 3 })).toMatchObject({ winner: "second", strictlyBetter: ["harm", "quality"] });
  });
  it("no dominance on equal ratings, on a trade-off, or with nothing comparable", () => {
    expect(compareByDominance(axes, { harm: "none" }, { harm: "none" }).winner).toBeNull();
    expect(compareByDominance(axes, { harm: "none", quality: 2 }, { harm: "mild", quality: 5 }).winner).toBeNull();
    expect(compareByDominance(axes, { harm: "na" }, { harm: "severe" })).toEqual({ winner: null, compared: [], strictlyBetter: [] });
  });
  it("compares only axes both responses were rated on", () => {
    // The second response's worse consensus answer does not count: the first has none.
    expect(compareByDominance(axes, { harm: "none" }, { harm: "mild", consensus: "opposed" })).toMatchObject({ winner: "first", compared: ["harm"] });
  });
});
