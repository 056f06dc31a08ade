import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { listOwnRevisions } from "@/lib/annotations/list-revisions";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { runExport } from "@/lib/export/run-export";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { loadRubricResults } from "@/lib/results/load-results";
import { resultsFilterSchema } from "@/lib/results/results-filter";
import { loadStepResults } from "./results";
import { editSegmentation, latestSegmentations } from "./segmentations";

// The reasoning-steps tool end to end against the real database: segmentations made on first review
// (imported steps when valid, automatic otherwise), labels checked against the version they name,
// required at submit, kept on their version when an admin re-segments, exported and summarised.
const TRACE = "1. Fever and a new murmur point to endocarditis.\n2. Blood cultures should come first.\n3. Start empirical antibiotics after cultures.";

async function study() {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewers = [asActor(await seedUser({ role: "REVIEWER" })), asActor(await seedUser({ role: "REVIEWER" }))];
  const project = await createProject(admin.id, { name: "Steps", slug: `steps-${Date.now().toString(36)}`, template: "reasoning-steps", reviewersPerItem: 2 });
  await seedItems(admin.id, project.id, [
    {
      externalId: "case-1",
      question: "Fever and a new murmur: what next?",
      responses: [
        { modelName: "alpha", content: "Blood cultures, then antibiotics.", reasoning: TRACE },
        // Imported steps (code points of the reasoning) are used when valid.
        { modelName: "beta", content: "Antibiotics now.", reasoning: "Sepsis is likely. Treat at once.", steps: [{ start: 0, end: 17 }, { start: 18, end: 32 }] },
      ],
    },
  ]);
  await createBatch(admin.id, project.id, { name: "b", reviewerIds: reviewers.map((r) => r.id), perItem: 2 });
  const assignments = await getDb().assignment.findMany({ where: { batch: { projectId: project.id } }, orderBy: { reviewerId: "asc" } });
  const mine = (r: { id: string }) => assignments.find((a) => a.reviewerId === r.id)!;
  const byModel = Object.fromEntries((await getDb().response.findMany({ where: { item: { projectId: project.id } } })).map((r) => [r.modelName, r.id]));
  return { admin: asActor(admin), reviewers, project, mine, byModel };
}

const labelAll = (count: number, verdict: "correct" | "incorrect" = "correct") =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [String(i), verdict === "correct" || i !== 1 ? { verdict: "correct" as const, errorTypes: [] } : { verdict: "incorrect" as const, errorTypes: ["premature_closure"], severity: "major" as const }]));

describe("reasoning-steps tool", () => {
  it("segments on first review, checks labels against their version and the taxonomy, requires them at submit, exports and summarises them", async () => {
    const { admin, reviewers, project, mine, byModel } = await study();
    const [me] = reviewers;
    const page = await loadAssignmentForReview(me, mine(me).id);
    expect(page.tools).toContain("steps");
    const alpha = page.responses.find((r) => r.id === byModel.alpha)!;
    const beta = page.responses.find((r) => r.id === byModel.beta)!;
    expect(alpha.steps).toMatchObject({ version: 1, over: "reasoning" });
    expect(alpha.steps!.html).toHaveLength(3); // the numbered list
    expect(beta.steps!.html).toHaveLength(2);
    const segs = await latestSegmentations([byModel.alpha, byModel.beta]);
    expect([segs.get(byModel.alpha)!.source, segs.get(byModel.beta)!.source]).toEqual(["automatic", "imported"]);
    expect(page.stepSettings.errorTypes.map((t) => t.key)).toContain("premature_closure");

    const a = mine(me);
    const wrong = await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "steps-bad-1", data: { ...emptyAnnotationData(), steps: { [byModel.alpha]: { segmentationVersion: 1, steps: { "5": { verdict: "correct" }, "1": { verdict: "incorrect", errorTypes: ["made_up"] } } }, [byModel.beta]: { segmentationVersion: 7, steps: {} } } } });
    expect(wrong.status).toBe("invalid");
    if (wrong.status === "invalid") {
      const messages = wrong.problems.map((p) => p.message).join(" | ");
      for (const expected of [/Step 6 is not part of the segmentation: this response has 3 steps/, /Step 2: "made_up" is not an error type of this project/, /segmentation version 7 does not exist/]) expect(messages).toMatch(expected);
    }

    const draft = { ...emptyAnnotationData(), steps: { [byModel.alpha]: { segmentationVersion: 1, steps: labelAll(3, "incorrect") } } };
    expect(await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "steps-draft-1", data: draft })).toMatchObject({ status: "saved", version: 1 });
    expect((await listOwnRevisions(me, a.id))[0].changes).toEqual(expect.arrayContaining([expect.stringMatching(/· Step 2 verdict: — → Incorrect$/), expect.stringMatching(/· Step 2 severity: — → Major$/)]));

    // Submit needs every step of every response and the two questions.
    const incomplete = await saveAnnotation(me, a.id, { baseVersion: 1, clientMutationId: "steps-submit-1", data: draft, submit: true });
    expect(incomplete.status).toBe("invalid");
    if (incomplete.status === "invalid") {
      expect(incomplete.problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/the reasoning steps are not labelled/), expect.stringMatching(/Say whether the final answer is correct/)]));
    }

    // The admin re-segments alpha after labels exist: a new version; the reviewer's labels stay on version 1.
    const merged = await editSegmentation(admin, project.id, byModel.alpha, [segs.get(byModel.alpha)!.steps[0], { start: segs.get(byModel.alpha)!.steps[1].start, end: segs.get(byModel.alpha)!.steps[2].end }]);
    expect(merged.version).toBe(2);
    expect((await loadAssignmentForReview(me, a.id)).responses.find((r) => r.id === byModel.alpha)!.steps).toMatchObject({ version: 1 });
    const other = reviewers[1];
    expect((await loadAssignmentForReview(other, mine(other).id)).responses.find((r) => r.id === byModel.alpha)!.steps).toMatchObject({ version: 2 });
    expect((await loadAssignmentForReview(other, mine(other).id)).responses.find((r) => r.id === byModel.alpha)!.steps!.html).toHaveLength(2);

    const full = {
      ...emptyAnnotationData(),
      steps: {
        [byModel.alpha]: { segmentationVersion: 1, steps: labelAll(3, "incorrect"), finalAnswerCorrect: true, reasoningSupportsAnswer: true },
        [byModel.beta]: { segmentationVersion: 1, steps: labelAll(2), finalAnswerCorrect: false, reasoningSupportsAnswer: true },
      },
    };
    expect(await saveAnnotation(me, a.id, { baseVersion: 1, clientMutationId: "steps-submit-2", data: full, submit: true })).toMatchObject({ status: "saved" });

    let jsonl = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id, status: "submitted" } })) jsonl += chunk;
    const record = JSON.parse(jsonl.trim());
    const exported = record.responses.find((r: { modelName: string }) => r.modelName === "alpha").stepLabels;
    expect(exported).toMatchObject({ segmentationVersion: 1, finalAnswerCorrect: true, firstErrorStep: 2, rightAnswerWrongReasoning: true });
    expect(exported.steps.map((s: { number: number; verdict: string; severity: string | null }) => [s.number, s.verdict, s.severity])).toEqual([[1, "correct", null], [2, "incorrect", "major"], [3, "correct", null]]);
    expect(exported.steps[1].start).toBe(segs.get(byModel.alpha)!.steps[1].start);

    const results = await loadStepResults(admin, project.id);
    expect(results.map((r) => [r.model, r.responses, r.rightAnswerWrongReasoning.count, r.rightAnswerWrongReasoning.n])).toEqual([["alpha", 1, 1, 1], ["beta", 1, 0, 1]]);
    expect(results[0].errorTypes).toEqual([expect.objectContaining({ key: "premature_closure", steps: 1 })]);
  });
});

