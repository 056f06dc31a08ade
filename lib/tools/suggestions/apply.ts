import type { AnnotationData } from "@/lib/annotations/schema";
import { answeredAll, valueAt, withValueAt, type ReviewSuggestions, type SuggestionValue } from "./targets";
import { isMissing } from "../ratings/axis-values";

/**
 * Shows the suggestions a document is due (decision 034), zod-free for the review page: pre-filled
 * ones fill every unanswered suggested target of each response once, recording what was filled (a
 * target the reviewer had already answered is left alone and not recorded, so it stays their own);
 * after-rating ones appear for a response once the reviewer has answered all its suggested targets,
 * recording those answers as `own`. Returns the same object when nothing is due.
 */
export function applySuggestions(doc: AnnotationData, s: ReviewSuggestions): AnnotationData {
  const byResponse = new Map<string, SuggestionValue[]>();
  for (const v of s.values) byResponse.set(v.responseId, [...(byResponse.get(v.responseId) ?? []), v]);
  let out = doc;
  for (const [responseId, values] of byResponse) {
    if (out.suggestions?.[responseId]) continue;
    if (s.mode === "prefilled") {
      let block = out.responses[responseId] ?? { ratings: {}, comments: {} };
      const shown: Record<string, SuggestionValue["value"]> = {};
      for (const v of values) {
        if (!isMissing(valueAt(block, v.target))) continue;
        block = withValueAt(block, v.target, v.value);
        shown[v.target] = v.value;
      }
      out = { ...out, responses: { ...out.responses, [responseId]: block }, suggestions: { ...out.suggestions, [responseId]: { mode: "prefilled", shown } } };
    } else if (answeredAll(out, responseId, values.map((v) => v.target))) {
      const shown = Object.fromEntries(values.map((v) => [v.target, v.value]));
      const own = Object.fromEntries(values.map((v) => [v.target, valueAt(out.responses[responseId], v.target) ?? null]));
      out = { ...out, suggestions: { ...out.suggestions, [responseId]: { mode: "after_own", shown, own } } };
    }
  }
  return out;
}
