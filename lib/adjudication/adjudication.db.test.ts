import { describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { seedUser } from "@/lib/seed/factories";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { loadAdjudication, saveConsensus } from "./consensus";
import { loadDisagreementQueue } from "./queue";
import { consensusRecordSchema, loadConsensusRecords } from "./consensus-records";
import { runCli } from "@/lib/cli/main";
import { selectItemIds } from "@/lib/assignments/select-items";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { loadRubricResults } from "@/lib/results/load-results";
import { resultsFilterSchema } from "@/lib/results/results-filter";

async function studyWithReviews() {
  const study = await seedStudy({ items: 3 });
  const byItem = new Map<string, typeof study.assignments>();
  for (const a of study.assignments) byItem.set(a.itemId, [...(byItem.get(a.itemId) ?? []), a]);
  const [first, second, third] = [...byItem.values()];
  const submit = async (a: (typeof study.assignments)[number], pick: (axis: number) => number) =>
    saveAnnotation(asActor(study.reviewers.find((r) => r.id === a.reviewerId)!), a.id, { baseVersion: 0, clientMutationId: `s-${a.id}`, data: completeRatings(a.responseOrder, pick), submit: true });
  // Item 1: the reviewers disagree on the first axis; item 2: they agree; item 3: one review only.
  await submit(first[0], () => 0);
  await submit(first[1], (axis) => (axis === 0 ? 1 : 0));
  await submit(second[0], () => 0);
  await submit(second[1], () => 0);
  await submit(third[0], () => 0);
  const [adjudicator, analyst] = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "RESEARCHER" })];
  await getDb().projectMember.createMany({ data: [{ projectId: study.project.id, userId: adjudicator.id, role: "ADJUDICATOR" }, { projectId: study.project.id, userId: analyst.id, role: "ANALYST" }] });
  return { study, disputed: first[0].itemId, agreed: second[0].itemId, adjudicator: asActor(adjudicator), analyst: asActor(analyst) };
}

