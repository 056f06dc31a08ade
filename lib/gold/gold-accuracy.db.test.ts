import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { createBatch } from "@/lib/assignments/create-batch";
import { importItems } from "@/lib/import/import-items";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { asActor, completeRatings } from "@/test/support/study";
import { loadGoldAccuracy } from "./gold-accuracy";

async function* jsonl(rows: object[]) {
  for (const row of rows) yield JSON.stringify(row);
}

const responses = [
  { modelName: "model-alpha", content: "Alpha answer." },
  { modelName: "model-beta", content: "Beta answer." },
];
// Gold is keyed by import label; B is the harmful answer on g-1.
const gold1 = { responses: { A: { harm_extent: "none", scientific_consensus: "aligned" }, B: { harm_extent: "death_severe", scientific_consensus: "opposed" } } };
const gold2 = { responses: { A: { missing_content: "yes_great" } } };
const gold4 = { responses: { A: { harm_likelihood: "low" } } };

async function seedGoldStudy() {
  const admin = await seedUser({ role: "ADMIN" });
  const right = await seedUser({ role: "REVIEWER", name: "Ada Right" });
  const wrong = await seedUser({ role: "REVIEWER", name: "Bo Wrong" });
  const researcher = await seedUser({ role: "RESEARCHER" });
  const project = await seedProject(admin.id, { reviewersPerItem: 2 });
  await getDb().projectMember.create({ data: { projectId: project.id, userId: researcher.id, role: "ANALYST" } });
  const imported = await importItems({
    actorId: admin.id,
    projectId: project.id,
    lines: jsonl([
      { externalId: "g-1", question: "Gold question 1?", isGold: true, reference: { gold: gold1 }, responses },
      { externalId: "g-2", question: "Gold question 2?", isGold: true, reference: { answer: "x", gold: gold2 }, responses },
      // Gold flag without a known answer, and an ordinary item: neither is scored.
      { externalId: "g-3", question: "Flagged, no answer?", isGold: true, responses },
      { externalId: "q-1", question: "Ordinary question?", responses },
      { externalId: "g-4", question: "Gold question 4?", isGold: true, reference: { gold: gold4 }, responses },
    ]),
  });
  expect(imported.ok).toBe(true);
  const { batch } = await createBatch(admin.id, project.id, { name: "B1", reviewerIds: [right.id, wrong.id], seed: 3 });
  const items = await getDb().item.findMany({ where: { projectId: project.id }, include: { responses: true } });
  const idOf = (externalId: string, label: string) => items.find((i) => i.externalId === externalId)!.responses.find((r) => r.label === label)!.id;
  const assignments = await getDb().assignment.findMany({ where: { batchId: batch.id }, include: { item: true } });

  for (const a of assignments) {
    const reviewer = a.reviewerId === right.id ? right : wrong;
    // Best option on every axis, then the gold answers on top for the "right" reviewer.
    const data = completeRatings(a.responseOrder);
    const set = (externalId: string, label: string, axis: string, value: string) => {
      if (a.item.externalId === externalId) data.responses[idOf(externalId, label)].ratings[axis] = value;
    };
    set("g-1", "B", "harm_extent", "death_severe");
    set("g-1", "B", "scientific_consensus", "opposed");
    set("g-2", "A", "missing_content", "yes_great");
    if (reviewer === wrong) {
      // Rates what was shown first as harmful: right only when that is B of g-1.
      for (const id of Object.keys(data.responses)) data.responses[id].ratings.harm_extent = id === a.responseOrder[0] ? "death_severe" : "none";
      set("g-2", "A", "missing_content", "no");
    }
    // The wrong reviewer leaves g-4 as a draft: drafts never count.
    const submit = !(reviewer === wrong && a.item.externalId === "g-4");
    const saved = await saveAnnotation(asActor(reviewer), a.id, { baseVersion: 0, clientMutationId: `m-${a.id}`, data, submit });
    expect(saved.status).toBe("saved");
  }
  const g1 = assignments.find((a) => a.reviewerId === wrong.id && a.item.externalId === "g-1")!;
  // Which of the wrong reviewer's g-1 harm ratings happen to match depends on the shuffled order.
  const wrongG1Correct = 2 + (g1.responseOrder[0] === idOf("g-1", "B") ? 2 : 0);
  return { admin, right, wrong, researcher, project, batch, wrongG1Correct };
}

describe("loadGoldAccuracy", () => {
  it("scores each reviewer's submitted gold annotations against the known answers", async () => {
    const s = await seedGoldStudy();
    const rows = await loadGoldAccuracy(asActor(s.admin), s.project.id);
    expect(rows.map((r) => r.reviewerName)).toEqual(["Ada Right", "Bo Wrong"]);
    expect(rows[0]).toEqual({ reviewerId: s.right.id, reviewerName: "Ada Right", reviewerEmail: s.right.email, goldItems: 3, compared: 6, correct: 6, accuracy: 1 });
    // g-1: 4 values, scientific_consensus right on both, harm right on both or neither; g-2: wrong;
    // g-4 is only a draft.
    expect(rows[1]).toMatchObject({ reviewerId: s.wrong.id, goldItems: 2, compared: 5, correct: s.wrongG1Correct });
    expect(rows[1].accuracy).toBeCloseTo(s.wrongG1Correct / 5);
    expect(rows[1].accuracy).toBeLessThan(1);
  });

  it("filters by batch and refuses a batch of another project", async () => {
    const s = await seedGoldStudy();
    expect(await loadGoldAccuracy(asActor(s.admin), s.project.id, { batchId: s.batch.id })).toHaveLength(2);
    const other = await seedProject(s.admin.id);
    await expect(loadGoldAccuracy(asActor(s.admin), other.id, { batchId: s.batch.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await loadGoldAccuracy(asActor(s.admin), other.id)).toEqual([]);
    await expect(loadGoldAccuracy(asActor(s.admin), "no-such-project")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is for admins and the project's managers: analysts and reviewers are refused, non-members do not find the project", async () => {
    const s = await seedGoldStudy();
    const outsider = await seedUser({ role: "RESEARCHER" });
    await expect(loadGoldAccuracy(asActor(outsider), s.project.id)).rejects.toBeInstanceOf(NotFoundError);
    await getDb().projectMember.create({ data: { projectId: s.project.id, userId: outsider.id, role: "MANAGER" } });
    expect(await loadGoldAccuracy(asActor(outsider), s.project.id)).toHaveLength(2);
    await expect(loadGoldAccuracy(asActor(s.researcher), s.project.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadGoldAccuracy(asActor(s.right), s.project.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
