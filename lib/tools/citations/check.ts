import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { screenLabel } from "../ratings/axis-values";

/** Citation marks: only for the assignment's responses and their citations; at submit every citation marked. */
export const citationsChecks: ToolChecks = {
  id: "citations",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const problems: RatingProblem[] = [];
    const counts = ctx.citationCounts ?? {};
    for (const [responseId, marks] of Object.entries(doc.citations ?? {})) {
      if (!ctx.responseIds.includes(responseId) || !counts[responseId]) {
        problems.push({ path: `citations.${responseId}`, message: "This response cites nothing in this assignment." });
        continue;
      }
      for (const index of Object.keys(marks)) {
        if (Number(index) >= counts[responseId]) problems.push({ path: `citations.${responseId}.${index}`, message: `The response has ${counts[responseId]} citations; there is no citation ${Number(index) + 1}.` });
      }
    }
    if (forSubmit) {
      ctx.responseIds.forEach((id, i) => {
        const count = counts[id] ?? 0;
        const open = Array.from({ length: count }, (_, n) => doc.citations?.[id]?.[String(n)]?.mark).filter((m) => !m).length;
        if (open) problems.push({ path: `citations.${id}`, message: `${screenLabel(i)}: ${open} citation${open === 1 ? " is" : "s are"} not checked.` });
      });
    }
    return problems;
  },
};
