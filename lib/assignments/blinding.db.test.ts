import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { listOwnRevisions } from "@/lib/annotations/list-revisions";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { seedItems, seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { loadAssignmentForReview, type ReviewPayload } from "./load-for-review";

// Blinding (issue 7): a reviewer must receive nothing that correlates with model identity or import
// position. The study below always lists "model-first" first in the file, as an export from one
// evaluation harness would. For every channel a reviewer could read (response ids, their sort order,
// DOM order, labels, image URLs, the stored documents and history the reviewer gets back) we count in
// how many items the channel points at model-first; under blinding that must look like a coin toss.
// With 60 items a fair channel lands in [12, 48] except with probability ~2e-6, and a leaking one
// (the defect this was written for: ids sorted in import order) scores 60 of 60.
const ITEMS = 60;
const LOW = 12;
const HIGH = ITEMS - LOW;

let imageDir: string;
const previousImageDir = process.env.CONSILIUM_IMAGE_DIR;
beforeAll(() => {
  imageDir = mkdtempSync(path.join(tmpdir(), "consilium-blinding-"));
  process.env.CONSILIUM_IMAGE_DIR = imageDir;
  mkdirSync(path.join(imageDir, "study"));
  for (let i = 0; i < ITEMS; i++) writeFileSync(path.join(imageDir, "study", `case-${String(i + 1).padStart(3, "0")}.png`), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
});
afterAll(() => {
  rmSync(imageDir, { recursive: true, force: true });
  if (previousImageDir === undefined) delete process.env.CONSILIUM_IMAGE_DIR;
  else process.env.CONSILIUM_IMAGE_DIR = previousImageDir;
});

function items() {
  return Array.from({ length: ITEMS }, (_, i) => ({
    kind: "vqa",
    externalId: `case-${i + 1}`,
    question: `What does film ${i + 1} show?`,
    images: [{ src: `study/case-${String(i + 1).padStart(3, "0")}.png`, modality: "X-ray" }],
    responses: [
      { modelName: "model-first", content: `Answer one to ${i + 1}.` },
      { modelName: "model-second", content: `Answer two to ${i + 1}.` },
    ],
  }));
}

async function setup(opts: { randomizeOrder: boolean }) {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewer = await seedUser({ role: "REVIEWER" });
  const project = await seedProject(admin.id, { blinded: true, randomizeOrder: opts.randomizeOrder, reviewersPerItem: 1 });
  await seedItems(admin.id, project.id, items());
  await createBatch(admin.id, project.id, { name: "blind", reviewerIds: [reviewer.id], perItem: 1 });
  const firstModel = new Set((await getDb().response.findMany({ where: { modelName: "model-first" }, select: { id: true } })).map((r) => r.id));
  const assignments = await getDb().assignment.findMany({ where: { reviewerId: reviewer.id }, orderBy: { displayOrder: "asc" } });
  const payloads: ReviewPayload[] = [];
  for (const a of assignments) payloads.push(await loadAssignmentForReview(asActor(reviewer), a.id));
  return { reviewer: asActor(reviewer), firstModel, payloads };
}

/** In how many items each channel points at model-first. */
function channels(payloads: ReviewPayload[], firstModel: Set<string>) {
  const count = (pick: (p: ReviewPayload) => boolean) => payloads.filter(pick).length;
  const isFirst = (id: string) => firstModel.has(id);
  return {
    shownFirst: count((p) => isFirst(p.responses[0].id)),
    labelledA: count((p) => isFirst(p.responses.find((r) => r.displayLabel === "Response A")!.id)),
    smallerId: count((p) => isFirst([...p.responses].sort((a, b) => (a.id < b.id ? -1 : 1))[0].id)),
    smallerIdNumeric: count((p) => isFirst([...p.responses].sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }))[0].id)),
  };
}

describe("blinded review payloads", () => {
  for (const randomizeOrder of [true, false]) {
    it(`do not predict which response is the model listed first in the file (queue order ${randomizeOrder ? "randomized" : "fixed"})`, async () => {
      const { firstModel, payloads } = await setup({ randomizeOrder });
      expect(payloads).toHaveLength(ITEMS);
      for (const [channel, hits] of Object.entries(channels(payloads, firstModel))) {
        expect({ channel, hits, fair: hits >= LOW && hits <= HIGH }).toEqual({ channel, hits, fair: true });
      }
      // No model names, import labels or file names anywhere in what the page receives.
      const text = JSON.stringify(payloads);
      for (const secret of ["model-first", "model-second", "case-0", "study/"]) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
      expect(payloads.every((p) => p.responses.every((r) => !("label" in r)))).toBe(true);
    });
  }

  it("keeps the stored document and the reviewer's history free of import order", async () => {
    const { reviewer, firstModel, payloads } = await setup({ randomizeOrder: true });
    // The reviewer prefers the response shown first on every item; what comes back must still be a coin toss.
    let firstPreferred = 0;
    for (const p of payloads.slice(0, 30)) {
      const [shown] = p.responses;
      const data = { responses: { [shown.id]: { ratings: {}, comments: { scientific_consensus: "preferred" } } }, item: { ratings: {}, comments: {} }, overallComment: "" };
      const saved = await saveAnnotation(reviewer, p.assignment.id, { baseVersion: 0, clientMutationId: `blind-${p.assignment.id}`, data });
      expect(saved.status).toBe("saved");
      const history = await listOwnRevisions(reviewer, p.assignment.id);
      expect(JSON.stringify(history)).not.toMatch(/model-first|model-second/);
      if (firstModel.has(shown.id)) firstPreferred += 1;
    }
    expect(firstPreferred).toBeGreaterThanOrEqual(5);
    expect(firstPreferred).toBeLessThanOrEqual(25);
  });
});
