import { randomInt } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError } from "@/lib/auth/users";
import { Prisma } from "@/lib/generated/prisma/client";
import { createBatchSchema, type CreateBatchInput } from "./schema";
import { PlanError, planAssignments, seededRng, shuffle } from "./plan-assignments";

/**
 * Builds a batch and assigns it in one transaction: k distinct reviewers per item with balanced
 * load; per-reviewer queue order and per-assignment response order are randomized (and stored)
 * when the project asks for it. The database's unique (batch, item, reviewer) backs the rule.
 */
export async function createBatch(actorId: string, projectId: string, input: CreateBatchInput) {
  const data = createBatchSchema.parse(input);
  const db = getDb();
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
  const perItem = data.perItem ?? project.reviewersPerItem;
  const rubric = await db.rubric.findFirst({ where: { projectId }, orderBy: { version: "desc" } });
  if (!rubric) throw new ConflictError("The project has no rubric.");

  const reviewers = await db.user.findMany({
    where: { id: { in: data.reviewerIds }, isActive: true, role: { in: ["REVIEWER", "ADMIN"] } },
    select: { id: true },
  });
  if (reviewers.length !== new Set(data.reviewerIds).size) {
    throw new ConflictError("Some chosen reviewers do not exist, are deactivated, or cannot review.");
  }

  const items = await db.item.findMany({
    where: { projectId, ...(data.itemIds ? { id: { in: data.itemIds } } : { batchItems: { none: {} } }) },
    orderBy: [{ createdAt: "asc" }, { externalId: "asc" }],
    select: { id: true, isGold: true, responses: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  if (data.itemIds && items.length !== new Set(data.itemIds).size) throw new ConflictError("Some items are not in this project.");
  if (!items.length) throw new ConflictError("There are no unbatched items to assign. Import items first.");

  const seed = data.seed ?? randomInt(2 ** 31);
  const rng = seededRng(seed);
  let plan;
  try {
    const toAll = data.goldToAllReviewers ? items.filter((i) => i.isGold) : [];
    const others = data.goldToAllReviewers ? items.filter((i) => !i.isGold) : items;
    const everyone = toAll.flatMap((i) => reviewers.map((r) => ({ itemId: i.id, reviewerId: r.id })));
    // Gold items first, so the k-per-item plan balances loads around them.
    const startLoad = new Map(reviewers.map((r) => [r.id, toAll.length]));
    plan = [...everyone, ...planAssignments({ itemIds: others.map((i) => i.id), reviewerIds: reviewers.map((r) => r.id), perItem, rng, startLoad })];
  } catch (error) {
    if (error instanceof PlanError) throw new ConflictError(error.message);
    throw error;
  }

  const responsesByItem = new Map(items.map((i) => [i.id, i.responses.map((r) => r.id)]));
  const itemOrder = new Map(items.map((i, index) => [i.id, index]));
  const byReviewer = new Map<string, typeof plan>();
  for (const p of plan) {
    const list = byReviewer.get(p.reviewerId) ?? [];
    list.push(p);
    byReviewer.set(p.reviewerId, list);
  }
  const rows = [...byReviewer].flatMap(([reviewerId, list]) => {
    const ordered = project.randomizeOrder ? shuffle(list, rng) : list.sort((a, b) => itemOrder.get(a.itemId)! - itemOrder.get(b.itemId)!);
    return ordered.map((p, displayOrder) => {
      const responseIds = responsesByItem.get(p.itemId)!;
      // Under blinding the screen order of responses is always shuffled: import order often follows the
      // model (one harness's outputs first), so a fixed order would tell reviewers which model is which.
      const shuffleResponses = project.blinded || project.randomizeOrder;
      return { reviewerId, itemId: p.itemId, displayOrder, responseOrder: shuffleResponses ? shuffle(responseIds, rng) : responseIds };
    });
  });

  try {
    return await db.$transaction(
      async (tx) => {
        const batch = await tx.batch.create({
          data: { projectId, name: data.name, dueAt: data.dueAt ?? null, createdById: actorId },
        });
        await tx.batchItem.createMany({ data: items.map((i) => ({ batchId: batch.id, itemId: i.id })) });
        await tx.assignment.createMany({ data: rows.map((r) => ({ ...r, batchId: batch.id, rubricId: rubric.id })) });
        for (const reviewer of reviewers) {
          await tx.projectMember.upsert({
            where: { projectId_userId: { projectId, userId: reviewer.id } },
            create: { projectId, userId: reviewer.id, role: "REVIEWER" },
            update: {},
          });
        }
        await recordAudit(
          { actorId, action: "batch.assign", entityType: "Batch", entityId: batch.id, projectId, data: { items: items.length, assignments: rows.length, perItem, reviewers: reviewers.length, seed, goldToAllReviewers: data.goldToAllReviewers } },
          tx,
        );
        return { batch, items: items.length, assignments: rows.length, perItem };
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(`A batch named "${data.name}" already exists in this project.`);
    }
    throw error;
  }
}
