import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord } from "@/lib/export/record-schema";
import type { CsvRow, ExportContext } from "../types";
import type { StatementVerdict } from "./labels";

/** Each marked statement (offsets and text of the output, its verdict) with the record entries it is linked to. */
export const recordLinksExport = {
  id: "record-links" as const,
  response(doc: AnnotationData, responseId: string, ctx: ExportContext): Partial<ExportResponseRecord> {
    const block = doc.recordLinks?.[responseId];
    if (!ctx.recordEntries || !block?.output?.spans.length) return {};
    const spans = [...block.output.spans].sort((a, b) => a.start - b.start || a.end - b.end);
    return {
      recordStatements: spans.map((s, i) => ({
        number: i + 1,
        start: s.start,
        end: s.end,
        text: s.text,
        verdict: s.label as StatementVerdict,
        entries: (block.entries?.[s.id] ?? []).map((id) => ({ id, ...(ctx.recordEntries!.get(id) ?? { section: "other", title: "" }) })),
      })),
    };
  },
  /** Rows `statement:<n>`: the verdict (comment: the statement), then the linked entry ids, space-separated. */
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    return (r.recordStatements ?? []).flatMap((s) => [row(r, `statement:${s.number}`, "verdict", s.verdict, s.text), row(r, `statement:${s.number}`, "entries", s.entries.map((e) => e.id).join(" "), "")]);
  },
};
