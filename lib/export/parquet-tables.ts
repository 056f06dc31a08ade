import type { Column } from "./parquet-file";
import type { ExportRecord } from "./record-schema";
import { stepRecordsOf } from "./step-records";
import { CSV_COLUMNS, toCsvRows } from "./write-export";

// The Parquet export's tables, one per record type (README "Parquet", decision 016), each row
// derived from the JSONL export's record, so every table agrees with the JSONL. `responses` is read
// by its own query (write-parquet-tables.ts): a response is rated by several reviewers.

export type RecordTable = { name: string; columns: Column[]; rowsOf(record: ExportRecord): unknown[][] };

const s = (name: string): Column => ({ name, type: "string" });
const TYPED_CSV: Record<string, Column["type"]> = { shown_as: "int", submitted_at: "timestamp", time_on_task_ms: "bigint", criterion_points: "int", rubric_version: "int", phase: "int", turn: "int", response_cost_usd: "double", response_input_tokens: "bigint", response_output_tokens: "bigint", response_reasoning_tokens: "bigint", response_latency_ms: "double", answer_correct: "boolean" };
/** CSV cells that are empty because they do not apply (a skip has no annotation, an item rating no response). */
const NULL_WHEN_EMPTY = new Set(["annotation_id", "response_id", "response_label", "model_name", "shown_as", "submitted_at", "criterion_id", "criterion_text", "criterion_points", "rubric_version", "arm", "phase", "turn",
  "item_variant", "item_group", "item_date", "variant_of", "response_prompt", "response_cost_usd", "response_input_tokens", "response_output_tokens", "response_reasoning_tokens", "response_latency_ms", "response_training_cutoff", "answer_correct"]);

/** `ratings`: the CSV export's rows and columns, with numbers and times typed. */
const ratings: RecordTable = {
  name: "ratings",
  columns: CSV_COLUMNS.map((name) => ({ name, type: TYPED_CSV[name] ?? "string" })),
  rowsOf: (record) =>
    toCsvRows(record).map((row) =>
      row.map((cell, j) => {
        const name = CSV_COLUMNS[j];
        if (cell === "" && NULL_WHEN_EMPTY.has(name)) return null;
        if (TYPED_CSV[name] === "boolean") return cell === "true";
        return TYPED_CSV[name] === "int" || TYPED_CSV[name] === "bigint" || TYPED_CSV[name] === "double" ? Number(cell) : cell;
      }),
    ),
};

/** `annotations`: one row per submitted annotation (and per skipped assignment, status "skipped"). */
const annotations: RecordTable = {
  name: "annotations",
  columns: [s("annotation_id"), s("assignment_id"), s("project"), s("batch"), s("item_id"), s("external_id"), s("kind"), s("reviewer"), s("status"),
    { name: "submitted_at", type: "timestamp" }, { name: "time_on_task_ms", type: "bigint" }, { name: "version", type: "int" }, { name: "rubric_version", type: "int" }, { name: "response_count", type: "int" }, s("overall_comment"), s("skip_reason"), s("arm"), { name: "phase", type: "int" }, s("first_phase_assignment_id")],
  rowsOf: (r) => [[
    r.status === "submitted" ? r.annotationId : null, r.assignmentId, r.project, r.batch, r.itemId, r.externalId, r.kind, r.reviewer, r.status,
    r.status === "submitted" ? r.submittedAt : null, r.timeOnTaskMs, r.status === "submitted" ? r.version : null, r.status === "submitted" ? r.rubricVersion : null, r.responses.length,
    r.status === "submitted" ? r.overallComment : null, r.status === "skipped" ? r.skipReason : null,
    r.studyArm?.arm ?? null, r.studyArm?.phase ?? null, r.studyArm?.firstPhase ?? null,
  ]],
};

const head = [s("annotation_id"), s("project"), s("batch"), s("item_id"), s("external_id"), s("reviewer")];
const headOf = (r: ExportRecord & { status: "submitted" }) => [r.annotationId, r.project, r.batch, r.itemId, r.externalId, r.reviewer];

/** `pairwise`: one row per pairwise judgment; the chosen and the better (after polarity) response, null on a tie. */
const pairwise: RecordTable = {
  name: "pairwise",
  columns: [...head, s("axis"), s("polarity"), s("shown_a_response_id"), s("shown_a_model"), s("shown_b_response_id"), s("shown_b_model"),
    { name: "is_tie", type: "boolean" }, s("chosen_response_id"), s("chosen_model"), s("better_response_id"), s("better_model"), { name: "strength", type: "int" }, s("comment")],
  rowsOf: (r) =>
    r.status !== "submitted"
      ? []
      : (r.pairwise ?? []).map((p) => [
          ...headOf(r), p.axis, p.polarity, p.shownA.responseId, p.shownA.modelName, p.shownB.responseId, p.shownB.modelName, p.chosen === "tie",
          p.chosen === "tie" ? null : p.chosen.responseId, p.chosen === "tie" ? null : p.chosen.modelName,
          p.better === "tie" ? null : p.better.responseId, p.better === "tie" ? null : p.better.modelName, p.strength ?? null, p.comment ?? null,
        ]),
};

