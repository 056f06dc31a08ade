import type { StepBlock } from "./schema";
import { isErroneousVerdict } from "./taxonomy";

// Checks a reviewer's step block against the response's segmentation and the project's taxonomy.
// Zod-free so the review page can run it in the browser too (the server runs it on every save).
// Invalid values are always problems; missing answers only at submit (drafts may be incomplete).

export type StepBlockContext = {
  /** Steps of the segmentation the block was made on. */
  stepCount: number;
  /** Keys of the project's error taxonomy. */
  taxonomyKeys: readonly string[];
  /** The project asks for each step's MedR-Bench kind at submit (decision 012); off by default. */
  requireKind?: boolean;
  /** The response's current segmentation version, when the caller wants labels on an older one refused. */
  segmentationVersion?: number;
};

/** `path` is relative to the block ("steps.3.severity"); messages name steps from 1, as shown. */
export type StepBlockProblem = { path: string; message: string };

type Block = Pick<StepBlock, "steps" | "finalAnswerCorrect" | "reasoningSupportsAnswer" | "firstErrorStep"> & { segmentationVersion?: number };

export function checkStepBlock(block: Block, context: StepBlockContext, forSubmit: boolean): StepBlockProblem[] {
  const { stepCount } = context;
  const problems: StepBlockProblem[] = [];
  const add = (path: string, message: string) => void problems.push({ path, message });
  const known = new Set(context.taxonomyKeys);
  const countText = `this response has ${stepCount} step${stepCount === 1 ? "" : "s"}`;

  if (context.segmentationVersion !== undefined && block.segmentationVersion !== context.segmentationVersion) {
    add("segmentationVersion", `These labels were made on segmentation version ${block.segmentationVersion}, but the response is now segmented as version ${context.segmentationVersion}.`);
  }
  for (const [key, label] of Object.entries(block.steps)) {
    const index = Number(key);
    const name = `Step ${index + 1}`;
    if (!(index < stepCount)) {
      add(`steps.${key}`, `${name} is not part of the segmentation: ${countText}.`);
      continue;
    }
    const seen = new Set<string>();
    for (const type of label.errorTypes) {
      if (!known.has(type)) add(`steps.${key}.errorTypes`, `${name}: "${type}" is not an error type of this project.`);
      else if (seen.has(type)) add(`steps.${key}.errorTypes`, `${name} lists the error type "${type}" twice.`);
      seen.add(type);
    }
    if (label.verdict === "correct" && label.errorTypes.length) add(`steps.${key}.errorTypes`, `${name} is marked correct, so it cannot carry error types.`);
    if (label.verdict === "correct" && label.severity) add(`steps.${key}.severity`, `${name} is marked correct, so it has no severity; severity is for steps that are not correct.`);
  }

  const override = block.firstErrorStep;
  if (typeof override === "number") {
    if (override >= stepCount) add("firstErrorStep", `The first erroneous step is given as step ${override + 1}, but ${countText}.`);
    else if (block.steps[String(override)]?.verdict === "correct") add("firstErrorStep", `The first erroneous step is given as step ${override + 1}, which is marked correct.`);
  } else if (override === null) {
    const erroneous = Object.entries(block.steps).find(([key, label]) => Number(key) < stepCount && isErroneousVerdict(label.verdict));
    if (erroneous) add("firstErrorStep", `The response is marked as having no erroneous step, but step ${Number(erroneous[0]) + 1} is marked ${erroneous[1].verdict}.`);
  }

  if (forSubmit) {
    for (let index = 0; index < stepCount; index++) {
      const label = block.steps[String(index)];
      if (!label?.verdict) add(`steps.${index}.verdict`, `Step ${index + 1} has no verdict.`);
      if (context.requireKind && !label?.kind) add(`steps.${index}.kind`, `Step ${index + 1} has no kind (reasoning, citation, repetition or redundancy).`);
    }
    if (block.finalAnswerCorrect === undefined) add("finalAnswerCorrect", "Say whether the final answer is correct.");
    if (block.reasoningSupportsAnswer === undefined) add("reasoningSupportsAnswer", "Say whether the reasoning supports the answer.");
  }
  return problems;
}
