import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { getDb } from "@/lib/db/client";
import { runExport } from "@/lib/export/run-export";
import { createProject } from "@/lib/projects/create-project";
import { loadRubricResults } from "@/lib/results/load-results";
import { resultsFilterSchema } from "@/lib/results/results-filter";
import { RUBRIC_FORMAT } from "@/lib/rubrics/rubric-document";
import { saveRubric } from "@/lib/rubrics/rubric-versions";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";

// Best–worst scaling over planned subsets (decision 032): each reviewer sees three of five answers and
// picks the best and the worst; exports and results read only the pairs a choice orders.

const MODELS = ["m1", "m2", "m3", "m4", "m5"];

describe("best–worst scaling", () => {
  it("checks choices, exports them, and derives preference pairs, pairwise shares and a leaderboard from them", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewers = await Promise.all(Array.from({ length: 5 }, () => seedUser({ role: "REVIEWER" })));
    const project = await createProject(admin.id, { name: "BWS", slug: `bws-${Date.now()}`, guidelines: "Pick.", template: "med-palm-2-ranking", blinded: true, randomizeOrder: true, reviewersPerItem: 5 });
    const axes = [{ key: "quality", label: "Overall quality", type: "CHOICE", appliesTo: "BEST_WORST" }];
    await saveRubric(asActor(admin), project.id, { format: RUBRIC_FORMAT, name: "Best–worst", template: null, axes }, 1);
    await seedItems(admin.id, project.id, [{ externalId: "b-1", question: "Q", responses: MODELS.map((modelName) => ({ modelName, content: `${modelName} says` })) }]);
    const { batch } = await createBatch(admin.id, project.id, { name: "BWS", reviewerIds: reviewers.map((r) => r.id), perItem: 5, responsesShown: 3, seed: 4 });
    const db = getDb();
    const assignments = await db.assignment.findMany({ where: { batchId: batch.id } });
    const models = new Map((await db.response.findMany({ where: { item: { projectId: project.id } } })).map((r) => [r.id, r.modelName]));
    const [first] = assignments;
    const actor = asActor(reviewers.find((r) => r.id === first.reviewerId)!);
    const save = (pick: { best?: string; worst?: string }, submit: boolean, n: string) =>
      saveAnnotation(actor, first.id, { baseVersion: 0, clientMutationId: `bw-${n}-${first.id}`, data: { ...emptyAnnotationData(), ranking: { tiers: {}, bestWorst: { quality: pick }, comments: {} } }, submit });
    const problems = async (p: ReturnType<typeof save>) => { const r = await p; return r.status === "invalid" ? r.problems.map((x) => x.message) : []; };
    expect(await problems(save({ best: first.responseOrder[0], worst: first.responseOrder[0] }, false, "same"))).toEqual(["Overall quality: the best and the worst response must differ."]);
    const unseen = [...models.keys()].find((id) => !first.responseOrder.includes(id))!;
    expect(await problems(save({ best: unseen }, false, "unseen"))).toEqual(["A chosen response is not part of the assignment."]);
    expect(await problems(save({ best: first.responseOrder[0] }, true, "half"))).toEqual(["Overall quality: choose the best and the worst response."]);

    // Every reviewer: the best is the lowest-numbered model shown, the worst the highest.
    for (const a of assignments) {
      const shown = [...a.responseOrder].sort((x, y) => models.get(x)!.localeCompare(models.get(y)!));
      const reviewer = reviewers.find((r) => r.id === a.reviewerId)!;
      const data = { ...emptyAnnotationData(), ranking: { tiers: {}, bestWorst: { quality: { best: shown[0], worst: shown[2] } }, comments: {} } };
      expect(await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `bw-ok-${a.id}`, data, submit: true })).toMatchObject({ status: "saved" });
    }

    let jsonl = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id, status: "submitted" } })) jsonl += chunk;
    const records = jsonl.trim().split("\n").map((l) => JSON.parse(l));
    expect(records).toHaveLength(5);
    for (const r of records) {
      expect(r.responses).toHaveLength(3);
      const [bw] = r.bestWorst;
      const shownModels = bw.shown.map((x: { modelName: string }) => x.modelName).sort();
      expect([bw.best.modelName, bw.worst.modelName]).toEqual([shownModels[0], shownModels[2]]);
    }
    let csv = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id, status: "submitted" } })) csv += chunk;
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    expect(rows.filter((r) => r.target === "best_worst").map((r) => r.value).sort()).toEqual([...Array(5).fill("best"), ...Array(5).fill("worst")]);
    let prefs = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "preferences", filter: { projectId: project.id, status: "submitted", includeContent: true } })) prefs += chunk;
    // Three shown: best over two, the middle over the worst = 3 pairs per choice; the middle pair is unknown.
    expect(prefs.trim().split("\n").map((l) => JSON.parse(l)).filter((p) => p.source === "best_worst")).toHaveLength(15);

    const results = await loadRubricResults(asActor(admin), project.id, resultsFilterSchema.parse({}), { resamples: 100 });
    const [board] = results.leaderboards;
    expect(board).toMatchObject({ axis: "quality", annotations: 5, comparisons: 15 });
    // Lower-numbered models always won: the board keeps their order.
    expect(board.rows.map((r) => r.model)).toEqual(MODELS);
    // Counting scores agree with a direct count over the saved choices.
    for (const row of board.rows) {
      const shownIn = assignments.filter((a) => a.responseOrder.some((id) => models.get(id) === row.model));
      const bestIn = shownIn.filter((a) => models.get([...a.responseOrder].sort((x, y) => models.get(x)!.localeCompare(models.get(y)!))[0]) === row.model).length;
      const worstIn = shownIn.filter((a) => models.get([...a.responseOrder].sort((x, y) => models.get(x)!.localeCompare(models.get(y)!))[2]) === row.model).length;
      expect(row.bestWorst).toEqual({ shown: shownIn.length, best: bestIn, worst: worstIn, score: (bestIn - worstIn) / shownIn.length });
    }
  });
});
