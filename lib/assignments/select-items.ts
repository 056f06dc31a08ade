import { z } from "zod";
import { ConflictError } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { RESULT_KINDS } from "@/lib/results/results-filter";
import { disagreeingItemIds } from "@/lib/adjudication/queue";

// Which items a new batch takes (issue 10, "Assignment"): every item not yet in a batch (the default),
// the items matching a filter (kind, specialty, language, a metadata field; among those not in a batch, all, or those
// with fewer submitted reviews than the project's k, or those whose reviews disagree — second rounds), or a pasted list of external
// ids (every id must exist; unknown ones are named). The answer is item ids for createBatch.

const blank = (v: unknown) => (v === "" ? undefined : v);

export const itemSelectionSchema = z.object({
  from: z.enum(["unbatched", "all", "under_reviewed", "disagreement", "list"], { error: "Choose which items: not yet in a batch, all, not yet fully reviewed, disagreed on, or a list." }).default("unbatched"),
  kind: z.preprocess(blank, z.enum(RESULT_KINDS, { error: `kind must be one of ${RESULT_KINDS.join(", ")}.` }).optional()),
  specialty: z.preprocess(blank, z.string().trim().max(200).optional()),
  language: z.preprocess(blank, z.string().trim().max(35).optional()),
  /** A metadata field's value, as key=value (the item's imported metadata; compared as text). */
  metadata: z.preprocess(blank, z.string().trim().max(600).regex(/^[^=]{1,100}=/, { error: "The metadata filter is key=value, e.g. site=Boston." }).optional()),
  /** External ids, one per line (or separated by commas); only with from = "list". */
  externalIds: z.preprocess(blank, z.string().max(2_000_000).optional()),
});
export type ItemSelection = z.input<typeof itemSelectionSchema>;

/** The default selection (every item not in a batch) needs no ids: createBatch finds them itself. */
export function isDefaultSelection(selection: ItemSelection): boolean {
  const s = itemSelectionSchema.parse(selection);
  return s.from === "unbatched" && !s.kind && !s.specialty && !s.language && !s.metadata;
}

export async function selectItemIds(projectId: string, selection: ItemSelection): Promise<string[]> {
  const s = itemSelectionSchema.parse(selection);
  const db = getDb();
  if (s.from === "list") {
    const wanted = [...new Set((s.externalIds ?? "").split(/[\n,]/).map((x) => x.trim()).filter(Boolean))];
    if (!wanted.length) throw new ConflictError("List at least one external id (one per line).");
    const found = await db.item.findMany({ where: { projectId, externalId: { in: wanted } }, select: { id: true, externalId: true } });
    const known = new Set(found.map((f) => f.externalId));
    const unknown = wanted.filter((id) => !known.has(id));
    if (unknown.length) throw new ConflictError(`${unknown.length} external id(s) are not items of this project: ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? ", …" : ""}.`);
    const order = new Map(wanted.map((id, i) => [id, i]));
    return found.sort((a, b) => order.get(a.externalId)! - order.get(b.externalId)!).map((f) => f.id);
  }
  const where = [Prisma.sql`i."projectId" = ${projectId}`];
  if (s.kind) where.push(Prisma.sql`i.kind = ${s.kind.toUpperCase()}::"ItemKind"`);
  if (s.specialty) where.push(Prisma.sql`i.specialty = ${s.specialty}`);
  if (s.language) where.push(Prisma.sql`i.language = ${s.language}`);
  if (s.metadata) {
    const at = s.metadata.indexOf("=");
    where.push(Prisma.sql`i.metadata ->> ${s.metadata.slice(0, at).trim()} = ${s.metadata.slice(at + 1).trim()}`);
  }
  if (s.from === "unbatched") where.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "BatchItem" b WHERE b."itemId" = i.id)`);
  if (s.from === "disagreement") {
    // A second round over the items whose reviews disagree and have no decided consensus (lib/adjudication).
    const disputed = await disagreeingItemIds(projectId);
    if (!disputed.length) throw new ConflictError("No item's submitted reviews disagree (or every disagreement has a decided consensus).");
    where.push(Prisma.sql`i.id = ANY(${disputed}::text[])`);
  }
  if (s.from === "under_reviewed") {
    where.push(Prisma.sql`(SELECT count(*) FROM "Assignment" a WHERE a."itemId" = i.id AND a.status = 'SUBMITTED') < (SELECT p."reviewersPerItem" FROM "Project" p WHERE p.id = i."projectId")`);
  }
  const rows = await db.$queryRaw<Array<{ id: string }>>`SELECT i.id FROM "Item" i WHERE ${Prisma.join(where, " AND ")} ORDER BY i."createdAt", i."externalId"`;
  if (!rows.length) throw new ConflictError("No item matches this selection.");
  return rows.map((r) => r.id);
}
