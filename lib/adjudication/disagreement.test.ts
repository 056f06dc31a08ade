import { describe, expect, it } from "vitest";
import { disagrees, itemDisagreements, mergeAnswers, type ReviewerAnswers } from "./disagreement";

const answers = (responses: ReviewerAnswers["responses"], extra: Partial<ReviewerAnswers> = {}): ReviewerAnswers => ({ responses, item: {}, pair: {}, criteria: {}, ...extra });

describe("disagreement rules", () => {
  it("a scale disagrees from the project's range on, an N/A against a number too; unanswered values are ignored", () => {
    expect(disagrees("SCALE", ["3", "4"], 2)).toEqual({ yes: false, range: 1 });
    expect(disagrees("SCALE", ["3", "5"], 2)).toEqual({ yes: true, range: 2 });
    expect(disagrees("SCALE", ["3", "4"], 1)).toEqual({ yes: true, range: 1 });
    expect(disagrees("SCALE", ["na", "4"], 2)).toEqual({ yes: true, range: 0 });
    expect(disagrees("SCALE", ["na", "na"], 2)).toEqual({ yes: false, range: 0 });
    expect(disagrees("SCALE", ["5", undefined], 1)).toEqual({ yes: false });
  });

  it("choices, yes/no, pairwise winners and criteria marks disagree when two answers differ; multi-select compares as sets; text never", () => {
    expect(disagrees("CHOICE", ["aligned", "aligned"], 2).yes).toBe(false);
    expect(disagrees("CHOICE", ["aligned", "opposed"], 2).yes).toBe(true);
    expect(disagrees("CHOICE", [["a", "b"], ["b", "a"]], 2).yes).toBe(false);
    expect(disagrees("BOOLEAN", [true, false], 2).yes).toBe(true);
    expect(disagrees("PAIR", ["r1", "tie"], 2).yes).toBe(true);
    expect(disagrees("CRITERION", [true, false], 2).yes).toBe(true);
    expect(disagrees("CRITERION", [true, null], 2).yes).toBe(false); // null: not judged
    expect(disagrees("TEXT", ["x", "y"], 2).yes).toBe(false);
  });

  it("lists every disagreeing axis of an item by target", () => {
    const axes = [
      { key: "quality", label: "Quality", type: "SCALE" as const, appliesTo: "RESPONSE" as const },
      { key: "harm", label: "Harm", type: "CHOICE" as const, appliesTo: "RESPONSE" as const },
      { key: "better", label: "Better", type: "CHOICE" as const, appliesTo: "PAIR" as const },
      { key: "flag", label: "Flag", type: "BOOLEAN" as const, appliesTo: "ITEM" as const },
    ];
    const found = itemDisagreements(axes, ["r1", "r2"], [
      answers({ r1: { quality: "1", harm: "none" }, r2: { quality: "4", harm: "none" } }, { pair: { better: "r1" }, item: { flag: true }, criteria: { r1: { c1: true } } }),
      answers({ r1: { quality: "4", harm: "none" }, r2: { quality: "5", harm: "severe" } }, { pair: { better: "r1" }, item: { flag: true }, criteria: { r1: { c1: false } } }),
    ], 2);
    expect(found).toEqual([
      { target: "response", responseId: "r1", axis: "quality", values: ["1", "4"], range: 3 },
      { target: "response", responseId: "r2", axis: "harm", values: ["none", "severe"] },
      { target: "criterion", responseId: "r1", axis: "c1", values: [true, false] },
    ]);
  });

  it("merges to the median of a scale and the most frequent other answer", () => {
    expect(mergeAnswers(["1", "5", "4"], "SCALE")).toBe("4");
    expect(mergeAnswers(["2", "4"], "SCALE")).toBe("2");
    expect(mergeAnswers(["a", "b", "b"], "CHOICE")).toBe("b");
    expect(mergeAnswers(["a", "b"], "CHOICE")).toBe("a");
    expect(mergeAnswers([undefined, undefined], "CHOICE")).toBeUndefined();
  });

  it("step verdicts disagree per step among reviewers of the newest segmentation; a re-segmented older label set is not compared", () => {
    const withSteps = (steps: ReviewerAnswers["steps"]) => answers({}, { steps });
    const found = itemDisagreements([], ["r1"], [
      withSteps({ r1: { version: 2, verdicts: { "0": "correct", "1": "incorrect", "2": "correct" } } }),
      withSteps({ r1: { version: 2, verdicts: { "0": "correct", "1": "correct" } } }),
      withSteps({ r1: { version: 1, verdicts: { "0": "incorrect" } } }),
    ], 2);
    expect(found).toEqual([{ target: "step", responseId: "r1", axis: "2:1", values: ["incorrect", "correct", undefined] }]);
    expect(itemDisagreements([], ["r1"], [withSteps({ r1: { version: 1, verdicts: { "0": "correct" } } }), withSteps({ r1: { version: 1, verdicts: { "0": "incorrect" } } })], 2, { steps: false, arguments: true })).toEqual([]);
  });

  it("argument structure disagrees when the spans (exact offsets and labels) or the relations of a text differ", () => {
    const span = (s: string) => ({ spans: s ? s.split(" ") : [], relations: [] as string[] });
    const same = itemDisagreements([], [], [answers({}, { arguments: { "response:r1:content": span("0:10:claim 12:30:premise") } }), answers({}, { arguments: { "response:r1:content": span("0:10:claim 12:30:premise") } })], 2);
    expect(same).toEqual([]);
    const shifted = itemDisagreements([], [], [answers({}, { arguments: { "response:r1:content": span("0:10:claim") } }), answers({}, { arguments: { "response:r1:content": span("0:11:claim") } })], 2);
    expect(shifted).toMatchObject([{ target: "argument", axis: "response:r1:content" }]);
    const relation = { spans: ["0:10:claim", "12:30:premise"], relations: ["12:30:premise>0:10:claim:support"] };
    expect(itemDisagreements([], [], [answers({}, { arguments: { t: relation } }), answers({}, { arguments: { t: { ...relation, relations: [] } } })], 2)).toHaveLength(1);
    // Someone who annotated arguments elsewhere but marked nothing in this text disagrees with someone who did.
    expect(itemDisagreements([], [], [answers({}, { arguments: { t: relation } }), answers({}, { arguments: {} })], 2)).toHaveLength(1);
    expect(itemDisagreements([], [], [answers({}, { arguments: { t: relation } }), answers({})], 2)).toEqual([]);
  });
});

