import { describe, expect, it } from "vitest";
import { checkStepBlock, stepBlockSchema, stepTaxonomySchema, type StepBlock } from "./schema";
import { DEFAULT_ERROR_TYPES } from "./taxonomy";

const taxonomyKeys = DEFAULT_ERROR_TYPES.map((t) => t.key);
const context = { stepCount: 3, taxonomyKeys };
const block = (over: Partial<StepBlock> = {}): StepBlock => ({ segmentationVersion: 1, steps: {}, ...over });
const complete = block({
  steps: {
    "0": { verdict: "correct", errorTypes: [] },
    "1": { verdict: "incorrect", errorTypes: ["anchoring_bias"], severity: "major", comment: "Ignores the normal troponin." },
    "2": { verdict: "redundant", kind: "repetition", errorTypes: [] },
  },
  finalAnswerCorrect: true,
  reasoningSupportsAnswer: false,
});

describe("stepBlockSchema", () => {
  it("parses a block, filling empty error-type lists and dropping unknown fields", () => {
    const parsed = stepBlockSchema.parse({ segmentationVersion: 2, steps: { "0": { verdict: "unsupported", extra: 1 } }, firstErrorStep: null });
    expect(parsed).toEqual({ segmentationVersion: 2, steps: { "0": { verdict: "unsupported", errorTypes: [] } }, firstErrorStep: null });
  });

  it("refuses values outside the vocabularies and step names that could alias another", () => {
    expect(stepBlockSchema.safeParse({ segmentationVersion: 1, steps: { "0": { verdict: "wrong" } } }).success).toBe(false);
    expect(stepBlockSchema.safeParse({ segmentationVersion: 1, steps: { "0": { severity: "fatal" } } }).success).toBe(false);
    expect(stepBlockSchema.safeParse({ segmentationVersion: 1, steps: { "0": { kind: "citation" } } }).success).toBe(true);
    const aliased = stepBlockSchema.safeParse({ segmentationVersion: 1, steps: { "01": { verdict: "correct" } } });
    expect(aliased.success).toBe(false);
    expect(aliased.error?.issues[0].message).toBe("A step is named by its position: 0, 1, 2, …");
    expect(stepBlockSchema.safeParse({ segmentationVersion: 0, steps: {} }).success).toBe(false);
    expect(stepBlockSchema.safeParse({ segmentationVersion: 1, firstErrorStep: -1 }).success).toBe(false);
  });
});

describe("checkStepBlock", () => {
  it("accepts a complete block at submit and an empty draft", () => {
    expect(checkStepBlock(complete, context, true)).toEqual([]);
    expect(checkStepBlock(block(), context, false)).toEqual([]);
  });

  it("asks at submit for every step's verdict and both questions about the response", () => {
    expect(checkStepBlock(block({ steps: { "1": { verdict: "correct", errorTypes: [] } } }), context, true)).toEqual([
      { path: "steps.0.verdict", message: "Step 1 has no verdict." },
      { path: "steps.2.verdict", message: "Step 3 has no verdict." },
      { path: "finalAnswerCorrect", message: "Say whether the final answer is correct." },
      { path: "reasoningSupportsAnswer", message: "Say whether the reasoning supports the answer." },
    ]);
  });

  it("asks for each step's kind only when the project requires kinds", () => {
    const problems = checkStepBlock(complete, { ...context, requireKind: true }, true);
    expect(problems.map((p) => p.path)).toEqual(["steps.0.kind", "steps.1.kind"]);
    expect(problems[0].message).toBe("Step 1 has no kind (reasoning, citation, repetition or redundancy).");
  });

  it("refuses steps outside the segmentation, unknown or repeated error types", () => {
    const problems = checkStepBlock(
      block({ steps: { "1": { verdict: "incorrect", errorTypes: ["bad_luck", "factual_error", "factual_error"] }, "3": { verdict: "correct", errorTypes: [] } } }),
      context,
      false,
    );
    expect(problems).toEqual([
      { path: "steps.1.errorTypes", message: 'Step 2: "bad_luck" is not an error type of this project.' },
      { path: "steps.1.errorTypes", message: 'Step 2 lists the error type "factual_error" twice.' },
      { path: "steps.3", message: "Step 4 is not part of the segmentation: this response has 3 steps." },
    ]);
  });

  it("keeps severity and error types for steps that are not correct", () => {
    const problems = checkStepBlock(block({ steps: { "0": { verdict: "correct", errorTypes: ["overthinking"], severity: "minor" }, "1": { severity: "critical", errorTypes: [] } } }), context, false);
    expect(problems).toEqual([
      { path: "steps.0.errorTypes", message: "Step 1 is marked correct, so it cannot carry error types." },
      { path: "steps.0.severity", message: "Step 1 is marked correct, so it has no severity; severity is for steps that are not correct." },
    ]);
  });

  it("checks the first-error override against the segmentation and the verdicts", () => {
    const at = (firstErrorStep: number | null) => checkStepBlock({ ...complete, firstErrorStep }, context, true).map((p) => p.message);
    expect(at(1)).toEqual([]);
    expect(at(2)).toEqual([]); // a reviewer may place the first error on a step not marked incorrect
    expect(at(0)).toEqual(["The first erroneous step is given as step 1, which is marked correct."]);
    expect(at(3)).toEqual(["The first erroneous step is given as step 4, but this response has 3 steps."]);
    expect(at(null)).toEqual(["The response is marked as having no erroneous step, but step 2 is marked incorrect."]);
  });

  it("refuses labels made on another segmentation version when asked to", () => {
    expect(checkStepBlock(complete, { ...context, segmentationVersion: 2 }, false)).toEqual([
      { path: "segmentationVersion", message: "These labels were made on segmentation version 1, but the response is now segmented as version 2." },
    ]);
    expect(checkStepBlock(complete, { ...context, segmentationVersion: 1 }, true)).toEqual([]);
  });
});

describe("stepTaxonomySchema", () => {
  it("accepts the default taxonomy", () => {
    expect(stepTaxonomySchema.parse(DEFAULT_ERROR_TYPES)).toEqual(DEFAULT_ERROR_TYPES);
  });

  it("needs 1–40 types with distinct snake_case keys and distinct labels", () => {
    const messages = (value: unknown) => stepTaxonomySchema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages([])).toEqual([": The taxonomy needs at least one error type."]);
    const many = Array.from({ length: 41 }, (_, i) => ({ key: `type_${i}`, label: `Type ${i}` }));
    expect(messages(many)).toEqual([": A taxonomy has at most 40 error types; reviewers cannot scan more."]);
    expect(messages([{ key: "dose_error", label: "Dose error" }, { key: "dose_error", label: "dose ERROR" }])).toEqual([
      '1.key: Error types 1 and 2 have the same key "dose_error"; each must be different.',
      '1.label: Error types 1 and 2 have the same label "dose ERROR"; each must be different.',
    ]);
    expect(messages([{ key: "Dose-Error", label: "Dose" }])?.[0]).toMatch(/^0\.key: An error type's key is lower-case letters/);
    expect(messages([{ key: "dose", label: "   " }])).toEqual(["0.label: Every error type needs a label."]);
    expect(stepTaxonomySchema.parse([{ key: "dose", label: " Dose " }])).toEqual([{ key: "dose", label: "Dose", help: "", source: "" }]);
  });
});
