import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { createBatch } from "./create-batch";

// Issue 7: assigning more than ~32,000 items failed with P2029 (one bound parameter per item; PostgreSQL
// takes at most 65,535 per statement). The study here is above that limit in every dimension the
// batch binds: items, batch rows and assignment rows.
const ITEMS = 33_000;

async function bigProject() {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
  const project = await seedProject(admin.id, { reviewersPerItem: 1 });
  // Seeded set-based (the import path is tested elsewhere; here only the batch is under test).
  await getDb().$executeRaw`
    INSERT INTO "Item" ("id", "projectId", "externalId", "kind", "input", "createdAt")
    SELECT 'big-' || g, ${project.id}, 'x-' || lpad(g::text, 6, '0'), 'QA', '{"question":"Q?"}'::jsonb, now()
    FROM generate_series(1, ${ITEMS}) AS g`;
  await getDb().$executeRaw`
    INSERT INTO "Response" ("id", "itemId", "position", "label", "modelName", "content")
    SELECT 'big-r-' || g || '-' || p, 'big-' || g, p, chr(65 + p), 'model-' || p, 'answer'
    FROM generate_series(1, ${ITEMS}) AS g, generate_series(0, 1) AS p`;
  return { admin, reviewers, project };
}

describe("createBatch at study scale", () => {
  it(`assigns ${ITEMS.toLocaleString("en")} items (every unbatched item) in one batch`, async () => {
    const { admin, reviewers, project } = await bigProject();
    const result = await createBatch(admin.id, project.id, { name: "all", reviewerIds: reviewers.map((r) => r.id), perItem: 1, seed: 5 });
    expect(result).toMatchObject({ items: ITEMS, assignments: ITEMS, perItem: 1 });
    const db = getDb();
    expect(await db.batchItem.count({ where: { batchId: result.batch.id } })).toBe(ITEMS);
    const loads = await db.assignment.groupBy({ by: ["reviewerId"], where: { batchId: result.batch.id }, _count: { _all: true } });
    expect(loads.map((l) => l._count._all).sort()).toEqual([ITEMS / 2, ITEMS / 2]);
    // Every assignment has both responses in some order, and each reviewer's order is 0..n-1.
    const [check] = await db.$queryRaw<Array<{ bad: number; orders: number }>>`
      SELECT count(*) FILTER (WHERE cardinality("responseOrder") <> 2)::int AS bad,
             count(DISTINCT ("reviewerId", "displayOrder"))::int AS orders
      FROM "Assignment" WHERE "batchId" = ${result.batch.id}`;
    expect(check).toEqual({ bad: 0, orders: ITEMS });
  });

  it(`assigns an explicit list of ${ITEMS.toLocaleString("en")} item ids`, async () => {
    const { admin, reviewers, project } = await bigProject();
    const itemIds = Array.from({ length: ITEMS }, (_, i) => `big-${i + 1}`);
    const result = await createBatch(admin.id, project.id, { name: "listed", reviewerIds: [reviewers[0].id], perItem: 1, itemIds });
    expect(result).toMatchObject({ items: ITEMS, assignments: ITEMS });
  });
});
