import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { getDb } from "@/lib/db/client";
import { goldSchema, imageSchema } from "@/lib/items/schema";
import { readProjectSettings } from "@/lib/projects/settings";
import { seedDemo } from "@/prisma/seed";

// Smoke test of the whole demo seed on an empty database: everything goes through the real
// import, project and batch code, so a malformed demo item fails here rather than at `npm start`.

let imageDir: string;
const previousImageDir = process.env.CONSILIUM_IMAGE_DIR;

beforeAll(async () => {
  imageDir = await mkdtemp(path.join(tmpdir(), "consilium-seed-images-"));
  process.env.CONSILIUM_IMAGE_DIR = imageDir;
});

afterAll(async () => {
  if (previousImageDir === undefined) delete process.env.CONSILIUM_IMAGE_DIR;
  else process.env.CONSILIUM_IMAGE_DIR = previousImageDir;
  await rm(imageDir, { recursive: true, force: true });
});

async function kindCounts(slug: string) {
  const rows = await getDb().item.groupBy({ by: ["kind"], where: { project: { slug } }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.kind, r._count._all]));
}

describe("seedDemo", () => {
  it("seeds the pilot study and the showcase projects, once", { timeout: 120_000 }, async () => {
    expect(await seedDemo()).toBe(true);
    const db = getDb();

    const projects = await db.project.findMany({
      orderBy: { createdAt: "asc" },
      include: { rubrics: true, members: { include: { user: true } }, batches: { include: { _count: { select: { items: true, assignments: true } } } } },
    });
    expect(projects.map((p) => p.slug)).toEqual(["consumer-health-qa", "reasoning-showcase", "pairwise-showcase", "criteria-showcase", "steps-showcase", "argument-showcase", "ranking-showcase", "turns-showcase", "suggestions-showcase", "robustness-showcase", "formats-showcase", "trajectory-showcase", "regions-showcase", "record-showcase"]);
    const bySlug = Object.fromEntries(projects.map((p) => [p.slug, p]));

    // The original demo is unchanged (the e2e tests rely on it).
    const pilot = bySlug["consumer-health-qa"];
    expect(pilot.name).toBe("Consumer health answers (demo)");
    expect(await kindCounts("consumer-health-qa")).toEqual({ QA: 24 });
    expect(pilot.batches.map((b) => [b.name, b._count.items, b._count.assignments])).toEqual([["Pilot", 20, 40]]);
    expect(pilot.rubrics.map((r) => r.templateKey)).toEqual(["med-palm-long-form"]);

    // Showcase projects: template, settings, items per kind.
    expect(bySlug["reasoning-showcase"].rubrics.map((r) => r.templateKey)).toEqual(["reasoning-quality"]);
    expect(bySlug["pairwise-showcase"].rubrics.map((r) => r.templateKey)).toEqual(["med-palm-2-pairwise"]);
    expect(bySlug["criteria-showcase"].rubrics.map((r) => r.templateKey)).toEqual(["healthbench-criteria"]);
    expect(bySlug["steps-showcase"].rubrics.map((r) => r.templateKey)).toEqual(["reasoning-steps"]);
    // The reasoning-steps demo: reasoning traces to label, and reference statements on some items.
    const stepItems = await db.item.findMany({ where: { project: { slug: "steps-showcase" } }, include: { responses: true } });
    expect(stepItems.length).toBe(3);
    expect(stepItems.every((i) => i.responses.every((r) => (r.reasoning ?? "").length > 50))).toBe(true);
    expect(stepItems.filter((i) => Array.isArray((i.reference as { statements?: unknown } | null)?.statements)).length).toBe(2);
    expect(readProjectSettings(bySlug["reasoning-showcase"].settings).revealMcqAnswer).toBe(false);
    expect(readProjectSettings(bySlug["pairwise-showcase"].settings).pairwiseStrength).toBe(true);
    expect(bySlug["reasoning-showcase"].blinded).toBe(true);

    expect(await kindCounts("reasoning-showcase")).toEqual({ MCQ: 2, DDX: 2, VQA: 2, NOTE: 2, DIALOGUE: 2 });
    expect(await kindCounts("pairwise-showcase")).toEqual({ QA: 6 });
    expect(await kindCounts("criteria-showcase")).toEqual({ DIALOGUE: 4 });

    const pairItems = await db.item.findMany({ where: { project: { slug: "pairwise-showcase" } }, include: { _count: { select: { responses: true } } } });
    expect(pairItems.every((i) => i._count.responses === 2)).toBe(true);

    const criteriaItems = await db.item.findMany({ where: { project: { slug: "criteria-showcase" } }, include: { criteria: true, _count: { select: { responses: true } } } });
    for (const item of criteriaItems) {
      expect(item.criteria.length).toBeGreaterThanOrEqual(5);
      expect(item.criteria.length).toBeLessThanOrEqual(8);
      expect(item.criteria.some((c) => c.points < 0)).toBe(true);
      expect(item.criteria.every((c) => c.tags.some((t) => t.startsWith("axis:")))).toBe(true);
      expect([1, 2]).toContain(item._count.responses);
      expect((item.metadata as { tags?: string[] }).tags?.some((t) => t.startsWith("theme:"))).toBe(true);
    }

    // Batches: "Demo" with every item, two of the three demo reviewers on each (gold items: all three);
    // the researcher is a member.
    const reviewers = await db.user.findMany({ where: { role: "REVIEWER" }, select: { id: true } });
    const researcher = await db.user.findUniqueOrThrow({ where: { email: "researcher@consilium.local" } });
    for (const slug of ["reasoning-showcase", "pairwise-showcase", "criteria-showcase", "steps-showcase"]) {
      const project = bySlug[slug];
      const items = await db.item.count({ where: { projectId: project.id } });
      const gold = await db.item.count({ where: { projectId: project.id, isGold: true } });
      const expected = (items - gold) * 2 + gold * reviewers.length;
      expect(project.batches.map((b) => [b.name, b._count.items, b._count.assignments])).toEqual([["Demo", items, expected]]);
      expect(project.members.find((m) => m.userId === researcher.id)?.role).toBe("ANALYST");
      const assigned = await db.assignment.findMany({ where: { batch: { projectId: project.id } }, select: { reviewerId: true, itemId: true } });
      expect(new Set(assigned.map((a) => a.reviewerId))).toEqual(new Set(reviewers.map((r) => r.id)));
      expect(new Set(assigned.map((a) => `${a.itemId}:${a.reviewerId}`)).size).toBe(expected);
    }

    // Gold: the mcq gold item's keys are axes of the project's rubric, and its labels are responses.
    const goldItems = await db.item.findMany({ where: { project: { slug: "reasoning-showcase" }, isGold: true }, include: { responses: true } });
    expect(goldItems.map((i) => i.kind)).toEqual(["MCQ"]);
    const axisKeys = new Set((await db.rubricAxis.findMany({ where: { rubricId: bySlug["reasoning-showcase"].rubrics[0].id } })).map((a) => a.key));
    const gold = goldSchema.parse((goldItems[0].reference as { gold: unknown }).gold);
    expect(Object.keys(gold.responses).sort()).toEqual(["A", "B"]);
    for (const [label, axes] of Object.entries(gold.responses)) {
      expect(goldItems[0].responses.map((r) => r.label)).toContain(label);
      for (const key of Object.keys(axes)) expect(axisKeys).toContain(key);
    }

    // Images: written to the image directory, and every vqa image points at one of them.
    for (const name of ["cxr-1.png", "cxr-2.png", "derm-1.png"]) expect(existsSync(path.join(imageDir, "demo", name))).toBe(true);
    const vqa = await db.item.findMany({ where: { kind: "VQA" } });
    const srcs = vqa.flatMap((i) => imageSchema.array().parse((i.input as { images: unknown }).images).map((img) => img.src));
    // Every image the demo's items use was written (the films twice: the reasoning demo and the comparison).
    expect([...new Set(srcs)].sort()).toEqual([...Array.from({ length: 12 }, (_, i) => `demo/ct-${String(i + 1).padStart(2, "0")}.png`), "demo/cxr-1.png", "demo/cxr-2.png", "demo/derm-1.png"]);
    for (const src of srcs) expect(existsSync(path.join(imageDir, src))).toBe(true);

    // Every showcase assignment opens on the review page (markdown, KaTeX, tables, turns…).
    const assignments = await db.assignment.findMany({
      where: { batch: { name: "Demo" } },
      include: { reviewer: true, item: { select: { externalId: true } } },
      distinct: ["itemId"],
    });
    expect(assignments).toHaveLength(23);
    for (const a of assignments) {
      const payload = await loadAssignmentForReview({ id: a.reviewer.id, role: a.reviewer.role, email: a.reviewer.email, name: a.reviewer.name }, a.id);
      expect(payload.responses.length).toBeGreaterThan(0);
      expect(payload.responses.every((r) => r.modelName === undefined)).toBe(true); // blinded
      if (a.item.externalId === "rq-mcq-1") {
        const trace = payload.responses.map((r) => r.reasoningHtml ?? "").join("");
        expect(trace).toContain("katex");
        expect(trace).toContain("<table>");
        expect(payload.item.kind === "mcq" && payload.item.correctOption).toBe(null); // revealMcqAnswer: false
      }
      if (a.item.externalId === "rq-note-1") expect(payload.item.kind === "note" && payload.item.sentences).toHaveLength(7);
    }

    // The argument showcase: every text opens in the annotator, the first abstract with its imported spans.
    expect(await kindCounts("argument-showcase")).toEqual({ NOTE: 5, QA: 1, MCQ: 1 });
    const argumentAssignments = await db.assignment.findMany({ where: { batch: { name: "Arguments demo" } }, include: { reviewer: true, item: { select: { externalId: true } } }, distinct: ["itemId"] });
    expect(argumentAssignments).toHaveLength(7);
    for (const a of argumentAssignments) {
      const payload = await loadAssignmentForReview({ id: a.reviewer.id, role: a.reviewer.role, email: a.reviewer.email, name: a.reviewer.name }, a.id);
      expect(payload.tools).toContain("arguments");
      expect(payload.argumentReview.targets.length).toBeGreaterThan(0);
      if (a.item.externalId === "arg-abstract-1") expect(payload.argumentReview.preAnnotations["item.text"].spans).toHaveLength(5);
      if (a.item.externalId === "arg-mcq-1") expect(payload.argumentReview.targets.map((t) => t.key)).toContain("reference.explanation");
    }

    // Ranking showcase: four responses per item, each review shows the ranking tool.
    const ranking = await db.assignment.findFirstOrThrow({ where: { batch: { name: "Ranking demo" } }, include: { reviewer: true } });
    const rankingPayload = await loadAssignmentForReview({ id: ranking.reviewer.id, role: ranking.reviewer.role, email: ranking.reviewer.email, name: ranking.reviewer.name }, ranking.id);
    expect(rankingPayload.tools).toEqual(expect.arrayContaining(["ranking", "corrections"]));
    expect(rankingPayload.responses).toHaveLength(4);

    // Turns showcase: whole consultations, each AI turn rated on the per-turn rubric.
    const turns = await db.assignment.findFirstOrThrow({ where: { batch: { name: "Turns demo" } }, include: { reviewer: true } });
    const turnsPayload = await loadAssignmentForReview({ id: turns.reviewer.id, role: turns.reviewer.role, email: turns.reviewer.email, name: turns.reviewer.name }, turns.id);
    expect(turnsPayload.tools).toEqual(["ratings", "turns"]);
    expect(turnsPayload.axes.filter((a) => a.appliesTo === "TURN").map((a) => a.key)).toEqual(["turn_accuracy", "turn_safe", "turn_empathy"]);
    expect(turnsPayload.responses.every((r) => r.turns?.some((t) => t.role === "assistant"))).toBe(true);

    // Suggestions showcase: the grader's marks for every criterion of every response, pre-filled.
    const suggested = await db.assignment.findFirstOrThrow({ where: { batch: { name: "Suggestions demo" } }, include: { reviewer: true, item: { include: { criteria: true } } } });
    const suggestedPayload = await loadAssignmentForReview({ id: suggested.reviewer.id, role: suggested.reviewer.role, email: suggested.reviewer.email, name: suggested.reviewer.name }, suggested.id);
    expect(suggestedPayload.tools).toContain("suggestions");
    expect(suggestedPayload.suggestions).toMatchObject({ mode: "prefilled", judge: null });
    expect(suggestedPayload.suggestions?.values).toHaveLength(suggested.item.criteria.length * suggested.responseOrder.length);

    // Robustness showcase: originals with perturbed and translated variants, analysis fields, all reviewed by one physician.
    expect(await kindCounts("robustness-showcase")).toEqual({ MCQ: 14 });
    const robustness = await db.item.findMany({ where: { project: { slug: "robustness-showcase" } }, include: { responses: true } });
    expect(robustness.filter((i) => i.variantOf).length).toBe(8);
    expect(robustness.every((i) => (i.analysis as { group?: string }).group && i.responses.every((r) => (r.analysis as { costUsd?: number }).costUsd! > 0))).toBe(true);
    const robustnessBatch = bySlug["robustness-showcase"].batches;
    expect(robustnessBatch.map((b) => [b.name, b._count.items, b._count.assignments])).toEqual([["Robustness demo", 14, 14]]);
    expect(await db.assignment.count({ where: { batch: { name: "Robustness demo" }, status: "SUBMITTED" } })).toBe(14);

    // Formats showcase: numeric keys and a select-all question, graded on the review page.
    expect(await kindCounts("formats-showcase")).toEqual({ QA: 4, MCQ: 1, DIALOGUE: 1, SUMMARY: 1, VQA: 2 });
    expect(existsSync(path.join(imageDir, "demo", "consultation-1.wav"))).toBe(true);
    const calc = await db.assignment.findFirstOrThrow({ where: { batch: { name: "Formats demo" }, item: { externalId: "calc-bmi-1" } }, include: { reviewer: true } });
    const calcPayload = await loadAssignmentForReview({ id: calc.reviewer.id, role: calc.reviewer.role, email: calc.reviewer.email, name: calc.reviewer.name }, calc.id);
    expect(calcPayload.item.kind === "qa" && calcPayload.item.numericKey).toMatchObject({ value: 29.9, unit: "kg/m²" });
    expect(calcPayload.responses.map((r) => r.numericCorrect).sort()).toEqual([false, true]);

    // Trajectory showcase: two runs of a gatekeeper case and one 201-action record task, opened with the actions tool.
    expect(await kindCounts("trajectory-showcase")).toEqual({ TRAJECTORY: 2 });
    const longRun = await db.assignment.findFirstOrThrow({ where: { batch: { name: "Trajectories demo" }, item: { externalId: "fhir-glucose-1" } }, include: { reviewer: true } });
    const longPayload = await loadAssignmentForReview({ id: longRun.reviewer.id, role: longRun.reviewer.role, email: longRun.reviewer.email, name: longRun.reviewer.name }, longRun.id);
    expect(longPayload.tools).toContain("actions");
    expect(longPayload.responses[0].actions).toHaveLength(201);
    expect(longPayload.responses[0].actions!.filter((a) => a.judged)).toHaveLength(101);

    // Regions showcase: localizations to judge; two reviewers have drawn, the first has not.
    expect(await kindCounts("regions-showcase")).toEqual({ VQA: 3 });
    expect(await db.assignment.groupBy({ by: ["status"], where: { batch: { name: "Regions demo" } }, _count: { _all: true }, orderBy: { status: "asc" } })).toEqual([
      { status: "PENDING", _count: { _all: 3 } }, { status: "SUBMITTED", _count: { _all: 6 } },
    ]);
    const open = await db.assignment.findFirstOrThrow({ where: { batch: { name: "Regions demo" }, status: "PENDING", item: { externalId: "loc-ct-1" } }, include: { reviewer: true } });
    expect(open.reviewer.email).toBe("dr.osei@consilium.local");
    const regionPayload = await loadAssignmentForReview({ id: open.reviewer.id, role: open.reviewer.role, email: open.reviewer.email, name: open.reviewer.name }, open.id);
    expect(regionPayload.tools).toContain("regions");
    expect(regionPayload.regionReview?.spacing[0]).toEqual([0.8, 0.8]);

    // Record showcase: a FHIR bundle converted to a timeline and a documented-timeline record, one already reviewed.
    expect(await kindCounts("record-showcase")).toEqual({ RECORD: 2 });
    const recordOpen = await db.assignment.findFirstOrThrow({ where: { batch: { name: "Records demo" }, item: { externalId: "rec-dm-1" }, reviewer: { email: "dr.osei@consilium.local" } }, include: { reviewer: true } });
    const recordPayload = await loadAssignmentForReview({ id: recordOpen.reviewer.id, role: recordOpen.reviewer.role, email: recordOpen.reviewer.email, name: recordOpen.reviewer.name }, recordOpen.id);
    expect(recordPayload.tools).toContain("record-links");
    expect(recordPayload.item.kind === "record" && recordPayload.item.record.entries.length).toBe(51);
    expect(await db.assignment.count({ where: { batch: { name: "Records demo" }, status: "SUBMITTED" } })).toBe(1);

    // Running it again on a non-empty database does nothing.
    expect(await seedDemo()).toBe(false);
    expect(await db.project.count()).toBe(14);
  });
});
