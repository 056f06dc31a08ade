import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { transitionAssignment } from "@/lib/assignments/transition";
import { isReachable } from "@/lib/assignments/queue";
import { memberFor, workLockMessage, workLockOf } from "@/lib/qualification/gate";
import { skipAssignmentSchema } from "./schema";

export type SkipResult = { status: "skipped" } | { status: "locked"; message: string };

/**
 * A reviewer declines an item (outside their expertise, unreadable, conflict of interest …). The
 * reason is required and kept; a draft annotation stays in place for the record. Only pending or
 * in-progress work can be skipped, and only by its reviewer: the status change is the same single
 * conditional update as a save's (transitionAssignment), so a skip and a racing save or submit are
 * ordered by the database and never both take effect.
 */
export async function skipAssignment(actor: Actor, assignmentId: string, input: { reason: string; timeOnTaskDeltaMs?: number }, opts: { now?: Date } = {}): Promise<SkipResult> {
  const { reason, timeOnTaskDeltaMs } = skipAssignmentSchema.parse(input);
  const db = getDb();
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, reviewerId: actor.id },
    include: { batch: { select: { projectId: true, opensAt: true, isQualification: true, project: { select: { requiresQualification: true, members: memberFor(actor.id) } } } }, precededBy: { select: { status: true } } },
  });
  if (!assignment || !isReachable(assignment)) throw new NotFoundError("Assignment not found.");
  // Practice items are graded as a whole round: skipping one would make the round unpassable or too easy.
  if (assignment.batch.isQualification) return { status: "locked", message: "Practice items of a qualification round cannot be skipped; answer as well as you can (you will see the known answer right after)." };
  const lock = workLockOf(assignment.batch);
  if (lock) return { status: "locked", message: workLockMessage(lock, assignment.batch.project.members[0]?.pauseReason) };
  const skipped = await db.$transaction(async (tx) => {
    if (!(await transitionAssignment(tx, actor, assignmentId, { to: "SKIPPED", reason }, timeOnTaskDeltaMs, opts.now ?? new Date()))) return false;
    // A study arm's second phase can never open once its first is skipped: it is skipped with it,
    // so the batch can finish (it cannot have been started: it opens only on a submitted first phase).
    await tx.$executeRaw`
      UPDATE "Assignment" SET status = 'SKIPPED', "skipReason" = 'The first phase of this item was skipped.', "updatedAt" = now()
      WHERE "precededById" = ${assignmentId} AND status IN ('PENDING', 'IN_PROGRESS')`;
    await recordAudit(
      { actorId: actor.id, action: "assignment.skip", entityType: "Assignment", entityId: assignmentId, projectId: assignment.batch.projectId, data: { reason } },
      tx,
    );
    return true;
  });
  if (skipped) return { status: "skipped" };
  const now = await db.assignment.findUnique({ where: { id: assignmentId }, select: { status: true } });
  return { status: "locked", message: `This item is already ${(now?.status ?? assignment.status).toLowerCase()}.` };
}
