import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor, completeRatings } from "@/test/support/study";
import { loadAssignmentForReview } from "./load-for-review";
import { findNextAssignmentId, loadReviewerQueue } from "./queue";

// Issue 7: "Submit and next" on an item of one study opened an item of another study.
async function twoStudies() {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewer = asActor(await seedUser({ role: "REVIEWER" }));
  // The other study's batch is older, so a queue-wide "next" would jump into it.
  const other = await seedProject(admin.id, { name: "Walkthrough A", reviewersPerItem: 1 });
  await seedItems(admin.id, other.id, qaLines(3, "a"));
  await createBatch(admin.id, other.id, { name: "A1", reviewerIds: [reviewer.id], perItem: 1 });
  const study = await seedProject(admin.id, { name: "Walkthrough B", reviewersPerItem: 1, randomizeOrder: false });
  await seedItems(admin.id, study.id, qaLines(4, "b"));
  await createBatch(admin.id, study.id, { name: "B1", reviewerIds: [reviewer.id], perItem: 1, itemIds: (await getDb().item.findMany({ where: { projectId: study.id, externalId: { in: ["b-1", "b-2"] } }, select: { id: true } })).map((i) => i.id) });
  await createBatch(admin.id, study.id, { name: "B2", reviewerIds: [reviewer.id], perItem: 1 });
  const inBatch = (name: string) => getDb().assignment.findMany({ where: { reviewerId: reviewer.id, batch: { name } }, orderBy: { displayOrder: "asc" } });
  return { reviewer, b1: await inBatch("B1"), b2: await inBatch("B2") };
}

describe("the reviewer's next item", () => {
  it("stays in the batch, then the project, never another study, and says when the project is done", async () => {
    const { reviewer, b1, b2 } = await twoStudies();
    const first = await loadAssignmentForReview(reviewer, b1[0].id);
    expect(first.assignment).toMatchObject({ number: 1, itemsInBatch: 2, batchName: "B1" });
    expect(first).toMatchObject({ nextAssignmentId: b1[1].id, nextScope: "batch" });

    const last = await loadAssignmentForReview(reviewer, b1[1].id);
    expect(last).toMatchObject({ nextAssignmentId: b1[0].id, nextScope: "batch" }); // wraps to an item passed over
    await saveAnnotation(reviewer, b1[0].id, { baseVersion: 0, clientMutationId: "b1-0-submit", data: completeRatings(b1[0].responseOrder), submit: true });
    expect(await loadAssignmentForReview(reviewer, b1[1].id)).toMatchObject({ nextAssignmentId: b2[0].id, nextScope: "project" });
    expect(await findNextAssignmentId(reviewer, b1[1].id)).toBe(b2[0].id);

    for (const [i, a] of [b1[1], ...b2].entries()) {
      await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: `rest-${i}-submit`, data: completeRatings(a.responseOrder), submit: true });
    }
    // Walkthrough A still has open work, but B's last item does not lead there.
    expect(await loadAssignmentForReview(reviewer, b2[1].id)).toMatchObject({ nextAssignmentId: null, nextScope: null });
    expect(await findNextAssignmentId(reviewer, b2[1].id)).toBeNull();
  });
});

describe("loadReviewerQueue", () => {
  it("groups by study and batch with the review page's numbers, snippets, progress and filters", async () => {
    const { reviewer, b1 } = await twoStudies();
    const queue = await loadReviewerQueue(reviewer);
    expect(queue.groups.map((g) => [g.project.name, g.batchName, g.entries.map((e) => e.number), g.total, g.done])).toEqual([
      ["Walkthrough A", "A1", expect.any(Array), 3, 0],
      ["Walkthrough B", "B1", [1, 2], 2, 0],
      ["Walkthrough B", "B2", [1, 2], 2, 0],
    ]);
    expect(queue.groups[1].entries[0].snippet).toMatch(/^Question 1: what should a patient know/);
    const page = await loadAssignmentForReview(reviewer, queue.groups[1].entries[1].id);
    expect(page.assignment.number).toBe(queue.groups[1].entries[1].number);

    await saveAnnotation(reviewer, b1[0].id, { baseVersion: 0, clientMutationId: "q-submit-1", data: completeRatings(b1[0].responseOrder), submit: true });
    const slug = (await getDb().project.findFirstOrThrow({ where: { name: "Walkthrough B" } })).slug;
    const onlyB = await loadReviewerQueue(reviewer, { filter: { projectSlug: slug } });
    expect(onlyB.groups.map((g) => [g.batchName, g.entries.map((e) => e.number), g.done])).toEqual([["B1", [2], 1], ["B2", [1, 2], 0]]);
    const submitted = await loadReviewerQueue(reviewer, { filter: { status: "submitted" } });
    expect(submitted.groups.flatMap((g) => g.entries.map((e) => e.id))).toEqual([b1[0].id]);
    expect((await loadReviewerQueue(reviewer, { filter: { batchId: b1[0].batchId, status: "all" } })).total).toBe(2);
    // Nonsense pages never fail: not a number means the first page, far beyond the end is empty.
    expect((await loadReviewerQueue(reviewer, { page: 1e400 })).page).toBe(1);
    expect((await loadReviewerQueue(reviewer, { page: 1e9 })).groups).toEqual([]);
  });
});
