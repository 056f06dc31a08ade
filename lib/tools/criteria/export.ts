import type { AnnotationData } from "@/lib/annotations/schema";
import { scoreCriteria } from "@/lib/criteria/score";
import type { ExportResponseRecord } from "@/lib/export/record-schema";
import { csvValue } from "../export-values";
import type { CsvRow, ExportContext } from "../types";

type Block = AnnotationData["responses"][string] | undefined;

/** Case criteria in the export: each criterion (id, number from 1, text, points) with its mark, and the HealthBench item score. */
export const criteriaExport = {
  id: "criteria" as const,
  response(doc: AnnotationData, responseId: string, ctx: ExportContext) {
    const block: Block = doc.responses[responseId];
    if (!ctx.criteria.length) return {};
    const marks = block?.criteria;
    const met = Object.fromEntries(Object.entries(marks ?? {}).map(([id, m]) => [id, m.met]));
    return {
      criteria: ctx.criteria.map((c, index) => ({
        criterionId: c.id, number: index + 1, text: c.text, points: c.points, tags: c.tags, met: marks?.[c.id]?.met ?? null,
        ...(marks?.[c.id]?.note ? { note: marks[c.id].note } : {}),
      })),
      criteriaScore: scoreCriteria(ctx.criteria, met),
    };
  },
  /** Rows `criterion` (`criterion:<number>` met/not_met with id, text and points), then `criteria_score`. */
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    const rows = (r.criteria ?? []).map((c) => row(r, "criterion", `criterion:${c.number}`, c.met === null ? "" : c.met ? "met" : "not_met", c.note ?? "", c));
    if (r.criteria?.length) rows.push(row(r, "criterion", "criteria_score", csvValue(r.criteriaScore), ""));
    return rows;
  },
};
