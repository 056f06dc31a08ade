import { recordAudit } from "@/lib/audit/record-audit";
import { streamAnnotationRecords, type ExportFilter } from "./annotation-records";
import type { ExportFormat } from "./schema";
import { exportChunks } from "./write-export";

/**
 * The one export path (route handler, CLI, benchmark): records the audit event, then yields the
 * file's text in chunks. The caller checks permission and project access first (prepareExport).
 */
export async function* runExport(opts: {
  actorId: string;
  filter: ExportFilter;
  format: ExportFormat;
  onRecord?: () => void;
}): AsyncGenerator<string> {
  await recordAudit({
    actorId: opts.actorId,
    action: "export.download",
    entityType: "Project",
    entityId: opts.filter.projectId,
    projectId: opts.filter.projectId,
    data: { format: opts.format, batch: opts.filter.batchName ?? null, status: opts.filter.status ?? "submitted", identifyReviewers: Boolean(opts.filter.identifyReviewers) },
  });
  yield* exportChunks(opts.format, streamAnnotationRecords(opts.filter), opts.onRecord);
}
