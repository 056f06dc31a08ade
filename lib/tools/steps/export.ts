import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord } from "@/lib/export/record-schema";
import { csvValue } from "../export-values";
import type { CsvRow, ExportContext } from "../types";
import { measureResponse, toLabelledResponse } from "./metrics";

/**
 * Step labels in the export, per response: the segmentation version they were made on, each step
 * (number from 1, code-point offsets) with its labels, the two per-response answers, the first erroneous
 * step (from 1; the reviewer's override or derived) and the derived measures (decision 012).
 */
export const stepsExport = {
  id: "steps" as const,
  response(doc: AnnotationData, responseId: string, ctx: ExportContext) {
    const block = doc.steps?.[responseId];
    if (!block) return {};
    const ranges = ctx.segmentations.get(`${responseId}@${block.segmentationVersion}`)?.steps ?? [];
    const m = measureResponse(toLabelledResponse("", block, ranges.length));
    return {
      stepLabels: {
        segmentationVersion: block.segmentationVersion,
        finalAnswerCorrect: block.finalAnswerCorrect ?? null,
        reasoningSupportsAnswer: block.reasoningSupportsAnswer ?? null,
        firstErrorStep: m.firstErrorStep === null ? null : m.firstErrorStep + 1,
        rightAnswerWrongReasoning: m.rightAnswerWrongReasoning,
        efficiency: m.efficiency,
        factuality: m.factuality,
        steps: ranges.map((r, i) => {
          const label = block.steps[String(i)];
          return {
            number: i + 1, start: r.start, end: r.end,
            verdict: label?.verdict ?? null, kind: label?.kind ?? null, errorTypes: label?.errorTypes ?? [], severity: label?.severity ?? null,
            ...(label?.comment ? { comment: label.comment } : {}),
          };
        }),
      },
    };
  },
  /** Rows `step` (`step:<number>` with its verdict, error types and severity in the comment) and `steps` summaries. */
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    const s = r.stepLabels;
    if (!s) return [];
    return [
      ...s.steps.map((step) => row(r, "step", `step:${step.number}`, step.verdict ?? "", [step.severity, step.errorTypes.join("|"), step.comment].filter(Boolean).join("; "))),
      row(r, "steps", "final_answer_correct", csvValue(s.finalAnswerCorrect), ""),
      row(r, "steps", "reasoning_supports_answer", csvValue(s.reasoningSupportsAnswer), ""),
      row(r, "steps", "first_error_step", csvValue(s.firstErrorStep), ""),
      row(r, "steps", "right_answer_wrong_reasoning", csvValue(s.rightAnswerWrongReasoning), ""),
    ];
  },
};
