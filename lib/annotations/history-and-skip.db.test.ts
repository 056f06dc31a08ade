import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { asActor, seedStudy } from "@/test/support/study";
import { listOwnRevisions } from "./list-revisions";
import { saveAnnotation } from "./save-annotation";
import { emptyAnnotationData } from "./schema";
import { skipAssignment } from "./skip-assignment";
import { listSkippedAssignments } from "@/lib/assignments/progress";

describe("revision history", () => {
  it("lists the reviewer's own saves newest first with readable changes, and only to them", async () => {
    const { reviewers, assignments } = await seedStudy();
    const me = asActor(reviewers[0]);
    const a = assignments.find((x) => x.reviewerId === me.id)!;
    const first = a.responseOrder[0];
    const v1 = { ...emptyAnnotationData(), responses: { [first]: { ratings: { harm_extent: "moderate_mild", correct_reasoning: "no" }, comments: {}, confidence: 4 } } };
    await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "h-1-aaaa", data: v1 });
    await saveAnnotation(me, a.id, { baseVersion: 1, clientMutationId: "h-2-aaaa", data: { ...v1, overallComment: "looks fine" } });
    const history = await listOwnRevisions(me, a.id);
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    // Labels as the reviewer saw them, never stored codes ("moderate_mild").
    expect(history[1].changes).toEqual(["Response A · Extent of possible harm: — → Moderate or mild harm", "Response A · Evidence of correct reasoning: — → No", "Response A · Confidence: — → 4"]);
    expect(history[0].changes).toEqual(["Overall comment: — → looks fine"]);
    await expect(listOwnRevisions(asActor(reviewers[1]), a.id)).rejects.toThrow(/not found/i);
  });
});

describe("skipAssignment", () => {
  it("skips with a reason, keeps the draft, audits, and refuses to skip submitted or foreign work", async () => {
    const { reviewers, assignments } = await seedStudy();
    const me = asActor(reviewers[0]);
    const [a, b] = assignments.filter((x) => x.reviewerId === me.id);
    await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "draft-before-skip", data: { ...emptyAnnotationData(), overallComment: "half done" } });
    await expect(skipAssignment(me, a.id, { reason: "" })).rejects.toThrow(/why you skip/);
    expect(await skipAssignment(me, a.id, { reason: "Outside my expertise", timeOnTaskDeltaMs: 900 })).toEqual({ status: "skipped" });
    const stored = await getDb().assignment.findUniqueOrThrow({ where: { id: a.id }, include: { annotation: true } });
    expect(stored).toMatchObject({ status: "SKIPPED", skipReason: "Outside my expertise" });
    expect(stored.annotation?.data).toMatchObject({ overallComment: "half done" });
    expect(await getDb().auditEvent.count({ where: { action: "assignment.skip", entityId: a.id } })).toBe(1);
    expect((await listSkippedAssignments(a.batchId)).map((s) => [s.assignmentId, s.reviewerEmail, s.reason])).toEqual([[a.id, reviewers[0].email, "Outside my expertise"]]);
    // Once skipped, saves are locked and a second skip is refused.
    expect(await saveAnnotation(me, a.id, { baseVersion: 1, clientMutationId: "after-skip-x", data: emptyAnnotationData() })).toMatchObject({ status: "locked" });
    expect(await skipAssignment(me, a.id, { reason: "again please" })).toMatchObject({ status: "locked" });
    await expect(skipAssignment(asActor(reviewers[1]), b.id, { reason: "not mine at all" })).rejects.toThrow(/not found/i);
  });
});
