import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";

// Who may work on what (issue 10, decision 026): a qualification round is always open to the
// reviewers it was given to; real batches of a project that requires qualification open only to
// members who passed, and no real batch opens to a paused member. The queue, "next", the review
// page, saves and skips all apply this one rule.

export type WorkLock = "unqualified" | "paused";

/**
 * The rule for lists (queue, next): the real batches closed to this reviewer now, found with one
 * small query over the projects that require qualification or pause them, then excluded by id. A
 * relation filter per assignment row (project → members) made a 5,000-assignment queue 7× slower.
 */
export async function closedBatchIds(actorId: string): Promise<string[]> {
  const closed = await getDb().batch.findMany({
    where: {
      isQualification: false,
      assignments: { some: { reviewerId: actorId } },
      project: {
        OR: [
          { requiresQualification: true, members: { none: { userId: actorId, qualifiedAt: { not: null } } } },
          { members: { some: { userId: actorId, pausedAt: { not: null } } } },
        ],
      },
    },
    select: { id: true },
  });
  return closed.map((b) => b.id);
}

/** The same as a filter on assignments. */
export async function workGate(actorId: string): Promise<Prisma.AssignmentWhereInput> {
  const closed = await closedBatchIds(actorId);
  return closed.length ? { batchId: { notIn: closed } } : {};
}

/** The member row the single-assignment check needs, selected with the assignment. */
export const memberFor = (actorId: string) => ({ where: { userId: actorId }, select: { qualifiedAt: true, pausedAt: true, pauseReason: true } }) as const;

type GateInput = { isQualification: boolean; project: { requiresQualification: boolean; members: Array<{ qualifiedAt: Date | null; pausedAt: Date | null }> } };

/** The same rule for one loaded assignment's batch: null when open, else why not. */
export function workLockOf(batch: GateInput): WorkLock | null {
  if (batch.isQualification) return null;
  const member = batch.project.members[0];
  if (member?.pausedAt) return "paused";
  if (batch.project.requiresQualification && !member?.qualifiedAt) return "unqualified";
  return null;
}

export function workLockMessage(lock: WorkLock, reason?: string | null): string {
  return lock === "paused"
    ? `Your work in this project is paused${reason ? ` (${reason})` : ""}; the project's manager will decide how you continue. Your saved drafts are kept.`
    : "This project asks you to pass its qualification round first: practice items are in your queue.";
}