describe("step records export", () => {
  it("writes one record per labelled step with its text and offsets (JSONL and CSV)", async () => {
    const { admin, reviewers, project, mine, byModel } = await study();
    const [me] = reviewers;
    const a = mine(me);
    await loadAssignmentForReview(me, a.id); // segments the responses
    const data = {
      ...emptyAnnotationData(),
      steps: {
        [byModel.alpha]: { segmentationVersion: 1, steps: labelAll(3, "incorrect"), finalAnswerCorrect: true, reasoningSupportsAnswer: false },
        [byModel.beta]: { segmentationVersion: 1, steps: labelAll(2), finalAnswerCorrect: true, reasoningSupportsAnswer: true },
      },
    };
    expect(await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "steps-export-1", data, submit: true })).toMatchObject({ status: "saved" });
    let jsonl = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "steps", filter: { projectId: project.id, status: "submitted", includeContent: true } })) jsonl += chunk;
    const steps = jsonl.trim().split("\n").map((l) => JSON.parse(l));
    expect(steps).toHaveLength(5);
    const second = steps.find((s) => s.modelName === "alpha" && s.step === 2);
    expect(second).toMatchObject({ text: "2. Blood cultures should come first.", verdict: "incorrect", severity: "major", errorTypes: ["premature_closure"], stepCount: 3, segmentationVersion: 1, rightAnswerWrongReasoning: true, firstErrorStep: 2 });
    expect(TRACE.slice(second.start, second.end)).toBe(second.text); // ASCII: code points = UTF-16 units here
    expect(steps.filter((s) => s.modelName === "beta").map((s) => s.text)).toEqual(["Sepsis is likely.", "Treat at once."]);
    let csv = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "steps-csv", filter: { projectId: project.id, status: "submitted", includeContent: true } })) csv += chunk;
    expect(csv.split("\n")[0]).toMatch(/^project,batch,annotation_id,item_id,external_id,response_id,model_name,reviewer,segmentation_version,step,/);
    expect(csv).toMatch(/,2\. Blood cultures should come first\.,incorrect,,premature_closure,major,/);
  });

  it("step verdicts of two reviewers join the results page's agreement table, one unit per step of a version", async () => {
    const { admin, reviewers, project, mine, byModel } = await study();
    for (const [n, reviewer] of reviewers.entries()) {
      await loadAssignmentForReview(reviewer, mine(reviewer).id); // segments the traces (version 1)
      const data = {
        ...emptyAnnotationData(),
        steps: {
          // The second reviewer calls alpha's step 2 incorrect: 4 of 5 steps agree.
          [byModel.alpha]: { segmentationVersion: 1, steps: labelAll(3, n === 1 ? "incorrect" : "correct"), finalAnswerCorrect: true, reasoningSupportsAnswer: true },
          [byModel.beta]: { segmentationVersion: 1, steps: labelAll(2), finalAnswerCorrect: false, reasoningSupportsAnswer: true },
        },
      };
      expect(await saveAnnotation(reviewer, mine(reviewer).id, { baseVersion: 0, clientMutationId: `agreement-${n}`, data, submit: true })).toMatchObject({ status: "saved" });
    }
    const { agreement } = await loadRubricResults(admin, project.id, resultsFilterSchema.parse({}), { resamples: 0 });
    const verdicts = agreement.find((a) => a.axis === "step_verdict")!;
    expect(verdicts.inter?.basis).toMatchObject({ raters: 2, units: 5, pairableUnits: 5 });
    expect(verdicts.inter?.coefficients.find((c) => c.key === "percent_agreement")?.value).toBeCloseTo(4 / 5, 12);
  });
});
