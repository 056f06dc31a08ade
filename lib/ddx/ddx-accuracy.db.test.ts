import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { runExport } from "@/lib/export/run-export";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { loadDdxAccuracy } from "./ddx-accuracy";

async function collect(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const c of gen) out += c;
  return out;
}

describe("differential grading (ddx-accuracy rubric)", () => {
  it("requires every entry graded, exports matches and top-k, and reports top-k accuracy per model", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = asActor(await seedUser({ role: "REVIEWER" }));
    const researcher = await seedUser({ role: "RESEARCHER" });
    const project = await createProject(admin.id, { name: "DDx", slug: `ddx-${Date.now().toString(36)}`, template: "ddx-accuracy", reviewersPerItem: 1 });
    const list = (...names: string[]) => names.map((diagnosis) => ({ diagnosis }));
    await seedItems(admin.id, project.id, [
      { kind: "ddx", externalId: "c1", case: "Fever, rash, cough.", responses: [{ modelName: "m1", differential: list("Rubella", "Measles", "Scarlet fever") }, { modelName: "m2", differential: list("Measles") }] },
      { kind: "ddx", externalId: "c2", case: "Chest pain on exertion.", responses: [{ modelName: "m1", differential: list("Angina") }, { modelName: "m2", differential: list("GERD", "Costochondritis") }] },
    ]);
    await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1, seed: 4 });
    const assignments = await getDb().assignment.findMany({ where: { reviewerId: reviewer.id }, include: { item: { include: { responses: true } } } });
    // Ground truth: c1 measles, c2 angina.
    const grades: Record<string, Record<string, string[]>> = {
      c1: { m1: ["unrelated", "exact", "unrelated"], m2: ["very_close"] },
      c2: { m1: ["exact"], m2: ["unrelated", "unrelated"] },
    };
    for (const a of assignments) {
      const byModel = Object.fromEntries(a.item.responses.map((r) => [r.modelName, r.id]));
      const responses = Object.fromEntries(
        Object.entries(grades[a.item.externalId]).map(([model, marks]) => [byModel[model], { ratings: {}, comments: {}, entries: Object.fromEntries(marks.map((match, rank) => [String(rank), { match }])) }]),
      );
      const partial = { ...emptyAnnotationData(), responses: { [byModel.m1]: { ratings: {}, comments: {}, entries: { "0": { match: "exact" as const } } } } };
      if (a.item.externalId === "c1") {
        expect(await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: `partial-${a.id}`, data: partial, submit: true })).toMatchObject({ status: "invalid" });
      }
      expect(await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: `full-${a.id}`, data: { ...emptyAnnotationData(), responses } as never, submit: true })).toMatchObject({ status: "saved" });
    }

    const records = (await collect(runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id } }))).trim().split("\n").map((l) => JSON.parse(l));
    const c1 = records.find((r) => r.externalId === "c1");
    const m1 = c1.responses.find((r: { modelName: string }) => r.modelName === "m1");
    expect(m1.differentialMatches).toEqual([{ rank: 1, match: "unrelated" }, { rank: 2, match: "exact" }, { rank: 3, match: "unrelated" }]);
    expect(m1.topK).toEqual({ "1": false, "3": true, "5": true, "10": true });
    const csv = await collect(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id } }));
    expect(csv).toContain(",m1,");
    expect(csv).toMatch(/,ddx_entry,entry:2,exact,/);
    expect(csv).toMatch(/,ddx_entry,top_1,false,/);

    await expect(loadDdxAccuracy(asActor(researcher), project.id)).rejects.toThrow(/not found/i);
    expect(await loadDdxAccuracy(asActor(admin), project.id)).toEqual([
      { modelName: "m1", graded: 2, topK: { "1": 0.5, "3": 1, "5": 1, "10": 1 } },
      { modelName: "m2", graded: 2, topK: { "1": 0.5, "3": 0.5, "5": 0.5, "10": 0.5 } },
    ]);
  });
});
