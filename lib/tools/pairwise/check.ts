import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { checkAxisBlock } from "../ratings/axis-values";

/** The responses a pairwise axis compares: the first two of the reviewer's screen order. */
export const comparedPair = (ctx: Pick<CheckContext, "responseIds">) => ctx.responseIds.slice(0, 2);

/** Pairwise comparison: each pair axis takes one of the two compared responses or a tie; strengths only on pair axes. */
export const pairwiseChecks: ToolChecks = {
  id: "pairwise",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const problems: RatingProblem[] = [];
    const pairIds = comparedPair(ctx);
    // With fewer than two responses there is nothing to compare: every pair value is unknown.
    const pairAxes = pairIds.length === 2 ? ctx.axes.filter((a) => a.appliesTo === "PAIR") : [];
    checkAxisBlock(problems, "pair", doc.pair, pairAxes, "Comparison", ctx, pairIds, forSubmit);
    for (const key of Object.keys(doc.pair.strength)) {
      if (!pairAxes.some((a) => a.key === key)) problems.push({ path: `pair.strength.${key}`, message: `Unknown axis "${key}".` });
    }
    return problems;
  },
};
