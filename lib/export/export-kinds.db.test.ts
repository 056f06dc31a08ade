import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { exportRecordSchema } from "./record-schema";
import { runExport } from "./run-export";

async function collect(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const c of gen) out += c;
  return out;
}

async function study(template: string, items: object[]) {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewer = await seedUser({ role: "REVIEWER" });
  const project = await createProject(admin.id, { name: template, slug: `${template}-${Date.now().toString(36)}`, template, reviewersPerItem: 1 });
  await seedItems(admin.id, project.id, items);
  await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1, seed: 11 });
  const assignment = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id }, include: { item: { include: { responses: true, criteria: { orderBy: { position: "asc" } } } } } });
  return { admin, reviewer: asActor(reviewer), project, assignment };
}

/** Every record is checked against the published schema (docs/export-record.schema.json) on the way. */
const exportJsonl = async (actorId: string, projectId: string, includeContent = false) =>
  (await collect(runExport({ actorId, format: "jsonl", filter: { projectId, includeContent } }))).trim().split("\n").map((l) => {
    const record = JSON.parse(l);
    expect(exportRecordSchema.parse(record)).toEqual(record);
    return record;
  });

describe("export of pairwise and criteria annotations", () => {
  it("reports pairwise choices in terms of the real responses and applies polarity", async () => {
    const { admin, reviewer, project, assignment } = await study("med-palm-2-pairwise", [
      { externalId: "p1", question: "Q?", responses: [{ modelName: "alpha", content: "a" }, { modelName: "beta", content: "b" }] },
    ]);
    const [left, right] = assignment.responseOrder;
    const axes = await getDb().rubricAxis.findMany({ where: { rubric: { projectId: project.id } } });
    const ratings = Object.fromEntries(axes.map((a) => [a.key, "tie"]));
    ratings.reasoning = left; // "A" on screen: better reasoning
    ratings.harm_extent = left; // "A" on screen: MORE harmful, so B is the better one
    const data = { ...emptyAnnotationData(), pair: { ratings, comments: { reasoning: "clearer" }, strength: { reasoning: 2 } } };
    expect(await saveAnnotation(reviewer, assignment.id, { baseVersion: 0, clientMutationId: "pair-submit", data, submit: true })).toMatchObject({ status: "saved" });

    const [record] = await exportJsonl(admin.id, project.id);
    const model = (id: string) => assignment.item.responses.find((r) => r.id === id)!.modelName;
    const reasoning = record.pairwise.find((p: { axis: string }) => p.axis === "reasoning");
    expect(reasoning).toMatchObject({ polarity: "HIGHER_IS_BETTER", chosen: { responseId: left, modelName: model(left) }, better: { responseId: left }, strength: 2, comment: "clearer", shownA: { responseId: left }, shownB: { responseId: right } });
    const harm = record.pairwise.find((p: { axis: string }) => p.axis === "harm_extent");
    expect(harm).toMatchObject({ polarity: "CHOSEN_IS_WORSE", chosen: { responseId: left }, better: { responseId: right, modelName: model(right) } });
    expect(record.pairwise.filter((p: { chosen: unknown }) => p.chosen === "tie")).toHaveLength(7);
  });

  it("exports criteria marks with the unclipped HealthBench item score", async () => {
    const { admin, reviewer, project, assignment } = await study("healthbench-criteria", [
      { kind: "dialogue", externalId: "d1", turns: [{ role: "user", content: "Headache for a week?" }], responses: [{ modelName: "alpha", content: "Take rest." }],
        criteria: [{ criterion: "Asks about red flags", points: 5, tags: ["axis:completeness"] }, { criterion: "Gives a dosage without context", points: -7, tags: ["axis:accuracy"] }, { criterion: "Suggests seeing a doctor if worse", points: 3, tags: [] }] },
    ]);
    const [c1, c2, c3] = assignment.item.criteria.map((c) => c.id);
    const responseId = assignment.responseOrder[0];
    const data = { ...emptyAnnotationData(), responses: { [responseId]: { ratings: {}, comments: {}, confidence: 3, criteria: { [c1]: { met: false }, [c2]: { met: true, note: "500 mg stated" }, [c3]: { met: true } } } } };
    const incomplete = { ...data, responses: { [responseId]: { ...data.responses[responseId], criteria: { [c1]: { met: false } } } } };
    expect(await saveAnnotation(reviewer, assignment.id, { baseVersion: 0, clientMutationId: "crit-early", data: incomplete, submit: true })).toMatchObject({ status: "invalid" });
    expect(await saveAnnotation(reviewer, assignment.id, { baseVersion: 0, clientMutationId: "crit-submit", data, submit: true })).toMatchObject({ status: "saved" });

    const [record] = await exportJsonl(admin.id, project.id);
    expect(record.kind).toBe("dialogue");
    const response = record.responses[0];
    // (−7 + 3) ÷ (5 + 3) = −0.5: per-item scores are not clipped.
    expect(response.criteriaScore).toBe(-0.5);
    expect(response.confidence).toBe(3);
    // Criteria carry their id and text, numbered from 1 like the CSV's criterion:<number>.
    expect(response.criteria.map((c: { criterionId: string; number: number; text: string; met: boolean; points: number }) => [c.criterionId, c.number, c.text, c.points, c.met])).toEqual([
      [c1, 1, "Asks about red flags", 5, false], [c2, 2, "Gives a dosage without context", -7, true], [c3, 3, "Suggests seeing a doctor if worse", 3, true],
    ]);
    expect(response.criteria[1].note).toBe("500 mg stated");
    expect(response.content).toBeUndefined(); // ratings only unless content is asked for

    const [withContent] = await exportJsonl(admin.id, project.id, true);
    expect(withContent.item.input).toEqual({ turns: [{ role: "user", content: "Headache for a week?" }] });
    expect(withContent.responses[0]).toMatchObject({ content: "Take rest.", reasoning: null, answer: null, criteriaScore: -0.5 });

    const csv = await collect(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id } }));
    expect(csv).toContain(",criterion,criterion:2,met,500 mg stated,");
    expect(csv).toContain(`,${assignment.id},submitted,${c2},Gives a dosage without context,-7,1,,,${",".repeat(12)}\n`); // rubric version 1, no study arm, not a turn, no analysis fields
    expect(csv).toContain(",criterion,criteria_score,-0.5,");
  });

  it("exports every item kind with its input, the responses' structured answers, and item ratings in CSV", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = mkdtempSync(path.join(tmpdir(), "consilium-export-img-"));
    mkdirSync(path.join(dir, "s"));
    writeFileSync(path.join(dir, "s", "x.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    process.env.CONSILIUM_IMAGE_DIR = dir;
    try {
      const admin = await seedUser({ role: "ADMIN" });
      const reviewer = asActor(await seedUser({ role: "REVIEWER" }));
      // The MEDEC template rates the item as a whole, so one rubric fits every kind here.
      const project = await createProject(admin.id, { name: "Kinds", slug: `kinds-${Date.now().toString(36)}`, template: "medec-note-review", reviewersPerItem: 1 });
      await seedItems(admin.id, project.id, [
        { kind: "qa", externalId: "k-qa", question: "Q?", responses: [{ modelName: "m", content: "A." }] },
        { kind: "mcq", externalId: "k-mcq", question: "Pick", options: { A: "x", B: "y" }, correctOption: "A", responses: [{ modelName: "m", choice: "B", content: "because" }] },
        { kind: "dialogue", externalId: "k-dlg", turns: [{ role: "patient", content: "Hi" }], responses: [{ modelName: "m", content: "Hello" }] },
        { kind: "vqa", externalId: "k-vqa", question: "Seen?", images: [{ src: "s/x.png", modality: "CT" }], responses: [{ modelName: "m", content: "Nothing" }] },
        { kind: "note", externalId: "k-note", text: "One. Two.", responses: [] },
        { kind: "ddx", externalId: "k-ddx", case: "Fever", responses: [{ modelName: "m", differential: [{ diagnosis: "Flu" }] }] },
      ]);
      await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1, seed: 2 });
      for (const a of await getDb().assignment.findMany({ where: { reviewerId: reviewer.id } })) {
        const data = { ...emptyAnnotationData(), item: { ratings: { error_flag: true }, comments: { error_flag: "checked" } } };
        expect(await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: `k-${a.id}`, data, submit: true })).toMatchObject({ status: "saved" });
      }
      const records = await exportJsonl(admin.id, project.id, true);
      const byId = Object.fromEntries(records.map((r) => [r.externalId, r]));
      expect(Object.fromEntries(records.map((r) => [r.externalId, r.kind]))).toEqual({ "k-qa": "qa", "k-mcq": "mcq", "k-dlg": "dialogue", "k-vqa": "vqa", "k-note": "note", "k-ddx": "ddx" });
      expect(byId["k-qa"].item.input).toEqual({ question: "Q?" });
      expect(byId["k-mcq"].item).toEqual({ input: { question: "Pick", options: [{ key: "A", text: "x" }, { key: "B", text: "y" }] }, reference: { correctOption: "A" } });
      expect(byId["k-mcq"].responses[0].answer).toEqual({ choice: "B" });
      expect(byId["k-dlg"].item.input.turns).toEqual([{ role: "patient", content: "Hi" }]);
      expect(byId["k-vqa"].item.input.images).toEqual([{ src: "s/x.png", modality: "CT" }]);
      expect(byId["k-note"].item.input.sentences).toEqual([{ id: "0", text: "One." }, { id: "1", text: "Two." }]);
      expect(byId["k-note"].responses).toEqual([]);
      expect(byId["k-ddx"].responses[0].answer).toEqual({ differential: [{ diagnosis: "Flu" }] });
      for (const r of records) expect([r.externalId, r.itemRatings, r.itemComments]).toEqual([r.externalId, { error_flag: true }, { error_flag: "checked" }]);

      const csv = await collect(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id } }));
      const rows = csv.trim().split("\n").slice(1);
      expect(rows).toHaveLength(6);
      expect(rows.every((r) => r.includes(",item,error_flag,true,checked,"))).toBe(true);
    } finally {
      delete process.env.CONSILIUM_IMAGE_DIR;
    }
  });

  it("exports differential grades by rank from 1, valid against the schema with and without content", async () => {
    const { admin, reviewer, project, assignment } = await study("ddx-accuracy", [
      { kind: "ddx", externalId: "x1", case: "Fever and rash.", responses: [{ modelName: "m1", differential: [{ diagnosis: "Rubella" }, { diagnosis: "Measles" }] }] },
    ]);
    const responseId = assignment.responseOrder[0];
    const entries = { "0": { match: "unrelated" as const }, "1": { match: "exact" as const, note: "Koplik spots" } };
    const data = { ...emptyAnnotationData(), responses: { [responseId]: { ratings: {}, comments: {}, entries } } };
    expect(await saveAnnotation(reviewer, assignment.id, { baseVersion: 0, clientMutationId: "ddx-submit", data, submit: true })).toMatchObject({ status: "saved" });
    for (const content of [false, true]) {
      const [record] = await exportJsonl(admin.id, project.id, content);
      expect(record.responses[0].differentialMatches).toEqual([{ rank: 1, match: "unrelated" }, { rank: 2, match: "exact", note: "Koplik spots" }]);
      expect(record.responses[0].topK).toEqual({ "1": false, "3": true, "5": true, "10": true });
    }
  });
});
