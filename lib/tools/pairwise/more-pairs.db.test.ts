import { describe, expect, it } from "vitest";
import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData, type AnnotationData } from "@/lib/annotations/schema";
import { getDb } from "@/lib/db/client";
import { runExport } from "@/lib/export/run-export";
import { createProject } from "@/lib/projects/create-project";
import { loadRubricResults } from "@/lib/results/load-results";
import { resultsFilterSchema } from "@/lib/results/results-filter";
import { medPalm2Pairwise } from "@/lib/rubrics/templates/med-palm-2";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { loadItemDetail } from "@/lib/items/item-detail";
import { pairKey, screenPairs } from "./pairs";

// Every pair of three responses in one review (decision 035): checked against the responses shown and
// their screen order, required at submit, exported as pairwise records, counted in the results.

const MODELS = ["model-a", "model-b", "model-c"];
const AXES = medPalm2Pairwise.axes.map((a) => a.key);

/** Every axis of every pair decided for the response whose model comes first in `preference`. */
function choose(order: string[], models: Map<string, string>, preference: string[]): AnnotationData {
  const block = (l: string, r: string) => {
    const wanted = preference.indexOf(models.get(l)!) < preference.indexOf(models.get(r)!) ? l : r;
    return { ratings: Object.fromEntries(AXES.map((k) => [k, wanted])), comments: {}, strength: {} };
  };
  const [first, ...rest] = screenPairs(order);
  return { ...emptyAnnotationData(), pair: block(...first), morePairs: Object.fromEntries(rest.map(([l, r]) => [pairKey(l, r), block(l, r)])) };
}

describe("all pairs of the responses shown", () => {
  it("are checked, required, exported and counted pair by pair", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
    const project = await createProject(admin.id, { name: "Pairs", slug: `pairs-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, guidelines: "Compare.", template: "med-palm-2-pairwise", blinded: true, randomizeOrder: true, reviewersPerItem: 2 });
    await seedItems(admin.id, project.id, [{ externalId: "p-1", question: "Q?", responses: MODELS.map((modelName) => ({ modelName, content: `${modelName} answers.` })) }]);
    await createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id), seed: 5 });
    const db = getDb();
    const assignments = await db.assignment.findMany({ where: { batch: { projectId: project.id } }, orderBy: { reviewerId: "asc" } });
    const models = new Map((await db.response.findMany({ where: { item: { projectId: project.id } } })).map((r) => [r.id, r.modelName]));
    const [mine, theirs] = assignments;
    const actor = asActor(reviewers.find((r) => r.id === mine.reviewerId)!);
    const [x, y, z] = mine.responseOrder;

    // A pair in the wrong screen order, or with a response not shown, is refused; so is a value outside the pair.
    const none: Record<string, string> = {};
    const bad: AnnotationData = { ...emptyAnnotationData(), morePairs: { [pairKey(z, x)]: { ratings: none, comments: {}, strength: {} }, [pairKey(x, "elsewhere")]: { ratings: none, comments: {}, strength: {} }, [pairKey(x, z)]: { ratings: { reasoning: y }, comments: {}, strength: {} } } };
    const refused = await saveAnnotation(actor, mine.id, { baseVersion: 0, clientMutationId: `mp-bad-${mine.id}`, data: bad, submit: false });
    expect(refused.status === "invalid" && refused.problems.map((p) => p.path).sort()).toEqual([`morePairs.${pairKey(x, "elsewhere")}`, `morePairs.${pairKey(x, z)}.ratings.reasoning`, `morePairs.${pairKey(z, x)}`].sort());

    // Only the first pair decided: submit lists every axis of the two other pairs.
    const full = choose(mine.responseOrder, models, MODELS);
    const firstOnly = { ...full, morePairs: {} };
    expect(await saveAnnotation(actor, mine.id, { baseVersion: 0, clientMutationId: `mp-draft-${mine.id}`, data: firstOnly, submit: false })).toMatchObject({ status: "saved" });
    const early = await saveAnnotation(actor, mine.id, { baseVersion: 1, clientMutationId: `mp-early-${mine.id}`, data: firstOnly, submit: true });
    const missing = early.status === "invalid" ? early.problems.map((p) => p.path) : [];
    expect(missing).toHaveLength(2 * AXES.length);
    expect(new Set(missing.map((p) => p.split(".")[1]))).toEqual(new Set([pairKey(x, z), pairKey(y, z)]));
    expect(early.status === "invalid" && early.problems[0].message).toMatch(/^Comparison A–C: ".+" is required\.$/);

    const submitted = await saveAnnotation(actor, mine.id, { baseVersion: 1, clientMutationId: `mp-sub-${mine.id}`, data: full, submit: true });
    expect(submitted.status === "invalid" ? submitted.problems : submitted.status).toBe("saved");
    const other = asActor(reviewers.find((r) => r.id === theirs.reviewerId)!);
    expect(await saveAnnotation(other, theirs.id, { baseVersion: 0, clientMutationId: `mp-sub-${theirs.id}`, data: choose(theirs.responseOrder, models, MODELS), submit: true })).toMatchObject({ status: "saved" });

    let jsonl = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id, status: "submitted" } })) jsonl += chunk;
    const records = jsonl.trim().split("\n").map((l) => JSON.parse(l));
    for (const record of records) {
      expect(record.pairwise).toHaveLength(3 * AXES.length);
      const pairs = new Set(record.pairwise.map((p: { shownA: { modelName: string }; shownB: { modelName: string } }) => [p.shownA.modelName, p.shownB.modelName].sort().join(" vs ")));
      expect(pairs).toEqual(new Set(["model-a vs model-b", "model-a vs model-c", "model-b vs model-c"]));
      // "Choosing = worse" axes flip the better response: model-a was chosen everywhere it appears.
      const harm = record.pairwise.find((p: { axis: string; shownA: { modelName: string }; shownB: { modelName: string } }) => p.axis === "harm_extent" && [p.shownA.modelName, p.shownB.modelName].sort().join() === "model-a,model-c");
      expect([harm.chosen.modelName, harm.better.modelName]).toEqual(["model-a", "model-c"]);
    }

    // The item page spells out every pair (import labels: A = model-a …; model-a preferred everywhere).
    const detail = await loadItemDetail(asActor(admin), project.id, mine.itemId);
    const summary = detail.annotations.find((x) => x.assignmentId === mine.id)!.pair.reasoning;
    expect(summary.split("; ")).toHaveLength(3);
    expect(summary).toMatch(/^first pair: [ABC]; [ABC] vs [ABC]: [ABC]; [ABC] vs [ABC]: [ABC]$/);

    const results = await loadRubricResults(asActor(admin), project.id, resultsFilterSchema.parse({}), { resamples: 50 });
    const reasoning = results.pairs.filter((p) => p.axis === "reasoning");
    expect(reasoning.map((p) => [p.first, p.second, p.judgments, p.firstWins.count])).toEqual([["model-a", "model-b", 2, 2], ["model-a", "model-c", 2, 2], ["model-b", "model-c", 2, 2]]);
    const board = results.leaderboards.find((b) => b.axis === "reasoning")!;
    expect(board.rows.map((r) => r.model)).toEqual(MODELS);
    // Agreement: each pair of responses is a unit; both reviewers agree on all three.
    const agreement = results.agreement.find((a) => a.axis === "reasoning")!;
    expect(agreement.inter?.basis.pairableUnits).toBe(3);
    expect(agreement.inter?.coefficients.find((c) => c.key === "percent_agreement")?.value).toBe(1);
  });
});
