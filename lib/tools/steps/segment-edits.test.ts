import { describe, expect, it } from "vitest";
import { mergeSteps, segmentSteps, splitStep, stepTexts, validateSteps } from "./segment";

const TEXT = "Fever 🤒 for 3 days. CRP 180 mg/L. Likely pneumonia.";
// Code points: "Fever 🤒 for 3 days." is 0–19, "CRP 180 mg/L." 20–33, "Likely pneumonia." 34–51.

describe("validateSteps", () => {
  it("accepts ordered, non-overlapping, non-empty ranges inside the text, counted in code points", () => {
    expect(segmentSteps(TEXT)).toEqual([
      { start: 0, end: 19 },
      { start: 20, end: 33 },
      { start: 34, end: 51 },
    ]);
    expect(validateSteps(TEXT, segmentSteps(TEXT))).toEqual([]);
    expect(validateSteps(TEXT, [{ start: 0, end: 51 }])).toEqual([]);
  });

  it("names each problem in plain words with the step's number", () => {
    const problems = validateSteps(TEXT, [
      { start: 0, end: 19 },
      { start: 10, end: 25 },
      { start: 30, end: 30 },
      { start: 19, end: 20 },
      { start: 40, end: 52 },
      { start: -1, end: 3 },
      { start: 1.5, end: 3 },
    ]);
    expect(problems).toEqual([
      { index: 1, message: "Step 2 starts at 10, before step 1 ends (19): steps must be in order and must not overlap." },
      { index: 2, message: "Step 3 is empty: it must end after it starts (start 30, end 30)." },
      { index: 3, message: "Step 4 starts at 19, before step 2 ends (25): steps must be in order and must not overlap." },
      { index: 4, message: "Step 5 ends at 52, past the end of the text (51 characters, counted as Unicode code points)." },
      { index: 5, message: "Step 6 starts at -1, before the beginning of the text." },
      { index: 6, message: "Step 7 must start and end at whole numbers of characters (start 1.5, end 3)." },
    ]);
  });

  it("refuses a step of only whitespace and an empty list", () => {
    expect(validateSteps(TEXT, [{ start: 19, end: 20 }])[0].message).toBe("Step 1 holds only spaces or line breaks.");
    expect(validateSteps(TEXT, [])).toEqual([{ index: null, message: "There are no steps. Give at least one, or leave steps out to have the text segmented automatically." }]);
  });

  it("measures the end in code points: 51 is the last valid end although the JS length is 52", () => {
    expect(TEXT.length).toBe(52);
    expect(validateSteps(TEXT, [{ start: 0, end: 52 }])).toHaveLength(1);
  });
});

describe("mergeSteps and splitStep", () => {
  const steps = segmentSteps(TEXT);

  it("merges a step with the next one", () => {
    const merged = mergeSteps(steps, 0);
    expect(merged).toEqual({ ok: true, steps: [{ start: 0, end: 33 }, { start: 34, end: 51 }] });
    if (merged.ok) expect(stepTexts(TEXT, merged.steps)[0]).toBe("Fever 🤒 for 3 days. CRP 180 mg/L.");
    expect(mergeSteps(steps, 2)).toEqual({ ok: false, message: "Choose a step from 1 to 2 to merge with the step after it." });
    expect(mergeSteps([{ start: 0, end: 51 }], 0)).toEqual({ ok: false, message: "There is only one step: nothing to merge." });
  });

  it("splits a step at a code-point offset and trims both parts", () => {
    const split = splitStep(TEXT, steps, 0, 8); // just after "Fever 🤒 "
    expect(split).toEqual({ ok: true, steps: [{ start: 0, end: 7 }, { start: 8, end: 19 }, { start: 20, end: 33 }, { start: 34, end: 51 }] });
    if (split.ok) {
      expect(stepTexts(TEXT, split.steps).slice(0, 2)).toEqual(["Fever 🤒", "for 3 days."]);
      expect(validateSteps(TEXT, split.steps)).toEqual([]);
      expect(mergeSteps(split.steps, 0)).toEqual({ ok: true, steps });
    }
  });

  it("refuses a split outside the step, at its edges, or one that leaves only whitespace", () => {
    expect(splitStep(TEXT, steps, 1, 19)).toEqual({ ok: false, message: "Step 2 runs from 20 to 33; split it at a position strictly between." });
    expect(splitStep(TEXT, steps, 1, 20)).toMatchObject({ ok: false });
    expect(splitStep(TEXT, steps, 5, 3)).toEqual({ ok: false, message: "There is no step 6; the text has 3." });
    expect(splitStep("a      b", [{ start: 0, end: 8 }], 0, 3)).toEqual({ ok: true, steps: [{ start: 0, end: 1 }, { start: 7, end: 8 }] });
    expect(splitStep(" ab ", [{ start: 0, end: 4 }], 0, 1)).toEqual({ ok: false, message: "Splitting step 1 there would leave a part with no text." });
  });
});
