import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord } from "@/lib/export/record-schema";
import { csvValue } from "../export-values";
import type { CsvRow, ExportContext } from "../types";
import { outcomeOf, parseTarget, valueAt } from "./targets";

/**
 * Suggestions in the export (decision 034): per response, each suggested target with the value shown,
 * the reviewer's first own answer (suggestions shown after rating), the final answer and the outcome;
 * CSV one `suggestion` row per target (value: the suggestion; comment: outcome, own and final answer).
 */
export const suggestionsExport = {
  id: "suggestions" as const,
  response(doc: AnnotationData, responseId: string, ctx: ExportContext): Partial<ExportResponseRecord> {
    const block = doc.suggestions?.[responseId];
    if (!block) return {};
    // In rubric order, then the item's criteria in order (stored documents keep no key order).
    const rank = (target: string) => {
      const { kind, key } = parseTarget(target);
      const at = kind === "axis" ? ctx.axes.findIndex((a) => a.key === key) : ctx.axes.length + ctx.criteria.findIndex((c) => c.id === key);
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    };
    const targets = Object.keys(block.shown).sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
    const suggestions = targets.map((target) => {
      const suggested = block.shown[target];
      const { kind, key } = parseTarget(target);
      const final = valueAt(doc.responses[responseId], target) ?? null;
      const own = block.own?.[target];
      return {
        target: kind,
        ...(kind === "axis" ? { axis: key } : { criterionId: key }),
        mode: block.mode,
        suggested,
        ...(own !== undefined ? { own } : {}),
        final,
        outcome: outcomeOf(block.mode, suggested, final),
      };
    });
    return { suggestions };
  },
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    return (r.suggestions ?? []).map((s) => {
      const own = s.own !== undefined ? `; own ${csvValue(s.own)}` : "";
      return row(r, "suggestion", s.axis ?? `criterion:${s.criterionId}`, csvValue(s.suggested), `${s.outcome}${own}; final ${csvValue(s.final)}`);
    });
  },
};
