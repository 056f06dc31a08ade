import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { JudgeCalibrationSection } from "@/components/results/judge-calibration";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { ForbiddenError, NotFoundError } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { createProject } from "@/lib/projects/create-project";
import { loadRubricResults } from "@/lib/results/load-results";
import { resultsFilterSchema } from "@/lib/results/results-filter";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { renderInEnglish } from "@/test/support/render";
import { loadJudgeCalibration } from "./calibration";
import { importJudgeResults } from "./import-judge-results";

// A HealthBench-style study (overall quality 1–5 and three tagged criteria per item), three
// physicians per item, and an imported judge: import rules, and calibration figures checked against
// a computation written out here from the values the test itself chose.

const all = resultsFilterSchema.parse({});
const ITEMS = 5;
const TAGS = ["axis:accuracy", "axis:completeness", "axis:accuracy"];
const MODELS = ["model-alpha", "model-beta"];

const items = Array.from({ length: ITEMS }, (_, i) => ({
  externalId: `hb-${i + 1}`,
  question: `Case ${i + 1}: what should the patient do?`,
  criteria: TAGS.map((tag, c) => ({ criterion: `Criterion ${c + 1} of case ${i + 1}`, points: c === 2 ? -3 : 5, tags: [tag] })),
  responses: MODELS.map((m) => ({ modelName: m, content: `${m} answer ${i + 1}` })),
}));

// Deterministic but varied choices: physician p's quality for (item i, model m), and criterion marks.
const physicianQuality = (p: number, i: number, m: number) => 1 + ((i * 2 + m * 3 + p * (i % 2 ? 1 : 2)) % 5);
const physicianMet = (p: number, i: number, m: number, c: number) => (i + m + c + (p === 2 && i % 2 === 0 ? 1 : 0)) % 2 === 0;
const judgeQuality = (i: number, m: number) => 1 + ((i * 2 + m * 3 + 1) % 5);
const judgeMet = (i: number, m: number, c: number) => (i + m + c + (c === 1 ? 1 : 0)) % 2 === 0;

