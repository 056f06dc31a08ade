import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { screenLabel } from "../ratings/axis-values";

/** Case criteria: marks only for the item's criteria; at submit every criterion marked for every response. */
export const criteriaChecks: ToolChecks = {
  id: "criteria",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const problems: RatingProblem[] = [];
    const criterionIds = new Set(ctx.criterionIds ?? []);
    ctx.responseIds.forEach((id, index) => {
      const marks = doc.responses[id]?.criteria ?? {};
      for (const criterionId of Object.keys(marks)) {
        if (!criterionIds.has(criterionId)) problems.push({ path: `responses.${id}.criteria.${criterionId}`, message: "This criterion is not part of the item." });
      }
      if (forSubmit) {
        const unmarked = [...criterionIds].filter((c) => typeof marks[c]?.met !== "boolean").length;
        if (unmarked) problems.push({ path: `responses.${id}.criteria`, message: `${screenLabel(index)}: ${unmarked} criteri${unmarked === 1 ? "on is" : "a are"} not marked met or not met.` });
      }
    });
    return problems;
  },
};
