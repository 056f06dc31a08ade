import { getDb } from "@/lib/db/client";
import { allows, ForbiddenError, NotFoundError, type Actor } from "@/lib/auth/permissions";
import { findBatchByName } from "@/lib/assignments/find-batch";
import { findProjectForActor } from "@/lib/projects/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportFilter } from "./annotation-records";
import { pseudonymizeReviewer } from "./pseudonym";
import { exportQuerySchema, type ParsedExportQuery } from "./schema";

/** Formats whose records need the item and response texts. */
const needsContent = (q: ParsedExportQuery) =>
  // Step records carry each step's text; preference pairs and HealthBench records are texts.
  q.format === "steps" || q.format === "steps-csv" || q.format === "preferences" || q.format === "sft" || q.format === "healthbench" ||
  ((q.format === "jsonl" || q.format === "parquet" || q.format === "hf") && q.content);

/** The reviewer behind a pseudonym, among those assigned in the project (an unknown one is 404, not an empty file). */
async function findReviewerByPseudonym(project: { id: string; pseudonymSalt: string }, pseudonym: string): Promise<string> {
  const reviewers = await getDb().assignment.findMany({ where: { batch: { projectId: project.id } }, select: { reviewerId: true }, distinct: ["reviewerId"] });
  const match = reviewers.find((r) => pseudonymizeReviewer(project.pseudonymSalt, r.reviewerId) === pseudonym);
  if (!match) throw new NotFoundError(`No reviewer ${pseudonym} in this project.`);
  return match.reviewerId;
}

/**
 * Everything an export needs before its first byte, shared by the route handler and the CLI: the
 * raw query (API parameters or CLI flags) validated, the caller's access to the project checked, and the batch resolved. A stream
 * cannot change its status once it has started, so an unknown project, batch or reviewer must fail here
 * (404 / exit 2), never as an empty file.
 */
export async function prepareExport(actor: Actor, slug: string, query: Record<string, string | undefined>) {
  const q = exportQuerySchema.parse(query);
  const project = await findProjectForActor(actor, slug, "export:read");
  if (q.identifyReviewers && !allows(project.access, "reviewer:identify")) throw new ForbiddenError("Only the project's managers may export reviewer identities.");
  if (q.batch !== undefined) await findBatchByName(project.id, q.batch);
  const reviewerId = q.reviewer !== undefined ? await findReviewerByPseudonym(project, q.reviewer) : undefined;
  const filter: ExportFilter = {
    projectId: project.id,
    ...(q.batch !== undefined ? { batchName: q.batch } : {}),
    status: q.status,
    identifyReviewers: q.identifyReviewers,
    includeContent: needsContent(q),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(reviewerId ? { reviewerId } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  };
  return { project, format: q.format, filter, query: q };
}

/** The filter's kind, reviewer and dates for Prisma (`at` names the column that dates the record). */
function narrowWhere(filter: ExportFilter, at: "submittedAt" | "updatedAt") {
  const range = {
    ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
    ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } : {}),
  };
  return {
    ...(filter.kind ? { item: { kind: filter.kind.toUpperCase() as Prisma.EnumItemKindFilter["equals"] } } : {}),
    ...(filter.reviewerId ? { reviewerId: filter.reviewerId } : {}),
    ...(Object.keys(range).length ? { [at]: range } : {}),
  };
}

/** How many records the export will write (for the CLI's progress bar). */
export async function countExportRecords(filter: ExportFilter): Promise<number> {
  const db = getDb();
  const batch = { projectId: filter.projectId, ...(filter.batchName !== undefined ? { name: filter.batchName } : {}) };
  const status = filter.status ?? "submitted";
  const submittedNarrow = narrowWhere(filter, "submittedAt");
  const { submittedAt: submittedRange, item, ...assignmentNarrow } = submittedNarrow as { submittedAt?: object; item?: object; reviewerId?: string };
  const [submitted, skipped] = await Promise.all([
    status === "skipped"
      ? 0
      : db.annotation.count({ where: { kind: "REVIEW", submittedAt: { not: null, ...(submittedRange ?? {}) }, ...(item ? { item } : {}), assignment: { batch, ...assignmentNarrow } } }),
    status === "submitted" ? 0 : db.assignment.count({ where: { status: "SKIPPED", batch, ...narrowWhere(filter, "updatedAt") } }),
  ]);
  return submitted + skipped;
}
