import { describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { skipAssignment } from "@/lib/annotations/skip-assignment";
import { getDb } from "@/lib/db/client";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import { loadRubricResults } from "@/lib/results/load-results";
import { resultsFilterSchema } from "@/lib/results/results-filter";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor, completeRatings } from "@/test/support/study";
import { moveReviewerWork } from "./batch-changes";
import { createBatch, previewBatch } from "./create-batch";
import { loadAssignmentForReview } from "./load-for-review";
import { findNextAssignmentId, loadReviewerQueue } from "./queue";

const withReference = (n: number) => qaLines(n).map((l, i) => ({ ...l, reference: { answer: `Reference answer ${i + 1}: **act now**.` } }));
const submit = (reviewer: Parameters<typeof asActor>[0], a: { id: string; responseOrder: string[] }, pick?: (axis: number) => number) =>
  saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `sub-${a.id}`, data: completeRatings(a.responseOrder, pick), submit: true });

async function armsStudy(items = 6, project: { blinded?: boolean; randomizeOrder?: boolean } = {}) {
  const admin = await seedUser({ role: "ADMIN" });
  const p = await seedProject(admin.id, { reviewersPerItem: 1, randomizeOrder: false, ...project });
  await seedItems(admin.id, p.id, withReference(items));
  const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
  return { admin, project: p, reviewers };
}

