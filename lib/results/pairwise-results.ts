import { wilsonInterval, type Proportion } from "./intervals";

// Pairwise win / tie / loss per model pair and axis (issue 9), after polarity: on a "choosing =
// worse" axis (Med-PaLM 2's harm axes) the better response is the one not chosen, as the export's
// `better` says (decision 003). Each share has a 95 % Wilson interval over that pair's judgments.

/** One judgment: the two models shown and the better one ("tie" when judged equal); `count` identical judgments (default 1). */
export type PairObservation = { axis: string; models: readonly [string, string]; better: string | "tie"; count?: number };

export type PairResult = {
  axis: string;
  /** The pair in name order; "first" and "second" refer to it. */
  first: string;
  second: string;
  judgments: number;
  firstWins: Proportion;
  ties: Proportion;
  secondWins: Proportion;
};

/** Results per axis and unordered model pair, in axis order then pair name order. A model against itself is left out. */
export function summarizePairs(axisOrder: readonly string[], observations: Iterable<PairObservation>): PairResult[] {
  const tallies = new Map<string, { axis: string; first: string; second: string; first_: number; tie: number; second_: number }>();
  for (const o of observations) {
    const [first, second] = [...o.models].sort((a, b) => a.localeCompare(b));
    if (first === second) continue;
    const key = `${o.axis}\u0000${first}\u0000${second}`;
    const t = tallies.get(key) ?? tallies.set(key, { axis: o.axis, first, second, first_: 0, tie: 0, second_: 0 }).get(key)!;
    const count = o.count ?? 1;
    if (o.better === "tie") t.tie += count;
    else if (o.better === first) t.first_ += count;
    else if (o.better === second) t.second_ += count;
  }
  const rank = (axis: string) => (axisOrder.includes(axis) ? axisOrder.indexOf(axis) : axisOrder.length);
  return [...tallies.values()]
    .sort((a, b) => rank(a.axis) - rank(b.axis) || a.axis.localeCompare(b.axis) || a.first.localeCompare(b.first) || a.second.localeCompare(b.second))
    .map((t) => {
      const n = t.first_ + t.tie + t.second_;
      return { axis: t.axis, first: t.first, second: t.second, judgments: n, firstWins: wilsonInterval(t.first_, n), ties: wilsonInterval(t.tie, n), secondWins: wilsonInterval(t.second_, n) };
    });
}
