import { sliceCodePoints } from "@/lib/formats/offsets";
import type { ExportRecord } from "./record-schema";

/**
 * One record per labelled reasoning step, for process-reward-model training (issue 8): the item and
 * response, the step (number from 1, code-point offsets into the response's reasoning — or its content
 * when it has none — and its text), the reviewer's labels, the per-response answers and the segmentation
 * version the labels were made on. Derived from the JSONL export's records (with texts), so both agree.
 */
export type StepRecord = {
  project: string;
  batch: string;
  annotationId: string;
  itemId: string;
  externalId: string;
  responseId: string;
  modelName: string;
  reviewer: string;
  segmentationVersion: number;
  step: number;
  stepCount: number;
  start: number;
  end: number;
  text: string;
  verdict: string | null;
  kind: string | null;
  errorTypes: string[];
  severity: string | null;
  comment: string;
  finalAnswerCorrect: boolean | null;
  reasoningSupportsAnswer: boolean | null;
  firstErrorStep: number | null;
  rightAnswerWrongReasoning: boolean | null;
};

export const STEP_CSV_COLUMNS = [
  "project", "batch", "annotation_id", "item_id", "external_id", "response_id", "model_name", "reviewer", "segmentation_version",
  "step", "step_count", "start", "end", "text", "verdict", "kind", "error_types", "severity", "comment",
  "final_answer_correct", "reasoning_supports_answer", "first_error_step", "right_answer_wrong_reasoning",
] as const;

export function stepRecordsOf(record: ExportRecord): StepRecord[] {
  if (record.status !== "submitted") return [];
  return record.responses.flatMap((r) => {
    const s = r.stepLabels;
    if (!s) return [];
    const source = r.reasoning && r.reasoning.trim() ? r.reasoning : (r.content ?? "");
    return s.steps.map((step) => ({
      project: record.project,
      batch: record.batch,
      annotationId: record.annotationId,
      itemId: record.itemId,
      externalId: record.externalId,
      responseId: r.responseId,
      modelName: r.modelName,
      reviewer: record.reviewer,
      segmentationVersion: s.segmentationVersion,
      step: step.number,
      stepCount: s.steps.length,
      start: step.start,
      end: step.end,
      text: sliceCodePoints(source, step.start, step.end),
      verdict: step.verdict,
      kind: step.kind,
      errorTypes: step.errorTypes,
      severity: step.severity,
      comment: step.comment ?? "",
      finalAnswerCorrect: s.finalAnswerCorrect,
      reasoningSupportsAnswer: s.reasoningSupportsAnswer,
      firstErrorStep: s.firstErrorStep,
      rightAnswerWrongReasoning: s.rightAnswerWrongReasoning,
    }));
  });
}

const cell = (v: unknown) => (v === null || v === undefined ? "" : Array.isArray(v) ? v.join("|") : String(v));

export function stepCsvRows(record: ExportRecord): string[][] {
  return stepRecordsOf(record).map((s) => [
    s.project, s.batch, s.annotationId, s.itemId, s.externalId, s.responseId, s.modelName, s.reviewer, String(s.segmentationVersion),
    String(s.step), String(s.stepCount), String(s.start), String(s.end), s.text, cell(s.verdict), cell(s.kind), cell(s.errorTypes), cell(s.severity), s.comment,
    cell(s.finalAnswerCorrect), cell(s.reasoningSupportsAnswer), cell(s.firstErrorStep), cell(s.rightAnswerWrongReasoning),
  ]);
}
