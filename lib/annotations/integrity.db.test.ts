import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { markAssignmentSeen } from "@/lib/assignments/transition";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor, completeRatings, seedStudy } from "@/test/support/study";
import { saveAnnotation } from "./save-annotation";
import { emptyAnnotationData } from "./schema";
import { skipAssignment } from "./skip-assignment";

// Issue 7, "Blinding and integrity": what a tester broke with races and hand-made requests.

async function oneAssignment() {
  const study = await seedStudy({ items: 12 });
  const me = asActor(study.reviewers[0]);
  return { ...study, me, mine: study.assignments.filter((a) => a.reviewerId === me.id) };
}

describe("status transitions under races", () => {
  it("a skip racing a submit: exactly one wins, and the row never mixes them", async () => {
    const { me, mine } = await oneAssignment();
    for (const [i, a] of mine.slice(0, 6).entries()) {
      const data = completeRatings(a.responseOrder);
      const [skip, submit] = await Promise.all([
        skipAssignment(me, a.id, { reason: "Outside my expertise" }),
        saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: `race-submit-${i}`, data, submit: true }),
      ]);
      const row = await getDb().assignment.findUniqueOrThrow({ where: { id: a.id } });
      const skipped = skip.status === "skipped";
      const submitted = submit.status === "saved";
      expect({ trial: i, both: skipped && submitted, neither: !skipped && !submitted }).toEqual({ trial: i, both: false, neither: false });
      if (skipped) expect(row).toMatchObject({ status: "SKIPPED", skipReason: "Outside my expertise", submittedAt: null });
      else expect(row).toMatchObject({ status: "SUBMITTED", skipReason: null });
    }
  });

  it("a skip racing a draft save is never undone once acknowledged", async () => {
    const { me, mine } = await oneAssignment();
    for (const [i, a] of mine.slice(0, 6).entries()) {
      const [skip, save] = await Promise.all([
        skipAssignment(me, a.id, { reason: "Unreadable image" }),
        saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: `race-draft-${i}`, data: { ...emptyAnnotationData(), overallComment: "draft" } }),
      ]);
      const row = await getDb().assignment.findUniqueOrThrow({ where: { id: a.id } });
      expect(skip.status).toBe("skipped"); // a draft save never blocks a skip
      expect(row).toMatchObject({ status: "SKIPPED", skipReason: "Unreadable image" });
      // The save either landed before the skip (kept as the draft on record) or was refused as locked.
      expect(["saved", "locked"]).toContain(save.status);
    }
  });
});

