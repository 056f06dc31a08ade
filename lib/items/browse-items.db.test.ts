import { describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { createBatch } from "@/lib/assignments/create-batch";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor, completeRatings } from "@/test/support/study";
import { browseItems } from "./browse-items";
import { loadItemDetail } from "./item-detail";

async function setup() {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
  const project = await seedProject(admin.id, { reviewersPerItem: 2, blinded: true });
  await seedItems(admin.id, project.id, qaLines(7)); // q-1 … q-7
  const items = await getDb().item.findMany({ where: { projectId: project.id }, orderBy: { externalId: "asc" } });
  await getDb().item.update({ where: { id: items[6].id }, data: { isGold: true, specialty: "cardiology" } });
  // Items q-1 … q-4 in a batch; q-1 fully reviewed by both.
  await createBatch(admin.id, project.id, { name: "B1", reviewerIds: reviewers.map((r) => r.id), itemIds: items.slice(0, 4).map((i) => i.id), goldToAllReviewers: false });
  for (const reviewer of reviewers) {
    const a = await getDb().assignment.findFirstOrThrow({ where: { itemId: items[0].id, reviewerId: reviewer.id } });
    expect(await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `m-${a.id}`, data: { ...emptyAnnotationData(), ...completeRatings(a.responseOrder), overallComment: `by ${reviewer.name}` }, submit: true })).toMatchObject({ status: "saved" });
  }
  return { admin, reviewers, project, items };
}

describe("browseItems", () => {
  it("filters by review state, gold, specialty and id prefix, and pages by external id", async () => {
    const { admin, reviewers, project, items } = await setup();
    const ids = async (query: Record<string, string>, limit?: number) => (await browseItems(asActor(admin), project.id, query, limit)).items.map((i) => i.externalId);
    expect(await ids({})).toEqual(items.map((i) => i.externalId));
    expect(await ids({ review: "unbatched" })).toEqual(["q-5", "q-6", "q-7"]);
    expect(await ids({ review: "open" })).toEqual(["q-2", "q-3", "q-4"]);
    expect(await ids({ review: "complete" })).toEqual(["q-1"]);
    expect(await ids({ gold: "only" })).toEqual(["q-7"]);
    expect(await ids({ gold: "exclude", specialty: "" })).toHaveLength(6);
    expect(await ids({ specialty: "cardiology" })).toEqual(["q-7"]);
    expect(await ids({ q: "q-%" })).toEqual([]); // % is a character here, not a wildcard
    expect(await ids({ q: "q-3" })).toEqual(["q-3"]);

    // Pages of 3 cover everything once, in order.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await browseItems(asActor(admin), project.id, cursor ? { cursor } : {}, 3);
      seen.push(...page.items.map((i) => i.externalId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(items.map((i) => i.externalId));

    const [first] = (await browseItems(asActor(admin), project.id, { q: "q-1" })).items;
    expect(first).toMatchObject({ responses: 2, assignments: 2, submitted: 2, skipped: 0, batches: ["B1"] });
    await expect(browseItems(asActor(reviewers[0]), project.id, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(browseItems(asActor(admin), project.id, { review: "maybe" })).rejects.toThrow(/review must be unbatched, open or complete/);
    await expect(browseItems(asActor(admin), project.id, { sort: "x" })).rejects.toThrow();
  });
});

describe("loadItemDetail", () => {
  it("shows the item as reviewers see it, the responses with their models, and every reviewer's annotation", async () => {
    const { admin, reviewers, project, items } = await setup();
    const detail = await loadItemDetail(asActor(admin), project.id, items[0].id);
    expect(detail).toMatchObject({ externalId: "q-1", kind: "qa", item: { kind: "qa", questionHtml: expect.stringContaining("<p>") } });
    expect(detail.responses.map((r) => [r.label, r.modelName])).toEqual([["A", "model-alpha"], ["B", "model-beta"]]);
    expect(detail.annotations).toHaveLength(2);
    expect(detail.annotations.map((a) => a.overallComment).sort()).toEqual(reviewers.map((r) => `by ${r.name}`).sort());
    const axis = detail.axes.find((a) => a.appliesTo === "RESPONSE")!;
    for (const a of detail.annotations) {
      expect(a.status).toBe("submitted");
      for (const r of detail.responses) expect(a.responses[r.id][axis.key]).toBe(axis.options[0].value);
    }
    // Another project's item is not found; reviewers cannot open the page's data.
    const other = await seedProject(admin.id, { reviewersPerItem: 1 });
    await expect(loadItemDetail(asActor(admin), other.id, items[0].id)).rejects.toThrow(/Item not found/);
    await expect(loadItemDetail(asActor(reviewers[0]), project.id, items[0].id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
