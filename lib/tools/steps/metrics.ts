import type { StepBlock } from "./schema";
import { isErroneousVerdict, kindOfStep, type StepKind, type StepVerdict } from "./taxonomy";

// Numbers from step labels (issue 8 "Results"; definitions in decision 012). Pure and zod-free:
// the results page, the API and the CLI call the same functions on the same inputs.

export type StepLabelInput = { verdict?: StepVerdict | null; kind?: StepKind | null; errorTypes?: readonly string[] };

/** One reviewer's labels of one response. `steps[i]` is step i (0-based); unlabelled steps are undefined. */
export type LabelledResponse = {
  model: string;
  steps: ReadonlyArray<StepLabelInput | undefined>;
  finalAnswerCorrect?: boolean | null;
  reasoningSupportsAnswer?: boolean | null;
  /** The reviewer's override: a step index, null for "none"; undefined → derived from the verdicts. */
  firstErrorStep?: number | null;
};

/** A reviewer's block as metrics input; `stepCount` is the length of the segmentation it was made on. */
export function toLabelledResponse(model: string, block: Pick<StepBlock, "steps" | "finalAnswerCorrect" | "reasoningSupportsAnswer" | "firstErrorStep">, stepCount: number): LabelledResponse {
  return {
    model,
    steps: Array.from({ length: stepCount }, (_, i) => block.steps[String(i)]),
    finalAnswerCorrect: block.finalAnswerCorrect,
    reasoningSupportsAnswer: block.reasoningSupportsAnswer,
    firstErrorStep: block.firstErrorStep,
  };
}

export type ResponseStepMetrics = {
  stepCount: number;
  /** First step whose verdict is incorrect or unsupported; null when none. */
  derivedFirstErrorStep: number | null;
  /** The reviewer's override when given, else the derived one. */
  firstErrorStep: number | null;
  /** firstErrorStep ÷ stepCount, in [0, 1): 0 is the first step. */
  firstErrorPosition: number | null;
  /** Null when "final answer correct?" is unanswered. */
  rightAnswerWrongReasoning: boolean | null;
  /** MedR-Bench: reasoning steps ÷ steps with a kind (labelled or derived); null when none has one. */
  efficiency: number | null;
  /** MedR-Bench: reasoning steps judged correct ÷ reasoning steps with a verdict; null when there are none. */
  factuality: number | null;
  /** Steps whose kind was derived from the verdict rather than labelled. */
  derivedKinds: number;
};

export function measureResponse(response: LabelledResponse): ResponseStepMetrics {
  const stepCount = response.steps.length;
  const derived = response.steps.findIndex((s) => isErroneousVerdict(s?.verdict));
  const derivedFirstErrorStep = derived === -1 ? null : derived;
  // An override outside the segmentation (checkStepBlock refuses it at save) is ignored here.
  const override = response.firstErrorStep;
  const firstErrorStep = override === undefined || (override !== null && !(override >= 0 && override < stepCount)) ? derivedFirstErrorStep : override;
  let classified = 0, reasoning = 0, judged = 0, correct = 0, derivedKinds = 0;
  for (const step of response.steps) {
    const kind = step ? kindOfStep(step) : null;
    if (!kind) continue;
    classified++;
    if (!step?.kind) derivedKinds++;
    if (kind !== "reasoning") continue;
    reasoning++;
    if (step?.verdict) judged++;
    if (step?.verdict === "correct") correct++;
  }
  const isAnswerCorrect = response.finalAnswerCorrect;
  return {
    stepCount,
    derivedFirstErrorStep,
    firstErrorStep,
    firstErrorPosition: firstErrorStep === null || stepCount === 0 ? null : firstErrorStep / stepCount,
    // Right answer, wrong reasoning (decision 012): the answer is correct AND the reviewer says the
    // reasoning does not support it or some step is an error (the first error, overridable, exists).
    rightAnswerWrongReasoning: typeof isAnswerCorrect !== "boolean" ? null : isAnswerCorrect && (response.reasoningSupportsAnswer === false || firstErrorStep !== null),
    efficiency: classified ? reasoning / classified : null,
    factuality: judged ? correct / judged : null,
    derivedKinds,
  };
}

