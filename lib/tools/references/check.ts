import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { screenLabel } from "../ratings/axis-values";

/** Reference statements: marks only for the assignment's responses and the item's statements; at submit all marked. */
export const referencesChecks: ToolChecks = {
  id: "references",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const problems: RatingProblem[] = [];
    const count = ctx.statementCount ?? 0;
    const block = doc.references ?? {};
    for (const [responseId, marks] of Object.entries(block)) {
      if (!ctx.responseIds.includes(responseId)) {
        problems.push({ path: `references.${responseId}`, message: "This response is not part of the assignment." });
        continue;
      }
      for (const index of Object.keys(marks)) {
        if (Number(index) >= count) problems.push({ path: `references.${responseId}.${index}`, message: "This reference statement is not part of the item." });
      }
    }
    if (forSubmit && count) {
      ctx.responseIds.forEach((id, i) => {
        const unmarked = Array.from({ length: count }, (_, n) => block[id]?.[String(n)]).filter((m) => !m).length;
        if (unmarked) problems.push({ path: `references.${id}`, message: `${screenLabel(i)}: ${unmarked} reference statement${unmarked === 1 ? " is" : "s are"} not marked.` });
      });
    }
    return problems;
  },
};
