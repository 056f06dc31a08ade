import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { createBatch } from "@/lib/assignments/create-batch";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { loadCriteriaScores } from "./project-scores";

// Positive points total 10 on both items, so every score below is "met points ÷ 10".
const dialogue = (externalId: string, themes: string[], criteria: Array<[number, string]>) => ({
  kind: "dialogue",
  externalId,
  turns: [{ role: "user", content: `Case ${externalId}: chest pain since this morning.` }],
  metadata: { tags: [...themes, "physician_agreed_category:x"] },
  criteria: criteria.map(([points, axis], i) => ({ criterion: `Criterion ${i} of ${externalId}`, points, tags: ["level:example", axis] })),
  responses: [
    { modelName: "m1", content: "Call emergency services now." },
    { modelName: "m2", content: "Probably nothing; rest." },
  ],
});
const items = [
  // c0 +5 accuracy, c1 +3 completeness, c2 −4 accuracy, c3 +2 communication
  dialogue("d-1", ["theme:emergency_referrals", "theme:hedging"], [[5, "axis:accuracy"], [3, "axis:completeness"], [-4, "axis:accuracy"], [2, "axis:communication_quality"]]),
  // c0 +4 context, c1 −8 accuracy, c2 +6 accuracy
  dialogue("d-2", ["theme:emergency_referrals", "theme:context_seeking"], [[4, "axis:context_awareness"], [-8, "axis:accuracy"], [6, "axis:accuracy"]]),
];
// Met criterion positions per item, model and reviewer (0 or 1) → the hand-computed scores.
const MET: Record<string, Record<string, [number[], number[]]>> = {
  "d-1": { m1: [[0, 1, 3], [0, 1, 3]] /* 1, 1 */, m2: [[0, 2], [0, 1]] /* 0.1, 0.8 */ },
  "d-2": { m1: [[0, 2], [2]] /* 1, 0.6 */, m2: [[1], [1]] /* −0.8, −0.8 */ },
};

async function seedCriteriaStudy() {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
  const researcher = await seedUser({ role: "RESEARCHER" });
  const project = await createProject(admin.id, { name: "Criteria", slug: "criteria-study", template: "healthbench-criteria", reviewersPerItem: 2 });
  await getDb().projectMember.create({ data: { projectId: project.id, userId: researcher.id, role: "ANALYST" } });
  await seedItems(admin.id, project.id, items);
  const { batch } = await createBatch(admin.id, project.id, { name: "B1", reviewerIds: reviewers.map((r) => r.id), seed: 11 });
  const assignments = await getDb().assignment.findMany({
    where: { batchId: batch.id },
    include: { item: { include: { criteria: { orderBy: { position: "asc" } }, responses: true } } },
  });
  const annotate = async (submit: boolean) => {
    for (const a of assignments) {
      const r = reviewers.findIndex((x) => x.id === a.reviewerId);
      const responses = Object.fromEntries(
        a.item.responses.map((resp) => {
          const met = MET[a.item.externalId][resp.modelName][r];
          return [resp.id, { ratings: {}, comments: {}, criteria: Object.fromEntries(a.item.criteria.map((c) => [c.id, { met: met.includes(c.position) }])) }];
        }),
      );
      const saved = await saveAnnotation(asActor(reviewers[r]), a.id, { baseVersion: submit ? 1 : 0, clientMutationId: `${submit}-${a.id}`, data: { responses }, submit });
      expect(saved.status).toBe("saved");
    }
  };
  return { admin, reviewers, researcher, project, batch, annotate };
}

