import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportPairRecord, SubmittedRecord } from "@/lib/export/record-schema";
import type { CsvRow, ExportContext } from "../types";

/**
 * Pairwise choices in the export, by real response (decision 003): what was shown as A and B, what was
 * chosen, and the better response after the axis polarity ("choosing = worse" axes flip it).
 */
export const pairwiseExport = {
  id: "pairwise" as const,
  record(doc: AnnotationData, ctx: ExportContext): { pairwise?: ExportPairRecord[] } {
    const pairAxes = ctx.axes.filter((a) => a.appliesTo === "PAIR");
    const [a, b] = ctx.order.map((id) => ctx.refs.get(id));
    if (!pairAxes.length || !a || !b) return {};
    const pairwise = pairAxes.flatMap((axis): ExportPairRecord[] => {
      const value = doc.pair.ratings[axis.key];
      if (typeof value !== "string") return [];
      const chosen = value === "tie" ? "tie" : ctx.refs.get(value);
      if (!chosen) return [];
      const better = chosen === "tie" || axis.polarity === "HIGHER_IS_BETTER" ? chosen : chosen.responseId === a.responseId ? b : a;
      const strength = doc.pair.strength[axis.key];
      const comment = doc.pair.comments[axis.key];
      return [{ axis: axis.key, polarity: axis.polarity, shownA: a, shownB: b, chosen, better, ...(strength ? { strength } : {}), ...(comment ? { comment } : {}) }];
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
