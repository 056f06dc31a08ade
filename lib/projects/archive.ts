import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/auth/users";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { requireProjectPermission } from "./access";

// Archiving (issue 10): a finished study leaves the projects list and the reviewers' queues, and its
// design and data stop changing (no imports, batches, rubric, settings or details), while its results,
// exports and audit trail stay readable. Restoring undoes it. A reviewer's save that arrives after
// archiving is still accepted: their work is never lost (the queue simply stops offering the items).

/** Refuses a change to an archived project, naming what to do. */
export async function assertProjectOpen(db: Db | Tx, projectId: string): Promise<void> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { status: true, name: true } });
  if (project?.status === "ARCHIVED") throw new ConflictError(`"${project.name}" is archived: restore it on its page to change it. Nothing was changed.`);
}

export async function setProjectArchived(actor: Actor, projectId: string, archived: boolean): Promise<{ status: "ARCHIVED" | "ACTIVE" | "DRAFT"; changed: boolean }> {
  await requireProjectPermission(actor, projectId, "project:manage");
  return getDb().$transaction(async (tx) => {
    const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { status: true, _count: { select: { batches: true } } } });
    const status = archived ? "ARCHIVED" : project._count.batches ? "ACTIVE" : "DRAFT";
    if ((project.status === "ARCHIVED") === archived) return { status: project.status, changed: false };
    await tx.project.update({ where: { id: projectId }, data: { status } });
    await recordAudit({ actorId: actor.id, action: archived ? "project.archive" : "project.restore", entityType: "Project", entityId: projectId, projectId, data: { from: project.status, to: status } }, tx);
    return { status, changed: true };
  });
}
