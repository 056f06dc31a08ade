import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";

/** Corrections: only where the project asks for them, only for the assignment's responses, never empty. */
export const correctionsChecks: ToolChecks = {
  id: "corrections",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext): RatingProblem[] {
    const problems: RatingProblem[] = [];
    for (const [responseId, correction] of Object.entries(doc.corrections ?? {})) {
      const path = `corrections.${responseId}`;
      if (!ctx.correctionsEnabled) problems.push({ path, message: "This project does not ask for corrected answers." });
      else if (!ctx.responseIds.includes(responseId)) problems.push({ path, message: "This response is not part of the assignment." });
      else if (!correction.content.trim()) problems.push({ path, message: "A corrected answer cannot be empty: remove the correction instead." });
    }
    return problems;
  },
};
