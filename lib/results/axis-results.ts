import { meanIntervalOfCounts, wilsonInterval, type MeanInterval, type Proportion } from "./intervals";

// Per-axis results per model (issue 9, "Results"): the distribution of answers with 95 % Wilson
// intervals, the share in the best bin as the Med-PaLM papers report it (Singhal et al. 2023,
// "percentage of responses rated in the best category"), the mean with a t interval for scales, and
// the "Cannot rate / N/A" rate, because abstention is data. Pure: the loader (./load-results.ts)
// turns annotations into observations; tests feed observations directly.

export type ResultAxis = {
  key: string;
  label: string;
  type: "SCALE" | "CHOICE" | "BOOLEAN" | "TEXT";
  appliesTo: "RESPONSE" | "ITEM" | "PAIR" | "RANKING" | "BEST_WORST" | "TURN";
  /** Ordered options as the rubric publishes them (SCALE: one per point). */
  options: Array<{ value: string; label: string }>;
  /** CHOICE with max > 1: several options per answer; shares then do not sum to 1. */
  multiSelect: boolean;
  bestValue: string | null;
};

/** One rating: the model rated (null for an item axis) and the stored value; `count` identical ratings (default 1). */
export type RatingObservation = { axis: string; model: string | null; value: unknown; count?: number };

export type Bin = { value: string; label: string; share: Proportion };

export type AxisModelResult = {
  model: string | null;
  /** Ratings given, N/A included. */
  ratings: number;
  /** "Cannot rate / N/A" among all ratings. */
  notApplicable: Proportion;
  /** Shares among ratings other than N/A. */
  bins: Bin[];
  best: Proportion | null;
  /** SCALE only: mean of the points, N/A excluded. */
  mean: MeanInterval | null;
};

export type AxisResult = { axis: ResultAxis; models: AxisModelResult[] };

export const NOT_APPLICABLE = "na";

/** The stored value as the option values it selects ([] when unanswered). */
function selected(value: unknown): string[] {
  if (value === null || value === undefined || value === "") return [];
  if (Array.isArray(value)) return value.map(String);
  return [String(value)];
}

function binsOf(axis: ResultAxis): Array<{ value: string; label: string }> {
  if (axis.type === "BOOLEAN") return [{ value: "true", label: "Yes" }, { value: "false", label: "No" }];
  return axis.options;
}

type Tally = { value: unknown; count: number };

function summarizeModel(axis: ResultAxis, model: string | null, tallies: Tally[]): AxisModelResult {
  let answered = 0, na = 0, rated = 0;
  const binCounts = new Map<string, number>();
  const points: Array<[number, number]> = [];
  for (const { value, count } of tallies) {
    const chosen = selected(value);
    if (!chosen.length) continue;
    answered += count;
    if (chosen.length === 1 && chosen[0] === NOT_APPLICABLE) {
      na += count;
      continue;
    }
    rated += count;
    for (const v of new Set(chosen)) binCounts.set(v, (binCounts.get(v) ?? 0) + count);
    if (axis.type === "SCALE" && Number.isFinite(Number(chosen[0]))) points.push([Number(chosen[0]), count]);
  }
  const bins = binsOf(axis).map((o) => ({ value: o.value, label: o.label, share: wilsonInterval(binCounts.get(o.value) ?? 0, rated) }));
  return {
    model,
    ratings: answered,
    notApplicable: wilsonInterval(na, answered),
    bins,
    best: axis.bestValue !== null && !axis.multiSelect ? wilsonInterval(binCounts.get(axis.bestValue) ?? 0, rated) : null,
    mean: axis.type === "SCALE" ? meanIntervalOfCounts(points) : null,
  };
}

/** Results for every rated axis (TEXT and PAIR axes are not distributions), models in name order. */
export function summarizeAxes(axes: readonly ResultAxis[], observations: Iterable<RatingObservation>): AxisResult[] {
  const byAxis = new Map<string, Map<string | null, Tally[]>>();
  for (const o of observations) {
    const models = byAxis.get(o.axis) ?? byAxis.set(o.axis, new Map()).get(o.axis)!;
    const values = models.get(o.model) ?? models.set(o.model, []).get(o.model)!;
    values.push({ value: o.value, count: o.count ?? 1 });
  }
  return axes
    .filter((a) => a.type !== "TEXT" && a.appliesTo !== "PAIR" && a.appliesTo !== "RANKING" && a.appliesTo !== "BEST_WORST")
    .map((axis) => {
      const models = [...(byAxis.get(axis.key) ?? new Map<string | null, Tally[]>()).entries()].sort(([a], [b]) => (a ?? "").localeCompare(b ?? ""));
      return { axis, models: models.map(([model, values]) => summarizeModel(axis, model, values)) };
    });
}
