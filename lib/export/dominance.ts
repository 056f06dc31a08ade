// Rubric dominance between two responses rated by the same reviewer, for preference pairs
// (README "Preference pairs", decision 016). Pure.
//
// An axis ranks its answers by their distance from its best bin (RubricAxis.bestValue): along the
// options as the rubric orders them, or along the points of a scale, or best/not-best for a yes/no
// axis. Axes without a best bin, text axes and multi-select axes have no order and are left out.
//
// Response A dominates B when, over the axes BOTH were rated on with a ranked answer ("Cannot rate /
// N/A" and unanswered axes are left out), A is at least as close to the best bin on every one and
// strictly closer on at least one. No such axis, or a better answer each way: no dominance.

export type DominanceAxis = {
  key: string;
  type: "SCALE" | "CHOICE" | "BOOLEAN" | "TEXT";
  options: Array<{ value: string }>;
  bestValue: string | null;
  /** CHOICE with several answers per rating. */
  multiSelect: boolean;
};

/** Distance of an answer from the axis's best bin (0 = best), or null when it has no place in the order. */
export function distanceFromBest(axis: DominanceAxis, value: unknown): number | null {
  if (axis.bestValue === null || axis.type === "TEXT" || axis.multiSelect) return null;
  if (value === null || value === undefined || value === "na" || Array.isArray(value) || typeof value === "object") return null;
  const answer = String(value);
  const best = axis.options.findIndex((o) => o.value === axis.bestValue);
  const at = axis.options.findIndex((o) => o.value === answer);
  if (best >= 0 && at >= 0) return Math.abs(at - best);
  if (axis.type === "SCALE" && Number.isFinite(Number(answer)) && Number.isFinite(Number(axis.bestValue))) return Math.abs(Number(answer) - Number(axis.bestValue));
  if (axis.type === "BOOLEAN") return answer === axis.bestValue ? 0 : 1;
  return null;
}

export type Dominance = {
  /** "first" when the first response dominates, "second" when the second does, null otherwise. */
  winner: "first" | "second" | null;
  /** Axes compared (both rated with a ranked answer). */
  compared: string[];
  /** Axes where the winner is strictly closer to the best bin (the pair's margin is their count). */
  strictlyBetter: string[];
};

export function compareByDominance(axes: readonly DominanceAxis[], first: Record<string, unknown>, second: Record<string, unknown>): Dominance {
  const compared: string[] = [];
  const firstBetter: string[] = [];
  const secondBetter: string[] = [];
  for (const axis of axes) {
    const a = distanceFromBest(axis, first[axis.key]);
    const b = distanceFromBest(axis, second[axis.key]);
    if (a === null || b === null) continue;
    compared.push(axis.key);
    if (a < b) firstBetter.push(axis.key);
    else if (b < a) secondBetter.push(axis.key);
  }
  if (firstBetter.length && !secondBetter.length) return { winner: "first", compared, strictlyBetter: firstBetter };
  if (secondBetter.length && !firstBetter.length) return { winner: "second", compared, strictlyBetter: secondBetter };
  return { winner: null, compared, strictlyBetter: [] };
}
