import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord } from "@/lib/export/record-schema";
import type { CsvRow, ExportContext } from "../types";
import type { UnsupportedKind } from "./labels";

/** A summary's marks: unsupported stretches by kind and omitted stretches of the source, with counts. */
export const groundingExport = {
  id: "grounding" as const,
  response(doc: AnnotationData, responseId: string, ctx: ExportContext): Partial<ExportResponseRecord> {
    if (!ctx.summaries?.has(responseId)) return {};
    const marks = doc.grounding?.[responseId];
    const spans = (list: Array<{ label: string; start: number; end: number; text: string }> | undefined) => (list ?? []).map(({ label, start, end, text }) => ({ label, start, end, text })).sort((a, b) => a.start - b.start);
    // Labels were checked against the kinds at save (./check.ts).
    const unsupported = spans(marks?.summary?.spans) as Array<{ label: UnsupportedKind; start: number; end: number; text: string }>;
    const omitted = spans(marks?.source?.spans).map(({ start, end, text }) => ({ start, end, text }));
    return { grounding: { unsupported, omitted, unsupportedSpans: unsupported.length, omittedSpans: omitted.length } };
  },
  /** Rows `unsupported` (axis the kind, value the text, comment the offsets) and `omitted` (value the source text). */
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    const g = r.grounding;
    if (!g) return [];
    return [...g.unsupported.map((s) => row(r, "unsupported", s.label, s.text, `${s.start}-${s.end}`)), ...g.omitted.map((s) => row(r, "omitted", "omitted", s.text, `${s.start}-${s.end}`))];
  },
};
