import type { ExportRecord, SubmittedRecord } from "./record-schema";
import type { ExportFormat } from "./schema";
import { writeDelimitedRows } from "./csv-cell";
import { STEP_CSV_COLUMNS, stepCsvRows, stepRecordsOf } from "./step-records";
import { csvRowsOf } from "@/lib/tools/export-projections";
import type { DominanceAxis } from "./dominance";
import { healthBenchRecordsOf } from "./healthbench-records";
import { sftRecordsOf } from "./sft-records";
import { preferencePairsOf } from "./preference-pairs";
import type { CsvRow } from "@/lib/tools/types";
import { stringifyRecord } from "./raw-json";

// Format writers: pure functions from records to text chunks, shared by the route handler,
// the CLI and the benchmark.

/** Columns added after the first release go at the end, so positional readers keep working. */
export const CSV_COLUMNS = [
  "annotation_id",
  "project",
  "batch",
  "item_id",
  "external_id",
  "response_id",
  "response_label",
  "model_name",
  "shown_as",
  "reviewer",
  "target",
  "axis",
  "value",
  "comment",
  "submitted_at",
  "time_on_task_ms",
  "assignment_id",
  "status",
  "criterion_id",
  "criterion_text",
  "criterion_points",
  "rubric_version",
  "arm",
  "phase",
  "turn",
  // Analysis fields (issue 13): of the item, and of the row's response.
  "item_variant",
  "item_group",
  "item_date",
  "variant_of",
  "response_prompt",
  "response_cost_usd",
  "response_input_tokens",
  "response_output_tokens",
  "response_reasoning_tokens",
  "response_latency_ms",
  "response_training_cutoff",
  "answer_correct",
] as const;

type RowOf = CsvRow;

/**
 * CSV: one row per rating. `target` says what was rated: response (rubric axis), confidence,
 * criterion (axis = "criterion:<number>" from 1, value met/not_met, with the criterion's id, text
 * and points; plus a criteria_score row), pair (the response columns name the response chosen,
 * value is its label or "tie"; a second row "<axis>:better" applies the axis polarity), ddx_entry
 * (axis "entry:<rank>" from 1 with the match, and "top_<k>" true/false), item, the overall
 * comment, and skip (one row per skipped assignment, axis "skip_reason", value the reason).
 * `rubric_version` names the rubric version the axis belongs to (empty for skips). `arm` (unassisted /
 * assisted) and `phase` (1 / 2) are set for batches with study arms, empty otherwise. `turn` rows
 * (per-turn ratings of a dialogue) carry the turn's position in the response's transcript in `turn`.
 * The analysis columns (item_*, variant_of, response_*) repeat the item's and the row's response's
 * imported analysis fields, empty when not given, so a spreadsheet can group ratings by them;
 * `answer_correct` is the row's response graded automatically against the item's key (true / false).
 */
export function toCsvRows(record: ExportRecord): string[][] {
  const submitted = record.status === "submitted" ? record : null;
  const item = record.analysis;
  const responseAnalysis = new Map(record.responses.flatMap((r) => (r.analysis ? [[r.responseId, r.analysis] as const] : [])));
  const graded = new Map(record.responses.flatMap((r) => (r.answerCorrect !== undefined ? [[r.responseId, r.answerCorrect] as const] : [])));
  const cell = (v: string | number | undefined) => (v === undefined ? "" : String(v));
  const row: RowOf = (r, target, axis, value, comment, criterion, turn) => {
    const a = r ? responseAnalysis.get(r.responseId) : undefined;
    return [
    submitted?.annotationId ?? "",
    record.project,
    record.batch,
    record.itemId,
    record.externalId,
    r?.responseId ?? "",
    r?.label ?? "",
    r?.modelName ?? "",
    r?.shownAs ? String(r.shownAs) : "",
    record.reviewer,
    target,
    axis,
    value,
    comment,
    submitted?.submittedAt ?? "",
    String(record.timeOnTaskMs),
    record.assignmentId,
    record.status,
    criterion?.criterionId ?? "",
    criterion?.text ?? "",
    criterion ? String(criterion.points) : "",
    submitted ? String(submitted.rubricVersion) : "",
    record.studyArm?.arm ?? "",
    record.studyArm ? String(record.studyArm.phase) : "",
    turn ? String(turn) : "",
    cell(item?.variant),
    cell(item?.group),
    cell(item?.date),
    cell(item?.variantOf),
    cell(a?.prompt),
    cell(a?.costUsd),
    cell(a?.inputTokens),
    cell(a?.outputTokens),
    cell(a?.reasoningTokens),
    cell(a?.latencyMs),
    cell(a?.trainingCutoff),
    r && graded.has(r.responseId) ? String(graded.get(r.responseId)) : "",
  ];
  };
  if (record.status === "skipped") return [row(null, "skip", "skip_reason", record.skipReason, "")];
  return submittedRows(record, row);
}

