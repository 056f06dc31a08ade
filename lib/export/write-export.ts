import type { AnnotationRecord } from "./annotation-records";
import { writeDelimitedRows } from "./csv-cell";
import type { ExportFormat } from "./schema";

// Format writers: pure functions from records to text chunks, shared by the route handler,
// the CLI and the benchmark.

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
] as const;

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * CSV: one row per rating. `target` says what was rated: response (rubric axis), confidence,
 * criterion (axis = "criterion:<position>", value met/not_met, plus a criteria_score row), pair
 * (the response columns name the response chosen, value is its label or "tie"; a second row
 * "<axis>:better" applies the axis polarity), ddx_entry (axis "entry:<rank>" with the match, and
 * "top_<k>" true/false), item, and the overall comment.
 */
export function toCsvRows(record: AnnotationRecord): string[][] {
  const base = (r: { responseId: string; label: string; modelName: string; shownAs?: number } | null, target: string) => [
    record.annotationId,
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
  ];
  const tail = [record.submittedAt, String(record.timeOnTaskMs)];
  const rows: string[][] = [];
  for (const r of record.responses) {
    const keys = new Set([...Object.keys(r.ratings), ...Object.keys(r.comments)]);
    for (const axis of keys) rows.push([...base(r, "response"), axis, csvValue(r.ratings[axis]), r.comments[axis] ?? "", ...tail]);
    if (r.confidence) rows.push([...base(r, "confidence"), "confidence", String(r.confidence), "", ...tail]);
    for (const c of r.criteria ?? []) {
      rows.push([...base(r, "criterion"), `criterion:${c.position + 1}`, c.met === null ? "" : c.met ? "met" : "not_met", c.note ?? "", ...tail]);
    }
    if (r.criteria?.length) rows.push([...base(r, "criterion"), "criteria_score", csvValue(r.criteriaScore), "", ...tail]);
    for (const e of r.differentialMatches ?? []) rows.push([...base(r, "ddx_entry"), `entry:${e.rank}`, e.match ?? "", e.note ?? "", ...tail]);
    for (const [k, correct] of Object.entries(r.topK ?? {})) rows.push([...base(r, "ddx_entry"), `top_${k}`, String(correct), "", ...tail]);
  }
  for (const p of record.pairwise ?? []) {
    const chosen = p.chosen === "tie" ? null : p.chosen;
    rows.push([...base(chosen, "pair"), p.axis, chosen ? chosen.label : "tie", p.comment ?? "", ...tail]);
    const better = p.better === "tie" ? null : p.better;
    rows.push([...base(better, "pair"), `${p.axis}:better`, better ? better.label : "tie", p.strength ? `strength ${p.strength}` : "", ...tail]);
  }
  const itemKeys = new Set([...Object.keys(record.itemRatings), ...Object.keys(record.itemComments)]);
  for (const axis of itemKeys) rows.push([...base(null, "item"), axis, csvValue(record.itemRatings[axis]), record.itemComments[axis] ?? "", ...tail]);
  if (record.overallComment) rows.push([...base(null, "item"), "overall_comment", "", record.overallComment, ...tail]);
  return rows;
}

export function exportHeader(format: ExportFormat): string {
  return format === "csv" ? writeDelimitedRows([[...CSV_COLUMNS]]) : "";
}

export function formatRecord(format: ExportFormat, record: AnnotationRecord): string {
  return format === "csv" ? writeDelimitedRows(toCsvRows(record)) : JSON.stringify(record) + "\n";
}

export async function* exportChunks(format: ExportFormat, records: AsyncIterable<AnnotationRecord>, onRecord?: () => void): AsyncGenerator<string> {
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
