import { describe, expect, it } from "vitest";
import { summarizeAxes, type ResultAxis } from "./axis-results";
import { meanInterval, tQuantile975, wilsonInterval } from "./intervals";
import { summarizePairs } from "./pairwise-results";

const axis = (over: Partial<ResultAxis>): ResultAxis => ({ key: "k", label: "K", type: "CHOICE", appliesTo: "RESPONSE", options: [], multiSelect: false, bestValue: null, ...over });

describe("intervals", () => {
  it("Wilson: Newcombe 1998, Table I example 81/263 → 0.2553–0.3662; and 0/10 starts at 0", () => {
    const p = wilsonInterval(81, 263);
    expect(p.low).toBeCloseTo(0.2553, 4);
    expect(p.high).toBeCloseTo(0.3662, 4);
    expect(wilsonInterval(0, 10)).toMatchObject({ share: 0, low: 0 });
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 4); // Newcombe 1998, Table I, 0/10
  });

  it("t quantiles: the table, and the expansion near the exact values beyond it", () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(30)).toBe(2.042);
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 3);
  });

  it("mean with a t interval, computed independently", () => {
    const values = [3, 4, 5, 5, 4, 2, 5];
    const mean = 28 / 7;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / 6);
    const r = meanInterval(values);
    expect(r.mean).toBeCloseTo(4, 12);
    expect(r.low).toBeCloseTo(mean - (2.447 * sd) / Math.sqrt(7), 12);
    expect(meanInterval([4])).toMatchObject({ mean: 4, low: null });
    expect(meanInterval([])).toMatchObject({ n: 0, mean: null });
  });
});

describe("summarizeAxes", () => {
  const scale = axis({ key: "quality", type: "SCALE", options: [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: `${v}` })), bestValue: "5" });
  const flag = axis({ key: "harm", type: "BOOLEAN", bestValue: "false" });
  const errors = axis({ key: "errors", multiSelect: true, options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] });

  it("counts bins among rated answers, N/A among all, the best bin and the scale mean, per model", () => {
    const [q, h, e] = summarizeAxes([scale, flag, errors, axis({ key: "note", type: "TEXT" })], [
      ...["5", 5, "4", "na", "5"].map((value) => ({ axis: "quality", model: "m1", value })),
      { axis: "quality", model: "m2", value: "3" },
      ...[true, false, false, null].map((value) => ({ axis: "harm", model: "m1", value })),
      ...[["a"], ["a", "b"], []].map((value) => ({ axis: "errors", model: "m1", value })),
    ]);
    const m1 = q.models.find((m) => m.model === "m1")!;
    expect(q.models.map((m) => m.model)).toEqual(["m1", "m2"]);
    expect(m1.ratings).toBe(5);
    expect(m1.notApplicable).toMatchObject({ count: 1, n: 5 });
    expect(m1.bins.map((b) => [b.value, b.share.count, b.share.n])).toEqual([["1", 0, 4], ["2", 0, 4], ["3", 0, 4], ["4", 1, 4], ["5", 3, 4]]);
    expect(m1.best).toMatchObject({ count: 3, n: 4, share: 0.75 });
    expect(m1.mean?.mean).toBeCloseTo(4.75, 12);
    // Booleans: yes/no bins, unanswered (null) not counted; the best bin is "false" (no harm).
    expect(h.models[0].bins.map((b) => [b.label, b.share.count])).toEqual([["Yes", 1], ["No", 2]]);
    expect(h.models[0].best).toMatchObject({ count: 2, n: 3 });
    expect(h.models[0].mean).toBeNull();
    // Multi-select: each option's share of answers; no best bin.
    expect(e.models[0].bins.map((b) => [b.value, b.share.count, b.share.n])).toEqual([["a", 2, 2], ["b", 1, 2]]);
    expect(e.models[0].best).toBeNull();
  });
});

describe("summarizePairs", () => {
  it("tallies wins, ties and losses per unordered pair after polarity", () => {
    const r = summarizePairs(["overall", "harm"], [
      { axis: "harm", models: ["b", "a"], better: "a" },
      { axis: "overall", models: ["b", "a"], better: "b" },
      { axis: "overall", models: ["a", "b"], better: "b" },
      { axis: "overall", models: ["a", "b"], better: "tie" },
      { axis: "overall", models: ["a", "a"], better: "a" },
    ]);
    expect(r.map((p) => [p.axis, p.first, p.second, p.judgments, p.firstWins.count, p.ties.count, p.secondWins.count])).toEqual([
      ["overall", "a", "b", 3, 0, 1, 2],
      ["harm", "a", "b", 1, 1, 0, 0],
    ]);
  });
});
