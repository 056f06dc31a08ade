import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { createBatch } from "./create-batch";
import { resolveAssignmentList } from "./fixed-list";
import { selectItemIds } from "./select-items";

describe("batches from a fixed list and from a metadata field", () => {
  it("assigns exactly the listed pairs; every bad line is named and nothing is written", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    for (const email of ["list-a@x.org", "list-b@x.org"]) await seedUser({ role: "REVIEWER", email });
    const researcher = await seedUser({ role: "RESEARCHER", email: "list-r@x.org" });
    const project = await seedProject(admin.id, { reviewersPerItem: 2, randomizeOrder: false });
    await seedItems(admin.id, project.id, qaLines(3));

    const bad = "external_id,reviewer\nq-1,list-a@x.org\nq-9,list-a@x.org\nq-2,nobody@x.org\nq-2,list-r@x.org\nq-1,LIST-A@x.org\nq-3\n";
    await expect(resolveAssignmentList(project.id, bad)).rejects.toThrow(
      'The assignment list has 5 problem(s); nothing was assigned. line 7: expected two values, external_id,reviewer; line 3: no item "q-9" in this project; line 4: no user nobody@x.org; line 5: list-r@x.org cannot review in this project (deactivated, or a researcher account that is not a reviewer member); line 6: repeats line 2 (a reviewer reviews an item once per batch).',
    );
    await expect(resolveAssignmentList(project.id, "external_id,reviewer\n")).rejects.toThrow(/empty/);

    // Without a header; the researcher becomes usable once the project makes them a reviewer member.
    await getDb().projectMember.create({ data: { projectId: project.id, userId: researcher.id, role: "REVIEWER" } });
    const pairs = await resolveAssignmentList(project.id, "\uFEFFq-1,list-a@x.org\nq-1,list-r@x.org\nq-3,list-b@x.org\n");
    const result = await createBatch(admin.id, project.id, { name: "Fixed", reviewerIds: [...new Set(pairs.map((p) => p.reviewerId))], pairs });
    expect(result).toMatchObject({ items: 2, assignments: 3 });
    const rows = await getDb().assignment.findMany({ where: { batchId: result.batch.id }, include: { item: true, reviewer: true }, orderBy: [{ item: { externalId: "asc" } }, { reviewer: { email: "asc" } }] });
    expect(rows.map((r) => [r.item.externalId, r.reviewer.email])).toEqual([["q-1", "list-a@x.org"], ["q-1", "list-r@x.org"], ["q-3", "list-b@x.org"]]);
    // q-2 was not listed: it stays out of the batch.
    expect(await getDb().batchItem.count({ where: { batchId: result.batch.id } })).toBe(2);
  });

  it("selects items by a metadata field's value", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id, {});
    await seedItems(admin.id, project.id, qaLines(3).map((l, i) => ({ ...l, metadata: { site: i === 1 ? "Boston" : "Lyon", arm: i } })));
    const ext = async (ids: string[]) => (await getDb().item.findMany({ where: { id: { in: ids } }, orderBy: { externalId: "asc" } })).map((i) => i.externalId);
    expect(await ext(await selectItemIds(project.id, { from: "all", metadata: "site=Lyon" }))).toEqual(["q-1", "q-3"]);
    expect(await ext(await selectItemIds(project.id, { from: "all", metadata: " arm = 1" }))).toEqual(["q-2"]);
    await expect(selectItemIds(project.id, { from: "all", metadata: "site=Paris" })).rejects.toThrow(/No item matches/);
    await expect(selectItemIds(project.id, { from: "all", metadata: "no equals sign" })).rejects.toThrow(/key=value/);
  });
});
