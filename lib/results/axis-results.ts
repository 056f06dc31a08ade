import { meanInterval, wilsonInterval, type MeanInterval, type Proportion } from "./intervals";

// Per-axis results per model (issue 9, "Results"): the distribution of answers with 95 % Wilson
// intervals, the share in the best bin as the Med-PaLM papers report it (Singhal et al. 2023,
// "percentage of responses rated in the best category"), the mean with a t interval for scales, and
// the "Cannot rate / N/A" rate, because abstention is data. Pure: the loader (./load-results.ts)
// turns annotations into observations; tests feed observations directly.

export type ResultAxis = {
  key: string;
  label: string;
  type: "SCALE" | "CHOICE" | "BOOLEAN" | "TEXT";
  appliesTo: "RESPONSE" | "ITEM" | "PAIR";
  /** Ordered options as the rubric publishes them (SCALE: one per point). */
  options: Array<{ value: string; label: string }>;
  /** CHOICE with max > 1: several options per answer; shares then do not sum to 1. */
  multiSelect: boolean;
  bestValue: string | null;
};

/** One rating: the model rated (null for an item axis) and the stored value. */
export type RatingObservation = { axis: string; model: string | null; value: unknown };

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

function summarizeModel(axis: ResultAxis, model: string | null, values: unknown[]): AxisModelResult {
  const answers = values.map(selected).filter((v) => v.length > 0);
  const na = answers.filter((v) => v.length === 1 && v[0] === NOT_APPLICABLE).length;
  const rated = answers.filter((v) => !(v.length === 1 && v[0] === NOT_APPLICABLE));
  const count = (value: string) => rated.filter((v) => v.includes(value)).length;
  const bins = binsOf(axis).map((o) => ({ value: o.value, label: o.label, share: wilsonInterval(count(o.value), rated.length) }));
  const scalePoints = axis.type === "SCALE" ? rated.map((v) => Number(v[0])).filter((x) => Number.isFinite(x)) : null;
  return {
    model,
    ratings: answers.length,
    notApplicable: wilsonInterval(na, answers.length),
    bins,
    best: axis.bestValue !== null && !axis.multiSelect ? wilsonInterval(count(axis.bestValue), rated.length) : null,
    mean: scalePoints ? meanInterval(scalePoints) : null,
  };
}

/** Results for every rated axis (TEXT and PAIR axes are not distributions), models in name order. */
export function summarizeAxes(axes: readonly ResultAxis[], observations: Iterable<RatingObservation>): AxisResult[] {
  const byAxis = new Map<string, Map<string | null, unknown[]>>();
  for (const o of observations) {
    const models = byAxis.get(o.axis) ?? byAxis.set(o.axis, new Map()).get(o.axis)!;
    const values = models.get(o.model) ?? models.set(o.model, []).get(o.model)!;
    values.push(o.value);
  }
  return axes
    .filter((a) => a.type !== "TEXT" && a.appliesTo !== "PAIR")
    .map((axis) => {
      const models = [...(byAxis.get(axis.key) ?? new Map<string | null, unknown[]>()).entries()].sort(([a], [b]) => (a ?? "").localeCompare(b ?? ""));
      return { axis, models: models.map(([model, values]) => summarizeModel(axis, model, values)) };
    });
}