describe("adjudication", () => {
  it("step verdicts and argument structure disagree too (project settings), listed in words on the item", async () => {
    const { study, agreed, adjudicator } = await studyWithReviews();
    // The agreeing item's two reviews get different step verdicts and span sets (written as stored documents).
    const reviews = await getDb().annotation.findMany({ where: { itemId: agreed, kind: "REVIEW" }, orderBy: { id: "asc" } });
    const responseId = (await getDb().response.findFirstOrThrow({ where: { itemId: agreed, position: 0 } })).id;
    const target = `response.${responseId}.content`;
    const tools = (verdict: string, end: number) => ({
      steps: { [responseId]: { segmentationVersion: 1, steps: { "0": { verdict: "correct" }, "1": { verdict } } } },
      arguments: { [target]: { spans: [{ id: "T1", label: "claim", start: 0, end, text: "x" }], relations: [] } },
    });
    await getDb().annotation.update({ where: { id: reviews[0].id }, data: { data: { ...(reviews[0].data as object), ...tools("correct", 5) } } });
    await getDb().annotation.update({ where: { id: reviews[1].id }, data: { data: { ...(reviews[1].data as object), ...tools("incorrect", 6) } } });
    const entry = (await loadDisagreementQueue(adjudicator, study.project.id)).entries.find((e) => e.itemId === agreed);
    expect(entry).toMatchObject({ disagreements: 2, axes: ["step verdicts", "argument structure"] });
    const view = await loadAdjudication(adjudicator, study.project.id, agreed);
    expect(view.toolDisagreements).toEqual([
      { what: "Response A · step 2 verdict", answers: ["correct", "incorrect"] },
      { what: "Argument structure · Response A's answer", answers: ["1 span(s), 0 relation(s)", "1 span(s), 0 relation(s)"] },
    ]);
    // Switched off in the project's settings, they no longer count.
    const settings = { ...(study.project.settings as object), adjudication: { scaleRange: 2, steps: false, arguments: false } };
    await getDb().project.update({ where: { id: study.project.id }, data: { settings } });
    expect((await loadDisagreementQueue(adjudicator, study.project.id)).entries.find((e) => e.itemId === agreed)).toBeUndefined();
  });

  it("queues the items whose reviews disagree, for adjudicators and managers only", async () => {
    const { study, disputed, adjudicator, analyst } = await studyWithReviews();
    const queue = await loadDisagreementQueue(adjudicator, study.project.id);
    expect(queue).toMatchObject({ checked: 2, scaleRange: 2 });
    expect(queue.entries).toEqual([expect.objectContaining({ itemId: disputed, reviews: 2, consensus: "none" })]);
    expect(queue.entries[0].disagreements).toBe(2); // the first axis, on each of the two responses
    await expect(loadDisagreementQueue(analyst, study.project.id)).rejects.toThrow(ForbiddenError);
    await expect(loadDisagreementQueue(asActor(study.outsider), study.project.id)).rejects.toThrow(NotFoundError);
    await expect(loadDisagreementQueue(asActor(study.reviewers[0]), study.project.id)).rejects.toThrow(ForbiddenError);
  });

  it("shows the reviewers side by side (named only for managers), a merged start, and records a versioned consensus", async () => {
    const { study, disputed, agreed, adjudicator } = await studyWithReviews();
    const view = await loadAdjudication(adjudicator, study.project.id, disputed);
    expect(view.namesShown).toBe(false);
    expect(view.reviewers.map((r) => r.label)).toEqual(["Reviewer 1", "Reviewer 2"]);
    expect(view.responses.every((r) => r.modelName === null)).toBe(true); // blinded project
    expect(view.disagreements.map((d) => d.target)).toEqual(["response", "response"]);
    const admin = await loadAdjudication(asActor(study.admin), study.project.id, disputed);
    expect(new Set(admin.reviewers.map((r) => r.label))).toEqual(new Set(study.reviewers.map((r) => r.name)));

    const first = await saveConsensus(adjudicator, study.project.id, disputed, { baseVersion: 0, data: view.merged, basis: "merge" });
    expect(first).toEqual({ status: "saved", version: 1, decided: false });
    const stale = await saveConsensus(asActor(study.admin), study.project.id, disputed, { baseVersion: 0, data: view.merged });
    expect(stale).toMatchObject({ status: "conflict", version: 1 });
    expect(await saveConsensus(adjudicator, study.project.id, disputed, { baseVersion: 1, data: view.merged, decide: true })).toEqual({ status: "saved", version: 2, decided: true });

    const stored = await getDb().annotation.findMany({ where: { itemId: disputed, kind: "CONSENSUS" }, include: { revisions: true } });
    expect(stored).toHaveLength(1);
    expect([stored[0].assignmentId, stored[0].version, stored[0].revisions.length, stored[0].submittedAt !== null]).toEqual([null, 2, 2, true]);
    expect(await getDb().auditEvent.count({ where: { action: "annotation.consensus", projectId: study.project.id } })).toBe(2);
    expect((await loadDisagreementQueue(adjudicator, study.project.id)).entries[0].consensus).toBe("decided");
    await expect(loadAdjudication(adjudicator, study.project.id, agreed)).resolves.toMatchObject({ disagreements: [] });

    // Results on the decided consensus: one annotation per adjudicated item, the merged (median) answer.
    const onConsensus = await loadRubricResults(asActor(study.admin), study.project.id, resultsFilterSchema.parse({ basis: "consensus" }), { resamples: 0 });
    expect(onConsensus).toMatchObject({ annotations: 1, items: 1, reviewers: 1 });
    const firstAxis = onConsensus.axes[0];
    expect(firstAxis.models.reduce((n, m) => n + m.ratings, 0)).toBe(2); // both responses of the one item
    const onReviews = await loadRubricResults(asActor(study.admin), study.project.id, resultsFilterSchema.parse({}), { resamples: 0 });
    expect(onReviews.annotations).toBe(5);
    expect(resultsFilterSchema.safeParse({ basis: "consensus", arm: "assisted" }).error?.issues[0].message).toMatch(/do not apply to consensus results/);
  });

  it("exports decided consensus records (drafts when asked) by API and CLI, valid against their schema; analysts may, adjudicators may not", async () => {
    const { study, disputed, adjudicator, analyst } = await studyWithReviews();
    const view = await loadAdjudication(adjudicator, study.project.id, disputed);
    await saveConsensus(adjudicator, study.project.id, disputed, { baseVersion: 0, data: { ...view.merged, overallComment: "Agreed after discussion." } });
    expect(await loadConsensusRecords(analyst, study.project.slug)).toEqual([]);
    const [draft] = await loadConsensusRecords(analyst, study.project.slug, { drafts: true });
    expect(consensusRecordSchema.parse(draft)).toMatchObject({ kind: "consensus", status: "draft", decidedAt: null, version: 1, reviews: 2, note: "Agreed after discussion.", adjudicator: expect.stringMatching(/^R-[0-9a-f]{10}$/) });
    await saveConsensus(adjudicator, study.project.id, disputed, { baseVersion: 1, data: view.merged, decide: true });
    const out: string[] = [];
    expect(await runCli(["consensus", study.project.slug, "--as", study.researcher.email], { out: (t) => out.push(t), err: () => {} })).toBe(0);
    const lines = out.join("\n").split("\n").map((l) => consensusRecordSchema.parse(JSON.parse(l)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ externalId: view.externalId, status: "decided", version: 2 });
    expect(lines[0].responses.map((r) => r.label)).toEqual(["A", "B"]);
    await expect(loadConsensusRecords(adjudicator, study.project.slug)).rejects.toThrow(ForbiddenError);
  });

  it("a second round takes the disputed items without a decided consensus", async () => {
    const { study, disputed, adjudicator } = await studyWithReviews();
    expect(await selectItemIds(study.project.id, { from: "disagreement" })).toEqual([disputed]);
    const view = await loadAdjudication(adjudicator, study.project.id, disputed);
    await saveConsensus(adjudicator, study.project.id, disputed, { baseVersion: 0, data: view.merged, decide: true });
    await expect(selectItemIds(study.project.id, { from: "disagreement" })).rejects.toThrow(/No item's submitted reviews disagree/);
  });
});

describe("a Delphi-style second round", () => {
  it("shows the reviewers of a second round the group's first-round answers, counted and anonymized, in their own response order", async () => {
    const { study, disputed } = await studyWithReviews();
    const itemIds = await selectItemIds(study.project.id, { from: "disagreement" });
    const third = await seedUser({ role: "REVIEWER" });
    const round = await createBatch(study.admin.id, study.project.id, { name: "Round 2", reviewerIds: [third.id, study.reviewers[0].id], itemIds, perItem: 2, showsEarlierRound: true, seed: 3 });
    const mine = await getDb().assignment.findFirstOrThrow({ where: { batchId: round.batch.id, reviewerId: third.id } });
    const view = await loadAssignmentForReview(asActor(third), mine.id);
    expect(view.earlierRound?.reviews).toBe(2);
    const firstAxis = view.axes[0];
    const rowA = view.earlierRound!.rows.find((r) => r.target === "Response A" && r.axis === firstAxis.label)!;
    // The two reviewers chose the first and the second option of the first axis.
    expect(rowA.counts.map((c) => c.n)).toEqual([1, 1]);
    expect(rowA.counts.map((c) => c.answer).sort()).toEqual([firstAxis.options[0].label, firstAxis.options[1].label].sort());
    expect(JSON.stringify(view.earlierRound)).not.toContain(study.reviewers[0].name);
    expect(mine.itemId).toBe(disputed);
    // An ordinary batch shows nothing of the kind.
    const plain = await createBatch(study.admin.id, study.project.id, { name: "Round 2b", reviewerIds: [third.id], itemIds, perItem: 1, seed: 4 });
    const other = await getDb().assignment.findFirstOrThrow({ where: { batchId: plain.batch.id } });
    expect((await loadAssignmentForReview(asActor(third), other.id)).earlierRound).toBeNull();
  });
});
