import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { listOwnRevisions } from "@/lib/annotations/list-revisions";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { runExport } from "@/lib/export/run-export";
import { exportRecordSchema } from "@/lib/export/record-schema";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { loadProjectQuality } from "@/lib/criteria/project-quality";

// The argument-structure tool end to end on the server: the texts a reviewer may annotate (keyed by
// Response.id under blinding), spans checked against the stored text in code points, relations
// against the label set, the history, and the JSONL/CSV export.
const NOTE = "🙂 Aspirin lowered stroke risk. So aspirin is advised.";
const ANSWER = "Cultures first, because endocarditis is likely.";

async function study() {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewer = asActor(await seedUser({ role: "REVIEWER" }));
  const project = await createProject(admin.id, { name: "Args", slug: `args-${Date.now().toString(36)}`, template: "argument-structure", reviewersPerItem: 1, blinded: true });
  await seedItems(admin.id, project.id, [
    { kind: "qa", externalId: "qa-1", question: "Fever and a new murmur: next step?", reference: { explanation: "Endocarditis is likely, so culture the blood." }, responses: [{ modelName: "alpha", content: ANSWER, reasoning: "Murmur plus fever." }, { modelName: "beta", content: "Start antibiotics." }] },
    { kind: "note", externalId: "note-1", text: NOTE, responses: [] },
  ]);
  await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1 });
  const assignments = await getDb().assignment.findMany({ where: { reviewerId: reviewer.id }, include: { item: true } });
  const qa = assignments.find((a) => a.item.externalId === "qa-1")!;
  const note = assignments.find((a) => a.item.externalId === "note-1")!;
  const byModel = Object.fromEntries((await getDb().response.findMany({ where: { itemId: qa.itemId } })).map((r) => [r.modelName, r.id]));
  return { admin: asActor(admin), reviewer, project, qa, note, byModel };
}

// "Aspirin" starts at code point 2 (the emoji is one code point, two UTF-16 units).
const aspirin = { id: "T1", label: "Premise", start: 2, end: 30, text: "Aspirin lowered stroke risk." };
const advised = { id: "T2", label: "MajorClaim", start: 34, end: 52, text: "aspirin is advised" };

