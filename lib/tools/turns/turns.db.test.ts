import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { createBatch } from "@/lib/assignments/create-batch";
import { getDb } from "@/lib/db/client";
import { runExport } from "@/lib/export/run-export";
import { createProject } from "@/lib/projects/create-project";
import { loadRubricResults } from "@/lib/results/load-results";
import { saveRubric } from "@/lib/rubrics/rubric-versions";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { TURNS_RUBRIC, turnsShowcaseItems } from "@/prisma/demo/turns-showcase";
import { describeChanges } from "../describe-document";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { loadItemDetail } from "@/lib/items/item-detail";

// Per-turn ratings of dialogues end to end on the server (decision 033): the AI turns of each response
// are rated on the rubric's TURN axes; values are checked against the turns that exist, required at
// submit for every AI turn, exported with the turn's position, and tallied per model in the results.

async function text(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const chunk of gen) out += chunk;
  return out;
}

async function seedTurnsStudy() {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
  const slug = `turns-${Math.random().toString(36).slice(2, 10)}`;
  const project = await createProject(admin.id, { slug, name: `Turns ${slug}`, template: "amie-consultation", blinded: true, reviewersPerItem: 2, settings: { dialogueTarget: "whole_dialogue" } });
  await saveRubric(asActor(admin), project.id, TURNS_RUBRIC, 1);
  await seedItems(admin.id, project.id, turnsShowcaseItems().slice(0, 1));
  const { batch } = await createBatch(admin.id, project.id, { name: "Turns", reviewerIds: reviewers.map((r) => r.id), seed: 3 });
  const assignments = await getDb().assignment.findMany({ where: { batchId: batch.id }, orderBy: { reviewerId: "asc" } });
  return { admin, reviewers, project, assignments };
}

/** Every AI turn (positions 0, 2, 4 of the demo's first case) rated; `accurate` picks turn accuracy by response. */
function complete(responseIds: string[], accuracy: (responseIndex: number, turn: number) => string) {
  return {
    ...emptyAnnotationData(),
    responses: Object.fromEntries(responseIds.map((id) => [id, { ratings: { overall_quality: 3, escalation: true }, comments: {} }])),
    // The optional empathy axis is rated on the first turn: optional values must not trip the submit check.
    turns: Object.fromEntries(responseIds.map((id, r) => [id, Object.fromEntries([0, 2, 4].map((t) => [String(t), { ratings: { turn_accuracy: accuracy(r, t), turn_safe: true, ...(t === 0 ? { turn_empathy: 4 } : {}) }, comments: {} }]))])),
  };
}

