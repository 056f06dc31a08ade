import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { screenLabel } from "../ratings/axis-values";

/**
 * Differential grading: marks only for entries the response lists (only when the rubric grades
 * differentials: `differentialLengths` is set); at submit every entry graded.
 */
export const ddxMatchChecks: ToolChecks = {
  id: "ddx-match",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const problems: RatingProblem[] = [];
    ctx.responseIds.forEach((id, index) => {
      const entries = doc.responses[id]?.entries ?? {};
      const length = ctx.differentialLengths?.[id];
      for (const rank of Object.keys(entries)) {
        if (length === undefined || Number(rank) >= length) problems.push({ path: `responses.${id}.entries.${rank}`, message: "This differential entry is not part of the response." });
      }
      if (forSubmit && length !== undefined) {
        const unmarked = Array.from({ length }, (_, rank) => entries[String(rank)]?.match).filter((m) => !m).length;
        if (unmarked) problems.push({ path: `responses.${id}.entries`, message: `${screenLabel(index)}: ${unmarked} differential entr${unmarked === 1 ? "y is" : "ies are"} not graded.` });
      }
    });
    return problems;
  },
};
