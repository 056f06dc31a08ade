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
    // Read in pages of 3 (the next page is requested while one is tallied) the figures are the same.
    expect(await loadRubricResults(asActor(researcher), project.id, all, { pageSize: 3 })).toEqual(results);

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

    // Agreement: the wiring (units = responses, raters = reviewers) checked by hand on percent agreement.
    for (const axis of medPalmLongForm.axes) {
      const byUnit = new Map<string, unknown[]>();
      for (const r of records) for (const x of r.responses) byUnit.set(x.responseId, [...(byUnit.get(x.responseId) ?? []), x.ratings[axis.key]]);
      const pairs = [...byUnit.values()].filter((v) => v.length === 2);
      const agreement = results.agreement.find((a) => a.axis === axis.key)!;
      expect(agreement.inter?.basis).toMatchObject({ raters: 2, pairableUnits: pairs.length });
      const percent = agreement.inter?.coefficients.find((c) => c.key === "percent_agreement");
      expect([axis.key, percent?.value]).toEqual([axis.key, pairs.filter(([x, y]) => x === y).length / pairs.length]);
      expect(agreement.inter?.coefficients.map((c) => c.key)).toEqual(["krippendorff_alpha", "cohen_kappa", "fleiss_kappa", "gwet_ac1", "percent_agreement"]);
      expect(agreement.intra).toBeNull();
    }
    const alpha = results.agreement[0].inter!.coefficients[0];
    if (alpha.value !== null) expect(alpha.interval).toMatchObject({ resamples: 1000 });

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

describe("intra-rater agreement", () => {
  it("a reviewer who rates the same response again (a repeat in another batch) is compared with themself, not counted twice", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const project = await createProject(admin.id, { name: "Repeats", slug: `repeats-${Date.now().toString(36)}`, template: "med-palm-long-form", reviewersPerItem: 1 });
    await seedItems(admin.id, project.id, qaLines(3));
    const db = getDb();
    const items = await db.item.findMany({ where: { projectId: project.id }, orderBy: { externalId: "asc" } });
    await createBatch(admin.id, project.id, { name: "first", reviewerIds: [reviewer.id], perItem: 1, seed: 1 });
    await createBatch(admin.id, project.id, { name: "repeat", itemIds: items.map((i) => i.id), reviewerIds: [reviewer.id], perItem: 1, seed: 2 });
    const assignments = await db.assignment.findMany({ where: { reviewerId: reviewer.id }, include: { batch: true } });
    expect(assignments).toHaveLength(6);
    for (const a of assignments) {
      // The repeat changes its mind on one item: scientific consensus "aligned" → the second option.
      const changed = a.batch.name === "repeat" && a.itemId === items[0].id;
      const data = { ...emptyAnnotationData(), ...completeRatings(a.responseOrder, (axis) => (axis === 0 && changed ? 1 : 0)) };
      expect(await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `r-${a.id}`, data, submit: true })).toMatchObject({ status: "saved" });
    }
    const { agreement } = await loadRubricResults(asActor(admin), project.id, all, { resamples: 0 });
    const consensus = agreement.find((a) => a.axis === "scientific_consensus")!;
    expect(consensus.inter?.basis).toMatchObject({ raters: 1, pairableUnits: 0 });
    expect(consensus.intra?.basis).toMatchObject({ raters: 2, units: 6, pairableUnits: 6 });
    expect(consensus.intra?.coefficients.find((c) => c.key === "percent_agreement")?.value).toBeCloseTo(4 / 6, 12);
    expect(agreement.find((a) => a.axis === "harm_extent")?.intra?.coefficients.find((c) => c.key === "percent_agreement")?.value).toBe(1);
  });
});
