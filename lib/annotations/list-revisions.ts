import { getDb } from "@/lib/db/client";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { changeLabelsFor } from "./change-labels";
import { describeChanges } from "@/lib/tools/describe-document";
import { readAnnotationData } from "./schema";

export type RevisionEntry = { version: number; savedAt: string; isSubmit: boolean; changes: string[] };

/**
 * A reviewer's own revision history for one assignment, newest first, each with what changed.
 * Only the assignment's reviewer may read it (anyone else: not found).
 */
export async function listOwnRevisions(actor: Actor, assignmentId: string): Promise<RevisionEntry[]> {
  const db = getDb();
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, reviewerId: actor.id },
    select: {
      responseOrder: true,
      rubric: { select: { axes: { select: { key: true, label: true, type: true, options: true } } } },
      item: { select: { criteria: { select: { id: true, position: true } } } },
      annotation: { select: { revisions: { orderBy: { version: "asc" }, select: { version: true, createdAt: true, isSubmit: true, data: true } } } },
    },
  });
  if (!assignment) throw new NotFoundError("Assignment not found.");
  const labels = changeLabelsFor(assignment.rubric.axes, assignment.responseOrder, assignment.item.criteria);
  const revisions = assignment.annotation?.revisions ?? [];
  const entries = revisions.map((r, i) => ({
    version: r.version,
    savedAt: r.createdAt.toISOString(),
    isSubmit: r.isSubmit,
    changes: describeChanges(i ? readAnnotationData(revisions[i - 1].data) : null, readAnnotationData(r.data), labels),
  }));
  return entries.reverse();
}
