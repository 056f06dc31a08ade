import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { Proportion } from "./intervals";
import { loadRubricResults } from "./load-results";
import type { ResultsFilter } from "./results-filter";
import { segmentOptions, type SegmentField } from "./segments";

// The results broken down by one analysis field (issue 13): the rubric results computed once per
// segment of the field (its categories, or the quartile ranges of a number) under the page's other
// filters, summarised as each axis's best-bin share or mean per model. Each segment links to the
// full results narrowed to it (every figure, agreement and leaderboards included). No bootstrap
// here: the intervals of the linked page are the ones to quote.

export type BreakdownFigure = { kind: "best"; share: Proportion } | { kind: "mean"; mean: number; n: number };
export type BreakdownRow = { segment: string; label: string; annotations: number; model: string | null; figures: Record<string, BreakdownFigure | null> };
export type Breakdown = { field: SegmentField; axes: Array<{ key: string; label: string }>; rows: BreakdownRow[] };

export async function loadBreakdown(actor: Actor, projectId: string, filter: ResultsFilter, field: SegmentField): Promise<Breakdown | null> {
  const option = (await segmentOptions(getDb(), projectId)).find((o) => o.field === field);
  if (!option) return null;
  const rows: BreakdownRow[] = [];
  const axes = new Map<string, string>();
  for (const choice of option.choices) {
    const results = await loadRubricResults(actor, projectId, { ...filter, segment: choice.segment }, { resamples: 0 });
    for (const { axis, models } of results.axes) {
      for (const m of models) {
        const figure: BreakdownFigure | null = m.best ? { kind: "best", share: m.best } : m.mean?.mean != null ? { kind: "mean", mean: m.mean.mean, n: m.mean.n } : null;
        if (!figure) continue;
        axes.set(axis.key, axis.label);
        let row = rows.find((r) => r.segment === choice.segment && r.model === m.model);
        if (!row) rows.push((row = { segment: choice.segment, label: choice.label, annotations: results.annotations, model: m.model, figures: {} }));
        row.figures[axis.key] = figure;
      }
    }
  }
  return { field, axes: [...axes].map(([key, label]) => ({ key, label })), rows };
}