async function setup() {
  const admin = await seedUser({ role: "ADMIN" });
  const physicians = [await seedUser(), await seedUser(), await seedUser()];
  const researcher = await seedUser({ role: "RESEARCHER" });
  const outsider = await seedUser({ role: "RESEARCHER" });
  const project = await createProject(admin.id, { name: "Judged", slug: `judged-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, template: "healthbench-criteria", reviewersPerItem: 3 });
  const db = getDb();
  await db.projectMember.create({ data: { projectId: project.id, userId: researcher.id, role: "ANALYST" } });
  await seedItems(admin.id, project.id, items);
  await createBatch(admin.id, project.id, { name: "B1", reviewerIds: physicians.map((p) => p.id), perItem: 3, seed: 5 });
  const assignments = await db.assignment.findMany({ where: { batch: { projectId: project.id } }, include: { item: { include: { responses: true, criteria: { orderBy: { position: "asc" } } } } } });
  expect(assignments).toHaveLength(ITEMS * 3);
  for (const a of assignments) {
    const p = physicians.findIndex((x) => x.id === a.reviewerId);
    const i = Number(a.item.externalId.slice(3)) - 1;
    const data = emptyAnnotationData();
    for (const r of a.item.responses) {
      const m = MODELS.indexOf(r.modelName);
      data.responses[r.id] = {
        ratings: { overall_quality: physicianQuality(p, i, m) },
        comments: {},
        criteria: Object.fromEntries(a.item.criteria.map((c) => [c.id, { met: physicianMet(p, i, m, c.position) }])),
      };
    }
    const saved = await saveAnnotation(asActor(physicians[p]), a.id, { baseVersion: 0, clientMutationId: `m-${a.id}`, data, submit: true });
    expect(saved).toMatchObject({ status: "saved" });
  }
  return { admin, physicians, researcher, outsider, project, assignments };
}

/** The judge's file: quality per response (by model name), every criterion (by number) per response (by label). */
function judgeLines(judge = "gpt-judge") {
  return items.flatMap((item, i) =>
    MODELS.flatMap((model, m) => [
      JSON.stringify({ externalId: item.externalId, response: model, axis: "overall_quality", value: judgeQuality(i, m), judge, rationale: `SECRET-RATIONALE ${i}-${m}` }),
      ...TAGS.map((_, c) => JSON.stringify({ externalId: item.externalId, response: m === 0 ? "A" : "B", criterion: c + 1, value: judgeMet(i, m, c), judge })),
    ]),
  );
}

describe("importJudgeResults", () => {
  it("stores every line, refuses a re-import line by line unless replacing, and reports every error with its line and field", async () => {
    const { admin, project } = await setup();
    const db = getDb();
    const lines = judgeLines();
    const first = await importJudgeResults({ actorId: admin.id, projectId: project.id, lines });
    expect(first).toMatchObject({ ok: true, imported: lines.length, replaced: 0, judges: ["gpt-judge"] });
    const stored = await db.judgeResult.findFirstOrThrow({ where: { projectId: project.id, axisKey: "overall_quality", sourceLine: 1 } });
    expect(stored).toMatchObject({ value: judgeQuality(0, 0), judge: "gpt-judge", rationale: "SECRET-RATIONALE 0-0", importId: first.ok ? first.importId : "" });

    // The same file again: a conflict on every line, nothing written.
    const again = await importJudgeResults({ actorId: admin.id, projectId: project.id, lines });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.errorCount).toBe(lines.length);
      expect(again.errors[0]).toMatchObject({ line: 1, field: "axis" });
      expect(again.errors[0].message).toContain("--replace");
      expect(again.errors[1]).toMatchObject({ line: 2, field: "criterion" });
    }
    // With replace: the values change, nothing is added.
    const changed = lines.map((l, n) => (n === 0 ? l.replace(/"value":\d/, `"value":${judgeQuality(0, 0) === 5 ? 4 : 5}`) : l));
    const replaced = await importJudgeResults({ actorId: admin.id, projectId: project.id, lines: changed, replace: true });
    expect(replaced).toMatchObject({ ok: true, imported: lines.length, replaced: lines.length });
    expect(await db.judgeResult.count({ where: { projectId: project.id } })).toBe(lines.length);
    expect((await db.judgeResult.findFirstOrThrow({ where: { projectId: project.id, axisKey: "overall_quality", sourceLine: 1 } })).value).not.toBe(judgeQuality(0, 0));
    expect(await db.auditEvent.count({ where: { projectId: project.id, action: "judges.import" } })).toBe(2);
  });

  it("is all or nothing, and names each bad line's field in plain words", async () => {
    const { admin, project } = await setup();
    const good = (extra: object = {}) => JSON.stringify({ externalId: "hb-1", response: "model-alpha", axis: "overall_quality", value: 3, judge: "j", ...extra });
    const lines = [
      good(),
      JSON.stringify({ externalId: "nope", response: "model-alpha", axis: "overall_quality", value: 3, judge: "j" }),
      good({ response: "model-gamma" }),
      good({ axis: "harm" }),
      good({ value: 9 }),
      good({ value: "4" }),
      JSON.stringify({ externalId: "hb-1", response: "B", criterion: 4, value: true, judge: "j" }),
      JSON.stringify({ externalId: "hb-1", response: "B", criterion: 1, value: "maybe", judge: "j" }),
      JSON.stringify({ externalId: "hb-1", response: "B", axis: "overall_quality", criterion: 1, value: true, judge: "j" }),
      JSON.stringify({ externalId: "hb-1", response: "B", value: true, judge: "j" }),
      JSON.stringify({ externalId: "hb-1", response: "B", axis: "overall_quality", value: 2 }),
      good({ score: 1 }),
      "{not json",
      good(), // repeats line 1
      JSON.stringify({ externalId: "hb-2", response: "B", criterion: "met", value: "not met", judge: "j" }),
    ];
    const result = await importJudgeResults({ actorId: admin.id, projectId: project.id, lines });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = (line: number) => result.errors.filter((e) => e.line === line).map((e) => `${e.field}: ${e.message}`);
    expect(at(1)).toEqual([]);
    expect(at(2)).toEqual(['externalId: no item "nope" in this project.']);
    expect(at(3)[0]).toMatch(/^response: item "hb-1" has no response by model or label "model-gamma"; its responses are A \(model-alpha\), B \(model-beta\)\.$/);
    expect(at(4)[0]).toMatch(/^axis: the rubric has no axis "harm"; its axes are "overall_quality"\.$/);
    expect(at(5)[0]).toMatch(/^value: 9 is not a value of axis "overall_quality": .*whole number from 1 to 5/);
    expect(at(6)[0]).toMatch(/^value: "4" is not a value of axis "overall_quality"/);
    expect(at(7)).toEqual(['criterion: item "hb-1" has 3 criteria; there is no criterion 4.']);
    expect(at(8)[0]).toMatch(/^value: "maybe" is not a criterion's value/);
    expect(at(9)[0]).toMatch(/^criterion: give either axis .* not both/);
    expect(at(10)[0]).toMatch(/^axis: give either axis/);
    expect(at(11)).toEqual(["judge: judge is missing."]);
    expect(at(12)[0]).toMatch(/^\(line\): unknown field "score"/);
    expect(at(13)[0]).toMatch(/^\(line\): This line is not valid JSON/);
    expect(at(14)[0]).toMatch(/^axis: repeats line 1: judge "j" already has a value/);
    expect(at(15)).toEqual(['criterion: item "hb-2" has no criterion with id "met".']);
    expect(await getDb().judgeResult.count({ where: { projectId: project.id } })).toBe(0);
    expect(await importJudgeResults({ actorId: admin.id, projectId: project.id, lines: ["", "  "] })).toMatchObject({ ok: false, errors: [{ field: "(file)" }] });
  });

  it("finds a repeat across chunks without holding the file (the first occurrence is in an earlier chunk)", async () => {
    const { admin, project } = await setup();
    const lines = judgeLines();
    const others = Array.from({ length: 500 }, (_, n) => JSON.stringify({ externalId: "hb-1", response: "A", axis: "overall_quality", value: 2, judge: `other-${n}` }));
    const result = await importJudgeResults({ actorId: admin.id, projectId: project.id, lines: [...lines, ...others, lines[0]] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ line: lines.length + others.length + 1, field: "axis", message: expect.stringMatching(/^repeats line 1:/) }]);
  });
});

describe("loadJudgeCalibration", () => {
  it("matches an independent computation: confusion matrix, pooled kappa, bias with its t interval, the ceiling, and the largest disagreements", async () => {
    const { admin, researcher, outsider, project, physicians } = await setup();
    expect(await loadJudgeCalibration(asActor(researcher), project.id, all)).toBeNull();
    expect(await importJudgeResults({ actorId: admin.id, projectId: project.id, lines: judgeLines() })).toMatchObject({ ok: true });
    const calibration = (await loadJudgeCalibration(asActor(researcher), project.id, all, { resamples: 200 }))!;
    expect(calibration.judges).toEqual(["gpt-judge"]);
    expect(calibration.targets.map((t) => t.target)).toEqual(["overall_quality", "criteria", "criteria axis:accuracy", "criteria axis:completeness"]);

    // Overall quality: units are responses, each with three physicians.
    const quality = calibration.targets[0];
    const confusion = Array.from({ length: 5 }, () => new Array(5).fill(0));
    const diffs: number[] = [];
    const gaps: Array<{ externalId: string; model: string; gap: number }> = [];
    for (let i = 0; i < ITEMS; i++) {
      for (let m = 0; m < 2; m++) {
        const j = judgeQuality(i, m);
        const ps = [0, 1, 2].map((p) => physicianQuality(p, i, m));
        for (const v of ps) confusion[j - 1][v - 1] += 1;
        const mean = ps.reduce((s, v) => s + v, 0) / 3;
        diffs.push(j - mean);
        gaps.push({ externalId: `hb-${i + 1}`, model: MODELS[m], gap: Math.abs(j - mean) });
      }
    }
    expect(quality).toMatchObject({ units: ITEMS * 2, pairs: ITEMS * 6, physicians: 3, judgeValues: ITEMS * 2, level: "ordinal" });
    expect(quality.confusion.counts).toEqual(confusion);
    const n = diffs.length;
    const mean = diffs.reduce((s, d) => s + d, 0) / n;
    const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1));
    const half = (2.262 * sd) / Math.sqrt(n); // t(0.975, 9)
    expect(quality.bias!.mean).toBeCloseTo(mean, 12);
    expect(quality.bias!.low).toBeCloseTo(mean - half, 12);
    expect(quality.bias!.high).toBeCloseTo(mean + half, 12);
    // Unweighted Cohen's kappa over the pooled pairs, from the confusion matrix.
    const total = confusion.flat().reduce((s, c) => s + c, 0);
    const po = confusion.reduce((s, row, k) => s + row[k], 0) / total;
    const pe = confusion.reduce((s, row, k) => s + (row.reduce((a, b) => a + b, 0) / total) * (confusion.reduce((a, r) => a + r[k], 0) / total), 0);
    const kappa = quality.kappa.find((k) => k.weighting === "unweighted")!;
    expect(kappa.value).toBeCloseTo((po - pe) / (1 - pe), 12);
    expect(kappa.interval!.low).toBeLessThanOrEqual(kappa.value!);
    expect(kappa.interval!.high).toBeGreaterThanOrEqual(kappa.value!);
    expect(quality.kappa.map((k) => k.weighting)).toEqual(["unweighted", "linear", "quadratic"]);
    // The ceiling is the results page's own alpha: the judge rated every response the physicians did.
    const page = await loadRubricResults(asActor(researcher), project.id, all, { resamples: 0 });
    const pageAlpha = page.agreement.find((a) => a.axis === "overall_quality")!.inter!.coefficients.find((c) => c.key === "krippendorff_alpha")!;
    expect(quality.alphaPhysicians!.value).toBeCloseTo(pageAlpha.value!, 12);
    expect(quality.alphaWithJudge!.value).not.toBeNull();
    expect(quality.alphaBasis).toEqual({ physicians: ITEMS * 2, withJudge: ITEMS * 2 });
    // Largest disagreements: by |judge − physicians' mean|, then external id and model.
    const expected = gaps.filter((g) => g.gap > 0).sort((a, b) => b.gap - a.gap || a.externalId.localeCompare(b.externalId) || a.model.localeCompare(b.model)).slice(0, 20);
    expect(quality.disagreements.map((d) => [d.externalId, d.model])).toEqual(expected.map((g) => [g.externalId, g.model]));
    expect(quality.disagreements[0].gap).toBeCloseTo(expected[0].gap, 12);

    // Criteria: met = 1. All criteria, and the accuracy tag (criteria 1 and 3).
    const check = (target: string, criteria: number[]) => {
      const t = calibration.targets.find((x) => x.target === target)!;
      const counts = [[0, 0], [0, 0]]; // [judge met, not met][physician met, not met]
      const d: number[] = [];
      for (let i = 0; i < ITEMS; i++) for (let m = 0; m < 2; m++) for (const c of criteria) {
        const j = judgeMet(i, m, c);
        const ps = [0, 1, 2].map((p) => physicianMet(p, i, m, c));
        for (const v of ps) counts[j ? 0 : 1][v ? 0 : 1] += 1;
        d.push(Number(j) - ps.filter(Boolean).length / 3);
      }
      expect([target, t.confusion.counts]).toEqual([target, counts]);
      expect([target, t.units, t.pairs]).toEqual([target, ITEMS * 2 * criteria.length, ITEMS * 2 * criteria.length * 3]);
      expect(t.bias!.mean).toBeCloseTo(d.reduce((s, x) => s + x, 0) / d.length, 12);
      expect(t.confusion.categories.map((c) => c.label)).toEqual(["Met", "Not met"]);
    };
    check("criteria", [0, 1, 2]);
    check("criteria axis:accuracy", [0, 2]);
    check("criteria axis:completeness", [1]);
    expect(calibration.targets[1].disagreements[0].criterion).not.toBeNull();

    // The page's section shows the figures, and a rationale from the file as text, never as markup.
    const html = renderInEnglish(createElement(JudgeCalibrationSection, { calibration }));
    expect(html).toContain(`data-target="overall_quality"`);
    expect(html).toContain(kappa.value!.toFixed(2));
    expect(html).toContain("SECRET-RATIONALE");
    const hostile = { ...calibration, targets: [{ ...quality, disagreements: [{ ...quality.disagreements[0], rationale: "<img src=x onerror=alert(1)>" }] }] };
    const escaped = renderInEnglish(createElement(JudgeCalibrationSection, { calibration: hostile }));
    expect(escaped).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(escaped).not.toContain("<img");

    // Filters: one physician only (reviewer pseudonym) leaves one pair per unit; gold=only leaves nothing.
    const one = page.options.reviewers[0];
    const narrowed = (await loadJudgeCalibration(asActor(researcher), project.id, resultsFilterSchema.parse({ reviewer: one }), { resamples: 0 }))!;
    expect(narrowed.targets[0]).toMatchObject({ units: ITEMS * 2, pairs: ITEMS * 2, physicians: 1 });
    const none = (await loadJudgeCalibration(asActor(researcher), project.id, resultsFilterSchema.parse({ gold: "only" }), { resamples: 0 }))!;
    expect(none).toMatchObject({ judgeValues: 0, targets: [] });
    expect(physicians).toHaveLength(3);

    // Researchers (members) and admins read it; outsiders and reviewers do not.
    await expect(loadJudgeCalibration(asActor(outsider), project.id, all)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadJudgeCalibration(asActor(physicians[0]), project.id, all)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("never reaches a reviewer: the review payload is the same with a judge's results imported, and names no judge value or rationale", async () => {
    const { admin, physicians, project, assignments } = await setup();
    const mine = assignments.filter((x) => x.reviewerId === physicians[0].id);
    const before = await Promise.all(mine.map((a) => loadAssignmentForReview(asActor(physicians[0]), a.id)));
    const marker = "JUDGE-ONLY-RATIONALE-7f3a";
    const lines = items.flatMap((item) => MODELS.map((model) => JSON.stringify({ externalId: item.externalId, response: model, axis: "overall_quality", value: 2, judge: "judge-name-9c1e", rationale: marker })));
    expect(await importJudgeResults({ actorId: admin.id, projectId: project.id, lines })).toMatchObject({ ok: true });
    for (const [n, a] of mine.entries()) {
      const payload = await loadAssignmentForReview(asActor(physicians[0]), a.id);
      expect(payload).toEqual(before[n]);
      expect(JSON.stringify(payload)).not.toContain(marker);
      expect(JSON.stringify(payload)).not.toContain("judge-name-9c1e");
    }
  });
});
