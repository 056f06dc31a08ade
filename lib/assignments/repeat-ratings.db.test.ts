import { describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor, completeRatings } from "@/test/support/study";
import { createBatch, previewBatch } from "./create-batch";
import { loadAssignmentForReview } from "./load-for-review";
import { loadReviewerQueue } from "./queue";
import { loadRubricResults } from "@/lib/results/load-results";
import { resultsFilterSchema } from "@/lib/results/results-filter";

describe("repeat ratings", () => {
  it("schedules a share of each reviewer's items again after the washout, unmarked and linked to the first rating", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1, randomizeOrder: false });
    await seedItems(admin.id, project.id, qaLines(20));
    const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
    const input = { name: "Main", reviewerIds: reviewers.map((r) => r.id), seed: 4, repeats: { share: 0.2, washoutItems: 3, washoutDays: 0 } };
    const preview = await previewBatch(project.id, input);
    expect(preview.loads.map((l) => [l.assignments, l.repeats])).toEqual([[10, 2], [10, 2]]);
    const result = await createBatch(admin.id, project.id, input);
    expect(result).toMatchObject({ assignments: 20, repeats: 4, repeatBatch: { name: "Main (2)" } });

    const repeats = await getDb().assignment.findMany({ where: { batchId: result.repeatBatch!.id }, include: { repeatOf: true } });
    expect(repeats).toHaveLength(4);
    for (const r of repeats) {
      expect([r.repeatOf!.reviewerId, r.repeatOf!.itemId, r.repeatOf!.batchId]).toEqual([r.reviewerId, r.itemId, result.batch.id]);
      expect(10 - 1 - r.repeatOf!.displayOrder).toBeGreaterThanOrEqual(3);
    }
    // Unmarked: in the reviewer's queue the repeats are a later batch like any other, after the whole first one.
    const queue = await loadReviewerQueue(asActor(reviewers[0]));
    expect(queue.groups.map((g) => [g.batchName, g.entries.length])).toEqual([["Main", 10], ["Main (2)", 2]]);

    // Rated twice the same way, the repeats give the results an intra-rater figure (the research side reads the second occasion).
    for (const r of repeats) {
      for (const a of [r.repeatOf!, r]) {
        const reviewer = reviewers.find((x) => x.id === a.reviewerId)!;
        expect(await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `rep-${a.id}`, data: completeRatings(a.responseOrder), submit: true })).toMatchObject({ status: "saved" });
      }
    }
    const results = await loadRubricResults(asActor(admin), project.id, resultsFilterSchema.parse({}), { resamples: 50 });
    const intra = results.agreement.find((x) => x.intra);
    expect(intra?.intra).toBeTruthy();
  });

  it("a washout in days hides the repeats (queue, review page, saves) until the batch opens", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1 });
    await seedItems(admin.id, project.id, qaLines(10));
    const reviewer = await seedUser({ role: "REVIEWER" });
    const result = await createBatch(admin.id, project.id, { name: "Later", reviewerIds: [reviewer.id], repeats: { share: 0.3, washoutItems: 0, washoutDays: 14 } });
    expect(result.repeatBatch!.opensAt!.getTime() - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    const hidden = await getDb().assignment.findFirstOrThrow({ where: { batchId: result.repeatBatch!.id } });
    expect((await loadReviewerQueue(asActor(reviewer))).total).toBe(10);
    await expect(loadAssignmentForReview(asActor(reviewer), hidden.id)).rejects.toThrow("Assignment not found.");
    await expect(saveAnnotation(asActor(reviewer), hidden.id, { baseVersion: 0, clientMutationId: "too-early", data: completeRatings(hidden.responseOrder) })).rejects.toThrow("Assignment not found.");
    await getDb().batch.update({ where: { id: result.repeatBatch!.id }, data: { opensAt: new Date(Date.now() - 1000) } });
    expect((await loadReviewerQueue(asActor(reviewer))).total).toBe(13);
  });
});
