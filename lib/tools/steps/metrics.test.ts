import { describe, expect, it } from "vitest";
import { measureResponse, summarizeStepsByModel, toLabelledResponse, wilsonInterval, type LabelledResponse } from "./metrics";

// Hand-computed examples; every expected number below is worked out in the comment beside it.
const A: LabelledResponse = {
  model: "alpha",
  steps: [
    { verdict: "correct", kind: "citation" },
    { verdict: "correct", kind: "reasoning" },
    { verdict: "unsupported", kind: "reasoning", errorTypes: ["premature_closure"] },
    { verdict: "incorrect", kind: "reasoning", errorTypes: ["factual_error", "premature_closure"] },
    { verdict: "redundant", kind: "repetition" },
  ],
  finalAnswerCorrect: true,
  reasoningSupportsAnswer: true,
};
// No kinds labelled: derived from verdicts (irrelevant → redundancy, correct → reasoning).
const B: LabelledResponse = { model: "alpha", steps: [{ verdict: "correct" }, { verdict: "irrelevant" }, { verdict: "correct" }, { verdict: "correct" }], finalAnswerCorrect: true, reasoningSupportsAnswer: false };
const C: LabelledResponse = { model: "alpha", steps: [{ verdict: "incorrect", errorTypes: ["misread_patient_data"] }, { verdict: "correct" }, { verdict: "correct" }], finalAnswerCorrect: false, reasoningSupportsAnswer: false };
const D: LabelledResponse = { model: "alpha", steps: [{ verdict: "correct" }, { verdict: "irrelevant" }], finalAnswerCorrect: true, reasoningSupportsAnswer: true, firstErrorStep: 1 };
const E: LabelledResponse = { model: "alpha", steps: [{ verdict: "incorrect" }] };
const F: LabelledResponse = { model: "beta", steps: [...Array.from({ length: 9 }, () => ({ verdict: "correct" as const })), { verdict: "incorrect" as const }], finalAnswerCorrect: true, reasoningSupportsAnswer: true };

describe("measureResponse", () => {
  it("derives the first error, right-answer-wrong-reasoning, efficiency and factuality", () => {
    // First error: step 2 (unsupported) → position 2/5. Reasoning steps 1, 2, 3 of 5 → efficiency 3/5;
    // of those only step 1 is correct → factuality 1/3. Right answer + an erroneous step → RAWR.
    expect(measureResponse(A)).toEqual({ stepCount: 5, derivedFirstErrorStep: 2, firstErrorStep: 2, firstErrorPosition: 0.4, rightAnswerWrongReasoning: true, efficiency: 0.6, factuality: 1 / 3, derivedKinds: 0 });
    // No erroneous step, but "reasoning does not support the answer" → RAWR. Kinds: 3 reasoning of 4.
    expect(measureResponse(B)).toEqual({ stepCount: 4, derivedFirstErrorStep: null, firstErrorStep: null, firstErrorPosition: null, rightAnswerWrongReasoning: true, efficiency: 0.75, factuality: 1, derivedKinds: 4 });
    // Wrong answer: never RAWR. Error at the first step → position 0.
    expect(measureResponse(C)).toMatchObject({ firstErrorStep: 0, firstErrorPosition: 0, rightAnswerWrongReasoning: false, efficiency: 1, factuality: 2 / 3 });
  });

  it("lets the reviewer's override name the first error, or say there is none", () => {
    expect(measureResponse(D)).toMatchObject({ derivedFirstErrorStep: null, firstErrorStep: 1, firstErrorPosition: 0.5, rightAnswerWrongReasoning: true, efficiency: 0.5, factuality: 1 });
    expect(measureResponse({ ...A, firstErrorStep: null })).toMatchObject({ derivedFirstErrorStep: 2, firstErrorStep: null, rightAnswerWrongReasoning: false });
    expect(measureResponse({ ...A, firstErrorStep: 9 })).toMatchObject({ firstErrorStep: 2 }); // outside the segmentation: ignored
  });

  it("leaves undefined what the labels cannot tell", () => {
    expect(measureResponse(E)).toMatchObject({ rightAnswerWrongReasoning: null, efficiency: 1, factuality: 0 });
    expect(measureResponse({ model: "m", steps: [undefined, { kind: "citation" }] })).toMatchObject({ efficiency: 0, factuality: null, derivedKinds: 0 });
    expect(measureResponse({ model: "m", steps: [], finalAnswerCorrect: true })).toMatchObject({ efficiency: null, factuality: null, firstErrorPosition: null, rightAnswerWrongReasoning: false });
  });

  it("reads a reviewer's step block", () => {
    const block = { steps: { "0": { verdict: "correct" as const, errorTypes: [] }, "2": { verdict: "incorrect" as const, errorTypes: ["calculation_error"] } }, finalAnswerCorrect: true };
    const response = toLabelledResponse("gamma", block, 3);
    expect(response.steps).toEqual([{ verdict: "correct", errorTypes: [] }, undefined, { verdict: "incorrect", errorTypes: ["calculation_error"] }]);
    expect(measureResponse(response)).toMatchObject({ firstErrorStep: 2, rightAnswerWrongReasoning: true, efficiency: 1, factuality: 0.5 });
  });
});

