import { randomInt, randomUUID } from "node:crypto";
import { batchAssigned } from "@/lib/notifications/study-events";
import { assertProjectOpen } from "@/lib/projects/archive";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError } from "@/lib/auth/users";
import { Prisma } from "@/lib/generated/prisma/client";
import { createBatchSchema, type CreateBatchInput } from "./schema";
import { DESIGN_OF, planArms, secondPhaseName, type Assist } from "./study-arms";
import { PlanError, planAssignments, planGoldAtRate, planRepeats, seededRng, shuffle, specialtiesOf, specialtyMatch, uncoverableItems, type Rng } from "./plan-assignments";
import { planResponseSubsets } from "./response-subsets";

/** What a batch will be, before anything is written: the same plan createBatch then writes (same seed). */
export type BatchPlan = {
  seed: number;
  perItem: number;
  items: number;
  goldItems: number;
  assignments: number;
  /** Items left out (specialty match): too few eligible reviewers. The first 50, and how many in all. */
  uncovered: { count: number; examples: Array<{ externalId: string; specialty: string | null; eligible: number }> };
  /** Study arms: the second phase's batch and its size (each planned rating once more, in the other arm). */
  arms: { design: "sequential" | "crossover"; secondPhase: string; assignments: number } | null;
  /** Per chosen reviewer: assignments in this batch (gold included), and work already pending elsewhere in the project. */
  loads: Array<{ reviewerId: string; name: string; specialty: string | null; isMember: boolean; assignments: number; gold: number; repeats: number; repeatsShort: number; openElsewhere: number }>;
};

type PlannedBatch = {
  data: ReturnType<typeof createBatchSchema.parse>;
  project: { id: string; randomizeOrder: boolean; blinded: boolean };
  rubricId: string;
  perItem: number;
  seed: number;
  items: BatchableItem[];
  /** Items left out: fewer eligible reviewers (specialty match) than places. They stay unbatched. */
  uncovered: Array<{ externalId: string; specialty: string | null; eligible: number }>;
  reviewers: Array<{ id: string; name: string; specialty: string | null }>;
  rows: AssignmentRow[];
  /** Repeat ratings, for the companion batch (empty without `repeats`), and per reviewer how many fewer than asked could be placed. */
  repeatRows: AssignmentRow[];
  repeatShortBy: Map<string, number>;
  /** Study arms: the second phase (empty without `arms`). */
  phaseRows: AssignmentRow[];
};

/**
 * The planner's part of planBatch: gold to everyone, at a rate or like other items; specialty match
 * (items nobody can cover are left out and reported); quota; k distinct reviewers with balanced load.
 */
function planRows(data: ReturnType<typeof createBatchSchema.parse>, candidates: BatchableItem[], reviewers: Array<{ id: string; specialty: string | null }>, perItem: number, rng: Rng) {
  const reviewerIds = reviewers.map((r) => r.id);
  const specialties = new Map(reviewers.map((r) => [r.id, specialtiesOf(r.specialty)]));
  const itemSpecialty = new Map(candidates.map((i) => [i.id, i.specialty]));
  const eligible = data.matchSpecialty ? (itemId: string, reviewerId: string) => specialtyMatch(itemSpecialty.get(itemId), specialties.get(reviewerId)!) : undefined;
  const goldMode = data.goldRate !== undefined ? "rate" : data.goldToAllReviewers ? "all" : "planned";
  const gold = goldMode === "planned" ? [] : candidates.filter((i) => i.isGold);
  const ordinary = goldMode === "planned" ? candidates : candidates.filter((i) => !i.isGold);
  const uncoveredIds = new Map(uncoverableItems({ itemIds: ordinary.map((i) => i.id), reviewerIds, perItem, eligible }).map((u) => [u.itemId, u.eligible]));
  const coverable = ordinary.filter((i) => !uncoveredIds.has(i.id));
  if (data.matchSpecialty && ordinary.length && !coverable.length) {
    throw new ConflictError(`No item can get ${perItem} reviewer(s) of its specialty among those chosen (${ordinary.length} item(s) checked). Choose reviewers whose specialty matches, or turn off specialty matching.`);
  }
  try {
    const everyone = goldMode === "all" ? gold.flatMap((i) => reviewerIds.map((reviewerId) => ({ itemId: i.id, reviewerId }))) : [];
    // Gold items first, so the k-per-item plan balances loads around them.
    const startLoad = new Map(reviewerIds.map((id) => [id, goldMode === "all" ? gold.length : 0]));
    const planned = planAssignments({ itemIds: coverable.map((i) => i.id), reviewerIds, perItem, rng, startLoad, eligible, quota: data.quota });
    const ordinaryLoads = new Map(reviewerIds.map((id) => [id, planned.filter((p) => p.reviewerId === id).length]));
    const atRate = goldMode === "rate" && gold.length ? planGoldAtRate({ goldIds: gold.map((i) => i.id), loads: ordinaryLoads, rate: data.goldRate!, rng }) : [];
    const uncovered = ordinary.filter((i) => uncoveredIds.has(i.id)).map((i) => ({ externalId: i.externalId, specialty: i.specialty, eligible: uncoveredIds.get(i.id)! }));
    return { plan: [...everyone, ...atRate, ...planned], uncovered };
  } catch (error) {
    if (error instanceof PlanError) throw new ConflictError(error.message);
    throw error;
  }
}

