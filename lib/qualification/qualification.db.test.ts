import { describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { skipAssignment } from "@/lib/annotations/skip-assignment";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { loadReviewerQueue } from "@/lib/assignments/queue";
import { getDb } from "@/lib/db/client";
import { qaLines, seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { allowExtraAttempt, retryQualification } from "./attempts";
import { resumeReviewer, watchGold } from "./gold-watch";
import { loadQualificationNotices } from "./status";
import { updateQualificationPolicy } from "./update-policy";
import { loadQualificationRecords } from "./outcome-records";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";

type User = Awaited<ReturnType<typeof seedUser>>;
const optionsOf = (axis: { options: unknown }) => axis.options as Array<{ value: string }>;

/** Gold items whose known answer is: response A "accurate" on the project's first axis. */
async function practiceProject(opts: { gold?: number; real?: number } = {}) {
  const admin = await seedUser({ role: "ADMIN" });
  const project = await seedProject(admin.id, { reviewersPerItem: 1, randomizeOrder: false });
  const axis = await getDb().rubricAxis.findFirstOrThrow({ where: { rubric: { projectId: project.id }, appliesTo: "RESPONSE", type: { in: ["CHOICE", "SCALE"] } }, orderBy: { position: "asc" } });
  const [right, wrong] = optionsOf(axis);
  const gold = qaLines(opts.gold ?? 3, "gold").map((l) => ({ ...l, isGold: true, reference: { explanation: "Because **Wells-criteria** say so.", gold: { responses: { A: { [axis.key]: right.value } } } } }));
  await seedItems(admin.id, project.id, [...gold, ...qaLines(opts.real ?? 4, "real")]);
  return { admin, project, axis, right: right.value, wrong: wrong.value };
}

/** Submits an assignment answering the practiced axis as given (on every response; the gold names response A). */
async function answer(reviewer: User, assignmentId: string, axisKey: string, value: string) {
  const a = await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentId }, });
  const axes = await getDb().rubricAxis.findMany({ where: { rubricId: a.rubricId } });
  // Every required axis answered (the first option), the practiced one as asked.
  const ratings = Object.fromEntries(axes.filter((x) => x.appliesTo === "RESPONSE" && x.type !== "TEXT").map((x) => [x.key, x.key === axisKey ? value : optionsOf(x)[0].value]));
  const data = { responses: Object.fromEntries(a.responseOrder.map((id) => [id, { ratings, comments: {} }])), item: { ratings: {}, comments: {} }, overallComment: "" };
  return saveAnnotation(asActor(reviewer), assignmentId, { baseVersion: 0, clientMutationId: `q-${assignmentId}`, data, submit: true });
}

