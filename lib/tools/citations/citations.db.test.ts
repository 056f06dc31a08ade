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
import { loadCitationResults } from "./results";
import { jsonLines, collectText } from "@/test/support/streams";

// Issue 13, evidence: responses carry cited sources; reviewers check each; exports and results follow.

describe("cited evidence", () => {
  it("imports citations, checks every one at submit, exports marks with precision and sums them per model", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1 });
    const cite = (title: string, extra: object = {}) => ({ claim: `Claim of ${title}.`, title, passage: `Passage of ${title}.`, ...extra });
    expect(
      await importItems({
        actorId: admin.id,
        projectId: project.id,
        lines: jsonLines([{ externalId: "e-1", question: "Should adults take aspirin for primary prevention?", responses: [
          { modelName: "m-a", content: "Usually not [1][2].", citations: [cite("USPSTF 2022", { doi: "10.1001/jama.2022.4983" }), cite("ASPREE", { pmid: "30221596" })] },
          { modelName: "m-b", content: "Yes, always [1].", citations: [cite("Smith et al. 2019, Lancet Prevention", { url: "https://example.org/nowhere" })] },
        ] }]),
      }),
    ).toMatchObject({ ok: true });
    await createBatch(admin.id, project.id, { name: "B", reviewerIds: [reviewer.id], perItem: 1, seed: 1 });
    const assignment = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id } });
    const payload = await loadAssignmentForReview(asActor(reviewer), assignment.id);
    expect(payload.tools).toContain("citations");
    const a = payload.responses.find((r) => r.citations?.length === 2)!;
    const b = payload.responses.find((r) => r.citations?.length === 1)!;
    expect(a.citations![0]).toEqual({ claim: "Claim of USPSTF 2022.", title: "USPSTF 2022", doi: "10.1001/jama.2022.4983", passage: "Passage of USPSTF 2022." });

    const save = (data: object, submit = false) => saveAnnotation(asActor(reviewer), assignment.id, { baseVersion: 0, clientMutationId: `c-${Math.random()}`, data: { responses: {}, item: { ratings: {}, comments: {} }, overallComment: "", ...data }, submit });
    const wrong = await save({ citations: { [b.id]: { "3": { mark: "supports" } } } });
    expect(wrong.status === "invalid" && wrong.problems.map((p) => p.message)).toEqual(["The response has 1 citations; there is no citation 4."]);
    const partial = await save({ citations: { [a.id]: { "0": { mark: "supports" } } } }, true);
    expect(partial.status === "invalid" && partial.problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/1 citation is not checked/)]));

    const axes = await getDb().rubricAxis.findMany({ where: { rubric: { projectId: project.id }, appliesTo: "RESPONSE" } });
    const responses = Object.fromEntries([a.id, b.id].map((id) => [id, { ratings: Object.fromEntries(axes.map((x) => [x.key, (x.options as Array<{ value: string }>)[0].value])), comments: {} }]));
    const done = await save({ responses, citations: { [a.id]: { "0": { mark: "supports" }, "1": { mark: "partial" } }, [b.id]: { "0": { mark: "not_found", note: "No such paper." } } } }, true);
    expect(done).toMatchObject({ status: "saved" });

    const [record] = (await collectText(runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id } }))).trim().split("\n").map((l) => JSON.parse(l));
    expect(exportRecordSchema.parse(record)).toEqual(record);
    const ra = record.responses.find((r: { modelName: string }) => r.modelName === "m-a");
    const rb = record.responses.find((r: { modelName: string }) => r.modelName === "m-b");
    expect(ra).toMatchObject({ citationPrecision: 0.75, fabricatedCitations: 0 });
    expect(ra.citations[1]).toEqual({ number: 2, claim: "Claim of ASPREE.", title: "ASPREE", pmid: "30221596", mark: "partial" });
    expect(rb).toMatchObject({ citationPrecision: 0, fabricatedCitations: 1, citations: [{ number: 1, mark: "not_found", note: "No such paper.", url: "https://example.org/nowhere" }] });
    const csv = await collectText(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id } }));
    expect(csv).toContain(",citation,citation:1,not_found,No such paper.,");
    expect(csv).toContain(",citation,citation_precision,0.75,,");

    const results = await loadCitationResults(asActor(admin), project.id);
    expect(results.map((r) => [r.model, r.citations, r.precision, r.supports.count, r.fabricated.count])).toEqual([["m-a", 2, 0.75, 1, 0], ["m-b", 1, 0, 0, 1]]);
  });
});
