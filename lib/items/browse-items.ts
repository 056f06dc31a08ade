import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import type { Actor } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/projects/access";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { RESULT_KINDS } from "@/lib/results/results-filter";

// The item browser (issue 10, "Oversight"): a project's items filtered and paged on the server,
// keyset by external id (unique per project, so the (projectId, externalId) index serves every page
// whatever its number), with each page's review counts aggregated for that page only.

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const browseItemsQuerySchema = z.strictObject({
  kind: z.preprocess(blankToUndefined, z.enum(RESULT_KINDS, { error: `kind must be one of ${RESULT_KINDS.join(", ")}.` }).optional()),
  specialty: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  language: z.preprocess(blankToUndefined, z.string().max(35).optional()),
  gold: z.preprocess(blankToUndefined, z.enum(["only", "exclude"], { error: "gold must be only or exclude." }).optional()),
  /** unbatched: in no batch; open: some assignment not finished; complete: in a batch, every assignment submitted or skipped. */
  review: z.preprocess(blankToUndefined, z.enum(["unbatched", "open", "complete"], { error: "review must be unbatched, open or complete." }).optional()),
  /** External ids starting with this. */
  q: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  cursor: z.preprocess(blankToUndefined, z.string().max(2000).optional()),
});
export type BrowseItemsQuery = z.output<typeof browseItemsQuerySchema>;

export type BrowsedItem = {
  id: string;
  externalId: string;
  kind: string;
  specialty: string | null;
  language: string;
  isGold: boolean;
  responses: number;
  assignments: number;
  submitted: number;
  skipped: number;
  batches: string[];
};

export const BROWSE_PAGE = 50;

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function browseItems(actor: Actor, projectId: string, query: Record<string, string | undefined>, limit = BROWSE_PAGE): Promise<{ items: BrowsedItem[]; nextCursor: string | null }> {
  await requireProjectPermission(actor, projectId, "item:browse");
  const q = browseItemsQuerySchema.parse(query);
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, z.tuple([z.string()]))[0];
  const where = [Prisma.sql`i."projectId" = ${projectId}`];
  if (after !== undefined) where.push(Prisma.sql`i."externalId" > ${after}`);
  if (q.kind) where.push(Prisma.sql`i.kind = ${q.kind.toUpperCase()}::"ItemKind"`);
  if (q.specialty) where.push(Prisma.sql`i.specialty = ${q.specialty}`);
  if (q.language) where.push(Prisma.sql`i.language = ${q.language}`);
  if (q.gold === "only") where.push(Prisma.sql`i."isGold"`);
  if (q.gold === "exclude") where.push(Prisma.sql`NOT i."isGold"`);
  if (q.q) where.push(Prisma.sql`i."externalId" LIKE ${likePrefix(q.q)}`);
  if (q.review === "unbatched") where.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "BatchItem" b WHERE b."itemId" = i.id)`);
  if (q.review === "open") where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" s WHERE s."itemId" = i.id AND s.status IN ('PENDING', 'IN_PROGRESS'))`);
  if (q.review === "complete") {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "BatchItem" b WHERE b."itemId" = i.id) AND NOT EXISTS (SELECT 1 FROM "Assignment" s WHERE s."itemId" = i.id AND s.status IN ('PENDING', 'IN_PROGRESS'))`);
  }
  const db = getDb();
  const rows = await db.$queryRaw<Array<Omit<BrowsedItem, "responses" | "assignments" | "submitted" | "skipped" | "batches">>>`
    SELECT i.id, i."externalId", lower(i.kind::text) AS kind, i.specialty, i.language, i."isGold"
    FROM "Item" i WHERE ${Prisma.join(where, " AND ")}
    ORDER BY i."externalId" LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const [responses, statuses, batches] = ids.length
    ? await Promise.all([
        db.response.groupBy({ by: ["itemId"], where: { itemId: { in: ids } }, _count: { _all: true } }),
        db.assignment.groupBy({ by: ["itemId", "status"], where: { itemId: { in: ids } }, _count: { _all: true } }),
        db.batchItem.findMany({ where: { itemId: { in: ids } }, select: { itemId: true, batch: { select: { name: true } } } }),
      ])
    : [[], [], []];
  const count = (itemId: string, status?: string) => statuses.filter((s) => s.itemId === itemId && (!status || s.status === status)).reduce((n, s) => n + s._count._all, 0);
  return {
    items: page.map((r) => ({
      ...r,
      responses: responses.find((g) => g.itemId === r.id)?._count._all ?? 0,
      assignments: count(r.id),
      submitted: count(r.id, "SUBMITTED"),
      skipped: count(r.id, "SKIPPED"),
      batches: batches.filter((b) => b.itemId === r.id).map((b) => b.batch.name).sort(),
    })),
    nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].externalId]) : null,
  };
}
