import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";

/** The axes a ranking orders the item's responses on. */
export const rankingAxesOf = (ctx: Pick<CheckContext, "axes">) => ctx.axes.filter((a) => a.appliesTo === "RANKING");

/**
 * Rankings: only on ranking axes, only the assignment's responses, each at most once; at submit every
 * required ranking axis places every response (an optional one is all or nothing).
 */
export const rankingChecks: ToolChecks = {
  id: "ranking",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const problems: RatingProblem[] = [];
    const block = doc.ranking;
    // One response has nothing to be ranked against.
    const axes = ctx.responseIds.length >= 2 ? rankingAxesOf(ctx) : [];
    const known = new Set(ctx.responseIds);
    for (const [key, tiers] of Object.entries(block?.tiers ?? {})) {
      const path = `ranking.tiers.${key}`;
      if (!axes.some((a) => a.key === key)) {
        problems.push({ path, message: `Unknown ranking axis "${key}".` });
        continue;
      }
      const seen = new Set<string>();
      for (const id of tiers.flat()) {
        if (!known.has(id)) problems.push({ path, message: "A ranked response is not part of the assignment." });
        else if (seen.has(id)) problems.push({ path, message: "A response is ranked twice." });
        seen.add(id);
      }
      const placed = [...seen].filter((id) => known.has(id)).length;
      const axis = axes.find((a) => a.key === key)!;
      if (forSubmit && placed > 0 && placed < known.size) problems.push({ path, message: `${axis.label}: place every response (${placed} of ${known.size} placed).` });
    }
    const bestWorstAxes = ctx.responseIds.length >= 2 ? ctx.axes.filter((a) => a.appliesTo === "BEST_WORST") : [];
    for (const [key, pick] of Object.entries(block?.bestWorst ?? {})) {
      const path = `ranking.bestWorst.${key}`;
      const axis = bestWorstAxes.find((a) => a.key === key);
      if (!axis) {
        problems.push({ path, message: `Unknown best–worst axis "${key}".` });
        continue;
      }
      for (const id of [pick.best, pick.worst]) if (id !== undefined && !known.has(id)) problems.push({ path, message: "A chosen response is not part of the assignment." });
      if (pick.best !== undefined && pick.best === pick.worst) problems.push({ path, message: `${axis.label}: the best and the worst response must differ.` });
    }
    for (const key of Object.keys(block?.comments ?? {})) {
      if (!axes.some((a) => a.key === key) && !bestWorstAxes.some((a) => a.key === key)) problems.push({ path: `ranking.comments.${key}`, message: `Unknown ranking axis "${key}".` });
    }
    if (forSubmit) {
      for (const axis of axes) {
        if (axis.required && !(block?.tiers[axis.key]?.length)) problems.push({ path: `ranking.tiers.${axis.key}`, message: `${axis.label}: rank the responses.` });
      }
      for (const axis of bestWorstAxes) {
        const pick = block?.bestWorst[axis.key];
        const half = Boolean(pick?.best) !== Boolean(pick?.worst);
        if ((axis.required && !(pick?.best && pick.worst)) || half) problems.push({ path: `ranking.bestWorst.${axis.key}`, message: `${axis.label}: choose the best and the worst response.` });
      }
    }
    return problems;
  },
};