describe("wilsonInterval", () => {
  it("matches the closed forms at the edges and the published 3/4 interval", () => {
    // x = 0: upper = z²/(n+z²) = 3.8415/13.8415; x = n = 1: lower = n/(n+z²) = 1/4.8415.
    const zero = wilsonInterval(0, 10);
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(0.27753, 5);
    const one = wilsonInterval(1, 1);
    expect(one.low).toBeCloseTo(0.20655, 5);
    expect(one.high).toBe(1);
    const threeOfFour = wilsonInterval(3, 4);
    expect(threeOfFour.share).toBe(0.75);
    expect(threeOfFour.low).toBeCloseTo(0.3006, 4);
    expect(threeOfFour.high).toBeCloseTo(0.9544, 4);
    expect(wilsonInterval(0, 0)).toEqual({ count: 0, n: 0, share: null, low: null, high: null });
  });
});

describe("summarizeStepsByModel", () => {
  const [alpha, beta] = summarizeStepsByModel([F, A, B, C, D, E]);

  it("gives each model's share of right answers with wrong reasoning, with its interval", () => {
    expect(alpha.model).toBe("alpha");
    expect(alpha.responses).toBe(5);
    // Judged: A, B, C, D (E has no answer verdict); RAWR: A, B, D → 3/4. Among correct answers (A, B, D): 3/3.
    expect(alpha.rightAnswerWrongReasoning).toMatchObject({ count: 3, n: 4, share: 0.75 });
    expect(alpha.rightAnswerWrongReasoning.low).toBeCloseTo(0.3006, 4);
    expect(alpha.rightAnswerWrongReasoningAmongCorrect).toMatchObject({ count: 3, n: 3, share: 1, high: 1 });
    expect(beta).toMatchObject({ model: "beta", responses: 1, rightAnswerWrongReasoning: { count: 1, n: 1, share: 1, high: 1 } });
  });

  it("counts error types per step and per response, most frequent first", () => {
    // Steps with any type: A2, A3, C0 → 3. premature_closure on A2 and A3 (one response).
    expect(alpha.errorTypes).toEqual([
      { key: "premature_closure", steps: 2, responses: 1, share: 2 / 3 },
      { key: "factual_error", steps: 1, responses: 1, share: 1 / 3 },
      { key: "misread_patient_data", steps: 1, responses: 1, share: 1 / 3 },
    ]);
    expect(beta.errorTypes).toEqual([]);
  });

  it("places the first error in quintiles of its relative position", () => {
    // A: 2/5 = 0.4 → third; C: 0/3 → first; D: 1/2 = 0.5 → third; E: 0/1 → first; B has none.
    expect(alpha.firstErrorQuintiles).toEqual([2, 0, 2, 0, 0]);
    expect(alpha.responsesWithError).toBe(4);
    // F: 9/10 = 0.9 → fifth.
    expect(beta.firstErrorQuintiles).toEqual([0, 0, 0, 0, 1]);
  });

  it("averages efficiency and factuality over responses, as MedR-Bench averages over cases", () => {
    // Efficiency A 0.6, B 0.75, C 1, D 0.5, E 1 → 3.85/5; factuality 1/3, 1, 2/3, 1, 0 → 3/5.
    expect(alpha.efficiency.n).toBe(5);
    expect(alpha.efficiency.mean).toBeCloseTo(0.77, 12);
    expect(alpha.factuality.mean).toBeCloseTo(0.6, 12);
    expect(beta.efficiency).toEqual({ mean: 1, n: 1 });
    expect(beta.factuality).toEqual({ mean: 0.9, n: 1 });
  });
});
