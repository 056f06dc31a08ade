import { readAnnotationData } from "@/lib/annotations/schema";
import { getDb } from "@/lib/db/client";
import { responseLabel } from "@/lib/items/schema";
import type { ReviewAxis } from "./load-for-review";

// A Delphi-style round (issue 10, multi-round review): before rating an item again, reviewers see the
// group's earlier submitted answers to it, counted and anonymized (no names, no per-reviewer rows),
// with responses named as this reviewer sees them (A, B in their own order). Batch.showsEarlierRound.

export type EarlierRound = {
  /** Submitted reviews of the item in other batches. */
  reviews: number;
  rows: Array<{ target: string; axis: string; counts: Array<{ answer: string; n: number }> }>;
};

export async function loadEarlierRound(opts: { itemId: string; batchId: string; axes: ReviewAxis[]; responseOrder: string[] }): Promise<EarlierRound> {
  const earlier = await getDb().annotation.findMany({
    where: { itemId: opts.itemId, kind: "REVIEW", assignment: { status: "SUBMITTED", batchId: { not: opts.batchId } } },
    select: { data: true },
  });
  const docs = earlier.map((a) => readAnnotationData(a.data));
  const labelOf = new Map(opts.responseOrder.map((id, i) => [id, `Response ${responseLabel(i)}`]));
  const answerLabel = (axis: ReviewAxis, value: unknown): string => {
    if (axis.appliesTo === "PAIR") return value === "tie" ? "Tie" : (labelOf.get(String(value)) ?? "?");
    const one = (v: unknown) => (v === "na" ? "Cannot rate / N/A" : typeof v === "boolean" ? (v ? "Yes" : "No") : (axis.options.find((o) => o.value === String(v))?.label ?? String(v)));
    return Array.isArray(value) ? value.map(one).join("; ") : one(value);
  };
  const count = (axis: ReviewAxis, values: unknown[]) => {
    const tally = new Map<string, number>();
    for (const v of values) if (v !== undefined && v !== null && v !== "") tally.set(answerLabel(axis, v), (tally.get(answerLabel(axis, v)) ?? 0) + 1);
    return [...tally].map(([answer, n]) => ({ answer, n })).sort((a, b) => b.n - a.n || a.answer.localeCompare(b.answer));
  };
  const rows: EarlierRound["rows"] = [];
  for (const axis of opts.axes) {
    if (axis.type === "TEXT") continue; // free text could name its author; only counts are shown
    if (axis.appliesTo === "RESPONSE") {
      for (const id of opts.responseOrder) rows.push({ target: labelOf.get(id)!, axis: axis.label, counts: count(axis, docs.map((d) => d.responses[id]?.ratings?.[axis.key])) });
    } else if (axis.appliesTo === "ITEM") rows.push({ target: "Item", axis: axis.label, counts: count(axis, docs.map((d) => d.item.ratings[axis.key])) });
    else rows.push({ target: "Pair", axis: axis.label, counts: count(axis, docs.map((d) => d.pair.ratings[axis.key])) });
  }
  return { reviews: docs.length, rows: rows.filter((r) => r.counts.length) };
}
