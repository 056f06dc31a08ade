import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportBestWorstRecord, ExportRankingRecord, ResponseRef, SubmittedRecord } from "@/lib/export/record-schema";
import type { CsvRow, ExportContext } from "../types";
import { ranksOf } from "./tiers";

/**
 * Rankings in the export, by real response (decision 029): per ranking axis the tiers (first tier
 * first, ties share a tier) as responses with id, label and model; CSV one row per ranked response.
 */
export const rankingExport = {
  id: "ranking" as const,
  record(doc: AnnotationData, ctx: ExportContext): { rankings?: ExportRankingRecord[]; bestWorst?: ExportBestWorstRecord[] } {
    const block = doc.ranking;
    if (!block) return {};
    const bestWorst = ctx.axes
      .filter((a) => a.appliesTo === "BEST_WORST" && block.bestWorst?.[a.key]?.best && block.bestWorst[a.key].worst)
      .flatMap((axis): ExportBestWorstRecord[] => {
        const pick = block.bestWorst[axis.key];
        const [best, worst] = [ctx.refs.get(pick.best!), ctx.refs.get(pick.worst!)];
        if (!best || !worst) return [];
        const shown = [...ctx.refs.values()].filter((r) => ctx.order.includes(r.responseId));
        const comment = block.comments[axis.key];
        return [{ axis: axis.key, best, worst, shown, ...(comment ? { comment } : {}) }];
      });
    const rankings = ctx.axes
      .filter((a) => a.appliesTo === "RANKING" && block.tiers[a.key]?.length)
      .map((axis): ExportRankingRecord => {
        const tiers = block.tiers[axis.key].map((tier) => tier.map((id) => ctx.refs.get(id)).filter((r): r is ResponseRef => r !== undefined)).filter((t) => t.length);
        const comment = block.comments[axis.key];
        return { axis: axis.key, polarity: axis.polarity, tiers, ...(comment ? { comment } : {}) };
      });
    return { ...(rankings.length ? { rankings } : {}), ...(bestWorst.length ? { bestWorst } : {}) };
  },
  /** Rows `ranking`: one per ranked response, value its rank (1 = placed first; tied responses share a rank); the comment on the first row. */
  csvRecordRows(record: SubmittedRecord, row: CsvRow): string[][] {
    const ranked = (record.rankings ?? []).flatMap((r) => {
      const ranks = ranksOf(r.tiers.map((t) => t.map((x) => x.responseId)));
      return r.tiers.flat().map((ref, i) => row(ref, "ranking", r.axis, String(ranks.get(ref.responseId)), i === 0 ? (r.comment ?? "") : ""));
    });
    // Best–worst: rows `best_worst`, value best / worst for the two chosen (the others shown are in the record's responses).
    const picked = (record.bestWorst ?? []).flatMap((b) => [row(b.best, "best_worst", b.axis, "best", b.comment ?? ""), row(b.worst, "best_worst", b.axis, "worst", "")]);
    return [...ranked, ...picked];
  },
};
