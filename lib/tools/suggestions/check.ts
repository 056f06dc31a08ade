import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { parseTarget, sameValue } from "./targets";

/**
 * Suggestions: what a document records of them is history. A response's record, once stored, must stay
 * as it was (the project may since have switched suggestions off, changed their mode or re-imported the
 * judge: a reviewer's draft is never refused for that). A new record must fit the judge's values now:
 * only targets the judge has a value for, with exactly that value; `own` (the reviewer's first answers)
 * only with suggestions shown after them, and only for targets shown. Its mode is the one the page was
 * rendered with, which may be a moment older than the project's (a prefetched next item): it says
 * what the reviewer saw, so it is not compared with the project's current mode.
 */
export const suggestionsChecks: ToolChecks = {
  id: "suggestions",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext): RatingProblem[] {
    const problems: RatingProblem[] = [];
    for (const [responseId, block] of Object.entries(doc.suggestions ?? {})) {
      const path = `suggestions.${responseId}`;
      const project = ctx.suggestions;
      if (!ctx.responseIds.includes(responseId)) {
        problems.push({ path, message: "This response is not part of the assignment." });
        continue;
      }
      const stored = project?.stored?.[responseId];
      if (stored) {
        if (!sameValue(stored, block)) problems.push({ path, message: "Suggestions once shown are kept as they were shown; this record cannot change." });
        continue;
      }
      if (!project?.mode) {
        problems.push({ path, message: "This project does not show suggestions (any more): reload the page to go on without them." });
        continue;
      }
      const known = project.targets[responseId] ?? {};
      for (const [target, value] of Object.entries(block.shown)) {
        if (!Object.hasOwn(known, target)) problems.push({ path: `${path}.shown.${target}`, message: `There is no suggestion for ${describe(target)} of this response.` });
        else if (!sameValue(known[target], value)) problems.push({ path: `${path}.shown.${target}`, message: `The suggestion for ${describe(target)} is not what was recorded; reload the page.` });
      }
      if (block.own && block.mode !== "after_own") problems.push({ path: `${path}.own`, message: "Own answers are recorded only when suggestions appear after them." });
      for (const target of Object.keys(block.own ?? {})) {
        if (!Object.hasOwn(block.shown, target)) problems.push({ path: `${path}.own.${target}`, message: `${describe(target)} was not suggested.` });
      }
    }
    return problems;
  },
};

function describe(target: string): string {
  const { kind, key } = parseTarget(target);
  return kind === "criterion" ? "this criterion" : `axis "${key}"`;
}