/** `criteria`: one row per (response, case criterion) mark, with the response's HealthBench score. */
const criteria: RecordTable = {
  name: "criteria",
  columns: [...head, s("response_id"), s("model_name"), s("criterion_id"), { name: "number", type: "int" }, s("text"), { name: "points", type: "int" },
    { name: "tags", type: "json" }, { name: "met", type: "boolean" }, s("note"), { name: "criteria_score", type: "double" }],
  rowsOf: (r) =>
    r.status !== "submitted"
      ? []
      : r.responses.flatMap((resp) => (resp.criteria ?? []).map((c) => [...headOf(r), resp.responseId, resp.modelName, c.criterionId, c.number, c.text, c.points, c.tags, c.met, c.note ?? null, resp.criteriaScore ?? null])),
};

/** `steps`: the step records (lib/export/step-records.ts), one row per labelled reasoning step. */
const steps: RecordTable = {
  name: "steps",
  columns: [s("project"), s("batch"), s("annotation_id"), s("item_id"), s("external_id"), s("response_id"), s("model_name"), s("reviewer"), { name: "segmentation_version", type: "int" },
    { name: "step", type: "int" }, { name: "step_count", type: "int" }, { name: "start", type: "int" }, { name: "end", type: "int" }, s("text"), s("verdict"), s("kind"),
    { name: "error_types", type: "json" }, s("severity"), s("comment"), { name: "final_answer_correct", type: "boolean" }, { name: "reasoning_supports_answer", type: "boolean" },
    { name: "first_error_step", type: "int" }, { name: "right_answer_wrong_reasoning", type: "boolean" }],
  rowsOf: (r) =>
    stepRecordsOf(r).map((x) => [x.project, x.batch, x.annotationId, x.itemId, x.externalId, x.responseId, x.modelName, x.reviewer, x.segmentationVersion, x.step, x.stepCount, x.start, x.end,
      x.text, x.verdict, x.kind, x.errorTypes, x.severity, x.comment, x.finalAnswerCorrect, x.reasoningSupportsAnswer, x.firstErrorStep, x.rightAnswerWrongReasoning]),
};

/**
 * `regions`: one row per region a reviewer drew (source "reviewer") and per model localization with
 * the reviewer's verdict on it (source "model"), in the image's pixels (decision 041).
 */
const regions: RecordTable = {
  name: "regions",
  columns: [...head, s("source"), s("response_id"), s("model_name"), { name: "number", type: "int" }, s("region_id"), { name: "image", type: "int" }, s("image_src"), s("kind"), s("label"),
    { name: "points", type: "json" }, { name: "bbox", type: "json" }, { name: "area", type: "double" }, { name: "length_px", type: "double" }, { name: "length_mm", type: "double" },
    { name: "score", type: "double" }, s("verdict"), s("link_response_id"), { name: "link_sentence", type: "int" }, s("note")],
  rowsOf: (r) =>
    r.status !== "submitted"
      ? []
      : [
          ...(r.regions ?? []).map((g) => [...headOf(r), "reviewer", null, null, g.number, g.id, g.image, g.imageSrc, g.kind, g.label, g.points, g.bbox, g.area, g.lengthPx ?? null, g.lengthMm ?? null, null, null, g.link?.responseId ?? null, g.link?.sentence ?? null, g.note ?? null]),
          ...r.responses.flatMap((resp) =>
            (resp.modelRegions ?? []).map((m) => [...headOf(r), "model", resp.responseId, resp.modelName, m.number, null, m.image, m.imageSrc ?? null, m.kind, m.label, m.polygon ?? m.point ?? null, m.bbox, null, null, null, m.score, m.verdict, null, null, m.note ?? null]),
          ),
        ],
};

/** Tables filled from the annotation records, in file order. */
export const RECORD_TABLES: readonly RecordTable[] = [annotations, ratings, pairwise, criteria, steps, regions];

/** `responses`: every response of the items the export covers (one row per response, not per reviewer). */
export const RESPONSE_COLUMNS = (withContent: boolean): Column[] => [
  s("item_id"), s("external_id"), s("kind"), s("response_id"), s("label"), { name: "position", type: "int" }, s("model_name"),
  ...(withContent ? [{ name: "item_input", type: "json" as const }, s("content"), s("reasoning"), { name: "answer", type: "json" as const }] : []),
];
