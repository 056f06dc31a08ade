import { getDb } from "@/lib/db/client";

/** Counts and rubric summary for a project page (a handful of indexed queries). */
export async function loadProjectOverview(projectId: string) {
  const db = getDb();
  const [itemCount, unbatchedCount, rubric, submittedCount] = await Promise.all([
    db.item.count({ where: { projectId } }),
    db.item.count({ where: { projectId, batchItems: { none: {} } } }),
    db.rubric.findFirst({ where: { projectId }, orderBy: { version: "desc" }, include: { _count: { select: { axes: true } } } }),
    db.annotation.count({ where: { submittedAt: { not: null }, assignment: { batch: { projectId } } } }),
  ]);
  return { itemCount, unbatchedCount, rubric, submittedCount };
}
