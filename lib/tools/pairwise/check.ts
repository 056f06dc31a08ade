import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { checkAxisBlock, isMissing, screenLabel } from "../ratings/axis-values";
import { morePairKeys, splitPairKey } from "./pairs";

/** "Comparison B–C" in the reviewer's screen labels. */
const comparisonLabel = (ctx: Pick<CheckContext, "responseIds">, [l, r]: [string, string]) =>
  `Comparison ${screenLabel(ctx.responseIds.indexOf(l)).replace("Response ", "")}–${screenLabel(ctx.responseIds.indexOf(r)).replace("Response ", "")}`;

/** The responses a pairwise axis compares: the first two of the reviewer's screen order. */
export const comparedPair = (ctx: Pick<CheckContext, "responseIds">) => ctx.responseIds.slice(0, 2);

/**
 * Pairwise comparison: each pair axis takes one of the two compared responses or a tie; strengths only
 * on pair axes. With more than two responses shown, every pair is compared (decision 035): the first in
 * `pair`, the others in `morePairs`, only pairs of the responses shown, each required axis at submit.
 */
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
    const allowed = new Set(pairAxes.length ? morePairKeys(ctx.responseIds) : []);
    for (const [key, block] of Object.entries(doc.morePairs ?? {})) {
      const ids = splitPairKey(key);
      if (!ids || !allowed.has(key)) {
        problems.push({ path: `morePairs.${key}`, message: "This is not a pair of the responses shown, in screen order." });
        continue;
      }
      checkAxisBlock(problems, `morePairs.${key}`, block, pairAxes, comparisonLabel(ctx, ids), ctx, ids, false);
      for (const axis of Object.keys(block.strength)) {
        if (!pairAxes.some((a) => a.key === axis)) problems.push({ path: `morePairs.${key}.strength.${axis}`, message: `Unknown axis "${axis}".` });
      }
    }
    if (forSubmit && pairAxes.some((a) => a.required)) {
      for (const key of allowed) {
        const block = doc.morePairs?.[key] ?? { ratings: {}, comments: {}, strength: {} };
        const ids = splitPairKey(key)!;
        // Only the required axes still missing: each is reported once, as missing.
        checkAxisBlock(problems, `morePairs.${key}`, { ratings: {}, comments: {} }, pairAxes.filter((a) => a.required && isMissing(block.ratings[a.key])), comparisonLabel(ctx, ids), ctx, ids, true);
      }
    }
    return problems;
  },
};