describe("qualification rounds", () => {
  it("closes real batches until the practice round is passed; feedback after each submit; a failed attempt can be retried", async () => {
    const { admin, project, axis, right, wrong } = await practiceProject();
    const reviewer = await seedUser({ role: "REVIEWER" });
    await updateQualificationPolicy(asActor(admin), project.id, { required: true, passPercent: 100, maxAttempts: 2 });
    const round = await createBatch(admin.id, project.id, { name: "Practice", reviewerIds: [reviewer.id], isQualification: true });
    expect(round).toMatchObject({ items: 3, assignments: 3, batch: { isQualification: true } });
    const real = await createBatch(admin.id, project.id, { name: "Real", reviewerIds: [reviewer.id] });
    expect(real.items).toBe(4);

    // Only the practice round is open; a real item says why it is closed, and refuses saves.
    expect((await loadReviewerQueue(asActor(reviewer))).groups.map((g) => g.batchName)).toEqual(["Practice"]);
    const realOne = await getDb().assignment.findFirstOrThrow({ where: { batchId: real.batch.id } });
    await expect(loadAssignmentForReview(asActor(reviewer), realOne.id)).rejects.toThrow(/pass its qualification round first/);
    expect(await answer(reviewer, realOne.id, axis.key, right)).toMatchObject({ status: "locked", message: expect.stringMatching(/qualification round first/) });

    const practice = await getDb().assignment.findMany({ where: { batchId: round.batch.id }, orderBy: { displayOrder: "asc" } });
    expect(await skipAssignment(asActor(reviewer), practice[0].id, { reason: "unsure" })).toMatchObject({ status: "locked", message: expect.stringMatching(/cannot be skipped/) });
    // Before submitting, no known answer reaches the page.
    const before = await loadAssignmentForReview(asActor(reviewer), practice[0].id);
    expect(before.practice).toEqual({ attempt: 1, feedback: null });
    expect(JSON.stringify(before)).not.toContain("Wells-criteria");

    await answer(reviewer, practice[0].id, axis.key, wrong);
    const after = await loadAssignmentForReview(asActor(reviewer), practice[0].id);
    expect(after.practice!.feedback).toMatchObject({ correct: 0, compared: 1, rows: [{ axis: axis.label, ok: false }] });
    expect(after.practice!.feedback!.rows[0].target).toMatch(/^Response [AB]$/);
    expect(after.practice!.feedback!.explanationHtml).toContain("<strong>Wells-criteria</strong>");
    for (const a of practice.slice(1)) await answer(reviewer, a.id, axis.key, right);

    // 2 of 3: below 100 %. Failed once; a retry assigns the items again as attempt 2.
    expect(await getDb().projectMember.findFirstOrThrow({ where: { projectId: project.id, userId: reviewer.id } })).toMatchObject({ qualifiedAt: null, qualificationFailures: 1 });
    const [notice] = await loadQualificationNotices(asActor(reviewer));
    expect(notice.round).toMatchObject({ attempt: 1, open: 0, failures: 1, canRetry: true });
    expect(Math.round(notice.round!.lastPercent!)).toBe(67);
    const retry = await retryQualification(asActor(reviewer), project.id, round.batch.id);
    expect(retry).toMatchObject({ attempt: 2, items: 3 });
    await expect(retryQualification(asActor(reviewer), project.id, round.batch.id)).rejects.toThrow("Finish your current attempt first.");
    for (const a of await getDb().assignment.findMany({ where: { batchId: round.batch.id, attempt: 2 } })) await answer(reviewer, a.id, axis.key, right);

    expect((await getDb().projectMember.findFirstOrThrow({ where: { projectId: project.id, userId: reviewer.id } })).qualifiedAt).not.toBeNull();
    expect((await loadReviewerQueue(asActor(reviewer))).groups.map((g) => g.batchName)).toEqual(["Real"]);
    expect(await getDb().auditEvent.findMany({ where: { projectId: project.id, action: { startsWith: "qualification." } }, orderBy: { createdAt: "asc" }, select: { action: true } })).toEqual([
      { action: "qualification.fail" }, { action: "qualification.retry" }, { action: "qualification.pass" },
    ]);
    await expect(retryQualification(asActor(reviewer), project.id, round.batch.id)).rejects.toThrow("already passed");

    // Outcomes as research data, and each practice annotation's attempt in the exports.
    const [record] = await loadQualificationRecords(asActor(admin), project.slug, { identify: true });
    expect(record).toMatchObject({ reviewer: reviewer.email, failedAttempts: 1, qualifiedAt: expect.any(String), attempts: [{ batch: "Practice", attempt: 1, submitted: 3, correct: 2, compared: 3 }, { attempt: 2, correct: 3, compared: 3, open: 0 }] });
    expect((await loadQualificationRecords(asActor(admin), project.slug))[0].reviewer).toMatch(/^R-[0-9a-f]{10}$/);
    const attempts = [];
    for await (const r of streamAnnotationRecords({ projectId: project.id, batchName: "Practice" })) attempts.push(r.practice?.attempt);
    expect(attempts.sort()).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it("refuses a round of items without known answers, and attempts beyond the policy", async () => {
    const { admin, project, axis, wrong } = await practiceProject({ gold: 1 });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const real = await getDb().item.findMany({ where: { projectId: project.id, isGold: false }, select: { id: true } });
    await expect(createBatch(admin.id, project.id, { name: "P", reviewerIds: [reviewer.id], isQualification: true, itemIds: real.map((i) => i.id) })).rejects.toThrow(/4 item\(s\) are not gold items with known answers/);
    await expect(createBatch(admin.id, project.id, { name: "P", reviewerIds: [reviewer.id], isQualification: true, goldRate: 0.2 })).rejects.toThrow(/takes no arms, repeats/);
    await updateQualificationPolicy(asActor(admin), project.id, { required: true, maxAttempts: 1 });
    const round = await createBatch(admin.id, project.id, { name: "P", reviewerIds: [reviewer.id], isQualification: true });
    const [only] = await getDb().assignment.findMany({ where: { batchId: round.batch.id } });
    await answer(reviewer, only.id, axis.key, wrong);
    await expect(retryQualification(asActor(reviewer), project.id, round.batch.id)).rejects.toThrow("You have used all 1 attempt(s)");
    // A manager allows this reviewer one more; only then, and only once per grant.
    await expect(allowExtraAttempt(asActor(reviewer), project.id, reviewer.id)).rejects.toThrow();
    expect(await allowExtraAttempt(asActor(admin), project.id, reviewer.id)).toEqual({ attemptsAllowed: 2 });
    await expect(allowExtraAttempt(asActor(admin), project.id, reviewer.id)).rejects.toThrow(/failed every attempt they had/);
    expect((await loadQualificationNotices(asActor(reviewer)))[0].round).toMatchObject({ maxAttempts: 2, canRetry: true });
    expect(await retryQualification(asActor(reviewer), project.id, round.batch.id)).toMatchObject({ attempt: 2 });
  });

  it("the gold watch warns, then pauses a reviewer whose gold accuracy in real batches falls; a manager resumes them", async () => {
    const { admin, project, axis, wrong } = await practiceProject({ gold: 4, real: 2 });
    const reviewer = await seedUser({ role: "REVIEWER" });
    await updateQualificationPolicy(asActor(admin), project.id, { required: false, pauseBelowPercent: 70, minGoldItems: 4 });
    const batch = await createBatch(admin.id, project.id, { name: "Real", reviewerIds: [reviewer.id] });
    const gold = await getDb().assignment.findMany({ where: { batchId: batch.batch.id, item: { isGold: true } }, orderBy: { displayOrder: "asc" } });
    const member = () => getDb().projectMember.findFirstOrThrow({ where: { projectId: project.id, userId: reviewer.id } });
    await answer(reviewer, gold[0].id, axis.key, wrong);
    expect((await member()).goldWarnedAt).toBeNull();
    await answer(reviewer, gold[1].id, axis.key, wrong);
    expect(await member()).toMatchObject({ goldWarnedAt: expect.any(Date), pausedAt: null });
    expect((await loadQualificationNotices(asActor(reviewer)))[0]).toMatchObject({ warned: true, paused: false });
    await answer(reviewer, gold[2].id, axis.key, wrong);
    await answer(reviewer, gold[3].id, axis.key, wrong);
    expect(await member()).toMatchObject({ pausedAt: expect.any(Date), pauseReason: "gold accuracy 0 % on 4 item(s), below 70 %" });
    expect((await loadReviewerQueue(asActor(reviewer))).total).toBe(0);
    const open = await getDb().assignment.findFirstOrThrow({ where: { batchId: batch.batch.id, status: "PENDING" } });
    await expect(loadAssignmentForReview(asActor(reviewer), open.id)).rejects.toThrow(/paused \(gold accuracy 0 %/);

    await expect(resumeReviewer(asActor(reviewer), project.id, reviewer.id)).rejects.toThrow();
    await resumeReviewer(asActor(admin), project.id, reviewer.id);
    expect(await member()).toMatchObject({ pausedAt: null, goldWarnedAt: null, goldWatchFrom: expect.any(Date) });
    expect((await loadReviewerQueue(asActor(reviewer))).total).toBe(2);
    // The count starts afresh: the four misses before the resume no longer count.
    expect(await watchGold(project.id, reviewer.id)).toEqual({ graded: 0, percent: null, action: "none" });
  });
});
