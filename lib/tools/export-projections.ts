import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord, SubmittedRecord } from "@/lib/export/record-schema";
import { criteriaExport } from "./criteria/export";
import { ddxMatchExport } from "./ddx-match/export";
import { pairwiseExport } from "./pairwise/export";
import { rankingExport } from "./ranking/export";
import { ratingsExport } from "./ratings/export";
import { referencesExport } from "./references/export";
import { stepsExport } from "./steps/export";
import { argumentsExport } from "./arguments/export";
import { correctionsExport } from "./corrections/export";
import { turnsExport } from "./turns/export";
import { suggestionsExport } from "./suggestions/export";
import { actionsExport } from "./actions/export";
import { citationsExport } from "./citations/export";
import { groundingExport } from "./grounding/export";
import { regionsExport } from "./regions/export";
import { recordLinksExport } from "./record-links/export";
import type { CsvRow, ExportContext, ToolId } from "./types";

/** What a tool contributes to each export format (lib/export composes them; registry order). */
export type ToolExport = {
  id: ToolId;
  response?(doc: AnnotationData, responseId: string, ctx: ExportContext): Partial<ExportResponseRecord>;
  record?(doc: AnnotationData, ctx: ExportContext): Partial<SubmittedRecord>;
  csvResponseRows?(r: ExportResponseRecord, row: CsvRow): string[][];
  csvRecordRows?(record: SubmittedRecord, row: CsvRow): string[][];
};

export const TOOL_EXPORTS: readonly ToolExport[] = [ratingsExport, pairwiseExport, rankingExport, criteriaExport, ddxMatchExport, referencesExport, stepsExport, argumentsExport, correctionsExport, turnsExport, suggestionsExport, actionsExport, citationsExport, groundingExport, regionsExport, recordLinksExport];

/** The tools' fields of one response of a submitted record. */
export function projectResponse(doc: AnnotationData, responseId: string, ctx: ExportContext, into: object = {}): Partial<ExportResponseRecord> {
  // Assigned onto one object in place (no array of parts, no spread): this runs per response of every exported record.
  for (const t of TOOL_EXPORTS) if (t.response) Object.assign(into, t.response(doc, responseId, ctx));
  return into;
}

/** The tools' record-level fields of a submitted record. */
export function projectRecord(doc: AnnotationData, ctx: ExportContext, into: object = {}): Partial<SubmittedRecord> {
  for (const t of TOOL_EXPORTS) if (t.record) Object.assign(into, t.record(doc, ctx));
  return into;
}

/** CSV rows of a submitted record: each response tool by tool, then each tool's record-level rows. */
export function csvRowsOf(record: SubmittedRecord, row: CsvRow): string[][] {
  const rows: string[][] = [];
  for (const r of record.responses) for (const t of TOOL_EXPORTS) rows.push(...(t.csvResponseRows?.(r, row) ?? []));
  for (const t of TOOL_EXPORTS) rows.push(...(t.csvRecordRows?.(record, row) ?? []));
  return rows;
}
