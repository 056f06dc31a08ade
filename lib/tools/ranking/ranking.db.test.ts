import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData, type AnnotationData } from "@/lib/annotations/schema";
import { getDb } from "@/lib/db/client";
import { runExport } from "@/lib/export/run-export";
import { createProject } from "@/lib/projects/create-project";
import { loadRubricResults } from "@/lib/results/load-results";
import { loadItemDetail } from "@/lib/items/item-detail";
import { resultsFilterSchema } from "@/lib/results/results-filter";
import { resultsCsv } from "@/lib/results/results-csv";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";

// Ranking axes end to end on the server (decision 029): checked saves, the JSONL/CSV/preference
// exports by real response, and the leaderboard and pairwise tables computed from the rankings.

const MODELS = ["model-a", "model-b", "model-c", "model-d"];

async function rankingStudy(items = 3) {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
  const project = await createProject(admin.id, { name: "Ranking", slug: `rank-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, guidelines: "Rank.", template: "med-palm-2-ranking", blinded: true, randomizeOrder: true, reviewersPerItem: 2 });
  await seedItems(admin.id, project.id, Array.from({ length: items }, (_, i) => ({
    externalId: `r-${i + 1}`,
    question: `Question ${i + 1}`,
    responses: MODELS.map((modelName) => ({ modelName, content: `${modelName} answers ${i + 1}.` })),
  })));
  await createBatch(admin.id, project.id, { name: "B1", reviewerIds: reviewers.map((r) => r.id), seed: 3 });
  const db = getDb();
  const assignments = await db.assignment.findMany({ where: { batch: { projectId: project.id } }, orderBy: [{ reviewerId: "asc" }, { displayOrder: "asc" }] });
  const models = new Map((await db.response.findMany({ where: { item: { projectId: project.id } } })).map((r) => [r.id, r.modelName]));
  return { admin, reviewers, project, assignments, models };
}

/** The assignment's responses ranked by model name order in `order` (ties as nested arrays). */
function rankingByModel(responseOrder: string[], models: Map<string, string>, order: Array<string | string[]>): AnnotationData {
  const idOf = (m: string) => responseOrder.find((id) => models.get(id) === m)!;
  const tiers = order.map((t) => (Array.isArray(t) ? t : [t]).map(idOf));
  return { ...emptyAnnotationData(), responses: Object.fromEntries(responseOrder.map((id) => [id, { ratings: { harmful_elements: false }, comments: {} }])), ranking: { tiers: { usefulness: tiers }, bestWorst: {}, comments: { usefulness: "A before B, clearly." } } };
}

describe("ranking tool", () => {
  it("refuses rankings of unknown or repeated responses, and an incomplete ranking at submit, naming the axis", async () => {
    const { reviewers, assignments } = await rankingStudy(1);
    const a = assignments.find((x) => x.reviewerId === reviewers[0].id)!;
    const actor = asActor(reviewers[0]);
    const base = { ...emptyAnnotationData(), responses: Object.fromEntries(a.responseOrder.map((id) => [id, { ratings: { harmful_elements: false }, comments: {} }])) };
    const save = (tiers: string[][], submit: boolean, n: string) => saveAnnotation(actor, a.id, { baseVersion: 0, clientMutationId: `bad-${n}-${a.id}`, data: { ...base, ranking: { tiers: { usefulness: tiers }, bestWorst: {}, comments: {} } }, submit });
    const problems = (result: Awaited<ReturnType<typeof save>>) => (result.status === "invalid" ? result.problems : []);
    expect(problems(await save([["not-a-response"], [a.responseOrder[0]]], false, "1"))).toEqual([{ path: "ranking.tiers.usefulness", message: "A ranked response is not part of the assignment." }]);
    expect(problems(await save([[a.responseOrder[0]], [a.responseOrder[0]]], false, "2"))).toEqual([{ path: "ranking.tiers.usefulness", message: "A response is ranked twice." }]);
    expect(problems(await save([[a.responseOrder[0]], [a.responseOrder[1]]], true, "3"))).toEqual([{ path: "ranking.tiers.usefulness", message: "Usefulness for the question asked: place every response (2 of 4 placed)." }]);
    expect(problems(await saveAnnotation(actor, a.id, { baseVersion: 0, clientMutationId: `bad-4-${a.id}`, data: base, submit: true }))).toEqual([{ path: "ranking.tiers.usefulness", message: "Usefulness for the question asked: rank the responses." }]);
    expect(await getDb().annotation.count({ where: { assignmentId: a.id } })).toBe(0); // nothing half-written
    // A draft may place some responses only.
    expect(await save([[a.responseOrder[0]], [a.responseOrder[1]]], false, "5")).toMatchObject({ status: "saved" });
  });

  it("exports rankings by real response and derives preference pairs, pairwise shares and a leaderboard from them", async () => {
    const { admin, reviewers, project, assignments, models } = await rankingStudy(3);
    // Both reviewers rank a ≻ b ≻ {c = d} on every item, except reviewer 1 puts d first on item 1.
    for (const a of assignments) {
      const reviewer = reviewers.find((r) => r.id === a.reviewerId)!;
      const item = await getDb().item.findUniqueOrThrow({ where: { id: a.itemId } });
      const order = reviewer === reviewers[1] && item.externalId === "r-1" ? ["model-d", "model-a", "model-b", "model-c"] : ["model-a", "model-b", ["model-c", "model-d"]];
      expect(await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `rank-${a.id}`, data: rankingByModel(a.responseOrder, models, order), submit: true })).toMatchObject({ status: "saved" });
    }

    let jsonl = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id, status: "submitted" } })) jsonl += chunk;
    const records = jsonl.trim().split("\n").map((l) => JSON.parse(l));
    expect(records).toHaveLength(6);
    for (const r of records) {
      expect(r.rankings).toHaveLength(1);
      expect(r.rankings[0]).toMatchObject({ axis: "usefulness", polarity: "HIGHER_IS_BETTER", comment: "A before B, clearly." });
      const tiers: string[][] = r.rankings[0].tiers.map((t: Array<{ modelName: string; responseId: string }>) => t.map((x) => { expect(models.get(x.responseId)).toBe(x.modelName); return x.modelName; }).sort());
      expect([["model-a"], ["model-b"], ["model-c", "model-d"]].map(String).includes(String(tiers[0])) || String(tiers[0]) === "model-d").toBe(true);
    }

    let csv = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id, status: "submitted" } })) csv += chunk;
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    const rankRows = rows.filter((r) => r.target === "ranking");
    expect(rankRows).toHaveLength(6 * 4);
    const tiedRanks = rankRows.filter((r) => r.model_name === "model-c" || r.model_name === "model-d").map((r) => r.value);
    expect(tiedRanks.filter((v) => v === "3")).toHaveLength(10); // c and d share rank 3 in the five tied rankings
    expect(rankRows.filter((r) => r.model_name === "model-d" && r.value === "1")).toHaveLength(1);

    let prefs = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "preferences", filter: { projectId: project.id, status: "submitted" } })) prefs += chunk;
    const pairs = prefs.trim().split("\n").map((l) => JSON.parse(l)).filter((p) => p.source === "ranking");
    // Five rankings a ≻ b ≻ {c = d}: 5 pairs each (the tie is none); one d ≻ a ≻ b ≻ c: 6 pairs.
    expect(pairs).toHaveLength(5 * 5 + 6);
    expect(pairs.filter((p) => p.chosenModel === "model-a" && p.rejectedModel === "model-d")).toHaveLength(5);
    expect(pairs.filter((p) => p.chosenModel === "model-d" && p.rejectedModel === "model-c" && p.margin === 3)).toHaveLength(1);

    // The item page lists each reviewer's ranking in import labels (A = model-a … D = model-d).
    const firstItem = await getDb().item.findFirstOrThrow({ where: { projectId: project.id, externalId: "r-1" } });
    const detail = await loadItemDetail(asActor(admin), project.id, firstItem.id);
    expect(detail.annotations.map((x) => x.orderings.usefulness).sort()).toEqual(["A, B, C = D", "D, A, B, C"]);

    const results = await loadRubricResults(asActor(admin), project.id, resultsFilterSchema.parse({}), { resamples: 200 });
    expect(results.rankingAxes).toEqual([{ key: "usefulness", label: "Usefulness for the question asked", polarity: "HIGHER_IS_BETTER" }]);
    const ab = results.pairs.find((p) => p.axis === "usefulness" && p.first === "model-a" && p.second === "model-b")!;
    expect([ab.judgments, ab.firstWins.count, ab.ties.count]).toEqual([6, 6, 0]);
    const cd = results.pairs.find((p) => p.axis === "usefulness" && p.first === "model-c" && p.second === "model-d")!;
    expect([cd.judgments, cd.ties.count, cd.secondWins.count]).toEqual([6, 5, 1]);
    const [board] = results.leaderboards;
    expect(board).toMatchObject({ axis: "usefulness", annotations: 6, comparisons: 36, resamples: 200 });
    expect(board.rows.map((r) => r.model)).toEqual(["model-a", "model-b", "model-d", "model-c"]);
    expect(board.rows[0]).toMatchObject({ rank: 1, wins: 17, ties: 0, losses: 1 });
    for (const r of board.rows) expect(r.low! <= r.theta && r.theta <= r.high!).toBe(true);
    expect(resultsCsv(results)).toContain("leaderboard,usefulness,model-a,,bradley_terry_theta,1,");
    // Agreement reads a ranking pair by pair: 3 items × 6 pairs, both reviewers; they differ on 3 pairs of item 1
    // (a–d, b–d, c–d: reviewer 1 put d first), so percent agreement is 15 / 18.
    const agreement = results.agreement.find((a) => a.axis === "usefulness")!;
    expect(agreement.inter?.level).toBe("ordinal");
    expect(agreement.inter?.basis.pairableUnits).toBe(18);
    expect(agreement.inter?.coefficients.find((c) => c.key === "percent_agreement")?.value).toBeCloseTo(15 / 18, 10);
    // Kendall's W per item: items 2 and 3 ranked alike (W = 1 with the tie corrected); item 1: mid-rank sums
    // a 3, b 5, c 7.5, d 4.5 around 5 give S = 10.5, one tie of two: W = 12·10.5 / (4·60 − 2·6) = 126 / 228.
    const [w] = results.concordance;
    expect(w).toMatchObject({ axis: "usefulness", units: 3, medianW: 1 });
    expect(w.meanW).toBeCloseTo((126 / 228 + 2) / 3, 12);
    expect(resultsCsv(results)).toContain("agreement,usefulness,,,kendall_w,1,");
  });
});
