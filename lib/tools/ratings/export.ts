import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord, SubmittedRecord } from "@/lib/export/record-schema";
import { csvValue } from "../export-values";
import type { CsvRow } from "../types";

type Block = AnnotationData["responses"][string] | undefined;

/** Rubric ratings in the export: each response's ratings, comments and confidence; the item's ratings. */
export const ratingsExport = {
  id: "ratings" as const,
  response(doc: AnnotationData, responseId: string) {
    const block: Block = doc.responses[responseId];
    return { ratings: block?.ratings ?? {}, comments: block?.comments ?? {}, ...(block?.confidence ? { confidence: block.confidence } : {}) };
  },
  record(doc: AnnotationData) {
    return { itemRatings: doc.item.ratings, itemComments: doc.item.comments };
  },
  /** Rows `response` (one per axis) and `confidence`. */
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    const rows: string[][] = [];
    for (const axis of new Set([...Object.keys(r.ratings), ...Object.keys(r.comments)])) rows.push(row(r, "response", axis, csvValue(r.ratings[axis]), r.comments[axis] ?? ""));
    if (r.confidence) rows.push(row(r, "confidence", "confidence", String(r.confidence), ""));
    return rows;
  },
  /** Rows `item` (one per item axis). */
  csvRecordRows(record: SubmittedRecord, row: CsvRow): string[][] {
    const keys = new Set([...Object.keys(record.itemRatings), ...Object.keys(record.itemComments)]);
    return [...keys].map((axis) => row(null, "item", axis, csvValue(record.itemRatings[axis]), record.itemComments[axis] ?? ""));
  },
};
