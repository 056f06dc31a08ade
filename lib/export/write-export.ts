import type { ExportRecord, SubmittedRecord } from "./record-schema";
import type { ExportFormat } from "./schema";
import { writeDelimitedRows } from "./csv-cell";
import { STEP_CSV_COLUMNS, stepCsvRows, stepRecordsOf } from "./step-records";
import { csvRowsOf } from "@/lib/tools/export-projections";
import type { CsvRow } from "@/lib/tools/types";

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
] as const;

type RowOf = CsvRow;

/**
 * CSV: one row per rating. `target` says what was rated: response (rubric axis), confidence,
 * criterion (axis = "criterion:<number>" from 1, value met/not_met, with the criterion's id, text
 * and points; plus a criteria_score row), pair (the response columns name the response chosen,
 * value is its label or "tie"; a second row "<axis>:better" applies the axis polarity), ddx_entry
 * (axis "entry:<rank>" from 1 with the match, and "top_<k>" true/false), item, the overall
 * comment, and skip (one row per skipped assignment, axis "skip_reason", value the reason).
 */
export function toCsvRows(record: ExportRecord): string[][] {
  const submitted = record.status === "submitted" ? record : null;
  const row: RowOf = (r, target, axis, value, comment, criterion) => [
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
  ];
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

export function formatRecord(format: ExportFormat, record: ExportRecord): string {
  switch (format) {
    case "csv":
      return writeDelimitedRows(toCsvRows(record));
    case "steps":
      return stepRecordsOf(record).map((s) => JSON.stringify(s) + "\n").join("");
    case "steps-csv":
      return writeDelimitedRows(stepCsvRows(record));
    default:
      return JSON.stringify(record) + "\n";
  }
}

export async function* exportChunks(format: ExportFormat, records: AsyncIterable<ExportRecord>, onRecord?: () => void): AsyncGenerator<string> {
  const header = exportHeader(format);
  if (header) yield header;
  // Batch small strings into ~64 KB chunks: fewer writes, same constant memory.
  let buffer = "";
  for await (const record of records) {
    buffer += formatRecord(format, record);
    onRecord?.();
    if (buffer.length >= 65_536) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}
