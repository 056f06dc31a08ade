import type { ToolDescriber } from "../types";
import { diffValues } from "../describe-values";
import { STEP_KIND_LABELS, STEP_SEVERITY_LABELS, STEP_VERDICT_LABELS, type StepKind, type StepSeverity, type StepVerdict } from "./taxonomy";

type Block = NonNullable<import("@/lib/annotations/schema").AnnotationData["steps"]>[string] | undefined;

/** A block as flat "field → readable value" pairs, so the shared differ names each change. */
function flatten(block: Block): Record<string, string | boolean | null> {
  if (!block) return {};
  const out: Record<string, string | boolean | null> = {};
  for (const [i, label] of Object.entries(block.steps)) {
    const step = `Step ${Number(i) + 1}`;
    if (label.verdict) out[`${step} verdict`] = STEP_VERDICT_LABELS[label.verdict as StepVerdict]?.label ?? label.verdict;
    if (label.kind) out[`${step} kind`] = STEP_KIND_LABELS[label.kind as StepKind]?.label ?? label.kind;
    if (label.errorTypes.length) out[`${step} error types`] = label.errorTypes.join(", ");
    if (label.severity) out[`${step} severity`] = STEP_SEVERITY_LABELS[label.severity as StepSeverity]?.label ?? label.severity;
    if (label.comment) out[`${step} comment`] = label.comment;
  }
  if (block.finalAnswerCorrect !== undefined) out["Final answer correct"] = block.finalAnswerCorrect;
  if (block.reasoningSupportsAnswer !== undefined) out["Reasoning supports the answer"] = block.reasoningSupportsAnswer;
  if (block.firstErrorStep !== undefined) out["First erroneous step"] = block.firstErrorStep === null ? "none" : `step ${block.firstErrorStep + 1}`;
  return out;
}

export const describeSteps: ToolDescriber = {
  id: "steps",
  document(before, after, labels) {
    const ids = new Set([...Object.keys(before.steps ?? {}), ...Object.keys(after.steps ?? {})]);
    return [...ids].flatMap((id) => diffValues(`${labels.responses.get(id) ?? "Response"} · `, flatten(before.steps?.[id]), flatten(after.steps?.[id]), (k) => k, labels));
  },
};
