import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";

/** The reviewer's own assignments, with counts per status; lists are paginated. */
export async function loadReviewerQueue(actor: Actor, opts: { page?: number; pageSize?: number } = {}) {
  const db = getDb();
  const pageSize = Math.min(opts.pageSize ?? 50, 200);
  const page = Math.max(opts.page ?? 1, 1);
  const [counts, open, total] = await Promise.all([
    db.assignment.groupBy({ by: ["status"], where: { reviewerId: actor.id }, _count: { _all: true } }),
    db.assignment.findMany({
      where: { reviewerId: actor.id, status: { in: ["PENDING", "IN_PROGRESS"] } },
      orderBy: [{ batch: { createdAt: "asc" } }, { displayOrder: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, status: true, displayOrder: true, batch: { select: { name: true, dueAt: true, project: { select: { name: true, slug: true } } } } },
    }),
    db.assignment.count({ where: { reviewerId: actor.id, status: { in: ["PENDING", "IN_PROGRESS"] } } }),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<string, number>>;
  return {
    counts: {
      pending: byStatus.PENDING ?? 0,
      inProgress: byStatus.IN_PROGRESS ?? 0,
      submitted: byStatus.SUBMITTED ?? 0,
      skipped: byStatus.SKIPPED ?? 0,
    },
    open,
    total,
    page,
    pageSize,
  };
}

/** The next open assignment after the given one (same reviewer), for "submit and next". */
export async function findNextAssignmentId(actor: Actor, afterId?: string): Promise<string | null> {
  const next = await getDb().assignment.findFirst({
    where: { reviewerId: actor.id, status: { in: ["PENDING", "IN_PROGRESS"] }, ...(afterId ? { id: { not: afterId } } : {}) },
    orderBy: [{ batch: { createdAt: "asc" } }, { displayOrder: "asc" }],
    select: { id: true },
  });
  return next?.id ?? null;
}
