import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { loadAssignmentForReview } from "./load-for-review";

// One item of every kind through the real import, batch and payload builder: what the reviewer's
// browser receives, and what it must never receive (model names under blinding, gold answers).
const ITEMS = [
  { kind: "mcq", externalId: "x-mcq", isGold: true, question: "Which drug?", options: ["Aspirin", "Heparin", "Warfarin"], correctOption: "B",
    reference: { gold: { responses: { A: { final_answer_correct: true } } } },
    responses: [{ modelName: "secret-alpha", choice: "B", content: "Because $\\frac{a}{b}$ matters.", reasoning: "Step 1. **Bold** idea." }, { modelName: "secret-beta", choice: "C", content: "Warfarin." }] },
  { kind: "dialogue", externalId: "x-dlg", turns: [{ role: "patient", content: "I feel dizzy." }, { role: "assistant", content: "Since when?" }, { role: "patient", content: "Two days." }],
    criteria: [{ criterion: "Asks about red flags", points: 5, tags: ["axis:completeness", "level:example"] }, { text: "Recommends driving", points: -8, tags: [] }],
    responses: [{ modelName: "secret-alpha", content: "Any fainting or chest pain?" }] },
  { kind: "vqa", externalId: "x-vqa", question: "What is seen?", images: [{ src: "demo/cxr.png", modality: "X-ray", view: "PA" }], responses: [{ modelName: "secret-alpha", content: "Effusion." }] },
  { kind: "note", externalId: "x-note", text: "Patient is 54. Started on amoxicillin. No allergies.", responses: [] },
  { kind: "ddx", externalId: "x-ddx", case: "Fever and rash.", responses: [{ modelName: "secret-alpha", differential: [{ diagnosis: "Measles", rationale: "Koplik spots" }, { diagnosis: "Rubella" }] }] },
];

// The import only accepts vqa images that exist in the image directory.
const previousImageDir = process.env.CONSILIUM_IMAGE_DIR;
beforeAll(() => {
  process.env.CONSILIUM_IMAGE_DIR = mkdtempSync(path.join(tmpdir(), "consilium-kinds-images-"));
  mkdirSync(path.join(process.env.CONSILIUM_IMAGE_DIR, "demo"));
  writeFileSync(path.join(process.env.CONSILIUM_IMAGE_DIR, "demo", "cxr.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
});
afterAll(() => {
  rmSync(process.env.CONSILIUM_IMAGE_DIR!, { recursive: true, force: true });
  if (previousImageDir === undefined) delete process.env.CONSILIUM_IMAGE_DIR;
  else process.env.CONSILIUM_IMAGE_DIR = previousImageDir;
});

async function setup(settings: object = {}) {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewer = await seedUser({ role: "REVIEWER" });
  const project = await createProject(admin.id, { name: "Kinds", slug: `kinds-${Date.now().toString(36)}`, template: "reasoning-quality", reviewersPerItem: 1, settings: { ...settings } as never });
  await seedItems(admin.id, project.id, ITEMS);
  await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1, seed: 3 });
  const assignments = await getDb().assignment.findMany({ where: { reviewerId: reviewer.id }, include: { item: true } });
  const byKind = (kind: string) => assignments.find((a) => a.item.kind === kind.toUpperCase())!;
  const load = (kind: string) => loadAssignmentForReview(asActor(reviewer), byKind(kind).id);
  return { load, reviewer, admin };
}

describe("loadAssignmentForReview", () => {
  it("renders every item kind for the reviewer, without model names or gold answers", async () => {
    const { load } = await setup();
    const mcq = await load("mcq");
    expect(mcq.item).toMatchObject({ kind: "mcq", correctOption: null, options: [{ key: "A" }, { key: "B" }, { key: "C" }] });
    expect(mcq.responses.map((r) => r.choice).sort()).toEqual(["B", "C"]);
    expect(mcq.responses.every((r) => r.choiceCorrect === undefined && r.modelName === undefined)).toBe(true);
    const withReasoning = mcq.responses.find((r) => r.reasoningHtml)!;
    expect(withReasoning.reasoningHtml).toContain("<strong>Bold</strong>");
    expect(mcq.responses.find((r) => r.choice === "B")!.contentHtml).toContain('class="katex"');
    const payload = JSON.stringify(mcq);
    // (Axis keys such as final_answer_correct are part of the rubric; the gold *values* are not sent.)
    for (const secret of ["secret-alpha", "secret-beta", "gold", "isGold", "x-mcq", "correctOption\":\"B"]) expect(payload).not.toContain(secret);

    const dialogue = await load("dialogue");
    expect(dialogue.item).toMatchObject({ kind: "dialogue", target: "final_turn" });
    expect(dialogue.item.kind === "dialogue" && dialogue.item.turns.map((t) => t.role)).toEqual(["patient", "assistant", "patient"]);
    expect(dialogue.criteria.map((c) => [c.text, c.points, c.tags])).toEqual([["Asks about red flags", 5, ["axis:completeness"]], ["Recommends driving", -8, []]]);

    const vqa = await load("vqa");
    // By item id and position: stored file names ("demo/cxr.png") never reach the reviewer.
    const vqaItemId = (await getDb().assignment.findUniqueOrThrow({ where: { id: vqa.assignment.id } })).itemId;
    expect(vqa.item).toMatchObject({ kind: "vqa", images: [{ src: `/api/v1/items/${vqaItemId}/images/0`, modality: "X-ray", view: "PA" }] });
    expect(JSON.stringify(vqa)).not.toContain("cxr.png");

    const note = await load("note");
    expect(note.responses).toEqual([]);
    expect(note.item).toEqual({ kind: "note", sentences: [{ id: "0", text: "Patient is 54." }, { id: "1", text: "Started on amoxicillin." }, { id: "2", text: "No allergies." }] });

    const ddx = await load("ddx");
    expect(ddx.responses[0].differential).toEqual([{ diagnosis: "Measles", rationaleHtml: "<p>Koplik spots</p>" }, { diagnosis: "Rubella", rationaleHtml: null }]);
  });

  it("reveals the correct mcq option and dialogue target only as the project settings say", async () => {
    const { load } = await setup({ revealMcqAnswer: true, dialogueTarget: "whole_dialogue" });
    const mcq = await load("mcq");
    expect(mcq.item).toMatchObject({ correctOption: "B" });
    expect(Object.fromEntries(mcq.responses.map((r) => [r.choice, r.choiceCorrect]))).toEqual({ B: true, C: false });
    expect((await load("dialogue")).item).toMatchObject({ target: "whole_dialogue" });
  });

  it("refuses another reviewer's assignment", async () => {
    const { admin } = await setup();
    const other = await seedUser({ role: "REVIEWER" });
    const id = (await getDb().assignment.findFirstOrThrow()).id;
    await expect(loadAssignmentForReview(asActor(other), id)).rejects.toThrow(/not found/i);
    await expect(loadAssignmentForReview(asActor(admin), id)).rejects.toThrow(/not found/i);
  });
});
