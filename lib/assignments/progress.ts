import { getDb } from "@/lib/db/client";

export type ReviewerProgress = {
  reviewerId: string;
  name: string;
  email: string;
  pending: number;
  inProgress: number;
  submitted: number;
  skipped: number;
  total: number;
};

/** Per-reviewer status counts for one batch (one grouped query). */
export async function loadBatchProgress(batchId: string): Promise<ReviewerProgress[]> {
  const db = getDb();
  const groups = await db.assignment.groupBy({ by: ["reviewerId", "status"], where: { batchId }, _count: { _all: true } });
  const users = await db.user.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.reviewerId))] } }, select: { id: true, name: true, email: true } });
  const rows = new Map<string, ReviewerProgress>(
    users.map((u) => [u.id, { reviewerId: u.id, name: u.name, email: u.email, pending: 0, inProgress: 0, submitted: 0, skipped: 0, total: 0 }]),
  );
  for (const g of groups) {
    const row = rows.get(g.reviewerId)!;
    const n = g._count._all;
    row.total += n;
    if (g.status === "PENDING") row.pending += n;
    else if (g.status === "IN_PROGRESS") row.inProgress += n;
    else if (g.status === "SUBMITTED") row.submitted += n;
    else row.skipped += n;
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export async function listBatches(projectId: string) {
  const db = getDb();
  const batches = await db.batch.findMany({ where: { projectId }, orderBy: { createdAt: "desc" }, include: { _count: { select: { items: true } } } });
  const groups = await db.assignment.groupBy({ by: ["batchId", "status"], where: { batch: { projectId } }, _count: { _all: true } });
  return batches.map((b) => {
    const mine = groups.filter((g) => g.batchId === b.id);
    const total = mine.reduce((s, g) => s + g._count._all, 0);
    const submitted = mine.filter((g) => g.status === "SUBMITTED").reduce((s, g) => s + g._count._all, 0);
    return { ...b, itemCount: b._count.items, assignmentCount: total, submittedCount: submitted };
  });
}

export type SkippedAssignment = { assignmentId: string; externalId: string; reviewerName: string; reviewerEmail: string; reason: string; at: Date };

/** Skipped work of a batch with the reviewers' reasons, newest first (capped: it is a review list). */
export async function listSkippedAssignments(batchId: string, limit = 200): Promise<SkippedAssignment[]> {
  const rows = await getDb().assignment.findMany({
    where: { batchId, status: "SKIPPED" },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { id: true, skipReason: true, updatedAt: true, item: { select: { externalId: true } }, reviewer: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({ assignmentId: r.id, externalId: r.item.externalId, reviewerName: r.reviewer.name, reviewerEmail: r.reviewer.email, reason: r.skipReason ?? "", at: r.updatedAt }));
}
