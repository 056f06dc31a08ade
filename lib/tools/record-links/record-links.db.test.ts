import { describe, expect, it } from "vitest";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { getDb } from "@/lib/db/client";
import { exportRecordSchema } from "@/lib/export/record-schema";
import { runExport } from "@/lib/export/run-export";
import { promptTextOf } from "@/lib/export/record-texts";
import { importItems } from "@/lib/import/import-items";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { collectText, jsonLines } from "@/test/support/streams";
import { loadRecordResults } from "./results";

// Issue 13, long records: a record item (imported as a FHIR bundle), outputs whose statements the
// reviewer marks supported / contradicted / not in the record and links to entries; exports and
// results per model follow.

const BUNDLE = {
  resourceType: "Bundle",
  entry: [
    { resource: { resourceType: "Patient", id: "p", name: [{ text: "R. Okafor" }], gender: "male", birthDate: "1950-01-01" } },
    { resource: { resourceType: "Observation", id: "k", category: [{ coding: [{ code: "laboratory" }] }], code: { text: "Potassium" }, effectiveDateTime: "2024-03-05", valueQuantity: { value: 5.9, unit: "mmol/L" }, referenceRange: [{ low: { value: 3.5 }, high: { value: 5.1 } }] } },
    { resource: { resourceType: "MedicationRequest", id: "l", medicationCodeableConcept: { text: "Lisinopril 20 mg" }, authoredOn: "2023-11-01" } },
  ],
};
const GOOD = "Potassium is high at 5.9 mmol/L. He takes lisinopril.";
const BAD = "Potassium is normal. He takes metformin.";

describe("record items and statements linked to their entries", () => {
  it("imports a FHIR bundle, checks statements and links, exports them with their entries and sums them per model", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1 });
    expect(await importItems({ actorId: admin.id, projectId: project.id, lines: jsonLines([{ kind: "record", externalId: "rec-1", question: "Summarize the record for today's visit.", record: BUNDLE, responses: [{ modelName: "m-good", content: GOOD }, { modelName: "m-bad", content: BAD }] }]) })).toMatchObject({ ok: true, imported: 1 });
    await createBatch(admin.id, project.id, { name: "B", reviewerIds: [reviewer.id], perItem: 1, seed: 1 });
    const assignment = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id } });
    const payload = await loadAssignmentForReview(asActor(reviewer), assignment.id);
    expect(payload.tools).toContain("record-links");
    expect(payload.item.kind === "record" && payload.item.record).toEqual({
      patient: { name: "R. Okafor", sex: "male", birthDate: "1950-01-01" },
      entries: [
        { id: "MedicationRequest/l", section: "medication", title: "Lisinopril 20 mg", date: "2023-11-01" },
        { id: "Observation/k", section: "lab", title: "Potassium", date: "2024-03-05", value: 5.9, unit: "mmol/L", range: { low: 3.5, high: 5.1 } },
      ],
    });
    const good = payload.responses.find((r) => r.recordOutput === GOOD)!;
    const bad = payload.responses.find((r) => r.recordOutput === BAD)!;
    const span = (id: string, text: string, whole: string, label: string) => ({ id, label, start: [...whole.slice(0, whole.indexOf(text))].length, end: [...whole.slice(0, whole.indexOf(text))].length + [...text].length, text });

    const save = (data: object, submit = false) => saveAnnotation(asActor(reviewer), assignment.id, { baseVersion: 0, clientMutationId: `c-${Math.random()}`, data: { responses: {}, item: { ratings: {}, comments: {} }, overallComment: "", ...data }, submit });
    const wrong = await save({ recordLinks: {
      [good.id]: { output: { spans: [span("s1", "Potassium is high at 5.9 mmol/L.", GOOD, "supported")], relations: [] }, entries: { s1: ["Observation/nope"], s9: ["Observation/k"] } },
      [bad.id]: { output: { spans: [{ id: "s1", label: "supported", start: 0, end: 5, text: "Kalium" }], relations: [] } },
    } });
    expect(wrong.status === "invalid" && wrong.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Response [AB], statement 1: the record has no entry "Observation\/nope"\.$/),
      expect.stringMatching(/^Response [AB]: links from a statement that is not marked\.$/),
      expect.stringMatching(/^Response [AB]: .*/),
    ]);

    const links = {
      [good.id]: { output: { spans: [span("s1", "Potassium is high at 5.9 mmol/L.", GOOD, "supported"), span("s2", "He takes lisinopril.", GOOD, "supported")], relations: [] }, entries: { s1: ["Observation/k"], s2: ["MedicationRequest/l"] } },
      [bad.id]: { output: { spans: [span("s1", "Potassium is normal.", BAD, "contradicted"), span("s2", "He takes metformin.", BAD, "unsupported")], relations: [] }, entries: {} },
    };
    const axes = await getDb().rubricAxis.findMany({ where: { rubric: { projectId: project.id }, appliesTo: "RESPONSE" } });
    const responses = Object.fromEntries([good.id, bad.id].map((id) => [id, { ratings: Object.fromEntries(axes.map((x) => [x.key, (x.options as Array<{ value: string }>)[0].value])), comments: {} }]));
    const early = await save({ responses, recordLinks: links }, true);
    expect(early.status === "invalid" && early.problems.map((p) => p.message)).toEqual([expect.stringMatching(/statement 1 \(“Potassium is normal\.”\) is marked contradicted: link the record entries that show it\.$/)]);
    links[bad.id]!.entries = { s1: ["Observation/k"] } as never;
    expect(await save({ responses, recordLinks: links }, true)).toMatchObject({ status: "saved" });

    const [record] = (await collectText(runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id, includeContent: true } }))).trim().split("\n").map((l) => JSON.parse(l));
    expect(exportRecordSchema.parse(record)).toEqual(record);
    const rb = record.responses.find((r: { modelName: string }) => r.modelName === "m-bad");
    expect(rb.recordStatements).toEqual([
      { number: 1, start: 0, end: 20, text: "Potassium is normal.", verdict: "contradicted", entries: [{ id: "Observation/k", section: "lab", date: "2024-03-05", title: "Potassium" }] },
      { number: 2, start: 21, end: 40, text: "He takes metformin.", verdict: "unsupported", entries: [] },
    ]);
    const csv = await collectText(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id } }));
    expect(csv).toContain(",statement:1,verdict,contradicted,Potassium is normal.,");
    expect(csv).toContain(",statement:2,entries,MedicationRequest/l,,");
    // Text formats (preference pairs, fine-tuning and HealthBench records) carry the record as text after the task.
    expect(promptTextOf(record)).toBe("Summarize the record for today's visit.\n\nname: R. Okafor, sex: male, birthDate: 1950-01-01\n2023-11-01 · medication · Lisinopril 20 mg\n2024-03-05 · lab · Potassium: 5.9 mmol/L [3.5–5.1]");

    const results = await loadRecordResults(asActor(admin), project.id);
    expect(results.models.map((r) => [r.model, r.statements, r.supported.count, r.contradicted.count, r.unsupported.count, r.contradicting.count, r.meanEntries])).toEqual([["m-bad", 2, 0, 1, 1, 1, null], ["m-good", 2, 2, 0, 0, 0, 1]]);
  });
});