/** A share with its 95 % Wilson score interval (Wilson 1927; Newcombe, Stat Med 1998;17:857–872). */
export type Proportion = { count: number; n: number; share: number | null; low: number | null; high: number | null };

const Z_95 = 1.959963984540054;

export function wilsonInterval(count: number, n: number, z = Z_95): Proportion {
  if (n === 0) return { count, n, share: null, low: null, high: null };
  const p = count / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { count, n, share: p, low: count === 0 ? 0 : Math.max(0, centre - half), high: count === n ? 1 : Math.min(1, centre + half) };
}

export type ErrorTypeFrequency = { key: string; steps: number; responses: number; share: number };
export type Mean = { mean: number | null; n: number };

export type ModelStepSummary = {
  model: string;
  responses: number;
  /** Over responses whose final answer was judged (right or wrong). */
  rightAnswerWrongReasoning: Proportion;
  /** Over responses whose final answer was judged correct. */
  rightAnswerWrongReasoningAmongCorrect: Proportion;
  /** Steps carrying each type; share = those steps ÷ steps carrying any type. Most frequent first. */
  errorTypes: ErrorTypeFrequency[];
  /** Responses with a first error, by its position's quintile: [0, 0.2), [0.2, 0.4), … [0.8, 1). */
  firstErrorQuintiles: [number, number, number, number, number];
  responsesWithError: number;
  /** Means of the per-response values (MedR-Bench averages per case), over responses where defined. */
  efficiency: Mean;
  factuality: Mean;
};

const mean = (values: number[]): Mean => ({ mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null, n: values.length });

/** Per-model summary, models in alphabetical order. Each entry is one reviewer's labels of one response. */
export function summarizeStepsByModel(responses: readonly LabelledResponse[]): ModelStepSummary[] {
  const byModel = new Map<string, LabelledResponse[]>();
  for (const r of responses) byModel.set(r.model, [...(byModel.get(r.model) ?? []), r]);
  return [...byModel.keys()].sort().map((model) => {
    const group = byModel.get(model) ?? [];
    const measured = group.map(measureResponse);
    const judged = measured.filter((m) => m.rightAnswerWrongReasoning !== null);
    const correct = group.filter((r) => r.finalAnswerCorrect === true);
    const rawr = judged.filter((m) => m.rightAnswerWrongReasoning).length;

    const counts = new Map<string, { steps: number; responses: number }>();
    let stepsWithType = 0;
    for (const r of group) {
      const inResponse = new Set<string>();
      for (const step of r.steps) {
        const types = new Set(step?.errorTypes ?? []);
        if (types.size) stepsWithType++;
        for (const key of types) {
          const entry = counts.get(key) ?? { steps: 0, responses: 0 };
          entry.steps++;
          if (!inResponse.has(key)) entry.responses++;
          inResponse.add(key);
          counts.set(key, entry);
        }
      }
    }
    const errorTypes = [...counts].map(([key, c]) => ({ key, ...c, share: c.steps / stepsWithType })).sort((a, b) => b.steps - a.steps || a.key.localeCompare(b.key));

    const quintiles: ModelStepSummary["firstErrorQuintiles"] = [0, 0, 0, 0, 0];
    // Integer arithmetic: floor(5·i/n) is exact where floor(position·5) could round below a boundary.
    for (const m of measured) if (m.firstErrorStep !== null) quintiles[Math.min(4, Math.floor((5 * m.firstErrorStep) / m.stepCount))]++;

    return {
      model,
      responses: group.length,
      rightAnswerWrongReasoning: wilsonInterval(rawr, judged.length),
      rightAnswerWrongReasoningAmongCorrect: wilsonInterval(rawr, correct.length),
      errorTypes,
      firstErrorQuintiles: quintiles,
      responsesWithError: quintiles.reduce((a, b) => a + b, 0),
      efficiency: mean(measured.flatMap((m) => (m.efficiency === null ? [] : [m.efficiency]))),
      factuality: mean(measured.flatMap((m) => (m.factuality === null ? [] : [m.factuality]))),
    };
  });
}
