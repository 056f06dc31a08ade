import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/projects/access";
import { assertProjectOpen } from "@/lib/projects/archive";
import { ConflictError } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { findBatchInProject } from "./find-batch";

// Changing a batch after it was assigned (issue 10, "Change after the fact"): move a reviewer's
// pending work to others, change the due date, delete a batch nobody has finished anything in.
// Submitted and skipped work is never touched, and neither is started work: a started assignment
// holds the reviewer's draft, which must not be lost nor shown to anyone else (blinding). Each
// change is one transaction and one audit event.

export type MoveResult = { moved: number; to: Array<{ reviewerId: string; count: number }>; startedKept: number; linkedKept: number };

type Row = { id: string; batchId: string; itemId: string; reviewerId: string; status: string; displayOrder: number; linked: boolean };

/**
 * Moves `fromReviewerId`'s pending assignments in the batch to `toReviewerIds` (default: the batch's
 * other reviewers), each to the least-loaded target who does not already have that item in the batch.
 * All or nothing: if some item has no eligible target, nothing moves and the error says which.
 * Started (drafted) assignments stay with the reviewer and are counted in the answer.
 *
 * Work linked to the same reviewer's other rating of the item (a repeat rating, a study arm's second
 * phase) moves with it, to the same person, or not at all: split across two people it would no
 * longer measure one reviewer twice. A linked assignment never moves on its own (`linkedKept`).
 */
export async function moveReviewerWork(actor: Actor, projectId: string, batchId: string, fromReviewerId: string, toReviewerIds?: string[]): Promise<MoveResult> {
  await requireProjectPermission(actor, projectId, "batch:assign");
  await assertProjectOpen(getDb(), projectId);
  const db = getDb();
  const batch = await findBatchInProject(projectId, batchId);
  return db.$transaction(async (tx) => {
    // Lock the batch's assignments of everyone involved: a racing save either lands first (the
    // assignment is then IN_PROGRESS and stays) or finds the assignment moved (its UPDATE requires
    // the reviewer to own it: lib/assignments/transition.ts).
    const rows = await tx.$queryRaw<Row[]>`
      SELECT id, "batchId", "itemId", "reviewerId", status::text AS status, "displayOrder", ("repeatOfId" IS NOT NULL OR "precededById" IS NOT NULL) AS linked
      FROM "Assignment" WHERE "batchId" = ${batch.id} ORDER BY "displayOrder", id FOR UPDATE`;
    const mine = rows.filter((r) => r.reviewerId === fromReviewerId);
    if (!mine.length) throw new ConflictError("That reviewer has no work in this batch.");
    // The later ratings that follow the reviewer's pending ones here (repeats, second phases), locked too.
    const followers = await tx.$queryRaw<Array<Row & { leadId: string }>>`
      SELECT id, "batchId", "itemId", "reviewerId", status::text AS status, "displayOrder", true AS linked, COALESCE("repeatOfId", "precededById") AS "leadId"
      FROM "Assignment" WHERE "repeatOfId" = ANY(${mine.map((r) => r.id)}::text[]) OR "precededById" = ANY(${mine.map((r) => r.id)}::text[]) FOR UPDATE`;
    const followerOf = new Map(followers.map((f) => [f.leadId, f]));
    const movable = (r: Row) => r.status === "PENDING" && !r.linked && (followerOf.get(r.id)?.status ?? "PENDING") === "PENDING";
    const pending = mine.filter(movable);
    const startedKept = mine.filter((r) => r.status === "IN_PROGRESS").length;
    const linkedKept = mine.filter((r) => r.status === "PENDING" && !movable(r)).length;
    const batchReviewers = [...new Set(rows.map((r) => r.reviewerId))].filter((id) => id !== fromReviewerId);
    const targets = [...new Set(toReviewerIds?.length ? toReviewerIds : batchReviewers)].filter((id) => id !== fromReviewerId);
    if (!targets.length) throw new ConflictError("There is no other reviewer to move the work to. Add one to the batch (or choose one) first.");
    const eligible = await tx.user.findMany({ where: { id: { in: targets }, isActive: true, role: { in: ["REVIEWER", "ADMIN"] } }, select: { id: true } });
    if (eligible.length !== targets.length) throw new ConflictError("Some chosen reviewers do not exist, are deactivated, or cannot review.");

    // What the targets already hold, in this batch and in the batches the followers live in.
    const otherBatches = [...new Set(followers.map((f) => f.batchId))].filter((id) => id !== batch.id);
    const held = [...rows, ...(otherBatches.length ? await tx.$queryRaw<Row[]>`SELECT id, "batchId", "itemId", "reviewerId", status::text AS status, "displayOrder", false AS linked FROM "Assignment" WHERE "batchId" = ANY(${otherBatches}::text[]) AND "reviewerId" = ANY(${targets}::text[])` : [])];
    const slot = (reviewerId: string, batchId: string, itemId: string) => `${reviewerId}\u0000${batchId}\u0000${itemId}`;
    const has = new Set(held.map((r) => slot(r.reviewerId, r.batchId, r.itemId)));
    const nextOrder = new Map<string, number>();
    for (const r of held) nextOrder.set(`${r.reviewerId}\u0000${r.batchId}`, Math.max(nextOrder.get(`${r.reviewerId}\u0000${r.batchId}`) ?? -1, r.displayOrder));
    const takeOrder = (reviewerId: string, batchId: string) => {
      const key = `${reviewerId}\u0000${batchId}`;
      const order = (nextOrder.get(key) ?? -1) + 1;
      nextOrder.set(key, order);
      return order;
    };
    // Least open load first; an item goes only to someone who does not have it in that batch yet.
    const load = new Map(targets.map((id) => [id, rows.filter((r) => r.reviewerId === id && (r.status === "PENDING" || r.status === "IN_PROGRESS")).length]));
    const moves: Array<{ id: string; to: string; order: number }> = [];
    const stuck: string[] = [];
    for (const a of pending) {
      const follower = followerOf.get(a.id);
      const free = (t: string) => !has.has(slot(t, batch.id, a.itemId)) && (!follower || !has.has(slot(t, follower.batchId, follower.itemId)));
      const to = targets.filter(free).sort((x, y) => load.get(x)! - load.get(y)! || x.localeCompare(y))[0];
      if (!to) {
        stuck.push(a.itemId);
        continue;
      }
      for (const m of follower ? [a, follower] : [a]) {
        has.add(slot(to, m.batchId, m.itemId));
        moves.push({ id: m.id, to, order: takeOrder(to, m.batchId) });
      }
      load.set(to, load.get(to)! + 1);
    }
    if (stuck.length) {
      const externalIds = (await tx.item.findMany({ where: { id: { in: stuck.slice(0, 5) } }, select: { externalId: true } })).map((i) => i.externalId);
      throw new ConflictError(`${stuck.length} item(s) cannot move: every chosen reviewer already has them in this batch (e.g. ${externalIds.join(", ")}). Choose other reviewers.`);
    }
    for (const m of moves) {
      // Status re-checked under the lock: only work nobody has started moves. The window that
      // bounds time on task starts afresh for the new reviewer.
      await tx.$executeRaw`
        UPDATE "Assignment" SET "reviewerId" = ${m.to}, "displayOrder" = ${m.order}, "lastSeenAt" = NULL, "startedAt" = NULL, "timeOnTaskMs" = 0, "updatedAt" = now()
        WHERE id = ${m.id} AND status = 'PENDING'`;
    }
    const moved = moves.filter((m) => rows.some((r) => r.id === m.id));
    for (const to of new Set(moves.map((m) => m.to))) {
      await tx.projectMember.upsert({ where: { projectId_userId: { projectId, userId: to } }, create: { projectId, userId: to, role: "REVIEWER" }, update: {} });
    }
    const counts = [...new Set(moved.map((m) => m.to))].map((reviewerId) => ({ reviewerId, count: moved.filter((m) => m.to === reviewerId).length }));
    await recordAudit({ actorId: actor.id, action: "batch.move_work", entityType: "Batch", entityId: batch.id, projectId, data: { from: fromReviewerId, moved: moved.length, followersMoved: moves.length - moved.length, to: counts, startedKept, linkedKept } }, tx);
    return { moved: moved.length, to: counts, startedKept, linkedKept };
  });
}