describe("loadCriteriaScores", () => {
  it("scores each graded response and aggregates per model, axis and theme", async () => {
    const s = await seedCriteriaStudy();
    await s.annotate(false);
    // Drafts are not samples.
    expect(await loadCriteriaScores(asActor(s.admin), s.project.id)).toEqual({ byModel: [], perItem: [], truncated: false });
    await s.annotate(true);

    const result = await loadCriteriaScores(asActor(s.researcher), s.project.id);
    expect(result.truncated).toBe(false);
    // [reviewer 0, reviewer 1]
    const scoresOf = (externalId: string, model: string) =>
      s.reviewers.map((r) => result.perItem.find((p) => p.externalId === externalId && p.modelName === model && p.reviewerId === r.id)!.score);
    expect(result.perItem).toHaveLength(8);
    expect(scoresOf("d-1", "m1")).toEqual([1, 1]);
    expect(scoresOf("d-1", "m2").map((x) => x!.toFixed(4))).toEqual(["0.1000", "0.8000"]);
    expect(scoresOf("d-2", "m1").map((x) => x!.toFixed(4))).toEqual(["1.0000", "0.6000"]);
    // Harmful behaviour met: (−8) ÷ 10, not clipped per example.
    expect(scoresOf("d-2", "m2").map((x) => x!.toFixed(4))).toEqual(["-0.8000", "-0.8000"]);

    const [m1, m2] = result.byModel;
    expect([m1.modelName, m2.modelName]).toEqual(["m1", "m2"]);
    expect([m1.gradedResponses, m2.gradedResponses]).toEqual([4, 4]);
    // m1: (1 + 1 + 1 + 0.6) / 4
    expect(m1.overall).toMatchObject({ n: 4 });
    expect(m1.overall!.mean).toBeCloseTo(0.9);
    expect(m1.overall!.bootstrapStd).toBeGreaterThan(0);
    // m2: (0.1 + 0.8 − 0.8 − 0.8) / 4 = −0.175, clipped to 0.
    expect(m2.overall!.rawMean).toBeCloseTo(-0.175);
    expect(m2.overall!.mean).toBe(0);

    expect(Object.keys(m1.byAxis)).toEqual(["axis:accuracy", "axis:communication_quality", "axis:completeness", "axis:context_awareness"]);
    expect(m1.byAxis["axis:accuracy"]!.mean).toBeCloseTo(1);
    // context awareness exists on d-2 only: reviewer 0 met it, reviewer 1 did not.
    expect(m1.byAxis["axis:context_awareness"]).toMatchObject({ n: 2 });
    expect(m1.byAxis["axis:context_awareness"]!.mean).toBeCloseTo(0.5);
    // m2 accuracy: d-1 (5 − 4)/5 = 0.2 and 5/5 = 1; d-2 −8/6 twice → raw mean −0.3667, clipped 0.
    expect(m2.byAxis["axis:accuracy"]!.rawMean).toBeCloseTo((0.2 + 1 - 8 / 6 - 8 / 6) / 4);
    expect(m2.byAxis["axis:accuracy"]!.mean).toBe(0);

    expect(Object.keys(m1.byTheme).sort()).toEqual(["theme:context_seeking", "theme:emergency_referrals", "theme:hedging"]);
    expect(m1.byTheme["theme:emergency_referrals"]!.mean).toBeCloseTo(0.9);
    expect(m1.byTheme["theme:context_seeking"]!.mean).toBeCloseTo(0.8);
    expect(m2.byTheme["theme:hedging"]!.mean).toBeCloseTo(0.45);
    expect(m2.byTheme["theme:context_seeking"]).toMatchObject({ mean: 0, n: 2 });
    expect(m2.byTheme["theme:context_seeking"]!.rawMean).toBeCloseTo(-0.8);

    // Filtering by the one batch changes nothing; a batch of another project is not found.
    expect(await loadCriteriaScores(asActor(s.admin), s.project.id, { batchId: s.batch.id })).toEqual(result);
    const other = await seedProject(s.admin.id);
    await expect(loadCriteriaScores(asActor(s.admin), other.id, { batchId: s.batch.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses non-member researchers (not found) and reviewers (forbidden)", async () => {
    const s = await seedCriteriaStudy();
    const outsider = await seedUser({ role: "RESEARCHER" });
    await expect(loadCriteriaScores(asActor(outsider), s.project.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadCriteriaScores(asActor(s.reviewers[0]), s.project.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
