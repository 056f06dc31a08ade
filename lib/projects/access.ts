import { getDb } from "@/lib/db/client";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";

// Ownership is checked where data is loaded (STYLE.md): admins see every project, others only
// projects they are members of; anything else is "not found", never "forbidden", so a slug's
// existence does not leak.
export function projectScope(actor: Actor) {
  return actor.role === "ADMIN" ? {} : { members: { some: { userId: actor.id } } };
}

export async function findProjectForActor(actor: Actor, slug: string) {
  const project = await getDb().project.findFirst({ where: { slug, ...projectScope(actor) } });
  if (!project) throw new NotFoundError(`Project "${slug}" not found.`);
  return project;
}

export function listProjectsForActor(actor: Actor) {
  return getDb().project.findMany({
    where: projectScope(actor),
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { items: true, batches: true } } },
  });
}

export function listProjectMembers(projectId: string) {
  return getDb().projectMember.findMany({
    where: { projectId },
    include: { user: { select: { id: true, name: true, email: true, role: true, isActive: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * The ids of a project's batches (or of the one asked for) when the caller may see the project;
 * "not found" otherwise. Analyses filter annotations by these ids instead of joining Batch (see
 * lib/export/annotation-records.ts).
 */
export async function findVisibleBatchIds(actor: Actor, projectId: string, batchId?: string): Promise<string[]> {
  const db = getDb();
  const project = await db.project.findFirst({ where: { id: projectId, ...projectScope(actor) }, select: { id: true } });
  if (!project) throw new NotFoundError("Project not found.");
  const batches = await db.batch.findMany({ where: { projectId, ...(batchId !== undefined ? { id: batchId } : {}) }, select: { id: true } });
  if (batchId !== undefined && !batches.length) throw new NotFoundError("Batch not found.");
  return batches.map((b) => b.id);
}