/** A submitted record's rows: every tool's (lib/tools/export-projections.ts), then the overall comment. */
function submittedRows(record: SubmittedRecord, row: RowOf): string[][] {
  const rows = csvRowsOf(record, row);
  if (record.overallComment) rows.push(row(null, "item", "overall_comment", "", record.overallComment));
  return rows;
}

export function exportHeader(format: ExportFormat): string {
  if (format === "csv") return writeDelimitedRows([[...CSV_COLUMNS]]);
  if (format === "steps-csv") return writeDelimitedRows([[...STEP_CSV_COLUMNS]]);
  return "";
}

/** What some formats need besides the record: the rubric's response axes for dominance pairs. */
export type FormatContext = { dominanceAxes: readonly DominanceAxis[] };
const NO_CONTEXT: FormatContext = { dominanceAxes: [] };

/** Records read and rows written, by type, for the manifest (lib/export/manifest.ts). */
export type RecordCounts = Record<string, number>;
const bump = (counts: RecordCounts | undefined, key: string, by = 1) => {
  if (counts && by) counts[key] = (counts[key] ?? 0) + by;
};

/** The format's lines for one record (jsonl-like formats: one JSON object per line). */
function linesOf(format: ExportFormat, record: ExportRecord, ctx: FormatContext, counts?: RecordCounts): string {
  const jsonLines = (key: string, values: readonly object[]) => {
    bump(counts, key, values.length);
    return values.map((v) => JSON.stringify(v) + "\n").join("");
  };
  switch (format) {
    case "csv": {
      const rows = toCsvRows(record);
      bump(counts, "csv_rows", rows.length);
      return writeDelimitedRows(rows);
    }
    case "steps":
      return jsonLines("steps", stepRecordsOf(record));
    case "steps-csv": {
      const rows = stepCsvRows(record);
      bump(counts, "steps", rows.length);
      return writeDelimitedRows(rows);
    }
    case "preferences": {
      const pairs = preferencePairsOf(record, ctx.dominanceAxes);
      for (const p of pairs) bump(counts, `preference_pairs_${p.source}`);
      return jsonLines("preference_pairs", pairs);
    }
    case "healthbench":
      return jsonLines("healthbench_records", healthBenchRecordsOf(record));
    case "sft":
      return jsonLines("sft_records", sftRecordsOf(record));
    default:
      return stringifyRecord(record) + "\n";
  }
}

export function formatRecord(format: ExportFormat, record: ExportRecord, ctx: FormatContext = NO_CONTEXT, counts?: RecordCounts): string {
  bump(counts, record.status === "submitted" ? "records_submitted" : "records_skipped");
  return linesOf(format, record, ctx, counts);
}

/** `records` one by one or in batches (streamAnnotationRecordBatches). */
export async function* exportChunks(format: ExportFormat, records: AsyncIterable<ExportRecord | readonly ExportRecord[]>, onRecord?: () => void, ctx: FormatContext = NO_CONTEXT, counts?: RecordCounts): AsyncGenerator<string> {
  const header = exportHeader(format);
  if (header) yield header;
  // Batch small strings into ~64 KB chunks: fewer writes, same constant memory.
  let buffer = "";
  for await (const item of records) {
    for (const record of Array.isArray(item) ? (item as readonly ExportRecord[]) : [item as ExportRecord]) {
      buffer += formatRecord(format, record, ctx, counts);
      onRecord?.();
      if (buffer.length >= 65_536) {
        yield buffer;
        buffer = "";
      }
    }
  }
  if (buffer) yield buffer;
}
