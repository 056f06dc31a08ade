import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { markAssignmentSeen } from "@/lib/assignments/transition";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { saveAnnotation } from "./save-annotation";
import { emptyAnnotationData } from "./schema";

describe("saveAnnotation", () => {
  it("creates, then versions, a draft and writes a revision per save", async () => {
    const { reviewers, assignments } = await seedStudy();
    const me = asActor(reviewers[0]);
    const a = assignments.find((x) => x.reviewerId === me.id)!;
    const data = { ...emptyAnnotationData(), overallComment: "first" };
    const opened = new Date("2026-11-30T09:00:00Z");
    const at = (ms: number) => ({ now: new Date(opened.getTime() + ms) });
    await markAssignmentSeen(me, a.id, opened);
    expect(await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "mutation-1", data, timeOnTaskDeltaMs: 1500 }, at(60_000))).toEqual({ status: "saved", version: 1, submitted: false, duplicate: false });
    expect(await saveAnnotation(me, a.id, { baseVersion: 1, clientMutationId: "mutation-2", data: { ...data, overallComment: "second" }, timeOnTaskDeltaMs: 500 }, at(61_000))).toMatchObject({ status: "saved", version: 2 });
    const stored = await getDb().annotation.findUniqueOrThrow({ where: { assignmentId: a.id }, include: { revisions: { orderBy: { version: "asc" } } } });
    expect(stored.data).toMatchObject({ overallComment: "second" });
    expect(stored.revisions.map((r) => [r.version, r.clientMutationId])).toEqual([[1, "mutation-1"], [2, "mutation-2"]]);
    const assignment = await getDb().assignment.findUniqueOrThrow({ where: { id: a.id } });
    expect(assignment).toMatchObject({ status: "IN_PROGRESS", timeOnTaskMs: 2000 });
    expect(assignment.startedAt).not.toBeNull();
  });

  it("is idempotent: replaying a mutation id changes nothing", async () => {
    const { reviewers, assignments } = await seedStudy();
    const me = asActor(reviewers[0]);
    const a = assignments.find((x) => x.reviewerId === me.id)!;
    const save = { baseVersion: 0, clientMutationId: "mutation-x", data: emptyAnnotationData(), timeOnTaskDeltaMs: 1000 };
    await markAssignmentSeen(me, a.id, new Date(Date.now() - 60_000));
    await saveAnnotation(me, a.id, save);
    expect(await saveAnnotation(me, a.id, save)).toEqual({ status: "saved", version: 1, submitted: false, duplicate: true });
    expect(await getDb().annotationRevision.count()).toBe(1);
    expect((await getDb().assignment.findUniqueOrThrow({ where: { id: a.id } })).timeOnTaskMs).toBe(1000);
  });

  it("refuses a stale version with the server's document, overwriting nothing", async () => {
    const { reviewers, assignments } = await seedStudy();
    const me = asActor(reviewers[0]);
    const a = assignments.find((x) => x.reviewerId === me.id)!;
    await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "tab-1-save", data: { ...emptyAnnotationData(), overallComment: "tab 1" } });
    const result = await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "tab-2-save", data: { ...emptyAnnotationData(), overallComment: "tab 2" } });
    expect(result).toMatchObject({ status: "conflict", serverVersion: 1, serverData: { overallComment: "tab 1" } });
    expect((await getDb().annotation.findUniqueOrThrow({ where: { assignmentId: a.id } })).data).toMatchObject({ overallComment: "tab 1" });
  });

  it("lets exactly one of two concurrent saves on the same version win", async () => {
    const { reviewers, assignments } = await seedStudy();
    const me = asActor(reviewers[0]);
    const a = assignments.find((x) => x.reviewerId === me.id)!;
    await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "base-save", data: emptyAnnotationData() });
    const results = await Promise.all(
      ["one", "two", "three"].map((n) => saveAnnotation(me, a.id, { baseVersion: 1, clientMutationId: `race-${n}-x`, data: { ...emptyAnnotationData(), overallComment: n } })),
    );
    expect(results.filter((r) => r.status === "saved")).toHaveLength(1);
    expect(results.filter((r) => r.status === "conflict")).toHaveLength(2);
    expect((await getDb().annotation.findUniqueOrThrow({ where: { assignmentId: a.id } })).version).toBe(2);
  });

  it("enforces required axes at submit, then submits, audits and locks", async () => {
    const { reviewers, assignments } = await seedStudy();
    const me = asActor(reviewers[0]);
    const a = assignments.find((x) => x.reviewerId === me.id)!;
    const missing = await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "submit-early", data: emptyAnnotationData(), submit: true });
    expect(missing.status).toBe("invalid");
    if (missing.status === "invalid") expect(missing.problems).toHaveLength(24);
    const ok = await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "submit-full", data: completeRatings(a.responseOrder), submit: true });
    expect(ok).toMatchObject({ status: "saved", version: 1, submitted: true });
    const assignment = await getDb().assignment.findUniqueOrThrow({ where: { id: a.id }, include: { annotation: true, rubric: true } });
    expect(assignment.status).toBe("SUBMITTED");
    expect(assignment.annotation?.submittedAt).not.toBeNull();
    expect(assignment.rubric.frozenAt).not.toBeNull();
    expect(await getDb().auditEvent.count({ where: { action: "annotation.submit", actorId: me.id } })).toBe(1);
    expect(await saveAnnotation(me, a.id, { baseVersion: 1, clientMutationId: "after-submit", data: emptyAnnotationData() })).toMatchObject({ status: "locked" });
  });

  it("refuses invalid values even in drafts", async () => {
    const { reviewers, assignments } = await seedStudy();
    const me = asActor(reviewers[0]);
    const a = assignments.find((x) => x.reviewerId === me.id)!;
    const data = { ...emptyAnnotationData(), responses: { [a.responseOrder[0]]: { ratings: { harm_extent: "lots" }, comments: {} } } };
    expect(await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "bad-value", data })).toMatchObject({ status: "invalid" });
    expect(await getDb().annotation.count()).toBe(0);
  });

  it("never lets a reviewer write another reviewer's assignment", async () => {
    const { reviewers, assignments, admin } = await seedStudy();
    const theirs = assignments.find((x) => x.reviewerId === reviewers[1].id)!;
    await expect(saveAnnotation(asActor(reviewers[0]), theirs.id, { baseVersion: 0, clientMutationId: "intruder", data: emptyAnnotationData() })).rejects.toThrow(/not found/i);
    await expect(saveAnnotation(asActor(admin), theirs.id, { baseVersion: 0, clientMutationId: "intruder", data: emptyAnnotationData() })).rejects.toThrow(/not found/i);
  });
});
