import type { AnnotationData, ResponseBlock } from "@/lib/annotations/schema";
import type { RatingValue } from "../ratings/schema";
import { isMissing } from "../ratings/axis-values";
import { sameJson } from "@/lib/annotations/same-json";

// Suggestion targets and outcomes (decision 034), zod-free: the review page and the server share them.

/** One value of the project's judge for one response: "axis:<key>" or "criterion:<id>". */
export type SuggestionValue = { responseId: string; target: string; value: RatingValue; rationale: string | null };

/** How a reviewer's final value relates to the suggestion: taken as pre-filled, changed, or given before seeing it. */
export type SuggestionOutcome = "accepted" | "changed" | "independent";

export const axisTarget = (key: string) => `axis:${key}`;
export const criterionTarget = (id: string) => `criterion:${id}`;

export function parseTarget(target: string): { kind: "axis" | "criterion"; key: string } {
  const at = target.indexOf(":");
  return { kind: target.slice(0, at) === "criterion" ? "criterion" : "axis", key: target.slice(at + 1) };
}

/** The reviewer's current value of a target (a criterion's value is its `met`). */
export function valueAt(block: ResponseBlock | undefined, target: string): RatingValue | undefined {
  const { kind, key } = parseTarget(target);
  if (kind === "criterion") return block?.criteria?.[key]?.met ?? undefined;
  return block?.ratings[key];
}

/** The response block with a target set to a value (comments and notes kept). */
export function withValueAt(block: ResponseBlock, target: string, value: RatingValue): ResponseBlock {
  const { kind, key } = parseTarget(target);
  if (kind === "criterion") return { ...block, criteria: { ...block.criteria, [key]: { ...block.criteria?.[key], met: typeof value === "boolean" ? value : null } } };
  return { ...block, ratings: { ...block.ratings, [key]: value } };
}

/** Equal answers (or records): key order ignored, as jsonb reorders keys; undefined counts as null. */
export const sameValue = (a: unknown, b: unknown) => sameJson(a ?? null, b ?? null);

/** Accepted or changed (pre-filled), or independent (answered before the suggestion appeared). */
export function outcomeOf(mode: "prefilled" | "after_own", suggested: unknown, final: unknown): SuggestionOutcome {
  if (mode === "after_own") return "independent";
  return sameValue(suggested, final) ? "accepted" : "changed";
}

/** Has the reviewer answered every suggested target of this response? (When after-rating suggestions appear.) */
export function answeredAll(doc: AnnotationData, responseId: string, targets: readonly string[]): boolean {
  return targets.every((t) => !isMissing(valueAt(doc.responses[responseId], t)));
}

/** What the review page gets (lib/assignments/load-for-review.ts): the judge is named only in unblinded projects. */
export type ReviewSuggestions = { mode: "prefilled" | "after_own"; judge: string | null; values: SuggestionValue[] };
