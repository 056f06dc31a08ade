import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { createBatch, previewBatch } from "./create-batch";

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

  it("matches specialty: items go only to reviewers who list it, items nobody can cover are left out (unbatched) and named in the preview", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id, { reviewersPerItem: 2 });
    const specialties = ["Cardiology", "cardiology", "Neurology", null, "Oncology", "cardiology"];
    await seedItems(admin.id, project.id, qaLines(6).map((l, i) => ({ ...l, ...(specialties[i] ? { specialty: specialties[i] } : {}) })));
    const cardio = [await seedUser({ role: "REVIEWER", specialty: "Cardiology; Internal medicine" }), await seedUser({ role: "REVIEWER", specialty: "cardiology" })];
    const neuro = await seedUser({ role: "REVIEWER", specialty: "Neurology" });
    const reviewerIds = [...cardio, neuro].map((r) => r.id);
    const preview = await previewBatch(project.id, { name: "S", reviewerIds, matchSpecialty: true, seed: 3 });
    // Neurology has one reviewer for two places, oncology none: both left out and named.
    expect(preview.uncovered).toEqual({ count: 2, examples: [{ externalId: "q-3", specialty: "Neurology", eligible: 1 }, { externalId: "q-5", specialty: "Oncology", eligible: 0 }] });
    expect(preview).toMatchObject({ items: 4, assignments: 8 });
    const result = await createBatch(admin.id, project.id, { name: "S", reviewerIds, matchSpecialty: true, seed: 3 });
    expect(result).toMatchObject({ items: 4, assignments: 8, uncovered: 2 });
    const rows = await getDb().assignment.findMany({ where: { batchId: result.batch.id }, include: { item: true } });
    for (const a of rows.filter((r) => r.item.specialty)) expect(cardio.map((c) => c.id)).toContain(a.reviewerId);
    // The uncovered items stay unbatched, ready for a batch with the right reviewers.
    expect(await getDb().batchItem.count({ where: { item: { projectId: project.id, externalId: { in: ["q-3", "q-5"] } } } })).toBe(0);
    await expect(createBatch(admin.id, project.id, { name: "S2", reviewerIds: [neuro.id, cardio[0].id], matchSpecialty: true, perItem: 2 })).rejects.toThrow(/No item can get 2 reviewer\(s\) of its specialty/);
  });

  it("refuses a quota that cannot hold the batch, keeps each reviewer within it otherwise, and mixes gold in at a rate", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1 });
    await seedItems(admin.id, project.id, qaLines(24).map((l, i) => ({ ...l, isGold: i < 6 })));
    const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
    const reviewerIds = reviewers.map((r) => r.id);
    await expect(previewBatch(project.id, { name: "Q", reviewerIds, quota: 5, goldToAllReviewers: false })).rejects.toThrow(/needs 24 assignments .* can take only 15/);
    const result = await createBatch(admin.id, project.id, { name: "Q", reviewerIds, quota: 6, goldRate: 0.25, seed: 9 });
    const rows = await getDb().assignment.findMany({ where: { batchId: result.batch.id }, include: { item: true } });
    for (const r of reviewers) {
      const mine = rows.filter((a) => a.reviewerId === r.id);
      const gold = mine.filter((a) => a.item.isGold);
      // 18 ordinary items over 3 reviewers = 6 each (the quota); gold is a quarter of the queue: 6 × 0.25 / 0.75 = 2.
      expect([mine.length - gold.length, gold.length]).toEqual([6, 2]);
      expect(new Set(gold.map((a) => a.itemId)).size).toBe(2);
    }
    // Gold items nobody drew are not in the batch.
    const drawn = new Set(rows.filter((a) => a.item.isGold).map((a) => a.itemId));
    expect(await getDb().batchItem.count({ where: { batchId: result.batch.id, item: { isGold: true } } })).toBe(drawn.size);
  });
});
