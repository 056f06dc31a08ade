import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { skipAssignmentSchema } from "./schema";

export type SkipResult = { status: "skipped" } | { status: "locked"; message: string };

/**
 * A reviewer declines an item (outside their expertise, unreadable, conflict of interest …). The
 * reason is required and kept; a draft annotation stays in place for the record. Only pending or
 * in-progress work can be skipped, and only by its reviewer.
 */
export async function skipAssignment(actor: Actor, assignmentId: string, input: { reason: string; timeOnTaskDeltaMs?: number }): Promise<SkipResult> {
  const { reason, timeOnTaskDeltaMs } = skipAssignmentSchema.parse(input);
  const db = getDb();
  const assignment = await db.assignment.findFirst({ where: { id: assignmentId, reviewerId: actor.id }, include: { batch: { select: { projectId: true } } } });
  if (!assignment) throw new NotFoundError("Assignment not found.");
  return db.$transaction(async (tx) => {
    const now = new Date();
    // Conditional update: a submit racing with this skip wins or loses as a whole.
    const { count } = await tx.assignment.updateMany({
      where: { id: assignmentId, status: { in: ["PENDING", "IN_PROGRESS"] } },
      data: { status: "SKIPPED", skipReason: reason, startedAt: assignment.startedAt ?? now, timeOnTaskMs: { increment: timeOnTaskDeltaMs } },
    });
    if (count !== 1) return { status: "locked" as const, message: `This item is already ${assignment.status.toLowerCase()}.` };
    await recordAudit(
      { actorId: actor.id, action: "assignment.skip", entityType: "Assignment", entityId: assignmentId, projectId: assignment.batch.projectId, data: { reason } },
      tx,
    );
    return { status: "skipped" as const };
  });
}
