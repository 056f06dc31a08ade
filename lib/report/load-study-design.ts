import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { findTemplate } from "@/lib/rubrics/templates";

// The study's design as its own records state it (issue 9, "Study report"): what was reviewed, by
// whom, how, and how much work it took. Everything here is counted from the database; nothing is
// typed in by hand, so the report cannot drift from the data.

export type StudyDesign = {
  project: { name: string; slug: string; blinded: boolean; randomizeOrder: boolean; reviewersPerItem: number; createdAt: string };
  rubric: { name: string; version: number; templateKey: string | null; citation: string | null; axes: number } | null;
  items: { total: number; gold: number; byKind: Record<string, number>; languages: string[]; specialties: string[] };
  models: Array<{ name: string; responses: number }>;
  reviewers: { count: number; specialties: Record<string, number> };
  batches: Array<{ name: string; items: number; assignments: number; dueAt: string | null }>;
  work: { submitted: number; skipped: number; pending: number; timeOnTaskMinutes: { median: number | null; q1: number | null; q3: number | null; total: number } };
};

function quantile(sorted: readonly number[], q: number): number | null {
  if (!sorted.length) return null;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
}

export async function loadStudyDesign(actor: Actor, projectId: string): Promise<StudyDesign> {
  const batchIds = await findVisibleBatchIds(actor, projectId, "project:read");
  const db = getDb();
  const [project, rubric, kinds, gold, facets, models, batches, statuses, reviewerRows, times] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId } }),
    db.rubric.findFirst({ where: { projectId }, orderBy: { version: "desc" }, include: { _count: { select: { axes: true } } } }),
    db.item.groupBy({ by: ["kind"], where: { projectId }, _count: { _all: true } }),
    db.item.count({ where: { projectId, isGold: true } }),
    db.$queryRaw<Array<{ language: string; specialty: string | null }>>`SELECT DISTINCT language, specialty FROM "Item" WHERE "projectId" = ${projectId}`,
    db.$queryRaw<Array<{ name: string; responses: number }>>`SELECT r."modelName" AS name, count(*)::int AS responses FROM "Response" r JOIN "Item" i ON i.id = r."itemId" WHERE i."projectId" = ${projectId} GROUP BY 1 ORDER BY 1`,
    db.batch.findMany({ where: { id: { in: batchIds } }, orderBy: { createdAt: "asc" }, include: { _count: { select: { items: true, assignments: true } } } }),
    db.assignment.groupBy({ by: ["status"], where: { batchId: { in: batchIds } }, _count: { _all: true } }),
    db.$queryRaw<Array<{ specialty: string | null }>>`SELECT u.specialty FROM "User" u WHERE u.id IN (SELECT DISTINCT "reviewerId" FROM "Assignment" WHERE "batchId" = ANY(${batchIds}::text[]))`,
    db.assignment.findMany({ where: { batchId: { in: batchIds }, status: "SUBMITTED" }, select: { timeOnTaskMs: true } }),
  ]);
  const count = (s: string) => statuses.find((x) => x.status === s)?._count._all ?? 0;
  const minutes = times.map((t) => t.timeOnTaskMs / 60_000).sort((a, b) => a - b);
  const template = rubric?.templateKey ? findTemplate(rubric.templateKey) : undefined;
  const specialties: Record<string, number> = {};
  for (const r of reviewerRows) specialties[r.specialty ?? "not recorded"] = (specialties[r.specialty ?? "not recorded"] ?? 0) + 1;
  const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  return {
    project: { name: project.name, slug: project.slug, blinded: project.blinded, randomizeOrder: project.randomizeOrder, reviewersPerItem: project.reviewersPerItem, createdAt: project.createdAt.toISOString() },
    rubric: rubric ? { name: rubric.name, version: rubric.version, templateKey: rubric.templateKey, citation: template?.citation.text ?? null, axes: rubric._count.axes } : null,
    items: {
      total: kinds.reduce((s, k) => s + k._count._all, 0),
      gold,
      byKind: Object.fromEntries(kinds.map((k) => [k.kind.toLowerCase(), k._count._all])),
      languages: distinct(facets.map((f) => f.language)),
      specialties: distinct(facets.map((f) => f.specialty)),
    },
    models,
    reviewers: { count: reviewerRows.length, specialties },
    batches: batches.map((b) => ({ name: b.name, items: b._count.items, assignments: b._count.assignments, dueAt: b.dueAt?.toISOString().slice(0, 10) ?? null })),
    work: {
      submitted: count("SUBMITTED"),
      skipped: count("SKIPPED"),
      pending: count("PENDING") + count("IN_PROGRESS"),
      timeOnTaskMinutes: { median: quantile(minutes, 0.5), q1: quantile(minutes, 0.25), q3: quantile(minutes, 0.75), total: minutes.reduce((s, m) => s + m, 0) },
    },
  };
}
