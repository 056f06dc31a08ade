import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord } from "@/lib/export/record-schema";
import type { CsvRow, ExportContext } from "../types";
import { correctionStats } from "./edit-distance";

/**
 * Corrections in the export (decision 030): per response the reviewer's corrected answer with its
 * word-level edit distance from the model's answer; CSV one `correction` row (value the corrected
 * text, comment the distance).
 */
export const correctionsExport = {
  id: "corrections" as const,
  response(doc: AnnotationData, responseId: string, ctx: ExportContext): Partial<ExportResponseRecord> {
    const correction = doc.corrections?.[responseId];
    if (!correction) return {};
    const original = ctx.originals?.get(responseId) ?? "";
    const stats = correctionStats(original, correction.content);
    return { correction: { content: correction.content, originalTokens: stats.originalTokens, editDistance: stats.editDistance, normalizedEditDistance: stats.normalized } };
  },
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    if (!r.correction) return [];
    return [row(r, "correction", "corrected_answer", r.correction.content, `edit distance ${r.correction.editDistance} of ${r.correction.originalTokens} tokens`)];
  },
};
