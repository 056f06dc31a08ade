import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { checkAxisBlock, screenLabel } from "./axis-values";

/** Rubric ratings: each response on the response axes, the item on the item axes; comments per axis. */
export const ratingsChecks: ToolChecks = {
  id: "ratings",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const problems: RatingProblem[] = [];
    const responseAxes = ctx.axes.filter((a) => a.appliesTo === "RESPONSE");
    ctx.responseIds.forEach((id, index) => {
      const block = doc.responses[id] ?? { ratings: {}, comments: {} };
      checkAxisBlock(problems, `responses.${id}`, block, responseAxes, screenLabel(index), ctx, [], forSubmit);
    });
    checkAxisBlock(problems, "item", doc.item, ctx.axes.filter((a) => a.appliesTo === "ITEM"), "Item", ctx, [], forSubmit);
    return problems;
  },
};
