import { getDb, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";

/** Statuses a reviewer can still change; SUBMITTED and SKIPPED are final. */
export const OPEN_STATUSES = ["PENDING", "IN_PROGRESS"] as const;

/** Browser-reported active time is capped per save at this much, whatever the wall clock says. */
export const MAX_TIME_DELTA_MS = 60 * 60 * 1000;

export type Transition =
  | { to: "IN_PROGRESS" }
  | { to: "SUBMITTED"; submittedAt: Date }
  | { to: "SKIPPED"; reason: string };

/**
 * The one way an assignment's status changes (save, submit, skip): a single conditional UPDATE
 * that succeeds only while the assignment is still open and belongs to the reviewer. PostgreSQL
 * locks the row, so of a racing skip and submit exactly one matches; the other sees the new status
 * and changes nothing (CHECK constraints keep status, reason and submission time consistent too).
 *
 * Time on task is counted here as well, bounded by server-observed wall time: the browser's active
 * time since the last save is accepted only up to the time since the reviewer last opened or saved
 * the assignment (`lastSeenAt`), so a client cannot claim hours it did not spend.
 *
 * Returns false when the assignment was no longer open (nothing written).
 */
export async function transitionAssignment(tx: Tx, actor: Actor, assignmentId: string, transition: Transition, activeMs: number, now: Date): Promise<boolean> {
  const delta = Math.max(0, Math.min(Math.floor(activeMs), MAX_TIME_DELTA_MS));
  const submittedAt = transition.to === "SUBMITTED" ? transition.submittedAt : null;
  const reason = transition.to === "SKIPPED" ? transition.reason : null;
  const count = await tx.$executeRaw`
    UPDATE "Assignment" SET
      "status" = ${transition.to}::"AssignmentStatus",
      "skipReason" = ${reason},
      "submittedAt" = ${submittedAt}::timestamp(3),
      "startedAt" = COALESCE("startedAt", ${now}::timestamp(3)),
      "timeOnTaskMs" = "timeOnTaskMs" + LEAST(${delta}::int,
        GREATEST(0, FLOOR(EXTRACT(EPOCH FROM (${now}::timestamp(3) - COALESCE("lastSeenAt", ${now}::timestamp(3)))) * 1000))::int),
      "lastSeenAt" = ${now}::timestamp(3),
      "updatedAt" = ${now}::timestamp(3)
    WHERE "id" = ${assignmentId} AND "reviewerId" = ${actor.id} AND "status" IN ('PENDING', 'IN_PROGRESS')`;
  return count === 1;
}

/**
 * The reviewer opened the assignment: the start of the wall-clock window that bounds the time on task
 * of their next save. Only open work of the caller is touched; anything else is a no-op.
 */
export async function markAssignmentSeen(actor: Actor, assignmentId: string, now = new Date()): Promise<void> {
  await getDb().assignment.updateMany({
    where: { id: assignmentId, reviewerId: actor.id, status: { in: [...OPEN_STATUSES] } },
    data: { lastSeenAt: now },
  });
}
