import type { AnnotationData } from "@/lib/annotations/schema";
import { checkArgumentAnnotation } from "@/lib/formats/check-annotation";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { screenLabel } from "../ratings/axis-values";
import { sourceLabelSet, summaryLabelSet } from "./labels";

/**
 * Grounding marks: only on the assignment's summaries; spans inside the text they mark and quoting
 * it exactly; summary spans labelled with a kind of unsupported content, source spans "omitted".
 * Nothing is required at submit: a faithful, complete summary has no marks.
 */
export const groundingChecks: ToolChecks = {
  id: "grounding",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext): RatingProblem[] {
    const problems: RatingProblem[] = [];
    for (const [responseId, marks] of Object.entries(doc.grounding ?? {})) {
      const index = ctx.responseIds.indexOf(responseId);
      const summary = ctx.grounding?.summaries[responseId];
      if (index === -1 || summary === undefined || !ctx.grounding) {
        problems.push({ path: `grounding.${responseId}`, message: "This response is not a summary of the assignment." });
        continue;
      }
      const who = screenLabel(index);
      for (const p of checkArgumentAnnotation(summary, marks.summary ?? { spans: [], relations: [] }, summaryLabelSet())) problems.push({ path: `grounding.${responseId}.summary.${p.path.join(".")}`, message: `${who}, summary: ${p.message}` });
      for (const p of checkArgumentAnnotation(ctx.grounding.source, marks.source ?? { spans: [], relations: [] }, sourceLabelSet())) problems.push({ path: `grounding.${responseId}.source.${p.path.join(".")}`, message: `${who}, source: ${p.message}` });
    }
    return problems;
  },
};
