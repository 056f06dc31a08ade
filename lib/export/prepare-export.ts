import { getDb } from "@/lib/db/client";
import { ForbiddenError, requirePermission, type Actor } from "@/lib/auth/permissions";
import { findBatchByName } from "@/lib/assignments/find-batch";
import { findProjectForActor } from "@/lib/projects/access";
import type { ExportFilter } from "./annotation-records";
import { exportQuerySchema } from "./schema";

/**
 * Everything an export needs before its first byte, shared by the route handler and the CLI: the
 * raw query (API parameters or CLI flags) validated, the caller's access to the project checked, and the batch resolved. A stream
 * cannot change its status once it has started, so an unknown project or batch must fail here
 * (404 / exit 2), never as an empty file.
 */
export async function prepareExport(actor: Actor, slug: string, query: Record<string, string | undefined>) {
  requirePermission(actor, "export:read");
  const q = exportQuerySchema.parse(query);
  if (q.identifyReviewers && actor.role !== "ADMIN") throw new ForbiddenError("Only admins may export reviewer identities.");
  const project = await findProjectForActor(actor, slug);
  if (q.batch !== undefined) await findBatchByName(project.id, q.batch);
  const filter: ExportFilter = {
    projectId: project.id,
    ...(q.batch !== undefined ? { batchName: q.batch } : {}),
    status: q.status,
    identifyReviewers: q.identifyReviewers,
    // Step records carry each step's text, so they always read the response texts.
    includeContent: (q.format === "jsonl" && q.content) || q.format === "steps" || q.format === "steps-csv",
  };
  return { project, format: q.format, filter };
}

/** How many records the export will write (for the CLI's progress bar). */
export async function countExportRecords(filter: ExportFilter): Promise<number> {
  const db = getDb();
  const batch = { projectId: filter.projectId, ...(filter.batchName !== undefined ? { name: filter.batchName } : {}) };
  const status = filter.status ?? "submitted";
  const [submitted, skipped] = await Promise.all([
    status === "skipped" ? 0 : db.annotation.count({ where: { kind: "REVIEW", submittedAt: { not: null }, assignment: { batch } } }),
    status === "submitted" ? 0 : db.assignment.count({ where: { status: "SKIPPED", batch } }),
  ]);
  return submitted + skipped;
}
