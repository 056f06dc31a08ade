import { describe, expect, it } from "vitest";
import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData, type AnnotationData } from "@/lib/annotations/schema";
import { getDb } from "@/lib/db/client";
import { createProject } from "@/lib/projects/create-project";
import { loadRubricResults } from "@/lib/results/load-results";
import { resultsFilterSchema } from "@/lib/results/results-filter";
import { saveRubric } from "@/lib/rubrics/rubric-versions";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { pairKey, screenPairs } from "@/lib/tools/pairwise/pairs";
import { asActor } from "@/test/support/study";
import { loadAdjudication, saveConsensus } from "./consensus";

// Adjudication of the newer tools' answers: per-turn ratings (decision 033) and every pair of several
// responses (decision 035). Disagreements are found turn by turn and pair by pair (pairs named by their
// responses, whatever each reviewer's screen order), merged into the starting consensus, and a decided
// consensus counts in the results.

const RUBRIC = {
  format: "consilium-rubric/1", name: "Turns and pairs", template: null,
  axes: [
    { key: "safe", label: "Safe", type: "BOOLEAN", appliesTo: "TURN" },
    { key: "better", label: "Better", type: "CHOICE", appliesTo: "PAIR", options: [{ value: "A", label: "A" }, { value: "tie", label: "Tie" }, { value: "B", label: "B" }] },
  ],
};

describe("adjudicating per-turn ratings and every pair", () => {
  it("finds disagreements turn by turn and pair by pair, merges them and counts the decided consensus", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
    const project = await createProject(admin.id, { name: "Adjudicate", slug: `adj-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, guidelines: "Rate.", template: "amie-consultation", blinded: true, randomizeOrder: true, reviewersPerItem: 2 });
    await saveRubric(asActor(admin), project.id, RUBRIC, 1);
    const turns = [{ role: "assistant", content: "Hello." }, { role: "patient", content: "Hi." }, { role: "assistant", content: "Rest." }];
    await seedItems(admin.id, project.id, [{ kind: "dialogue", externalId: "d-1", turns: [{ role: "patient", content: "Help?" }], responses: ["m-a", "m-b", "m-c"].map((modelName) => ({ modelName, turns })) }]);
    await createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id), seed: 11 });
    const db = getDb();
    const assignments = await db.assignment.findMany({ where: { batch: { projectId: project.id } }, orderBy: { reviewerId: "asc" } });
    const responses = await db.response.findMany({ where: { item: { projectId: project.id } }, orderBy: { position: "asc" } });
    const [ra, rb, rc] = responses.map((r) => r.id);

    // Both prefer earlier models in every pair, except that the second reviewer ties b and c; the second
    // also calls turn 3 of model c unsafe.
    const answer = (order: string[], second: boolean): AnnotationData => {
      const pick = (l: string, r: string) => (second && new Set([l, r]).has(rb) && new Set([l, r]).has(rc) ? "tie" : responses.findIndex((x) => x.id === l) < responses.findIndex((x) => x.id === r) ? l : r);
      const [first, ...rest] = screenPairs(order);
      return {
        ...emptyAnnotationData(),
        pair: { ratings: { better: pick(...first) }, comments: {}, strength: {} },
        morePairs: Object.fromEntries(rest.map(([l, r]) => [pairKey(l, r), { ratings: { better: pick(l, r) }, comments: {}, strength: {} }])),
        turns: Object.fromEntries(order.map((id) => [id, { "0": { ratings: { safe: true }, comments: {} }, "2": { ratings: { safe: !(second && id === rc) }, comments: {} } }])),
      };
    };
    for (const [i, a] of assignments.entries()) {
      const actor = asActor(reviewers.find((r) => r.id === a.reviewerId)!);
      expect(await saveAnnotation(actor, a.id, { baseVersion: 0, clientMutationId: `adj-${a.id}`, data: answer(a.responseOrder, i === 1), submit: true })).toMatchObject({ status: "saved" });
    }
    expect(assignments[0].responseOrder).not.toEqual(assignments[1].responseOrder); // different screen orders, same pairs

    const view = await loadAdjudication(asActor(admin), project.id, assignments[0].itemId);
    // In rubric order: the per-turn axis, then the pairwise one.
    expect(view.disagreements.map((d) => [d.target, d.responseId, d.axis])).toEqual([
      ["turn", rc, "2:safe"],
      ["pair", pairKey(rb, rc), "better"],
    ]);
    // The merge starts from the most frequent answer (ties: the first reviewer's) for every pair and turn.
    expect(view.merged.pair.ratings).toEqual({ better: ra });
    expect(view.merged.morePairs).toEqual({ [pairKey(ra, rc)]: { ratings: { better: ra }, comments: {}, strength: {} }, [pairKey(rb, rc)]: expect.objectContaining({ ratings: { better: expect.any(String) } }) });
    expect(Object.keys(view.merged.turns ?? {}).sort()).toEqual([ra, rb, rc].sort());

    // The adjudicator decides: b and c tie; model c's turn 3 unsafe.
    const decided: AnnotationData = { ...view.merged, morePairs: { ...view.merged.morePairs, [pairKey(rb, rc)]: { ratings: { better: "tie" }, comments: {}, strength: {} } }, turns: { ...view.merged.turns, [rc]: { "0": { ratings: { safe: true }, comments: {} }, "2": { ratings: { safe: false }, comments: {} } } } };
    expect(await saveConsensus(asActor(admin), project.id, assignments[0].itemId, { baseVersion: 0, data: decided, decide: true })).toMatchObject({ status: "saved", decided: true });
    const results = await loadRubricResults(asActor(admin), project.id, resultsFilterSchema.parse({ basis: "consensus" }), { resamples: 20 });
    expect(results.pairs.filter((p) => p.axis === "better").map((p) => [p.first, p.second, p.judgments, p.ties.count])).toEqual([["m-a", "m-b", 1, 0], ["m-a", "m-c", 1, 0], ["m-b", "m-c", 1, 1]]);
    const safe = results.axes.find((a) => a.axis.key === "safe")!;
    expect(Object.fromEntries(safe.models.map((m) => [m.model, m.ratings]))).toEqual({ "m-a": 2, "m-b": 2, "m-c": 2 });
  });
});
