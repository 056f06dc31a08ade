import { z } from "zod";
import { readAnnotationData } from "@/lib/annotations/schema";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { pseudonymizeReviewer } from "@/lib/export/pseudonym";
import { ratingValueSchema } from "@/lib/export/record-schema";
import { responseLabel } from "@/lib/items/schema";
import { findProjectForActor } from "@/lib/projects/access";

// Consensus records (issue 10): the adjudicated answers of each item, a record kind of their own beside
// the reviewers' annotation records, so analyses can use consensus or all ratings. JSONL, one per item.

const responseRef = z.strictObject({ responseId: z.string(), label: z.string(), modelName: z.string() });

export const consensusRecordSchema = z.strictObject({
  kind: z.literal("consensus"),
  project: z.string(),
  itemId: z.string(),
  externalId: z.string(),
  version: z.int().min(1),
  status: z.enum(["decided", "draft"]),
  decidedAt: z.string().nullable().meta({ description: "ISO 8601; null for a draft." }),
  adjudicator: z.string().meta({ description: "Pseudonym R-… of the adjudicator (stable per project, as for reviewers)." }),
  reviews: z.int().min(0).meta({ description: "Submitted reviews of the item when the consensus was read." }),
  responses: z.array(responseRef.extend({
    ratings: z.record(z.string(), ratingValueSchema),
    criteria: z.record(z.string(), z.boolean().nullable()).optional().meta({ description: "Criterion id → met." }),
  })),
  itemRatings: z.record(z.string(), ratingValueSchema),
  pairwise: z.record(z.string(), z.union([responseRef, z.literal("tie")])).meta({ description: "Axis → the chosen response, or tie." }),
  note: z.string(),
});
export type ConsensusRecord = z.infer<typeof consensusRecordSchema>;

export const consensusQuerySchema = z.strictObject({ drafts: z.enum(["true", "false"]).optional().describe("true: drafts too (status draft).") });

/** The project's consensus records (decided ones; drafts too when asked), by external id. */
export async function loadConsensusRecords(actor: Actor, slug: string, opts: { drafts?: boolean } = {}): Promise<ConsensusRecord[]> {
  const project = await findProjectForActor(actor, slug, "export:read");
  const db = getDb();
  const rows = await db.annotation.findMany({
    where: { kind: "CONSENSUS", item: { projectId: project.id }, ...(opts.drafts ? {} : { submittedAt: { not: null } }) },
    include: { item: { select: { externalId: true, responses: { orderBy: { position: "asc" }, select: { id: true, modelName: true } } } } },
    orderBy: { item: { externalId: "asc" } },
  });
  const reviewCounts = new Map(
    (await db.annotation.groupBy({ by: ["itemId"], where: { kind: "REVIEW", itemId: { in: rows.map((r) => r.itemId) }, assignment: { status: "SUBMITTED" } }, _count: { _all: true } })).map((g) => [g.itemId, g._count._all]),
  );
  return rows.map((row) => {
    const doc = readAnnotationData(row.data);
    const refs = row.item.responses.map((r, i) => ({ responseId: r.id, label: responseLabel(i), modelName: r.modelName }));
    const refOf = new Map(refs.map((r) => [r.responseId, r]));
    return {
      kind: "consensus" as const,
      project: project.slug,
      itemId: row.itemId,
      externalId: row.item.externalId,
      version: row.version,
      status: row.submittedAt ? ("decided" as const) : ("draft" as const),
      decidedAt: row.submittedAt?.toISOString() ?? null,
      adjudicator: pseudonymizeReviewer(project.pseudonymSalt, row.authorId),
      reviews: reviewCounts.get(row.itemId) ?? 0,
      responses: refs.map((ref) => {
        const block = doc.responses[ref.responseId];
        const criteria = block?.criteria ? Object.fromEntries(Object.entries(block.criteria).map(([c, m]) => [c, m.met])) : undefined;
        return { ...ref, ratings: (block?.ratings ?? {}) as ConsensusRecord["responses"][number]["ratings"], ...(criteria ? { criteria } : {}) };
      }),
      itemRatings: doc.item.ratings as ConsensusRecord["itemRatings"],
      pairwise: Object.fromEntries(Object.entries(doc.pair.ratings).map(([axis, chosen]) => [axis, chosen === "tie" ? "tie" : (refOf.get(String(chosen)) ?? "tie")])) as ConsensusRecord["pairwise"],
      note: doc.overallComment,
    };
  });
}