describe("what a save may contain", () => {
  it("refuses a reused clientMutationId with different content, and still accepts a true retry", async () => {
    const { me, mine } = await oneAssignment();
    const a = mine[0];
    const first = { baseVersion: 0, clientMutationId: "same-id-1234", data: { ...emptyAnnotationData(), overallComment: "first" } };
    expect(await saveAnnotation(me, a.id, first)).toMatchObject({ status: "saved", version: 1 });
    expect(await saveAnnotation(me, a.id, first)).toMatchObject({ status: "saved", version: 1, duplicate: true });
    const changed = await saveAnnotation(me, a.id, { ...first, data: { ...first.data, overallComment: "something else" } });
    expect(changed).toMatchObject({ status: "mismatch" });
    expect(await saveAnnotation(me, a.id, { ...first, submit: true })).toMatchObject({ status: "mismatch" });
    expect((await getDb().annotation.findUniqueOrThrow({ where: { assignmentId: a.id } })).data).toMatchObject({ overallComment: "first" });
  });

  it("refuses comments on axes the rubric does not have (they would become export rows)", async () => {
    const { me, mine } = await oneAssignment();
    const a = mine[0];
    const [first] = a.responseOrder;
    const invented = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`invented_${i}`, "x"]));
    const data = { ...emptyAnnotationData(), responses: { [first]: { ratings: {}, comments: invented } }, item: { ratings: {}, comments: { made_up: "y" } } };
    const result = await saveAnnotation(me, a.id, { baseVersion: 0, clientMutationId: "invented-keys", data });
    expect(result.status).toBe("invalid");
    if (result.status === "invalid") {
      expect(result.problems.map((p) => p.path)).toEqual([...Object.keys(invented).map((k) => `responses.${first}.comments.${k}`), "item.comments.made_up"]);
    }
    expect(await getDb().annotation.count({ where: { assignmentId: a.id } })).toBe(0);
  });

  it("bounds the browser's time on task by the wall time the server observed", async () => {
    const { me, mine } = await oneAssignment();
    const [a, b] = mine;
    const opened = new Date("2026-11-30T10:00:00Z");
    const at = (ms: number) => ({ now: new Date(opened.getTime() + ms) });
    await markAssignmentSeen(me, a.id, opened);
    // Five saves each claiming an hour, 50 ms apart, two seconds after opening the page.
    for (let i = 0; i < 5; i++) {
      const r = await saveAnnotation(me, a.id, { baseVersion: i, clientMutationId: `hour-claim-${i}`, data: { ...emptyAnnotationData(), overallComment: `v${i}` }, timeOnTaskDeltaMs: 3_600_000 }, at(2000 + 50 * i));
      expect(r.status).toBe("saved");
    }
    expect((await getDb().assignment.findUniqueOrThrow({ where: { id: a.id } })).timeOnTaskMs).toBe(2000 + 4 * 50);
    // A skip is bounded the same way; work never opened in the browser records no time at all.
    expect(await skipAssignment(me, b.id, { reason: "Not my field", timeOnTaskDeltaMs: 3_600_000 }, at(5000))).toEqual({ status: "skipped" });
    expect((await getDb().assignment.findUniqueOrThrow({ where: { id: b.id } })).timeOnTaskMs).toBe(0);
  });
});

describe("note review answers", () => {
  async function noteStudy(text: string) {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = asActor(await seedUser({ role: "REVIEWER" }));
    const project = await createProject(admin.id, { name: "Notes", slug: `notes-${Date.now().toString(36)}`, template: "medec-note-review", reviewersPerItem: 1 });
    await seedItems(admin.id, project.id, [{ kind: "note", externalId: "n1", text, responses: [] }]);
    await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1 });
    const a = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id } });
    return { reviewer, a };
  }
  const note = (ratings: Record<string, string | boolean>) => ({ ...emptyAnnotationData(), item: { ratings, comments: {} } });

  it("takes only sentence ids the note has", async () => {
    const { reviewer, a } = await noteStudy("Patient is 54. Started on amoxicillin. No allergies.");
    const bad = await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: "sentence-32", data: note({ error_flag: true, error_sentence_id: "32" }) });
    expect(bad).toMatchObject({ status: "invalid", problems: [{ path: "item.ratings.error_sentence_id", message: expect.stringMatching(/no sentence "32"/) }] });
    expect(await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: "sentence-1", data: note({ error_flag: true, error_sentence_id: "1" }) })).toMatchObject({ status: "saved" });
  });

  it("accepts a correction as long as real MEDEC gold corrections, and sizes the limit from the note", async () => {
    const long = `${"The patient was started on intravenous ceftriaxone and azithromycin for community-acquired pneumonia. ".repeat(3)}`.trim();
    expect(long.length).toBeGreaterThan(300);
    const { reviewer, a } = await noteStudy(`Patient is 54. ${long}`);
    expect(await saveAnnotation(reviewer, a.id, { baseVersion: 0, clientMutationId: "long-fix-1", data: note({ error_flag: true, error_sentence_id: "1", corrected_sentence: long }) })).toMatchObject({ status: "saved" });
    const tooLong = "x".repeat(20_001);
    const refused = await saveAnnotation(reviewer, a.id, { baseVersion: 1, clientMutationId: "long-fix-2", data: note({ corrected_sentence: tooLong }) });
    expect(refused).toMatchObject({ status: "invalid", problems: [{ path: "item.ratings.corrected_sentence", message: expect.stringMatching(/at most 20,000/) }] });
  });
});