/** Sets (or with null clears) the batch's due date. */
export async function setBatchDueDate(actor: Actor, projectId: string, batchId: string, dueAt: Date | null) {
  await requireProjectPermission(actor, projectId, "batch:assign");
  await assertProjectOpen(getDb(), projectId);
  const batch = await findBatchInProject(projectId, batchId);
  return getDb().$transaction(async (tx) => {
    const updated = await tx.batch.update({ where: { id: batch.id }, data: { dueAt } });
    await recordAudit({ actorId: actor.id, action: "batch.due_date", entityType: "Batch", entityId: batch.id, projectId, data: { from: batch.dueAt?.toISOString() ?? null, to: dueAt?.toISOString() ?? null } }, tx);
    return updated;
  });
}

/**
 * Deletes a batch in which nothing was submitted or skipped; its items become "not yet in a batch"
 * again. Drafts in it are discarded with it, so the caller must confirm their number (`drafts`), as
 * shown to the admin: a draft saved since is a reason to stop, not to delete it unseen.
 */
export async function deleteBatch(actor: Actor, projectId: string, batchId: string, confirm: { drafts: number }) {
  await requireProjectPermission(actor, projectId, "batch:assign");
  await assertProjectOpen(getDb(), projectId);
  const batch = await findBatchInProject(projectId, batchId);
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Assignment" WHERE "batchId" = ${batch.id} FOR UPDATE`;
    const byStatus = await tx.assignment.groupBy({ by: ["status"], where: { batchId: batch.id }, _count: { _all: true } });
    const count = (s: string) => byStatus.find((g) => g.status === s)?._count._all ?? 0;
    const finished = count("SUBMITTED") + count("SKIPPED");
    if (finished) throw new ConflictError(`This batch has ${finished} submitted or skipped assignment(s); a batch with finished work cannot be deleted (its data is part of the study).`);
    const drafts = count("IN_PROGRESS");
    if (drafts !== confirm.drafts) throw new ConflictError(`This batch now has ${drafts} started draft(s), not ${confirm.drafts}: reload the page and confirm again.`);
    const assignments = byStatus.reduce((s, g) => s + g._count._all, 0);
    await tx.batch.delete({ where: { id: batch.id } });
    await recordAudit({ actorId: actor.id, action: "batch.delete", entityType: "Batch", entityId: batch.id, projectId, data: { name: batch.name, assignments, draftsDiscarded: drafts } }, tx);
    return { name: batch.name, assignments, draftsDiscarded: drafts };
  });
}
