import { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { decodeCursor, pageOf, type Page } from "@/lib/api/cursor";
import { listProjectsQuerySchema, type ProjectSummary } from "@/lib/api/list-schemas";
import { projectScope } from "./access";

const keySchema = z.tuple([z.string()]);

/**
 * The projects the caller may see (admins: all; others: those whose project role may read them —
 * the same scope as the projects page), by slug: slugs are unique, so the keyset needs no tie-breaker and
 * reads the slug's unique index.
 */
export async function listProjectsPage(actor: Actor, query: Record<string, string | undefined>): Promise<Page<ProjectSummary>> {
  const q = listProjectsQuerySchema.parse(query);
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, keySchema)[0];
  const rows = await getDb().project.findMany({
    where: { ...projectScope(actor), ...(after !== undefined ? { slug: { gt: after } } : {}) },
    orderBy: { slug: "asc" },
    take: q.limit + 1,
    select: {
      slug: true,
      name: true,
      status: true,
      blinded: true,
      reviewersPerItem: true,
      createdAt: true,
      rubrics: { orderBy: { version: "desc" }, take: 1, select: { templateKey: true } },
      _count: { select: { items: true, batches: true, members: true } },
    },
  });
  return pageOf(rows, q.limit, (p) => [p.slug], (p) => ({
    slug: p.slug,
    name: p.name,
    status: p.status.toLowerCase() as ProjectSummary["status"],
    template: p.rubrics[0]?.templateKey ?? null,
    blinded: p.blinded,
    k: p.reviewersPerItem,
    counts: { items: p._count.items, batches: p._count.batches, members: p._count.members },
    createdAt: p.createdAt.toISOString(),
  }));
}
