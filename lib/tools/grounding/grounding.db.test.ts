import { describe, expect, it } from "vitest";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { getDb } from "@/lib/db/client";
import { exportRecordSchema } from "@/lib/export/record-schema";
import { runExport } from "@/lib/export/run-export";
import { importItems } from "@/lib/import/import-items";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { loadGroundingResults } from "./results";
import { jsonLines, collectText } from "@/test/support/streams";

// Issue 13, source-grounded summaries: unsupported stretches of a summary and omitted stretches of
// its source, checked against the stored texts, exported with offsets, summed per model.

const SOURCE = "Admitted with pneumonia. Treated with amoxicillin for 5 days. Allergic to penicillin? No. Discharged on day 6 with follow-up in 2 weeks.";
const span = (id: string, label: string, text: string, whole: string) => ({ id, label, start: [...whole.slice(0, whole.indexOf(text))].length, end: [...whole.slice(0, whole.indexOf(text))].length + [...text].length, text });

describe("source-grounded summaries", () => {
  it("mark unsupported and omitted stretches, refuse marks that do not quote their text, export and sum them", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1 });
    const good = "Pneumonia treated with amoxicillin for 5 days; discharged on day 6.";
    const bad = "Pneumonia treated with IV ceftriaxone for 10 days.";
    expect(await importItems({ actorId: admin.id, projectId: project.id, lines: jsonLines([{ kind: "summary", externalId: "s-1", instruction: "Discharge summary for the GP.", source: SOURCE, responses: [{ modelName: "m-good", content: good }, { modelName: "m-bad", content: bad }] }]) })).toMatchObject({ ok: true });
    await createBatch(admin.id, project.id, { name: "B", reviewerIds: [reviewer.id], perItem: 1, seed: 1 });
    const assignment = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id } });
    const payload = await loadAssignmentForReview(asActor(reviewer), assignment.id);
    expect(payload.tools).toContain("grounding");
    expect(payload.item).toMatchObject({ kind: "summary", source: SOURCE });
    const byModelText = new Map(payload.responses.map((r) => [r.summaryText, r.id]));
    const [goodId, badId] = [byModelText.get(good)!, byModelText.get(bad)!];

    const save = (grounding: Record<string, never> | Record<string, object>, submit = false) => saveAnnotation(asActor(reviewer), assignment.id, { baseVersion: 0, clientMutationId: `g-${Math.random()}`, data: { responses: {}, item: { ratings: {}, comments: {} }, overallComment: "", grounding }, submit });
    const wrong = await save({ [badId]: { summary: { spans: [{ id: "T1", label: "omitted", start: 0, end: 9, text: "Pneumonia" }], relations: [] }, source: { spans: [{ id: "T1", label: "omitted", start: 0, end: 5, text: "Nope!" }], relations: [] } } });
    expect(wrong.status === "invalid" && wrong.problems.map((p) => p.message).join(" | ")).toMatch(/summary: .*omitted.*\| .*source: .*Nope!/);

    const axes = await getDb().rubricAxis.findMany({ where: { rubric: { projectId: project.id }, appliesTo: "RESPONSE" } });
    const responses = Object.fromEntries([goodId, badId].map((id) => [id, { ratings: Object.fromEntries(axes.map((x) => [x.key, (x.options as Array<{ value: string }>)[0].value])), comments: {} }]));
    const marks = {
      [badId]: {
        summary: { spans: [span("T1", "wrong_entity", "IV ceftriaxone", bad), span("T2", "wrong_value", "10 days", bad)], relations: [] },
        source: { spans: [span("T1", "omitted", "follow-up in 2 weeks", SOURCE)], relations: [] },
      },
      [goodId]: { summary: { spans: [], relations: [] }, source: { spans: [span("T1", "omitted", "follow-up in 2 weeks", SOURCE)], relations: [] } },
    };
    expect(await saveAnnotation(asActor(reviewer), assignment.id, { baseVersion: 0, clientMutationId: "grounding-final", data: { responses, item: { ratings: {}, comments: {} }, overallComment: "", grounding: marks }, submit: true })).toMatchObject({ status: "saved" });

    const [record] = (await collectText(runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id } }))).trim().split("\n").map((l) => JSON.parse(l));
    expect(exportRecordSchema.parse(record)).toEqual(record);
    const rb = record.responses.find((r: { modelName: string }) => r.modelName === "m-bad");
    expect(rb.grounding).toEqual({ unsupported: [{ label: "wrong_entity", start: 23, end: 37, text: "IV ceftriaxone" }, { label: "wrong_value", start: 42, end: 49, text: "10 days" }], omitted: [{ start: SOURCE.indexOf("follow-up"), end: SOURCE.indexOf("follow-up") + 20, text: "follow-up in 2 weeks" }], unsupportedSpans: 2, omittedSpans: 1 });
    const csv = await collectText(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id } }));
    expect(csv).toContain(",unsupported,wrong_value,10 days,42-49,");

    const results = await loadGroundingResults(asActor(admin), project.id);
    expect(results.models.map((r) => [r.model, r.summaries, r.hallucinated.count, r.omitting.count, r.meanUnsupported, r.byKind.wrong_value])).toEqual([["m-bad", 1, 1, 1, 2, 1], ["m-good", 1, 0, 1, 0, 0]]);
  });
});
