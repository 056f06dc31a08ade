import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { createBatch } from "./create-batch";

async function setup(opts: { items?: number; reviewers?: number; randomizeOrder?: boolean } = {}) {
  const admin = await seedUser({ role: "ADMIN" });
  const project = await seedProject(admin.id, { reviewersPerItem: 2, randomizeOrder: opts.randomizeOrder ?? true });
  await seedItems(admin.id, project.id, qaLines(opts.items ?? 10));
  const reviewers = [];
  for (let i = 0; i < (opts.reviewers ?? 3); i++) reviewers.push(await seedUser({ role: "REVIEWER" }));
  return { admin, project, reviewers };
}

describe("createBatch", () => {
  it("assigns k distinct reviewers per item with balanced load, and records it", async () => {
    const { admin, project, reviewers } = await setup({ items: 10, reviewers: 3 });
    const result = await createBatch(admin.id, project.id, { name: "B1", reviewerIds: reviewers.map((r) => r.id) });
    expect(result).toMatchObject({ items: 10, assignments: 20, perItem: 2 });
    const assignments = await getDb().assignment.findMany({ where: { batchId: result.batch.id } });
    const perItem = new Map<string, Set<string>>();
    for (const a of assignments) perItem.set(a.itemId, (perItem.get(a.itemId) ?? new Set()).add(a.reviewerId));
    expect([...perItem.values()].every((s) => s.size === 2)).toBe(true);
    const loads = reviewers.map((r) => assignments.filter((a) => a.reviewerId === r.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    // Each reviewer's queue order is a permutation 0..n-1.
    for (const r of reviewers) {
      const orders = assignments.filter((a) => a.reviewerId === r.id).map((a) => a.displayOrder).sort((x, y) => x - y);
      expect(orders).toEqual(orders.map((_, i) => i));
    }
    expect(await getDb().projectMember.count({ where: { projectId: project.id, role: "REVIEWER" } })).toBe(3);
    expect(await getDb().auditEvent.count({ where: { action: "batch.assign" } })).toBe(1);
  });

  it("stores a randomized response order per assignment", async () => {
    const { admin, project, reviewers } = await setup({ items: 30, reviewers: 2 });
    const { batch } = await createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id), seed: 1 });
    const assignments = await getDb().assignment.findMany({ where: { batchId: batch.id }, include: { item: { include: { responses: true } } } });
    const flipped = assignments.filter((a) => a.responseOrder[0] !== a.item.responses.find((r) => r.position === 0)!.id);
    expect(flipped.length).toBeGreaterThan(0);
    expect(flipped.length).toBeLessThan(assignments.length);
    for (const a of assignments) expect([...a.responseOrder].sort()).toEqual(a.item.responses.map((r) => r.id).sort());
  });

  it("keeps import order when the project does not randomize", async () => {
    const { admin, project, reviewers } = await setup({ items: 5, reviewers: 2, randomizeOrder: false });
    const { batch } = await createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id) });
    const assignments = await getDb().assignment.findMany({ where: { batchId: batch.id, reviewerId: reviewers[0].id }, include: { item: true }, orderBy: { displayOrder: "asc" } });
    expect(assignments.map((a) => a.item.externalId)).toEqual(["q-1", "q-2", "q-3", "q-4", "q-5"]);
  });

  it("only batches items not yet in a batch, and refuses when none are left", async () => {
    const { admin, project, reviewers } = await setup({ items: 4, reviewers: 2 });
    await createBatch(admin.id, project.id, { name: "B1", reviewerIds: reviewers.map((r) => r.id) });
    await expect(createBatch(admin.id, project.id, { name: "B2", reviewerIds: reviewers.map((r) => r.id) })).rejects.toThrow(/no unbatched items/);
  });

  it("refuses too few reviewers, inactive reviewers and duplicate batch names", async () => {
    const { admin, project, reviewers } = await setup({ items: 2, reviewers: 2 });
    await expect(createBatch(admin.id, project.id, { name: "B", reviewerIds: [reviewers[0].id] })).rejects.toThrow(/2 distinct reviewers/);
    await getDb().user.update({ where: { id: reviewers[1].id }, data: { isActive: false } });
    await expect(createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id) })).rejects.toThrow(/deactivated/);
    await getDb().user.update({ where: { id: reviewers[1].id }, data: { isActive: true } });
    const items = await getDb().item.findMany({ select: { id: true } });
    await createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id), itemIds: [items[0].id] });
    await expect(createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id), itemIds: [items[1].id] })).rejects.toThrow(/already exists/);
  });

  it("gives gold items to every reviewer (unless asked not to), mixed into the queue, loads still balanced", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id, { reviewersPerItem: 2 });
    const lines = qaLines(8).map((l, i) => ({ ...l, isGold: i < 2 }));
    await seedItems(admin.id, project.id, lines);
    const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
    const result = await createBatch(admin.id, project.id, { name: "G", reviewerIds: reviewers.map((r) => r.id), seed: 5 });
    expect(result).toMatchObject({ items: 8, assignments: 2 * 3 + 6 * 2 });
    const assignments = await getDb().assignment.findMany({ where: { batchId: result.batch.id }, include: { item: true } });
    const gold = assignments.filter((a) => a.item.isGold);
    expect(gold).toHaveLength(6);
    for (const r of reviewers) expect(gold.filter((a) => a.reviewerId === r.id)).toHaveLength(2);
    const loads = reviewers.map((r) => assignments.filter((a) => a.reviewerId === r.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    const other = await seedProject(admin.id, { reviewersPerItem: 2 });
    await seedItems(admin.id, other.id, lines);
    const plain = await createBatch(admin.id, other.id, { name: "G", reviewerIds: reviewers.map((r) => r.id), seed: 5, goldToAllReviewers: false });
    expect(plain.assignments).toBe(8 * 2);
  });
});
