import { describe, expect, it } from "vitest";
import { createBatch } from "./create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { getDb } from "@/lib/db/client";
import { runExport } from "@/lib/export/run-export";
import { exportRecordSchema } from "@/lib/export/record-schema";
import { createProject } from "@/lib/projects/create-project";
import { medPalm2Pairwise } from "@/lib/rubrics/templates/med-palm-2";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";

// Pairwise over more than two responses (issue 11, decision 031): a batch shows each assignment a
// planned pair, every pair of an item's responses once across its six reviewers, in a random screen
// order; exports name only what the reviewer saw.

describe("responses shown per assignment", () => {
  it("plans every pair of four responses once across six reviewers, and exports only the pair shown", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewers = await Promise.all(Array.from({ length: 6 }, () => seedUser({ role: "REVIEWER" })));
    const project = await createProject(admin.id, { name: "Many models", slug: `many-${Date.now()}`, guidelines: "Compare.", template: "med-palm-2-pairwise", blinded: true, randomizeOrder: true, reviewersPerItem: 6 });
    await seedItems(admin.id, project.id, [1, 2].map((i) => ({ externalId: `m-${i}`, question: `Q${i}`, responses: ["w", "x", "y", "z"].map((m) => ({ modelName: `model-${m}`, content: `${m} ${i}` })) })));
    const { batch } = await createBatch(admin.id, project.id, { name: "Pairs", reviewerIds: reviewers.map((r) => r.id), perItem: 6, responsesShown: 2, seed: 5 });
    const db = getDb();
    const assignments = await db.assignment.findMany({ where: { batchId: batch.id } });
    expect(assignments).toHaveLength(12);
    for (const itemId of new Set(assignments.map((a) => a.itemId))) {
      const pairs = assignments.filter((a) => a.itemId === itemId).map((a) => [...a.responseOrder].sort().join("|"));
      expect(pairs.every((p) => p.split("|").length === 2)).toBe(true);
      expect(new Set(pairs).size).toBe(6); // C(4, 2): each pair exactly once
    }

    const a = assignments[0];
    const reviewer = reviewers.find((r) => r.id === a.reviewerId)!;
    const pair = Object.fromEntries(medPalm2Pairwise.axes.map((axis) => [axis.key, a.responseOrder[1]]));
    const saved = await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `p-${a.id}`, data: { ...emptyAnnotationData(), pair: { ratings: pair, comments: {}, strength: {} } }, submit: true });
    expect(saved).toMatchObject({ status: "saved" });
    let out = "";
    for await (const chunk of runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id, status: "submitted" } })) out += chunk;
    const [record] = out.trim().split("\n").map((l) => exportRecordSchema.parse(JSON.parse(l)));
    expect(record.responses.map((r) => r.responseId).sort()).toEqual([...a.responseOrder].sort());
    expect(record.responses.map((r) => r.shownAs).sort()).toEqual([1, 2]);
    expect(record.status === "submitted" && record.pairwise?.[0].chosen).toMatchObject({ responseId: a.responseOrder[1] });
  });

  it("refuses a subset size outside 2–8", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const project = await createProject(admin.id, { name: "Bad", slug: `bad-${Date.now()}`, guidelines: "x", template: "med-palm-2-pairwise", blinded: true, randomizeOrder: true, reviewersPerItem: 1 });
    await expect(createBatch(admin.id, project.id, { name: "B", reviewerIds: [reviewer.id], responsesShown: 1 })).rejects.toThrow(/at least 2 responses/);
  });
});
