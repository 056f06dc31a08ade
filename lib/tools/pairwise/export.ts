import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportPairRecord, SubmittedRecord } from "@/lib/export/record-schema";
import type { CsvRow, ExportContext } from "../types";
import { pairKey, screenPairs } from "./pairs";

/**
 * Pairwise choices in the export, by real response (decision 003): what was shown as A and B, what was
 * chosen, and the better response after the axis polarity ("choosing = worse" axes flip it).
 */
export const pairwiseExport = {
  id: "pairwise" as const,
  record(doc: AnnotationData, ctx: ExportContext): { pairwise?: ExportPairRecord[] } {
    const pairAxes = ctx.axes.filter((a) => a.appliesTo === "PAIR");
    if (!pairAxes.length || ctx.order.length < 2) return {};
    // Every pair compared, in screen order: the first from `pair`, the others from `morePairs` (decision 035).
    const pairwise = screenPairs(ctx.order).flatMap(([l, r], i) => {
      const block = i === 0 ? doc.pair : doc.morePairs?.[pairKey(l, r)];
      const [a, b] = [ctx.refs.get(l), ctx.refs.get(r)];
      if (!block || !a || !b) return [];
      return pairAxes.flatMap((axis): ExportPairRecord[] => {
        const value = block.ratings[axis.key];
        if (typeof value !== "string") return [];
        const chosen = value === "tie" ? "tie" : value === a.responseId ? a : value === b.responseId ? b : undefined;
        if (!chosen) return [];
        const better = chosen === "tie" || axis.polarity === "HIGHER_IS_BETTER" ? chosen : chosen.responseId === a.responseId ? b : a;
        const strength = block.strength[axis.key];
        const comment = block.comments[axis.key];
        return [{ axis: axis.key, polarity: axis.polarity, shownA: a, shownB: b, chosen, better, ...(strength ? { strength } : {}), ...(comment ? { comment } : {}) }];
      });
    });
    return pairwise.length ? { pairwise } : {};
  },
  /** Rows `pair`: the chosen response (value its label or "tie"), then `<axis>:better` after polarity. */
  csvRecordRows(record: SubmittedRecord, row: CsvRow): string[][] {
    return (record.pairwise ?? []).flatMap((p) => {
      const chosen = p.chosen === "tie" ? null : p.chosen;
      const better = p.better === "tie" ? null : p.better;
      return [
        row(chosen, "pair", p.axis, chosen ? chosen.label : "tie", p.comment ?? ""),
        row(better, "pair", `${p.axis}:better`, better ? better.label : "tie", p.strength ? `strength ${p.strength}` : ""),
      ];
    });
  },
};