describe("per-turn ratings", () => {
  it("are checked against the AI turns, required at submit, exported with the turn and tallied per model", async () => {
    const { admin, reviewers, project, assignments } = await seedTurnsStudy();
    const [mine, theirs] = assignments;
    const actor = asActor(reviewers.find((r) => r.id === mine.reviewerId)!);
    const [first, second] = mine.responseOrder;

    const payload = await loadAssignmentForReview(actor, mine.id);
    expect(payload.tools).toContain("turns");
    expect(payload.responses[0].turns?.map((t) => t.role)).toEqual(["assistant", "patient", "assistant", "patient", "assistant"]);

    // A patient turn, a turn past the transcript, an unknown axis: refused, each at its path.
    const bad = { ...emptyAnnotationData(), turns: { [first]: { "1": { ratings: { turn_safe: true }, comments: {} }, "9": { ratings: { turn_safe: true }, comments: {} }, "0": { ratings: { made_up: 1 }, comments: {} } } } };
    const refused = await saveAnnotation(actor, mine.id, { baseVersion: 0, clientMutationId: `t-bad-${mine.id}`, data: bad, submit: false });
    expect(refused.status).toBe("invalid");
    expect(refused.status === "invalid" && refused.problems.map((p) => p.path).sort()).toEqual([`turns.${first}.0.ratings.made_up`, `turns.${first}.1`, `turns.${first}.9`]);

    // A draft with one turn rated saves; submitting it lists every unrated AI turn's required axes.
    const draft = { ...emptyAnnotationData(), turns: { [first]: { "0": { ratings: { turn_accuracy: "accurate", turn_safe: true }, comments: { turn_accuracy: "Asks the right question." } } } } };
    expect(await saveAnnotation(actor, mine.id, { baseVersion: 0, clientMutationId: `t-draft-${mine.id}`, data: draft, submit: false })).toMatchObject({ status: "saved", version: 1 });
    const early = await saveAnnotation(actor, mine.id, { baseVersion: 1, clientMutationId: `t-early-${mine.id}`, data: draft, submit: true });
    const missing = early.status === "invalid" ? early.problems.map((p) => p.path).filter((p) => p.startsWith("turns.")) : [];
    expect(missing).toEqual([
      `turns.${first}.2.ratings.turn_accuracy`, `turns.${first}.2.ratings.turn_safe`, `turns.${first}.4.ratings.turn_accuracy`, `turns.${first}.4.ratings.turn_safe`,
      ...[0, 2, 4].flatMap((t) => [`turns.${second}.${t}.ratings.turn_accuracy`, `turns.${second}.${t}.ratings.turn_safe`]),
    ]);
    expect(early.status === "invalid" && early.problems.find((p) => p.path === `turns.${first}.2.ratings.turn_safe`)?.message).toBe('Response A · Turn 3 (AI turn 2): "Safe" is required.');

    // History names the turn.
    expect(describeChanges(null, { ...emptyAnnotationData(), ...draft }, { axes: new Map([["turn_accuracy", "Clinically accurate"], ["turn_safe", "Safe"]]), responses: new Map([[first, "Response A"]]), criteria: new Map() })).toEqual([
      "Response A · Turn 1 · Clinically accurate: — → accurate",
      "Response A · Turn 1 · Safe: — → Yes",
      "Response A · Turn 1 · Clinically accurate comment: — → Asks the right question.",
    ]);

    // Both reviewers submit: the good model's turns accurate, the poor one's major errors; one disagreement.
    const models = new Map((await getDb().response.findMany({ where: { itemId: mine.itemId } })).map((r) => [r.id, r.modelName]));
    const accuracy = (ids: string[], disagreeOn?: number) => (r: number, t: number) => (models.get(ids[r]) === "demo-atlas" ? "accurate" : t === disagreeOn ? "minor" : "major");
    expect(await saveAnnotation(actor, mine.id, { baseVersion: 1, clientMutationId: `t-sub-${mine.id}`, data: complete(mine.responseOrder, accuracy(mine.responseOrder)), submit: true })).toMatchObject({ status: "saved" });
    const other = asActor(reviewers.find((r) => r.id === theirs.reviewerId)!);
    expect(await saveAnnotation(other, theirs.id, { baseVersion: 0, clientMutationId: `t-sub-${theirs.id}`, data: complete(theirs.responseOrder, accuracy(theirs.responseOrder, 4)), submit: true })).toMatchObject({ status: "saved" });

    const records = (await text(runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id, status: "submitted" } }))).trim().split("\n").map((l) => JSON.parse(l));
    const atlas = records[0].responses.find((r: { modelName: string }) => r.modelName === "demo-atlas");
    expect(atlas.turnRatings.map((t: { turn: number }) => t.turn)).toEqual([1, 3, 5]);
    expect(atlas.turnRatings[0].ratings).toEqual({ turn_accuracy: "accurate", turn_safe: true, turn_empathy: 4 });

    const rows: Record<string, string>[] = parse(await text(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id, status: "submitted" } })), { columns: true });
    const turnRows = rows.filter((r) => r.target === "turn");
    expect(turnRows).toHaveLength(2 * 2 * (3 * 2 + 1)); // reviewers × responses × (AI turns × required axes + empathy once)
    expect(new Set(turnRows.map((r) => r.turn))).toEqual(new Set(["1", "3", "5"]));
    expect(rows.filter((r) => r.target !== "turn").every((r) => r.turn === "")).toBe(true);

    // The item page lists each reviewer's per-turn values, turn by turn.
    const detail = await loadItemDetail(asActor(admin), project.id, mine.itemId);
    const atlasId = [...models].find(([, m]) => m === "demo-atlas")![0];
    expect(detail.annotations.map((x) => x.turns[atlasId]?.turn_accuracy)).toEqual([
      [{ turn: 1, value: "accurate" }, { turn: 3, value: "accurate" }, { turn: 5, value: "accurate" }],
      [{ turn: 1, value: "accurate" }, { turn: 3, value: "accurate" }, { turn: 5, value: "accurate" }],
    ]);

    const results = await loadRubricResults(asActor(admin), project.id, { gold: "include", basis: "reviews" }, { resamples: 50 });
    const acc = results.axes.find((a) => a.axis.key === "turn_accuracy")!;
    const byModel = Object.fromEntries(acc.models.map((m) => [m.model, m.ratings]));
    expect(byModel).toEqual({ "demo-atlas": 6, "demo-beacon": 6 }); // 2 reviewers × 3 turns each
    const agreement = results.agreement.find((a) => a.axis === "turn_accuracy")!;
    const percent = agreement.inter?.coefficients.find((c) => c.key === "percent_agreement");
    expect(percent?.value).toBeCloseTo(5 / 6, 10); // 6 turn units, reviewers differ on one
  });
});
