import { describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { ForbiddenError } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor, completeRatings } from "@/test/support/study";
import { deleteBatch, moveReviewerWork, setBatchDueDate } from "./batch-changes";
import { createBatch, previewBatch } from "./create-batch";

async function setup(opts: { items?: number; reviewers?: number; perItem?: number } = {}) {
  const admin = await seedUser({ role: "ADMIN" });
  const project = await seedProject(admin.id, { reviewersPerItem: opts.perItem ?? 2 });
  await seedItems(admin.id, project.id, qaLines(opts.items ?? 6));
  const reviewers = [];
  for (let i = 0; i < (opts.reviewers ?? 3); i++) reviewers.push(await seedUser({ role: "REVIEWER" }));
  return { admin, project, reviewers };
}

const db = () => getDb();
const save = (reviewer: Parameters<typeof asActor>[0], a: { id: string; responseOrder: string[] }, submit: boolean) =>
  saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `m-${a.id}-${submit}`, data: { ...emptyAnnotationData(), ...(submit ? completeRatings(a.responseOrder) : {}) }, submit });

describe("previewBatch", () => {
  it("shows each reviewer's load without writing anything, and creating with its seed writes exactly that plan", async () => {
    const { admin, project, reviewers } = await setup({ items: 7, reviewers: 3 });
    const input = { name: "Round 1", reviewerIds: reviewers.map((r) => r.id) };
    const before = { batches: await db().batch.count(), assignments: await db().assignment.count(), audit: await db().auditEvent.count(), members: await db().projectMember.count({ where: { projectId: project.id } }) };
    const plan = await previewBatch(project.id, input);
    expect(plan).toMatchObject({ items: 7, perItem: 2, assignments: 14, goldItems: 0 });
    expect(plan.loads.map((l) => l.assignments).sort()).toEqual([4, 5, 5]);
    expect(plan.loads.every((l) => !l.isMember && l.openElsewhere === 0)).toBe(true);
    expect({ batches: await db().batch.count(), assignments: await db().assignment.count(), audit: await db().auditEvent.count(), members: await db().projectMember.count({ where: { projectId: project.id } }) }).toEqual(before);

    const { batch } = await createBatch(admin.id, project.id, { ...input, seed: plan.seed });
    const written = await db().assignment.groupBy({ by: ["reviewerId"], where: { batchId: batch.id }, _count: { _all: true } });
    expect(Object.fromEntries(written.map((g) => [g.reviewerId, g._count._all]))).toEqual(Object.fromEntries(plan.loads.map((l) => [l.reviewerId, l.assignments])));
  });

  it("refuses an impossible plan with the reason, before anything is written", async () => {
    const { project, reviewers } = await setup({ items: 3, reviewers: 3 });
    await expect(previewBatch(project.id, { name: "x", reviewerIds: [reviewers[0].id], perItem: 2 })).rejects.toThrow(/needs 2 distinct reviewers but only 1 were chosen/);
    await expect(previewBatch(project.id, { name: "x", reviewerIds: ["no-such-user"] })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("moveReviewerWork", () => {
  it("moves only pending work, to reviewers who do not have the item, balanced; submitted and started work stay, and the old reviewer can no longer save it", async () => {
    const { admin, project, reviewers } = await setup({ items: 6, reviewers: 3 });
    const { batch } = await createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id), seed: 4 });
    const [leaving] = reviewers;
    const mine = await db().assignment.findMany({ where: { batchId: batch.id, reviewerId: leaving.id }, orderBy: { displayOrder: "asc" } });
    expect(mine).toHaveLength(4);
    expect(await save(leaving, mine[0], true)).toMatchObject({ status: "saved" }); // submitted
    expect(await save(leaving, mine[1], false)).toMatchObject({ status: "saved" }); // started: a draft

    const result = await moveReviewerWork(asActor(admin), project.id, batch.id, leaving.id);
    expect(result).toMatchObject({ moved: 2, startedKept: 1 });
    const after = await db().assignment.findMany({ where: { batchId: batch.id } });
    expect(after.filter((a) => a.reviewerId === leaving.id).map((a) => a.status).sort()).toEqual(["IN_PROGRESS", "SUBMITTED"]);
    // Still k distinct reviewers per item, and the others' loads within one of each other.
    const perItem = new Map<string, Set<string>>();
    for (const a of after) perItem.set(a.itemId, (perItem.get(a.itemId) ?? new Set()).add(a.reviewerId));
    expect([...perItem.values()].every((s) => s.size === 2)).toBe(true);
    const loads = reviewers.slice(1).map((r) => after.filter((a) => a.reviewerId === r.id).length);
    expect(Math.abs(loads[0] - loads[1])).toBeLessThanOrEqual(1);
    // The moved assignments open at the end of the new reviewers' queues, unseen.
    for (const r of reviewers.slice(1)) {
      const orders = after.filter((a) => a.reviewerId === r.id).map((a) => a.displayOrder).sort((x, y) => x - y);
      expect(orders).toEqual(orders.map((_, i) => i));
    }
    const moved = after.filter((a) => mine.slice(2).some((m) => m.id === a.id));
    expect(moved.every((a) => a.reviewerId !== leaving.id && a.status === "PENDING" && a.lastSeenAt === null)).toBe(true);
    await expect(save(leaving, moved[0], false)).rejects.toThrow(/Assignment not found/);
    expect(await db().auditEvent.findFirst({ where: { action: "batch.move_work", entityId: batch.id } })).toMatchObject({ data: { moved: 2, startedKept: 1, from: leaving.id } });
  });

  it("moves nothing when an item has no eligible reviewer, and says which", async () => {
    const { admin, project, reviewers } = await setup({ items: 3, reviewers: 3, perItem: 3 });
    const { batch } = await createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id), perItem: 3 });
    await expect(moveReviewerWork(asActor(admin), project.id, batch.id, reviewers[0].id)).rejects.toThrow(/3 item\(s\) cannot move: every chosen reviewer already has them/);
    expect(await db().assignment.count({ where: { batchId: batch.id, reviewerId: reviewers[0].id } })).toBe(3);
    // Naming a new reviewer makes it possible; they join the project as a reviewer.
    const fresh = await seedUser({ role: "REVIEWER" });
    expect(await moveReviewerWork(asActor(admin), project.id, batch.id, reviewers[0].id, [fresh.id])).toMatchObject({ moved: 3, to: [{ reviewerId: fresh.id, count: 3 }] });
    expect(await db().projectMember.findFirst({ where: { projectId: project.id, userId: fresh.id } })).toMatchObject({ role: "REVIEWER" });
  });

  it("is for admins only", async () => {
    const { admin, project, reviewers } = await setup({ items: 2, reviewers: 2, perItem: 1 });
    const { batch } = await createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id), perItem: 1 });
    await expect(moveReviewerWork(asActor(reviewers[0]), project.id, batch.id, reviewers[1].id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteBatch(asActor(reviewers[0]), project.id, batch.id, { drafts: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setBatchDueDate(asActor(reviewers[0]), project.id, batch.id, null)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("deleteBatch and setBatchDueDate", () => {
  it("deletes a batch without finished work once its drafts are confirmed; its items are unbatched again", async () => {
    const { admin, project, reviewers } = await setup({ items: 4, reviewers: 2, perItem: 1 });
    const { batch } = await createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id), perItem: 1 });
    const [first] = await db().assignment.findMany({ where: { batchId: batch.id, reviewerId: reviewers[0].id } });
    expect(await save(reviewers[0], first, false)).toMatchObject({ status: "saved" });
    await expect(deleteBatch(asActor(admin), project.id, batch.id, { drafts: 0 })).rejects.toThrow(/now has 1 started draft\(s\), not 0/);
    expect(await deleteBatch(asActor(admin), project.id, batch.id, { drafts: 1 })).toMatchObject({ name: "B", assignments: 4, draftsDiscarded: 1 });
    expect(await db().batch.count({ where: { id: batch.id } })).toBe(0);
    expect(await db().annotation.count({ where: { assignmentId: first.id } })).toBe(0);
    expect(await db().auditEvent.findFirst({ where: { action: "batch.delete", entityId: batch.id } })).toMatchObject({ data: { name: "B", assignments: 4, draftsDiscarded: 1 } });
    // The items can be batched again.
    expect(await createBatch(admin.id, project.id, { name: "B", reviewerIds: [reviewers[0].id], perItem: 1 })).toMatchObject({ items: 4 });
  });

  it("refuses to delete a batch with submitted or skipped work", async () => {
    const { admin, project, reviewers } = await setup({ items: 2, reviewers: 1, perItem: 1 });
    const { batch } = await createBatch(admin.id, project.id, { name: "B", reviewerIds: [reviewers[0].id], perItem: 1 });
    const [a] = await db().assignment.findMany({ where: { batchId: batch.id } });
    expect(await save(reviewers[0], a, true)).toMatchObject({ status: "saved" });
    await expect(deleteBatch(asActor(admin), project.id, batch.id, { drafts: 0 })).rejects.toThrow(/1 submitted or skipped assignment/);
    expect(await db().batch.count({ where: { id: batch.id } })).toBe(1);
  });

  it("changes the due date, audited; a batch of another project is not found", async () => {
    const { admin, project, reviewers } = await setup({ items: 2, reviewers: 1, perItem: 1 });
    const { batch } = await createBatch(admin.id, project.id, { name: "B", reviewerIds: [reviewers[0].id], perItem: 1, dueAt: new Date("2026-12-01") });
    const due = new Date("2026-12-24T00:00:00Z");
    expect(await setBatchDueDate(asActor(admin), project.id, batch.id, due)).toMatchObject({ dueAt: due });
    expect(await db().auditEvent.findFirst({ where: { action: "batch.due_date", entityId: batch.id } })).toMatchObject({ data: { from: "2026-12-01T00:00:00.000Z", to: due.toISOString() } });
    const other = await seedProject(admin.id, { reviewersPerItem: 1 });
    await expect(setBatchDueDate(asActor(admin), other.id, batch.id, null)).rejects.toThrow(/Batch not found/);
  });
});
