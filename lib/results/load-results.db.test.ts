import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/auth/permissions";
import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { getDb } from "@/lib/db/client";
import { runExport } from "@/lib/export/run-export";
import { createProject } from "@/lib/projects/create-project";
import { medPalmLongForm } from "@/lib/rubrics/templates/med-palm";
import { medPalm2Pairwise } from "@/lib/rubrics/templates/med-palm-2";
import { qaLines, seedItems, seedUser } from "@/lib/seed/factories";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { loadRubricResults } from "./load-results";
import { resultsFilterSchema } from "./results-filter";

const all = resultsFilterSchema.parse({});

async function exportedRecords(actorId: string, projectId: string) {
  let out = "";
  for await (const chunk of runExport({ actorId, format: "jsonl", filter: { projectId, status: "submitted" } })) out += chunk;
  return out.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

describe("loadRubricResults", () => {
  it("per-axis distributions per model equal a count over the exported records, with filters for gold, reviewer, kind and dates", async () => {
    const { admin, reviewers, researcher, outsider, project, assignments } = await seedStudy({ items: 4 });
    const db = getDb();
    // Reviewers pick different options per item and axis, so the bins are not all in one place.
    for (const [n, a] of assignments.entries()) {
      const data = { ...emptyAnnotationData(), ...completeRatings(a.responseOrder, (axis) => (axis + n) % medPalmLongForm.axes[axis].options.length) };
      const reviewer = reviewers.find((r) => r.id === a.reviewerId)!;
      expect(await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `m-${a.id}`, data, submit: true })).toMatchObject({ status: "saved" });
    }
    const results = await loadRubricResults(asActor(researcher), project.id, all);
    expect(results).toMatchObject({ annotations: 8, items: 4, reviewers: 2, rubricVersions: [1] });

    // Independent computation: count values per axis and model in the export's records.
    const records = await exportedRecords(admin.id, project.id);
    for (const axis of medPalmLongForm.axes) {
      const result = results.axes.find((r) => r.axis.key === axis.key)!;
      for (const model of ["model-alpha", "model-beta"]) {
        const values = records.flatMap((r) => r.responses.filter((x: { modelName: string }) => x.modelName === model).map((x: { ratings: Record<string, unknown> }) => x.ratings[axis.key]));
        const row = result.models.find((m) => m.model === model)!;
        expect(row.ratings).toBe(values.length);
        for (const bin of row.bins) expect([axis.key, model, bin.value, bin.share.count]).toEqual([axis.key, model, bin.value, values.filter((v) => v === bin.value).length]);
        if (axis.best !== undefined) expect(row.best?.count).toBe(values.filter((v) => v === String(axis.best)).length);
      }
    }

    // Gold items are excluded unless asked; reviewer, kind and date filters narrow the annotations.
    const [goldItem] = await db.item.findMany({ where: { projectId: project.id }, orderBy: { externalId: "asc" }, take: 1 });
    await db.item.update({ where: { id: goldItem.id }, data: { isGold: true } });
    expect((await loadRubricResults(asActor(researcher), project.id, all)).annotations).toBe(6);
    expect((await loadRubricResults(asActor(researcher), project.id, resultsFilterSchema.parse({ gold: "include" }))).annotations).toBe(8);
    expect((await loadRubricResults(asActor(researcher), project.id, resultsFilterSchema.parse({ gold: "only" }))).annotations).toBe(2);
    const [someone] = results.options.reviewers;
    expect(results.options.reviewers).toHaveLength(2);
    expect((await loadRubricResults(asActor(researcher), project.id, resultsFilterSchema.parse({ reviewer: someone, gold: "include" }))).annotations).toBe(4);
    expect((await loadRubricResults(asActor(researcher), project.id, resultsFilterSchema.parse({ reviewer: "R-0000000000" }))).annotations).toBe(0);
    expect((await loadRubricResults(asActor(researcher), project.id, resultsFilterSchema.parse({ kind: "mcq" }))).annotations).toBe(0);
    expect((await loadRubricResults(asActor(researcher), project.id, resultsFilterSchema.parse({ to: "2020-01-01" }))).annotations).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await loadRubricResults(asActor(researcher), project.id, resultsFilterSchema.parse({ from: today, to: today }))).annotations).toBe(6);

    await expect(loadRubricResults(asActor(researcher), project.id, resultsFilterSchema.parse({ batch: "nope" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadRubricResults(asActor(outsider), project.id, all)).rejects.toBeInstanceOf(NotFoundError);
    expect(resultsFilterSchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(resultsFilterSchema.safeParse({ from: "2026-13-01" }).success).toBe(false);
    expect(resultsFilterSchema.safeParse({ from: "2026-03-02", to: "2026-03-01" }).success).toBe(false);
    expect(resultsFilterSchema.safeParse({ bogus: "1" }).success).toBe(false);
  });

  it("pairwise win / tie / loss per model pair after polarity", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const project = await createProject(admin.id, { name: "Pairs", slug: `pairs-${Date.now().toString(36)}`, template: "med-palm-2-pairwise", reviewersPerItem: 1 });
    await seedItems(admin.id, project.id, qaLines(3));
    await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1, seed: 3 });
    const db = getDb();
    const assignments = await db.assignment.findMany({ where: { reviewerId: reviewer.id }, include: { item: { include: { responses: true } } } });
    // Items 1 and 2: alpha chosen on every axis; item 3: tie everywhere.
    for (const a of assignments) {
      const alpha = a.item.responses.find((r) => r.modelName === "model-alpha")!.id;
      const choice = a.item.externalId === "q-3" ? "tie" : alpha;
      const data = { ...emptyAnnotationData(), pair: { ratings: Object.fromEntries(medPalm2Pairwise.axes.map((x) => [x.key, choice])), comments: {}, strength: {} } };
      expect(await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `p-${a.id}`, data, submit: true })).toMatchObject({ status: "saved" });
    }
    const { pairs, axes } = await loadRubricResults(asActor(admin), project.id, all);
    expect(axes).toHaveLength(0); // pair axes are not distributions
    const reasoning = pairs.find((p) => p.axis === "reasoning")!;
    const omission = pairs.find((p) => p.axis === "omission")!; // choosing = worse: beta is better
    expect([reasoning.first, reasoning.second, reasoning.judgments, reasoning.firstWins.count, reasoning.ties.count, reasoning.secondWins.count]).toEqual(["model-alpha", "model-beta", 3, 2, 1, 0]);
    expect([omission.firstWins.count, omission.ties.count, omission.secondWins.count]).toEqual([0, 1, 2]);
    expect(pairs.map((p) => p.axis)).toEqual(medPalm2Pairwise.axes.map((x) => x.key));
  });
});
