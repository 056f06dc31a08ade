import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord } from "@/lib/export/record-schema";
import { csvValue } from "../export-values";
import type { CsvRow, ExportContext } from "../types";
import { referenceRecall, type Coverage } from "./statements";

/** Reference statements in the export: each statement (number from 1, text) with its coverage, and the response's recall. */
export const referencesExport = {
  id: "references" as const,
  response(doc: AnnotationData, responseId: string, ctx: ExportContext) {
    if (!ctx.statements.length) return {};
    const marks = (doc.references?.[responseId] ?? {}) as Record<string, Coverage>;
    return {
      referenceStatements: ctx.statements.map((text, index) => ({ number: index + 1, text, coverage: marks[String(index)] ?? null })),
      referenceRecall: referenceRecall(marks, ctx.statements.length),
      referenceRecallStrict: referenceRecall(marks, ctx.statements.length, true),
    };
  },
  /** Rows `reference` (`statement:<number>` with its coverage), then `reference_recall` and `reference_recall_strict`. */
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    if (!r.referenceStatements?.length) return [];
    return [
      ...r.referenceStatements.map((s) => row(r, "reference", `statement:${s.number}`, s.coverage ?? "", "")),
      row(r, "reference", "reference_recall", csvValue(r.referenceRecall), ""),
      row(r, "reference", "reference_recall_strict", csvValue(r.referenceRecallStrict), ""),
    ];
  },
};
