import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord } from "@/lib/export/record-schema";
import { csvValue } from "../export-values";
import type { CsvRow, ExportContext } from "../types";
import { citationPrecision, type CitationMark } from "./marks";

/** Each citation (number from 1, what it cites, the claim) with the reviewer's mark; the response's precision and fabricated count. */
export const citationsExport = {
  id: "citations" as const,
  response(doc: AnnotationData, responseId: string, ctx: ExportContext): Partial<ExportResponseRecord> {
    const cited = ctx.citations?.get(responseId);
    if (!cited?.length) return {};
    const marks = doc.citations?.[responseId] ?? {};
    return {
      citations: cited.map((c, i) => ({ number: i + 1, ...c, mark: (marks[String(i)]?.mark ?? null) as CitationMark | null, ...(marks[String(i)]?.note ? { note: marks[String(i)]!.note } : {}) })),
      citationPrecision: citationPrecision(Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, v.mark])), cited.length),
      fabricatedCitations: cited.filter((_, i) => marks[String(i)]?.mark === "not_found").length,
    };
  },
  /** Rows `citation` (`citation:<number>`, the mark, the note), then `citation_precision`. */
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    if (!r.citations?.length) return [];
    return [...r.citations.map((c) => row(r, "citation", `citation:${c.number}`, c.mark ?? "", c.note ?? "")), row(r, "citation", "citation_precision", csvValue(r.citationPrecision), "")];
  },
};