describe("argument structure tool", () => {
  it("sends the raw texts keyed by response id (no model names under blinding), and the label set", async () => {
    const { reviewer, qa, note, byModel } = await study();
    const page = await loadAssignmentForReview(reviewer, qa.id);
    expect(page.tools).toContain("arguments");
    expect(page.argumentReview.targets.map((t) => t.key).sort()).toEqual(
      ["item.question", "reference.explanation", `response.${byModel.alpha}.content`, `response.${byModel.alpha}.reasoning`, `response.${byModel.beta}.content`].sort(),
    );
    expect(page.argumentReview.labelSet.labels.map((l) => l.key)).toEqual(["MajorClaim", "Claim", "Premise"]);
    expect(JSON.stringify(page)).not.toMatch(/alpha|beta/);
    const notePage = await loadAssignmentForReview(reviewer, note.id);
    expect(notePage.argumentReview.targets).toEqual([{ key: "item.text", text: NOTE, field: "text" }]);
  });

  it("checks spans against the stored text in code points, relations against the label set, targets against the assignment", async () => {
    const { reviewer, note, qa, byModel } = await study();
    const save = (assignmentId: string, args: object, id: string, baseVersion = 0) =>
      saveAnnotation(reviewer, assignmentId, { baseVersion, clientMutationId: `args-${id}`, data: { ...emptyAnnotationData(), arguments: args as never } });

    const utf16 = await save(note.id, { "item.text": { spans: [{ ...aspirin, start: 3, end: 32 }], relations: [] } }, "utf16");
    expect(utf16).toMatchObject({ status: "invalid" });
    if (utf16.status === "invalid") expect(utf16.problems[0]).toMatchObject({ path: "arguments.item.text.spans.0.text", message: 'Text: Span T1 (Premise, 3–32) says its text is "Aspirin lowered stroke risk.", but the text there is "spirin lowered stroke risk. S".' });

    const bad = await save(note.id, {
      "item.question": { spans: [], relations: [] },
      "item.text": {
        spans: [aspirin, advised, { id: "T3", label: "Verdict", start: 0, end: 1, text: "🙂" }, { id: "T4", label: "Claim", start: 40, end: 99, text: "x" }],
        relations: [{ id: "R1", label: "Support", from: "T2", to: "T1" }, { id: "R2", label: "Support", from: "T1", to: "T9" }],
      },
    }, "bad");
    expect(bad.status).toBe("invalid");
    if (bad.status === "invalid") {
      expect(bad.problems.map((p) => p.path).sort()).toEqual(
        ["arguments.item.question", "arguments.item.text.spans.2.label", "arguments.item.text.spans.3.end", "arguments.item.text.relations.0.label", "arguments.item.text.relations.1.to"].sort(),
      );
      expect(bad.problems.find((p) => p.path.endsWith("relations.0.label"))!.message).toMatch(/links a MajorClaim to a Premise, which the label set does not allow for Support/);
    }

    const good = { "item.text": { spans: [aspirin, advised], relations: [{ id: "R1", label: "Support", from: "T1", to: "T2" }] } };
    expect(await save(note.id, good, "good")).toMatchObject({ status: "saved", version: 1 });
    const history = await listOwnRevisions(reviewer, note.id);
    expect(history[0].changes).toEqual([
      'Arguments · Text: added Premise "Aspirin lowered stroke risk."',
      'Arguments · Text: added MajorClaim "aspirin is advised"',
      'Arguments · Text: added Support from "Aspirin lowered stroke risk." to "aspirin is advised"',
    ]);

    // A response's answer, keyed by Response.id; another response's text is not this one's.
    const target = `response.${byModel.alpha}.content`;
    const span = { id: "T1", label: "Claim", start: 0, end: 14, text: "Cultures first" };
    expect(await save(qa.id, { [target]: { spans: [span], relations: [] } }, "resp")).toMatchObject({ status: "saved" });
    const wrong = await save(qa.id, { [`response.${byModel.beta}.content`]: { spans: [span], relations: [] } }, "resp-wrong", 1);
    expect(wrong.status).toBe("invalid");
    const stranger = await save(qa.id, { "response.nobody.content": { spans: [], relations: [] } }, "resp-stranger", 1);
    expect(stranger).toMatchObject({ status: "invalid", problems: [{ path: "arguments.response.nobody.content" }] });
  });

  it("exports spans per response (de-blinded) and per item text in JSONL and CSV", async () => {
    const { admin, reviewer, note, qa, byModel, project } = await study();
    const reasoning = `response.${byModel.alpha}.reasoning`;
    const claim = { id: "T1", label: "Claim", start: 0, end: 6, text: "Murmur" };
    await saveAnnotation(reviewer, qa.id, { baseVersion: 0, clientMutationId: "args-qa-submit", data: { ...emptyAnnotationData(), arguments: { [reasoning]: { spans: [claim], relations: [] } } }, submit: true });
    expect(await saveAnnotation(reviewer, note.id, { baseVersion: 0, clientMutationId: "args-note-submit", data: { ...emptyAnnotationData(), arguments: { "item.text": { spans: [aspirin], relations: [] } } }, submit: true })).toMatchObject({ status: "saved" });
    let jsonl = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id, status: "submitted" } })) jsonl += chunk;
    const records = jsonl.trim().split("\n").map((l) => exportRecordSchema.parse(JSON.parse(l)));
    const qaRecord = records.find((r) => r.externalId === "qa-1")!;
    if (qaRecord.status !== "submitted") throw new Error("expected a submitted record");
    expect(qaRecord.responses.find((r) => r.modelName === "alpha")!.arguments).toEqual({ reasoning: { spans: [claim], relations: [] } });
    const noteRecord = records.find((r) => r.externalId === "note-1")!;
    expect(noteRecord.status === "submitted" && noteRecord.arguments).toEqual({ "item.text": { spans: [aspirin], relations: [] } });
    let csv = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id, status: "submitted" } })) csv += chunk;
    expect(csv).toMatch(/argument:reasoning,span:T1,Claim,0-6 Murmur/);
    expect(csv).toMatch(/argument:item\.text,span:T1,Premise,2-30 Aspirin lowered stroke risk\./);
  });

  it("counts spans and relations per label and model, and reports span/relation F1 between two reviewers of one text", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewers = [asActor(await seedUser({ role: "REVIEWER" })), asActor(await seedUser({ role: "REVIEWER" }))];
    const project = await createProject(admin.id, { name: "Agree", slug: `agree-${Date.now().toString(36)}`, template: "argument-structure", reviewersPerItem: 2, blinded: true });
    await seedItems(admin.id, project.id, [{ kind: "qa", externalId: "qa-1", question: "Next step?", responses: [{ modelName: "alpha", content: ANSWER }] }]);
    await createBatch(admin.id, project.id, { name: "b", reviewerIds: reviewers.map((r) => r.id), perItem: 2 });
    const responseId = (await getDb().response.findFirstOrThrow({ where: { modelName: "alpha" } })).id;
    const target = `response.${responseId}.content`;
    const claim = { id: "T1", label: "Claim", start: 0, end: 14, text: "Cultures first" };
    const premise = { id: "T2", label: "Premise", start: 24, end: 47, text: "endocarditis is likely." };
    const narrower = { id: "T2", label: "Premise", start: 24, end: 36, text: "endocarditis" };
    const docs = [
      { spans: [claim, premise], relations: [{ id: "R1", label: "Support", from: "T2", to: "T1" }] },
      { spans: [claim, narrower], relations: [{ id: "R1", label: "Support", from: "T2", to: "T1" }] },
    ];
    for (const [i, reviewer] of reviewers.entries()) {
      const a = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id } });
      expect(await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: `agree-${i}-submit`, data: { ...emptyAnnotationData(), arguments: { [target]: docs[i] } }, submit: true })).toMatchObject({ status: "saved" });
    }
    const { arguments: results } = await loadProjectQuality(asActor(admin), project.id);
    expect(results.annotations).toBe(2);
    expect(results.spans).toEqual([{ model: "alpha", label: "Claim", count: 2 }, { model: "alpha", label: "Premise", count: 2 }]);
    expect(results.relations).toEqual([{ model: "alpha", label: "Support", count: 2 }]);
    expect(results.agreement).toMatchObject({ texts: 1, pairs: 1, spansExact: { f1: 0.5 }, spansOverlap: { f1: 1 }, relationsExact: { f1: 0 }, relationsOverlap: { f1: 1 } });
  });
});
