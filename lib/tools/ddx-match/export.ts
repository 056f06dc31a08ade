import type { AnnotationData } from "@/lib/annotations/schema";
import { topKOf } from "@/lib/ddx/matches";
import type { ExportResponseRecord } from "@/lib/export/record-schema";
import type { CsvRow } from "../types";

type Block = AnnotationData["responses"][string] | undefined;

/** Differential grading in the export: each entry's match by rank (from 1) and top-k correctness. */
export const ddxMatchExport = {
  id: "ddx-match" as const,
  response(doc: AnnotationData, responseId: string) {
    const block: Block = doc.responses[responseId];
    const entries = block?.entries;
    if (!entries || !Object.keys(entries).length) return {};
    // The document keys entries by 0-based index; the export counts ranks from 1 like every position.
    const count = Math.max(...Object.keys(entries).map(Number)) + 1;
    const marks = Array.from({ length: count }, (_, index) => entries[String(index)]?.match ?? null);
    return {
      differentialMatches: marks.map((match, index) => ({ rank: index + 1, match, ...(entries[String(index)]?.note ? { note: entries[String(index)].note } : {}) })),
      topK: topKOf(marks),
    };
  },
  /** Rows `ddx_entry`: `entry:<rank>` with its match, then `top_<k>` true/false. */
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    return [
      ...(r.differentialMatches ?? []).map((e) => row(r, "ddx_entry", `entry:${e.rank}`, e.match ?? "", e.note ?? "")),
      ...Object.entries(r.topK ?? {}).map(([k, correct]) => row(r, "ddx_entry", `top_${k}`, String(correct), "")),
    ];
  },
};