/**
 * Checks the input and plans the batch without writing: k distinct reviewers per item with balanced
 * load; per-reviewer queue order and per-assignment response order randomized when the project asks
 * for it. An impossible plan (too few reviewers for k, nothing to assign, an unknown or inactive
 * reviewer) is a ConflictError that says why.
 */
/** Who may be given work in a project: active reviewer and admin accounts, and any account the project made a reviewer member (decision 022). */
export function canReviewIn(projectId: string) {
  return { isActive: true, OR: [{ role: { in: ["REVIEWER", "ADMIN"] } }, { memberships: { some: { projectId, role: "REVIEWER" } } }] } satisfies Prisma.UserWhereInput;
}

async function planBatch(projectId: string, input: CreateBatchInput): Promise<PlannedBatch> {
  const data = createBatchSchema.parse(input);
  const db = getDb();
  await assertProjectOpen(db, projectId);
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
  const perItem = data.perItem ?? project.reviewersPerItem;
  const rubric = await db.rubric.findFirst({ where: { projectId }, orderBy: { version: "desc" } });
  if (!rubric) throw new ConflictError("The project has no rubric.");

  const reviewers = await db.user.findMany({
    where: { id: { in: data.reviewerIds }, ...canReviewIn(projectId) },
    select: { id: true, name: true, specialty: true },
  });
  if (reviewers.length !== new Set(data.reviewerIds).size) {
    throw new ConflictError("Some chosen reviewers do not exist, are deactivated, or cannot review (a researcher account reviews only once the project makes it a reviewer member).");
  }

  const listed = data.pairs ? [...new Set(data.pairs.map((p) => p.itemId))] : undefined;
  if (data.pairs && data.pairs.some((p) => !data.reviewerIds.includes(p.reviewerId))) throw new ConflictError("A listed reviewer is not among the batch's reviewers.");
  // A qualification round takes the project's gold items (batched or not) unless items are chosen.
  const practiceIds = data.isQualification && !data.itemIds ? (await db.item.findMany({ where: { projectId, isGold: true }, select: { id: true } })).map((i) => i.id) : undefined;
  const candidates = await loadBatchableItems(db, projectId, listed ?? data.itemIds ?? practiceIds);
  if (data.isQualification) await assertPracticeItems(db, candidates);
  if (listed && candidates.length !== listed.length) throw new ConflictError("Some listed items are not in this project.");
  if (data.itemIds && candidates.length !== new Set(data.itemIds).size) throw new ConflictError("Some items are not in this project.");
  if (!candidates.length) throw new ConflictError("There are no unbatched items to assign. Import items first.");

  const seed = data.seed ?? randomInt(2 ** 31);
  const rng = seededRng(seed);
  const { plan, uncovered } = data.pairs ? { plan: data.pairs, uncovered: [] } : planRows(data, candidates, reviewers, perItem, rng);
  const inPlan = new Set(plan.map((p) => p.itemId));
  const items = candidates.filter((i) => inPlan.has(i.id));
  if (!items.length) throw new ConflictError("Nothing to assign: no item could be planned.");

  const material = data.arms ? await assistMaterial(db, items, data.arms.assist) : null;
  // A response shown as assistance is material, not something to rate: it leaves the response order.
  const responsesByItem = new Map(items.map((i) => [i.id, i.responses.filter((id) => id !== material?.get(i.id))]));
  const itemOrder = new Map(items.map((i, index) => [i.id, index]));
  const byReviewer = new Map<string, typeof plan>();
  for (const p of plan) {
    const list = byReviewer.get(p.reviewerId) ?? [];
    list.push(p);
    byReviewer.set(p.reviewerId, list);
  }
  // Under blinding the screen order of responses is always shuffled: import order often follows the
  // model (one harness's outputs first), so a fixed order would tell reviewers which model is which.
  const shuffleResponses = project.blinded || project.randomizeOrder;
  // A subset of the responses per assignment, when asked: planned per item across its reviewers.
  const subsets = data.responsesShown ? planSubsets(plan, responsesByItem, data.responsesShown, rng) : null;
  const shownOf = (itemId: string) => subsets?.get(itemId)?.shift() ?? responsesByItem.get(itemId)!;
  const rows: AssignmentRow[] = [...byReviewer].flatMap(([reviewerId, list]) => {
    const ordered = project.randomizeOrder ? shuffle(list, rng) : list.sort((a, b) => itemOrder.get(a.itemId)! - itemOrder.get(b.itemId)!);
    return ordered.map((p, displayOrder) => {
      const responseIds = shownOf(p.itemId);
      return { id: randomUUID(), reviewerId, itemId: p.itemId, displayOrder, responseOrder: shuffleResponses ? shuffle(responseIds, rng) : responseIds };
    });
  });
  const rowById = new Map(rows.map((r) => [r.id, r]));
  // A repeat or a second phase shows the same responses as the rating it follows (reshuffled where the order is random).
  const sameResponses = (followsId: string, itemId: string) => {
    const shown = subsets ? rowById.get(followsId)!.responseOrder : responsesByItem.get(itemId)!;
    const inImportOrder = responsesByItem.get(itemId)!.filter((id) => shown.includes(id));
    return shuffleResponses ? shuffle(inImportOrder, rng) : inImportOrder;
  };
  let repeatRows: AssignmentRow[] = [];
  let repeatShortBy = new Map<string, number>();
  if (data.repeats) {
    const goldIds = new Set(items.filter((i) => i.isGold).map((i) => i.id));
    let planned;
    try {
      planned = planRepeats(rows, { share: data.repeats.share, washoutItems: data.repeats.washoutItems, rng, isGold: (id) => goldIds.has(id) });
    } catch (error) {
      if (error instanceof PlanError) throw new ConflictError(error.message);
      throw error;
    }
    repeatShortBy = planned.shortBy;
    // The companion batch's own queue order, and a fresh response order (a repeat is not a recall test of screen positions).
    const perReviewer = new Map<string, typeof planned.repeats>();
    for (const r of planned.repeats) perReviewer.set(r.reviewerId, [...(perReviewer.get(r.reviewerId) ?? []), r]);
    repeatRows = [...perReviewer].flatMap(([reviewerId, list]) =>
      shuffle(list, rng).map((r, displayOrder) => ({ id: randomUUID(), reviewerId, itemId: r.itemId, displayOrder, responseOrder: sameResponses(r.repeatOfId, r.itemId), repeatOfId: r.repeatOfId })),
    );
  }
  let phaseRows: AssignmentRow[] = [];
  if (data.arms) {
    const { firstArm, second } = planArms(rows, data.arms.design, { rng, reshuffle: project.randomizeOrder });
    for (const row of rows) row.arm = firstArm.get(row.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    // The sequential design shows the same item again with more on screen: same response positions.
    // Crossover periods are apart in time and order, so the screen order is drawn afresh too.
    phaseRows = second.map((p) => ({
      id: randomUUID(),
      reviewerId: p.reviewerId,
      itemId: p.itemId,
      displayOrder: p.displayOrder,
      arm: p.arm,
      precededById: p.precededById,
      responseOrder: data.arms!.design === "crossover" && shuffleResponses ? sameResponses(p.precededById, p.itemId) : byId.get(p.precededById)!.responseOrder,
    }));
  }
  return { data, project, rubricId: rubric.id, perItem, seed, items, uncovered, reviewers, rows, repeatRows, repeatShortBy, phaseRows };
}

/** A qualification round's items must all be gold with known answers: they are graded, and shown as feedback. */
async function assertPracticeItems(db: Db, items: BatchableItem[]) {
  if (!items.length) throw new ConflictError("A qualification round needs practice items: import gold items with known answers (isGold and reference.gold) first.");
  const missing = await db.$queryRaw<Array<{ externalId: string; count: bigint }>>`
    SELECT "externalId", count(*) OVER () AS count FROM "Item"
    WHERE id = ANY(${items.map((i) => i.id)}::text[]) AND NOT ("isGold" AND reference ? 'gold')
    ORDER BY "externalId" LIMIT 5`;
  if (missing.length) throw new ConflictError(`${missing[0].count} item(s) are not gold items with known answers (e.g. ${missing.map((m) => m.externalId).join(", ")}); a qualification round grades every practice item.`);
}

/**
 * The assistance of every item of an arms batch, checked before anything is planned: each item must
 * have it (a reference answer or explanation, or a response with the chosen label), or the batch is
 * refused with examples. For a response, returns item id → the response id that is the material.
 */
async function assistMaterial(db: Db, items: BatchableItem[], assist: Assist): Promise<Map<string, string> | null> {
  const ids = items.map((i) => i.id);
  if (assist.material === "reference") {
    const missing = await db.$queryRaw<Array<{ externalId: string; count: bigint }>>`
      SELECT "externalId", count(*) OVER () AS count FROM "Item"
      WHERE id = ANY(${ids}::text[]) AND NOT (COALESCE(reference->>'answer', '') <> '' OR COALESCE(reference->>'explanation', '') <> '')
      ORDER BY "externalId" LIMIT 5`;
    if (missing.length) throw new ConflictError(`${missing[0].count} item(s) have no reference answer or explanation to show as assistance (e.g. ${missing.map((m) => m.externalId).join(", ")}). Import references, or choose a response as the assistance.`);
    return null;
  }
  const found = await db.response.findMany({ where: { itemId: { in: ids }, label: assist.label }, select: { id: true, itemId: true } });
  const byItem = new Map(found.map((r) => [r.itemId, r.id]));
  const lacking = items.filter((i) => !byItem.has(i.id));
  if (lacking.length) throw new ConflictError(`${lacking.length} item(s) have no response ${assist.label} to show as assistance (e.g. ${lacking.slice(0, 5).map((i) => i.externalId).join(", ")}).`);
  return byItem;
}

/**
 * The load a batch would put on each chosen reviewer, before anything is written. Creating the batch
 * with the returned seed writes exactly this plan (create-batch.db.test.ts).
 */
export async function previewBatch(projectId: string, input: CreateBatchInput): Promise<BatchPlan> {
  const planned = await planBatch(projectId, input);
  const db = getDb();
  const reviewerIds = planned.reviewers.map((r) => r.id);
  const [members, open] = await Promise.all([
    db.projectMember.findMany({ where: { projectId, userId: { in: reviewerIds } }, select: { userId: true } }),
    db.assignment.groupBy({ by: ["reviewerId"], where: { reviewerId: { in: reviewerIds }, status: { in: ["PENDING", "IN_PROGRESS"] }, batch: { projectId } }, _count: { _all: true } }),
  ]);
  const memberIds = new Set(members.map((m) => m.userId));
  const openByReviewer = new Map(open.map((g) => [g.reviewerId, g._count._all]));
  const gold = new Set(planned.items.filter((i) => i.isGold).map((i) => i.id));
  return {
    seed: planned.seed,
    perItem: planned.perItem,
    items: planned.items.length,
    goldItems: gold.size,
    assignments: planned.rows.length,
    arms: planned.data.arms ? { design: planned.data.arms.design, secondPhase: secondPhaseName(planned.data.name, planned.data.arms.design), assignments: planned.phaseRows.length } : null,
    uncovered: { count: planned.uncovered.length, examples: planned.uncovered.slice(0, 50) },
    loads: planned.reviewers
      .map((r) => {
        const mine = planned.rows.filter((row) => row.reviewerId === r.id);
        const repeats = planned.repeatRows.filter((row) => row.reviewerId === r.id).length;
        return { reviewerId: r.id, name: r.name, specialty: r.specialty, isMember: memberIds.has(r.id), assignments: mine.length, gold: mine.filter((row) => gold.has(row.itemId)).length, repeats, repeatsShort: planned.repeatShortBy.get(r.id) ?? 0, openElsewhere: openByReviewer.get(r.id) ?? 0 };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Builds a batch and assigns it in one transaction (the plan of planBatch). The database's unique (batch, item, reviewer) backs the rule. */
export async function createBatch(actorId: string, projectId: string, input: CreateBatchInput) {
  const { data, rubricId, perItem, seed, items, uncovered, reviewers, rows, repeatRows, phaseRows } = await planBatch(projectId, input);
  const arms = data.arms ? { armDesign: DESIGN_OF[data.arms.design], assist: data.arms.assist } : {};
  const db = getDb();
  try {
    const created = await db.$transaction(
      async (tx) => {
        const batch = await tx.batch.create({
          data: { projectId, name: data.name, dueAt: data.dueAt ?? null, showsEarlierRound: data.showsEarlierRound, isQualification: data.isQualification, createdById: actorId, ...arms },
        });
        await insertBatchRows(tx, batch.id, rubricId, items.map((i) => i.id), rows);
        let phaseBatch = null;
        if (data.arms) {
          // The second phase's own batch; each of its assignments also waits for its first phase (lib/assignments/reachable.ts).
          const days = data.arms.design === "crossover" ? data.arms.washoutDays : 0;
          phaseBatch = await tx.batch.create({
            data: { projectId, name: secondPhaseName(data.name, data.arms.design), dueAt: data.arms.design === "sequential" ? (data.dueAt ?? null) : null, opensAt: days ? new Date(Date.now() + days * 86_400_000) : null, createdById: actorId, ...arms },
          });
          await insertBatchRows(tx, phaseBatch.id, rubricId, items.map((i) => i.id), phaseRows);
        }
        let repeatBatch = null;
        if (repeatRows.length) {
          // The repeats' own batch, named plainly so nothing marks them as repeats in the reviewer's queue.
          const days = data.repeats?.washoutDays ?? 0;
          repeatBatch = await tx.batch.create({
            data: { projectId, name: `${data.name} (2)`, dueAt: null, opensAt: days ? new Date(Date.now() + days * 86_400_000) : null, createdById: actorId },
          });
          await insertBatchRows(tx, repeatBatch.id, rubricId, [...new Set(repeatRows.map((r) => r.itemId))], repeatRows);
        }
        for (const reviewer of reviewers) {
          await tx.projectMember.upsert({
            where: { projectId_userId: { projectId, userId: reviewer.id } },
            create: { projectId, userId: reviewer.id, role: "REVIEWER" },
            update: {},
          });
        }
        await recordAudit(
          { actorId, action: "batch.assign", entityType: "Batch", entityId: batch.id, projectId, data: { items: items.length, assignments: rows.length, perItem, reviewers: reviewers.length, seed, goldToAllReviewers: data.goldToAllReviewers, goldRate: data.goldRate ?? null, matchSpecialty: data.matchSpecialty, quota: data.quota ?? null, leftOut: uncovered.length, repeats: repeatRows.length, washout: data.repeats ? { items: data.repeats.washoutItems, days: data.repeats.washoutDays } : null, showsEarlierRound: data.showsEarlierRound, isQualification: data.isQualification, arms: data.arms ? { ...data.arms, secondPhase: phaseRows.length } : null } },
          tx,
        );
        return { batch, items: items.length, assignments: rows.length, perItem, seed, uncovered: uncovered.length, repeats: repeatRows.length, repeatBatch, phaseBatch };
      },
      { timeout: 10 * 60_000 },
    );
    // Reviewers hear of their new work; a batch that opens later still appears as waiting.
    await batchAssigned([created.batch.id, created.phaseBatch?.id, created.repeatBatch?.id].filter((id): id is string => Boolean(id))).catch((error) => console.error("Batch notices failed", error));
    return created;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(`A batch named "${data.name}" already exists in this project.`);
    }
    throw error;
  }
}

type BatchableItem = { id: string; externalId: string; specialty: string | null; isGold: boolean; responses: string[] };

/**
 * The items a batch takes, with their response ids in position order: the listed ones, or every item
 * of the project not yet in a batch. One query whatever the count: the id list travels as ONE array
 * parameter (PostgreSQL allows 65,535 parameters per statement; one per item failed above ~32,000).
 */
async function loadBatchableItems(db: Db, projectId: string, itemIds: string[] | undefined): Promise<BatchableItem[]> {
  const which = itemIds
    ? Prisma.sql`i.id = ANY(${itemIds}::text[])`
    : Prisma.sql`NOT EXISTS (SELECT 1 FROM "BatchItem" b WHERE b."itemId" = i.id)`;
  // One grouped join (a hash aggregate), and the response ids as one space-separated string: parsing
  // a text[] per row was a third of the query's time at 50,000 items (ids never contain spaces).
  const rows = await db.$queryRaw<Array<{ id: string; externalId: string; specialty: string | null; isGold: boolean; responses: string | null }>>`
    SELECT i.id, i."externalId", i.specialty, i."isGold", string_agg(r.id, ' ' ORDER BY r.position) AS responses
    FROM "Item" i LEFT JOIN "Response" r ON r."itemId" = i.id
    WHERE i."projectId" = ${projectId} AND ${which}
    GROUP BY i.id
    ORDER BY min(i."createdAt"), min(i."externalId")`;
  return rows.map((r) => ({ id: r.id, externalId: r.externalId, specialty: r.specialty, isGold: r.isGold, responses: r.responses ? r.responses.split(" ") : [] }));
}

/** Rows per INSERT: bounded memory per statement, two array/JSON parameters each. */
const INSERT_CHUNK = 5000;

/** Per item, the subsets its planned assignments show, in plan order (lib/assignments/response-subsets.ts). */
function planSubsets(plan: ReadonlyArray<{ itemId: string }>, responsesByItem: Map<string, string[]>, size: number, rng: Rng): Map<string, string[][]> {
  const count = new Map<string, number>();
  for (const p of plan) count.set(p.itemId, (count.get(p.itemId) ?? 0) + 1);
  return new Map([...count].map(([itemId, n]) => [itemId, planResponseSubsets(responsesByItem.get(itemId)!, n, size, rng)]));
}

type AssignmentRow = { id: string; reviewerId: string; itemId: string; displayOrder: number; responseOrder: string[]; repeatOfId?: string; arm?: "UNASSISTED" | "ASSISTED"; precededById?: string };

/** BatchItem and Assignment rows, set-based: a few statements per 5,000 rows instead of a parameter per value. */
async function insertBatchRows(tx: Tx, batchId: string, rubricId: string, itemIds: string[], rows: AssignmentRow[]) {
  for (let i = 0; i < itemIds.length; i += INSERT_CHUNK) {
    await tx.$executeRaw`INSERT INTO "BatchItem" ("batchId", "itemId") SELECT ${batchId}, unnest(${itemIds.slice(i, i + INSERT_CHUNK)}::text[])`;
  }
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => ({ id: r.id, item: r.itemId, reviewer: r.reviewerId, ord: r.displayOrder, resp: r.responseOrder, rep: r.repeatOfId ?? null, arm: r.arm ?? null, pre: r.precededById ?? null }));
    await tx.$executeRaw`
      INSERT INTO "Assignment" ("id", "batchId", "itemId", "reviewerId", "rubricId", "displayOrder", "responseOrder", "repeatOfId", "arm", "precededById", "updatedAt")
      SELECT r.id, ${batchId}, r.item, r.reviewer, ${rubricId}, r.ord, ARRAY(SELECT jsonb_array_elements_text(r.resp)), r.rep, r.arm::"StudyArm", r.pre, now()
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS r(id text, item text, reviewer text, ord int, resp jsonb, rep text, arm text, pre text)`;
  }
}
