import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { createBatch, previewBatch } from "./create-batch";
import { isDefaultSelection, selectItemIds } from "./select-items";

describe("selectItemIds", () => {
  it("selects unbatched, all, not yet fully reviewed, filtered or listed items; unknown ids are named", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
    const project = await seedProject(admin.id, { reviewersPerItem: 2 });
    await seedItems(admin.id, project.id, qaLines(5)); // q-1 … q-5
    const db = getDb();
    const items = await db.item.findMany({ where: { projectId: project.id }, orderBy: { externalId: "asc" } });
    const ext = async (ids: string[]) => (await db.item.findMany({ where: { id: { in: ids } }, orderBy: { externalId: "asc" } })).map((i) => i.externalId);
    await db.item.update({ where: { id: items[4].id }, data: { specialty: "neurology" } });
    // q-1 and q-2 in a first round; q-1 fully reviewed (2 submitted), q-2 only once.
    const { batch } = await createBatch(admin.id, project.id, { name: "R1", reviewerIds: reviewers.map((r) => r.id), itemIds: [items[0].id, items[1].id] });
    const round = await db.assignment.findMany({ where: { batchId: batch.id }, orderBy: { id: "asc" } });
    for (const a of round.filter((a) => a.itemId === items[0].id).concat(round.filter((a) => a.itemId === items[1].id).slice(0, 1))) {
      await db.assignment.update({ where: { id: a.id }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    }

    expect(await ext(await selectItemIds(project.id, {}))).toEqual(["q-3", "q-4", "q-5"]);
    expect(await ext(await selectItemIds(project.id, { from: "all" }))).toEqual(["q-1", "q-2", "q-3", "q-4", "q-5"]);
    expect(await ext(await selectItemIds(project.id, { from: "under_reviewed" }))).toEqual(["q-2", "q-3", "q-4", "q-5"]);
    expect(await ext(await selectItemIds(project.id, { from: "all", specialty: "neurology" }))).toEqual(["q-5"]);
    expect(await ext(await selectItemIds(project.id, { from: "list", externalIds: "q-4\n q-2 ,q-4\n" }))).toEqual(["q-2", "q-4"]);
    await expect(selectItemIds(project.id, { from: "list", externalIds: "q-2\nq-99\nnope" })).rejects.toThrow(/2 external id\(s\) are not items of this project: q-99, nope\./);
    await expect(selectItemIds(project.id, { from: "list", externalIds: " \n " })).rejects.toThrow(/at least one external id/);
    await expect(selectItemIds(project.id, { kind: "mcq" })).rejects.toThrow(/No item matches/);
    expect(isDefaultSelection({})).toBe(true);
    expect(isDefaultSelection({ from: "unbatched", kind: "qa" })).toBe(false);

    // A second round over the item that is not fully reviewed, planned and previewed like any batch.
    const plan = await previewBatch(project.id, { name: "R2", reviewerIds: reviewers.map((r) => r.id), itemIds: await selectItemIds(project.id, { from: "list", externalIds: "q-2" }) });
    expect(plan).toMatchObject({ items: 1, assignments: 2 });
  });
});