describe("study arms: unassisted → assisted", () => {
  it("opens each assisted rating only once the same reviewer submitted the unassisted one, and goes to it next", async () => {
    const { admin, project, reviewers } = await armsStudy();
    const input = { name: "Reader", reviewerIds: reviewers.map((r) => r.id), seed: 2, arms: { design: "sequential" as const, assist: { material: "reference" as const, title: "Reference answer" } } };
    expect((await previewBatch(project.id, input)).arms).toEqual({ design: "sequential", secondPhase: "Reader (assisted)", assignments: 6 });
    const result = await createBatch(admin.id, project.id, input);
    expect(result.phaseBatch).toMatchObject({ name: "Reader (assisted)", armDesign: "SEQUENTIAL", opensAt: null });
    const reviewer = reviewers[0];
    const first = await getDb().assignment.findFirstOrThrow({ where: { batchId: result.batch.id, reviewerId: reviewer.id }, orderBy: { displayOrder: "asc" } });
    const second = await getDb().assignment.findFirstOrThrow({ where: { precededById: first.id } });
    expect([first.arm, second.arm, second.reviewerId, second.itemId]).toEqual(["UNASSISTED", "ASSISTED", reviewer.id, first.itemId]);

    // Before the unassisted rating is submitted, the assisted one is nowhere: queue, page, save, skip.
    expect((await loadReviewerQueue(asActor(reviewer))).groups.map((g) => g.batchName)).toEqual(["Reader"]);
    await expect(loadAssignmentForReview(asActor(reviewer), second.id)).rejects.toThrow("Assignment not found.");
    await expect(saveAnnotation(asActor(reviewer), second.id, { baseVersion: 0, clientMutationId: "too-soon", data: completeRatings(second.responseOrder) })).rejects.toThrow("Assignment not found.");
    await expect(skipAssignment(asActor(reviewer), second.id, { reason: "early" })).rejects.toThrow("Assignment not found.");

    // The unassisted page shows no material at all; "next" is already the assisted phase of this item.
    const unassisted = await loadAssignmentForReview(asActor(reviewer), first.id);
    expect(unassisted.phase).toEqual({ arm: "unassisted", phase: 1, design: "sequential" });
    expect(unassisted.assistance).toBeNull();
    expect(JSON.stringify(unassisted)).not.toContain("Reference answer 1");
    expect(unassisted.nextAssignmentId).toBe(second.id);

    expect(await submit(reviewer, first)).toMatchObject({ status: "saved" });
    expect(await findNextAssignmentId(asActor(reviewer), first.id)).toBe(second.id);
    const assisted = await loadAssignmentForReview(asActor(reviewer), second.id);
    expect(assisted.phase).toEqual({ arm: "assisted", phase: 2, design: "sequential" });
    expect(assisted.assistance?.title).toBe("Reference answer");
    expect(assisted.assistance?.html).toContain("<strong>act now</strong>");
    // Same item, same screen order: only the assistance is new.
    expect(assisted.responses.map((r) => r.id)).toEqual(unassisted.responses.map((r) => r.id));
    expect((await loadReviewerQueue(asActor(reviewer))).groups.map((g) => [g.batchName, g.entries.length])).toEqual([["Reader", 2], ["Reader (assisted)", 1]]);
  });

  it("skipping the unassisted rating skips its assisted one, so the batch can finish", async () => {
    const { admin, project, reviewers } = await armsStudy(2);
    const result = await createBatch(admin.id, project.id, { name: "R", reviewerIds: [reviewers[0].id], arms: { design: "sequential", assist: { material: "reference", title: "Ref" } } });
    const first = await getDb().assignment.findFirstOrThrow({ where: { batchId: result.batch.id }, orderBy: { displayOrder: "asc" } });
    expect(await skipAssignment(asActor(reviewers[0]), first.id, { reason: "Outside my specialty" })).toEqual({ status: "skipped" });
    expect(await getDb().assignment.findFirstOrThrow({ where: { precededById: first.id } })).toMatchObject({ status: "SKIPPED", skipReason: "The first phase of this item was skipped." });
  });

  it("a response as the assistance is shown only when assisted, under its title, and is never rated", async () => {
    const { admin, project, reviewers } = await armsStudy(3, { blinded: true });
    const result = await createBatch(admin.id, project.id, { name: "AI", reviewerIds: [reviewers[0].id], arms: { design: "sequential", assist: { material: "response", label: "B", title: "AI suggestion" } } });
    const rows = await getDb().assignment.findMany({ where: { batchId: { in: [result.batch.id, result.phaseBatch!.id] } }, include: { item: { include: { responses: true } } } });
    for (const a of rows) {
      const b = a.item.responses.find((r) => r.label === "B")!;
      expect(a.responseOrder).toEqual([a.item.responses.find((r) => r.label === "A")!.id]);
      expect(a.responseOrder).not.toContain(b.id);
    }
    const first = rows.find((r) => r.arm === "UNASSISTED")!;
    await submit(reviewers[0], first);
    const second = rows.find((r) => r.precededById === first.id)!;
    const page = await loadAssignmentForReview(asActor(reviewers[0]), second.id);
    expect(page.assistance).toMatchObject({ title: "AI suggestion" });
    expect(page.assistance!.html).toContain("Beta answer");
    expect(JSON.stringify(page)).not.toContain("model-beta");
  });

  it("refuses a plan whose items lack the assistance, and arms together with repeats", async () => {
    const { admin, project, reviewers } = await armsStudy(2);
    await seedItems(admin.id, project.id, qaLines(1, "bare"));
    await expect(createBatch(admin.id, project.id, { name: "X", reviewerIds: [reviewers[0].id], arms: { design: "sequential", assist: { material: "reference", title: "Ref" } } })).rejects.toThrow(
      /1 item\(s\) have no reference answer or explanation to show as assistance \(e\.g\. bare-1\)/,
    );
    await expect(createBatch(admin.id, project.id, { name: "X", reviewerIds: [reviewers[0].id], arms: { design: "sequential", assist: { material: "response", label: "C", title: "C" } } })).rejects.toThrow(/3 item\(s\) have no response C/);
    await expect(
      createBatch(admin.id, project.id, { name: "X", reviewerIds: [reviewers[0].id], repeats: { share: 0.2 }, arms: { design: "sequential", assist: { material: "reference", title: "Ref" } } }),
    ).rejects.toThrow(/cannot also schedule repeat ratings/);
    expect(await getDb().batch.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("moving a reviewer's pending work moves each unassisted rating together with its assisted one", async () => {
    const { admin, project, reviewers } = await armsStudy(4);
    const result = await createBatch(admin.id, project.id, { name: "M", reviewerIds: reviewers.map((r) => r.id), arms: { design: "sequential", assist: { material: "reference", title: "Ref" } } });
    const mine = await getDb().assignment.findMany({ where: { batchId: result.batch.id, reviewerId: reviewers[0].id }, orderBy: { displayOrder: "asc" } });
    await submit(reviewers[0], mine[0]);
    const moved = await moveReviewerWork(asActor(admin), project.id, result.batch.id, reviewers[0].id);
    expect(moved).toMatchObject({ moved: mine.length - 1, linkedKept: 0 });
    for (const a of await getDb().assignment.findMany({ where: { batchId: result.phaseBatch!.id }, include: { precededBy: true } })) expect(a.reviewerId).toBe(a.precededBy!.reviewerId);
    // The assisted phase of the submitted item stays with its author and does not move on its own.
    const fromPhase = await moveReviewerWork(asActor(admin), project.id, result.phaseBatch!.id, reviewers[0].id);
    expect(fromPhase).toMatchObject({ moved: 0, linkedKept: 1 });
  });
});

describe("study arms: crossover", () => {
  it("balances arms in period 1, opens period 2 after the washout in the other arm, and keeps arms apart in results and exports", async () => {
    const { admin, project, reviewers } = await armsStudy(8);
    const result = await createBatch(admin.id, project.id, { name: "X", reviewerIds: reviewers.map((r) => r.id), seed: 9, arms: { design: "crossover", assist: { material: "reference", title: "Reference" }, washoutDays: 28 } });
    expect(result.phaseBatch).toMatchObject({ name: "X (period 2)", armDesign: "CROSSOVER" });
    expect(result.phaseBatch!.opensAt!.getTime() - Date.now()).toBeGreaterThan(27.9 * 86_400_000);
    const period1 = await getDb().assignment.findMany({ where: { batchId: result.batch.id } });
    for (const r of reviewers) {
      const arms = period1.filter((a) => a.reviewerId === r.id).map((a) => a.arm);
      expect(arms.filter((a) => a === "ASSISTED")).toHaveLength(arms.length / 2);
    }
    // Period 1 done, identically in both arms; period 2 still closed by the washout.
    for (const a of period1) await submit(reviewers.find((r) => r.id === a.reviewerId)!, a);
    expect((await loadReviewerQueue(asActor(reviewers[0]))).total).toBe(0);
    await getDb().batch.update({ where: { id: result.phaseBatch!.id }, data: { opensAt: new Date(Date.now() - 1000) } });
    const period2 = await getDb().assignment.findMany({ where: { batchId: result.phaseBatch!.id }, include: { precededBy: true } });
    for (const a of period2) expect(a.arm).not.toBe(a.precededBy!.arm);
    for (const a of period2) await submit(reviewers.find((r) => r.id === a.reviewerId)!, a, () => 1);

    // The same reviewer's two conditions are never an intra-rater pair; an arm filter keeps one condition.
    const all = await loadRubricResults(asActor(admin), project.id, resultsFilterSchema.parse({}), { resamples: 20 });
    expect(all.annotations).toBe(16);
    expect(all.agreement.every((a) => a.intra === null)).toBe(true);
    const assisted = await loadRubricResults(asActor(admin), project.id, resultsFilterSchema.parse({ arm: "assisted" }), { resamples: 20 });
    expect(assisted.annotations).toBe(8);
    expect(resultsFilterSchema.safeParse({ arm: "both" }).error?.issues[0].message).toBe("arm must be unassisted or assisted.");

    const records = [];
    for await (const r of streamAnnotationRecords({ projectId: project.id, status: "submitted" })) records.push(r);
    const byAssignment = new Map(records.map((r) => [r.assignmentId, r]));
    for (const a of period2) {
      expect(byAssignment.get(a.id)!.studyArm).toEqual({ design: "crossover", arm: a.arm!.toLowerCase(), phase: 2, firstPhase: a.precededById, assistance: "reference" });
      expect(byAssignment.get(a.precededById!)!.studyArm).toMatchObject({ phase: 1, firstPhase: null, arm: a.precededBy!.arm!.toLowerCase() });
    }
  });
});
