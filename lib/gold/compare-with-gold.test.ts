import { describe, expect, it } from "vitest";
import { emptyAnnotationData, type AnnotationData } from "@/lib/annotations/schema";
import { goldSchema } from "@/lib/items/schema";
import { compareWithGold, isSameValue } from "./compare-with-gold";

// Response ids deliberately unlike their labels: the reviewer saw them shuffled.
const labels = { A: "resp-x", B: "resp-y" };

function annotation(patch: Partial<AnnotationData>): AnnotationData {
  return { ...emptyAnnotationData(), ...patch };
}

describe("compareWithGold", () => {
  const gold = goldSchema.parse({
    responses: { A: { harm_extent: "none", errors: ["omission", "hallucination"] }, B: { harm_extent: "death_severe" } },
    item: { difficulty: 3 },
    pair: { reasoning: "A", omission: "tie", harm_extent: "B" },
  });

  it("maps labels to response ids and counts every gold value", () => {
    const data = annotation({
      responses: {
        "resp-x": { ratings: { harm_extent: "none", errors: ["hallucination", "omission"] }, comments: {} },
        "resp-y": { ratings: { harm_extent: "death_severe" }, comments: {} },
      },
      item: { ratings: { difficulty: 3 }, comments: {} },
      pair: { ratings: { reasoning: "resp-x", omission: "tie", harm_extent: "resp-y" }, comments: {}, strength: {} },
    });
    expect(compareWithGold(gold, data, labels)).toMatchObject({ compared: 7, correct: 7, misses: [] });
  });

  it("counts wrong and missing values as misses", () => {
    const data = annotation({
      responses: { "resp-x": { ratings: { harm_extent: "moderate_mild", errors: ["omission"] }, comments: {} } },
      item: { ratings: { difficulty: null }, comments: {} },
      // "A" is a screen position, not a Response.id: it must not match.
      pair: { ratings: { reasoning: "A", omission: "tie", harm_extent: "resp-x" }, comments: {}, strength: {} },
    });
    const result = compareWithGold(gold, data, labels);
    expect(result.compared).toBe(7);
    expect(result.correct).toBe(1);
    expect(result.misses).toEqual([
      "responses.A.harm_extent",
      "responses.A.errors",
      "responses.B.harm_extent",
      "item.difficulty",
      "pair.reasoning",
      "pair.harm_extent",
    ]);
    // Each check names its axis and both values, for feedback on practice items.
    expect(result.checks.find((c) => c.path === "responses.A.harm_extent")).toEqual({ path: "responses.A.harm_extent", axis: "harm_extent", expected: expect.anything(), actual: "moderate_mild", ok: false });
    expect(result.checks.filter((c) => c.ok).map((c) => c.path)).toEqual(["pair.omission"]);
  });

  it("skips gold for labels the item does not have", () => {
    const strayGold = goldSchema.parse({ responses: { C: { harm_extent: "none" } }, pair: { reasoning: "B" } });
    expect(compareWithGold(strayGold, emptyAnnotationData(), { A: "resp-x" })).toEqual({ compared: 0, correct: 0, misses: [], checks: [] });
  });

  it("counts an empty gold as nothing compared", () => {
    expect(compareWithGold(goldSchema.parse({}), emptyAnnotationData(), labels)).toEqual({ compared: 0, correct: 0, misses: [], checks: [] });
  });
});

describe("isSameValue", () => {
  it("ignores order in multi-select lists but not their content", () => {
    expect(isSameValue(["a", "b"], ["b", "a"])).toBe(true);
    expect(isSameValue(["a", "b"], ["a"])).toBe(false);
    expect(isSameValue(["a", "a"], ["a", "b"])).toBe(false);
    expect(isSameValue(["a"], "a")).toBe(false);
    expect(isSameValue([], [])).toBe(true);
  });

  it("treats a SCALE number and its option string alike, but not booleans and strings", () => {
    expect(isSameValue("4", 4)).toBe(true);
    expect(isSameValue(4, 5)).toBe(false);
    expect(isSameValue(true, true)).toBe(true);
    expect(isSameValue("true", true)).toBe(false);
    expect(isSameValue(false, "no")).toBe(false);
  });
});
