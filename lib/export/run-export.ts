import { recordAudit } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db/client";
import { readProjectSettings } from "@/lib/projects/settings";
import { cocoChunks } from "@/lib/tools/regions/export-coco";
import { streamAnnotationRecordBatches, type ExportFilter } from "./annotation-records";
import type { DominanceAxis } from "./dominance";
import type { ExportFormat } from "./schema";
import { exportChunks, type FormatContext, type RecordCounts } from "./write-export";

/** The audit event of an export (every format, every entry point). */
export function auditExport(actorId: string, filter: ExportFilter, format: ExportFormat) {
  return recordAudit({
    actorId,
    action: "export.download",
    entityType: "Project",
    entityId: filter.projectId,
    projectId: filter.projectId,
    data: {
      format, batch: filter.batchName ?? null, status: filter.status ?? "submitted", identifyReviewers: Boolean(filter.identifyReviewers),
      kind: filter.kind ?? null, reviewer: filter.reviewerId ?? null, from: filter.from ?? null, to: filter.to ?? null,
    },
  });
}

/**
 * The project's response axes for rubric dominance, by key. A key keeps its latest rubric version's
 * order (versions are made when a frozen rubric is edited; a key's options rarely change).
 */
export async function loadDominanceAxes(projectId: string): Promise<DominanceAxis[]> {
  const axes = await getDb().rubricAxis.findMany({ where: { rubric: { projectId }, appliesTo: "RESPONSE" }, orderBy: [{ rubric: { version: "asc" } }, { position: "asc" }] });
  const byKey = new Map<string, DominanceAxis>();
  for (const a of axes) {
    const options = Array.isArray(a.options) ? (a.options as Array<{ value: string }>) : [];
    byKey.set(a.key, { key: a.key, type: a.type, options, bestValue: a.bestValue, multiSelect: a.type === "CHOICE" && (a.max ?? 1) > 1 });
  }
  return [...byKey.values()];
}

/**
 * The one path of the single-file exports (route handler, CLI, benchmark): records the audit event,
 * then yields the file's text in chunks. The caller checks permission and project access first
 * (prepareExport). `counts` (optional) is filled as the file is written, for the manifest.
 */
export async function* runExport(opts: {
  actorId: string;
  filter: ExportFilter;
  format: ExportFormat;
  onRecord?: () => void;
  counts?: RecordCounts;
}): AsyncGenerator<string> {
  await auditExport(opts.actorId, opts.filter, opts.format);
  const ctx: FormatContext = { dominanceAxes: opts.format === "preferences" ? await loadDominanceAxes(opts.filter.projectId) : [] };
  // JSONL writes records as they are, so their texts can stay the JSON PostgreSQL wrote; HealthBench
  // records are built from the item's metadata.
  if (opts.format === "coco") {
    const project = await getDb().project.findUniqueOrThrow({ where: { id: opts.filter.projectId }, select: { settings: true } });
    // Only the annotations that can carry regions are read: vqa items with a regions block or localizations.
    yield* cocoChunks(streamAnnotationRecordBatches({ ...opts.filter, status: "submitted", withTool: "regions" }), { labels: readProjectSettings(project.settings).regions?.labels ?? [], onRecord: opts.onRecord, counts: opts.counts });
    return;
  }
  const filter = opts.format === "healthbench" ? { ...opts.filter, includeItemMetadata: true } : opts.format === "jsonl" ? { ...opts.filter, rawContent: true } : opts.filter;
  yield* exportChunks(opts.format, streamAnnotationRecordBatches(filter), opts.onRecord, ctx, opts.counts);
}
