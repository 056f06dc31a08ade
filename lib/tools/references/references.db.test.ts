import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { listOwnRevisions } from "@/lib/annotations/list-revisions";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { loadProjectQuality } from "@/lib/criteria/project-quality";
import { runExport } from "@/lib/export/run-export";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";

// The reference-statements tool end to end: imported statements, marks checked on the server,
// required at submit, described in the history, exported with recall, averaged per model.
const STATEMENTS = ["Fever with a new murmur suggests endocarditis.", "Blood cultures come before antibiotics.", "Echocardiography confirms vegetations."];

async function study() {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewer = asActor(await seedUser({ role: "REVIEWER" }));
  const project = await createProject(admin.id, { name: "Recall", slug: `recall-${Date.now().toString(36)}`, template: "reasoning-quality", reviewersPerItem: 1 });
  await seedItems(admin.id, project.id, [
    { externalId: "case-1", question: "Fever and a new murmur: next steps?", reference: { statements: STATEMENTS, gold: { item: {} } }, responses: [{ modelName: "alpha", content: "Cultures, then echo.", reasoning: "Endocarditis is likely." }, { modelName: "beta", content: "Start antibiotics." }] },
  ]);
  await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1 });
  const a = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id } });
  const byModel = Object.fromEntries((await getDb().response.findMany({ where: { itemId: a.itemId } })).map((r) => [r.modelName, r.id]));
  return { admin: asActor(admin), reviewer, project, a, byModel };
}

describe("reference statements tool", () => {
  it("shows the statements (not the rest of the reference), checks marks, requires all at submit, exports recall and averages it per model", async () => {
    const { admin, reviewer, project, a, byModel } = await study();
    const page = await loadAssignmentForReview(reviewer, a.id);
    expect(page.tools).toContain("references");
    expect(page.referenceStatements).toEqual(STATEMENTS);
    expect(JSON.stringify(page)).not.toContain("gold");

    const bad = await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: "ref-bad-1", data: { ...emptyAnnotationData(), references: { [byModel.alpha]: { "3": "covered" }, stranger: { "0": "covered" } } } });
    expect(bad).toMatchObject({ status: "invalid" });
    if (bad.status === "invalid") expect(bad.problems.map((p) => p.path).sort()).toEqual([`references.${byModel.alpha}.3`, "references.stranger"].sort());

    const partial = { ...emptyAnnotationData(), references: { [byModel.alpha]: { "0": "covered" as const, "1": "partial" as const } } };
    expect(await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: "ref-draft-1", data: partial })).toMatchObject({ status: "saved", version: 1 });
    const history = await listOwnRevisions(reviewer, a.id);
    expect(history[0].changes).toEqual(expect.arrayContaining([expect.stringMatching(/^Response [AB] · Reference statement 1: — → Covered$/), expect.stringMatching(/Reference statement 2: — → Partly covered$/)]));

    // Submit needs every statement of every response marked (and the rubric's own axes).
    const ratings = { correctness: 4, faithfulness: 4, completeness: 4, efficiency: 4, consistency: 4, final_answer_correct: true, reasoning_supports_answer: true };
    const responses = Object.fromEntries(a.responseOrder.map((id) => [id, { ratings, comments: {} }]));
    const incomplete = await saveAnnotation(reviewer, a.id, { baseVersion: 1, clientMutationId: "ref-submit-1", data: { ...partial, responses }, submit: true });
    expect(incomplete).toMatchObject({ status: "invalid" });
    if (incomplete.status === "invalid") expect(incomplete.problems.filter((p) => p.path.startsWith("references")).map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/1 reference statement is not marked/), expect.stringMatching(/3 reference statements are not marked/)]));
    const full = { ...emptyAnnotationData(), responses, references: { [byModel.alpha]: { "0": "covered" as const, "1": "partial" as const, "2": "covered" as const }, [byModel.beta]: { "0": "not_covered" as const, "1": "not_covered" as const, "2": "partial" as const } } };
    expect(await saveAnnotation(reviewer, a.id, { baseVersion: 1, clientMutationId: "ref-submit-2", data: full, submit: true })).toMatchObject({ status: "saved" });

    let jsonl = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id, status: "submitted" } })) jsonl += chunk;
    const record = JSON.parse(jsonl.trim());
    const alpha = record.responses.find((r: { modelName: string }) => r.modelName === "alpha");
    expect(alpha.referenceStatements).toEqual([
      { number: 1, text: STATEMENTS[0], coverage: "covered" },
      { number: 2, text: STATEMENTS[1], coverage: "partial" },
      { number: 3, text: STATEMENTS[2], coverage: "covered" },
    ]);
    expect(alpha.referenceRecall).toBeCloseTo(2.5 / 3);
    expect(alpha.referenceRecallStrict).toBeCloseTo(2 / 3);
    let csv = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id, status: "submitted" } })) csv += chunk;
    expect(csv).toMatch(/,reference,statement:2,partial,/);

    const quality = await loadProjectQuality(admin, project.id);
    expect(quality.referenceRecall.map((r) => [r.modelName, r.responses, +r.recall.toFixed(3), +r.strictRecall.toFixed(3)])).toEqual([
      ["alpha", 1, +(2.5 / 3).toFixed(3), +(2 / 3).toFixed(3)],
      ["beta", 1, +(0.5 / 3).toFixed(3), 0],
    ]);
  });
});
