import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createBatch } from "@/lib/assignments/create-batch";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { emptyAnnotationData } from "@/lib/annotations/schema";
import { convertHealthBenchExample } from "@/lib/import/converters/healthbench";
import { createProject } from "@/lib/projects/create-project";
import { seedItems, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { manifestOfSingleFileExport } from "./manifest";
import { prepareExport } from "./prepare-export";
import { exportDatasetZip, writeDatasetFolder } from "./run-dataset-export";
import { runExport } from "./run-export";
import { toCsvRows } from "./write-export";

const FIXTURES = path.resolve(import.meta.dirname, "../../../shared/fixtures/healthbench");
const dirs: string[] = [];
const tmp = () => dirs[dirs.push(mkdtempSync(path.join(tmpdir(), "consilium-dataset-test-"))) - 1];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function text(gen: AsyncGenerator<string>) {
  let out = "";
  for await (const c of gen) out += c;
  return out;
}
const lines = (s: string) => s.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));

/** DuckDB, the reader the issue names: every table is read back with read_parquet. */
async function duck(sql: string) {
  const db = await DuckDBInstance.create(":memory:");
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    c.closeSync();
  }
}

/** A Med-PaLM rubric study: two reviewers, two items with two responses; response A rated best everywhere, B worse on harm. */
async function medPalmStudy() {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewers = [await seedUser({ role: "REVIEWER" }), await seedUser({ role: "REVIEWER" })];
  const project = await createProject(admin.id, { name: "Long form", slug: `lf-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, template: "med-palm-long-form", reviewersPerItem: 2 });
  await seedItems(admin.id, project.id, [
    { externalId: "q1", question: "Is chest pain an emergency?", responses: [{ modelName: "alpha", content: "Yes, call now." }, { modelName: "beta", content: "Wait and see." }] },
    { kind: "dialogue", externalId: "d1", turns: [{ role: "patient", content: "I feel dizzy." }, { role: "clinician", content: "Since when?" }, { role: "patient", content: "Today." }], responses: [{ modelName: "alpha", content: "Sit down." }, { modelName: "beta", content: "Run." }] },
  ]);
  await createBatch(admin.id, project.id, { name: "b1", reviewerIds: reviewers.map((r) => r.id), perItem: 2, seed: 3 });
  const axes = await getDb().rubricAxis.findMany({ where: { rubric: { projectId: project.id }, appliesTo: "RESPONSE" }, orderBy: { position: "asc" } });
  const assignments = await getDb().assignment.findMany({ include: { item: { include: { responses: { orderBy: { position: "asc" } } } } }, where: { batch: { projectId: project.id } }, orderBy: { id: "asc" } });
  const valueOf = (a: (typeof axes)[number], worst: boolean) => {
    const options = (a.options as Array<{ value: string }>) ?? [];
    if (a.type === "BOOLEAN") return worst ? a.bestValue !== "true" : a.bestValue === "true";
    if (a.type === "SCALE") return worst ? (a.bestValue === String(a.min) ? a.max : a.min) : Number(a.bestValue);
    if (a.type === "TEXT") return "fine";
    const best = a.bestValue ?? options[0].value;
    return worst ? options.map((o) => o.value).find((v) => v !== best)! : best;
  };
  const harmKey = axes.find((a) => a.key.includes("harm") && a.bestValue !== null)!.key;
  for (const s of assignments) {
    const [first, second] = s.item.responses;
    const block = (worse: boolean) => ({ ratings: Object.fromEntries(axes.map((a) => [a.key, valueOf(a, worse && a.key === harmKey)])), comments: {} });
    const data = { ...emptyAnnotationData(), responses: { [first.id]: block(false), [second.id]: block(true) }, overallComment: `seen ${s.item.externalId}` };
    const saved = await saveAnnotation(asActor(reviewers.find((r) => r.id === s.reviewerId)!), s.id, { baseVersion: 0, clientMutationId: `m-${s.id}`, data, submit: true });
    expect(saved).toMatchObject({ status: "saved" });
  }
  return { admin, reviewers, project, harmKey };
}

describe("Parquet export, read back with DuckDB", () => {
  let study: Awaited<ReturnType<typeof medPalmStudy>>;
  let dir: string;
  beforeEach(async () => {
    study = await medPalmStudy();
    dir = tmp();
    const { project, filter, format, query } = await prepareExport(asActor(study.admin), study.project.slug, { format: "parquet" });
    expect(format).toBe("parquet");
    await writeDatasetFolder({ actorId: study.admin.id, project, filter, format: "parquet", query, dir });
  });

  it("has the JSONL export's annotations and the CSV's rating rows, value for value", async () => {
    const records = lines(await text(runExport({ actorId: study.admin.id, format: "jsonl", filter: { projectId: study.project.id, status: "all", includeContent: true } })));
    const annotations = await duck(`SELECT * FROM read_parquet('${dir}/annotations.parquet') ORDER BY annotation_id`);
    expect(annotations).toHaveLength(records.length);
    const byId = new Map(records.map((r) => [r.annotationId, r]));
    for (const a of annotations) {
      const r = byId.get(a.annotation_id as string)!;
      expect({ reviewer: a.reviewer, batch: a.batch, external_id: a.external_id, overall_comment: a.overall_comment, kind: a.kind, time: Number(a.time_on_task_ms) }).toEqual({ reviewer: r.reviewer, batch: r.batch, external_id: r.externalId, overall_comment: r.overallComment, kind: r.kind, time: r.timeOnTaskMs });
      expect(new Date(`${a.submitted_at}Z`).toISOString()).toBe(r.submittedAt);
    }
    const csvRows = records.flatMap((r) => toCsvRows(r));
    const ratings = await duck(`SELECT annotation_id, response_id, axis, value, target, shown_as FROM read_parquet('${dir}/ratings.parquet')`);
    expect(ratings).toHaveLength(csvRows.length);
    const key = (x: unknown[]) => x.map((v) => (v === null ? "" : String(v))).join("|");
    expect(ratings.map((r) => key([r.annotation_id, r.response_id, r.axis, r.value, r.target, r.shown_as])).sort()).toEqual(csvRows.map((c) => key([c[0], c[5], c[11], c[12], c[10], c[8]])).sort());
  });

  it("JSONL and CSV exports read back by DuckDB too, an implementation independent of ours", async () => {
    const filter = { projectId: study.project.id, status: "all" as const, includeContent: true };
    const jsonl = await text(runExport({ actorId: study.admin.id, format: "jsonl", filter }));
    const csv = await text(runExport({ actorId: study.admin.id, format: "csv", filter }));
    writeFileSync(path.join(dir, "export.jsonl"), jsonl);
    writeFileSync(path.join(dir, "export.csv"), csv);
    const records = lines(jsonl);
    const fromJson = await duck(`SELECT annotationId AS id, overallComment AS comment, len(responses)::INT AS responses FROM read_json('${dir}/export.jsonl', format = 'newline_delimited') ORDER BY id`);
    expect(fromJson).toEqual(records.map((r) => ({ id: r.annotationId, comment: r.overallComment, responses: r.responses.length })).sort((a, b) => a.id.localeCompare(b.id)));
    const fromCsv = await duck(`SELECT annotation_id, axis, value FROM read_csv('${dir}/export.csv', header = true, all_varchar = true) WHERE target = 'response'`);
    const expected = records.flatMap((r) => r.responses.flatMap((x: { ratings: Record<string, unknown> }) => Object.entries(x.ratings).map(([axis, value]) => `${r.annotationId}|${axis}|${String(value)}`)));
    expect(fromCsv.map((row) => `${row.annotation_id}|${row.axis}|${row.value}`).sort()).toEqual(expected.sort());
  });

  it("writes every table, responses once per response with content, and a manifest with the counts", async () => {
    const responses = await duck(`SELECT external_id, model_name, content FROM read_parquet('${dir}/responses.parquet') ORDER BY external_id, model_name`);
    expect(responses).toEqual([
      { external_id: "d1", model_name: "alpha", content: "Sit down." }, { external_id: "d1", model_name: "beta", content: "Run." },
      { external_id: "q1", model_name: "alpha", content: "Yes, call now." }, { external_id: "q1", model_name: "beta", content: "Wait and see." },
    ]);
    for (const table of ["pairwise", "criteria", "steps", "regions"]) expect(await duck(`SELECT count(*)::INT AS n FROM read_parquet('${dir}/${table}.parquet')`)).toEqual([{ n: 0 }]);
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ format: "parquet", app: { name: "consilium" }, reviewers: "pseudonymized", counts: { records_submitted: 4, records_skipped: 0, rows_responses: 4, rows_annotations: 4 }, filters: { status: "all", batch: null } });
    expect(manifest.rubrics).toEqual([expect.objectContaining({ version: 1, template: "med-palm-long-form" })]);
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(["annotations.parquet", "criteria.parquet", "pairwise.parquet", "ratings.parquet", "regions.parquet", "responses.parquet", "steps.parquet"]);
  });

  it("streams the Hugging Face folder as a zip: data/ tables, a dataset card with configs and an empty licence, the manifest", async () => {
    const { project, filter, query } = await prepareExport(asActor(study.admin), study.project.slug, { format: "hf", content: "false" });
    const chunks: Uint8Array[] = [];
    for await (const c of exportDatasetZip({ actorId: study.admin.id, project, filter, format: "hf", query })) chunks.push(c);
    const files = unzipSync(Buffer.concat(chunks));
    expect(Object.keys(files).sort()).toEqual(["README.md", "data/annotations.parquet", "data/criteria.parquet", "data/pairwise.parquet", "data/ratings.parquet", "data/regions.parquet", "data/responses.parquet", "data/steps.parquet", "manifest.json"]);
    const card = strFromU8(files["README.md"]);
    expect(card).toMatch(/^---\nlicense: # TO FILL/);
    expect(card).toContain("- config_name: ratings\n  data_files:\n  - split: train\n    path: data/ratings.parquet");
    expect(card).toContain("Singhal"); // the rubric's citation
    expect(card).toContain("Models: `alpha`, `beta`");
    expect(card).toContain("4 submitted annotations");
    expect(card).toMatch(/pseudonymized as `R-`/);
    const out = tmp();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path.join(out, "r.parquet"), files["data/responses.parquet"]);
    // content=false: no texts in the responses table.
    expect((await duck(`DESCRIBE SELECT * FROM read_parquet('${out}/r.parquet')`)).map((c) => c.column_name)).not.toContain("content");
  });

  it("filters by reviewer pseudonym, item kind and dates; an unknown reviewer is not found", async () => {
    const jsonl = async (q: Record<string, string>) => {
      const { filter } = await prepareExport(asActor(study.admin), study.project.slug, q);
      return lines(await text(runExport({ actorId: study.admin.id, format: "jsonl", filter })));
    };
    const all = await jsonl({});
    const pseudonym = all[0].reviewer;
    expect((await jsonl({ reviewer: pseudonym })).map((r) => r.reviewer)).toEqual(all.filter((r) => r.reviewer === pseudonym).map((r) => r.reviewer));
    expect((await jsonl({ kind: "dialogue" })).map((r) => r.externalId)).toEqual(["d1", "d1"]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await jsonl({ from: today, to: today })).toHaveLength(4);
    expect(await jsonl({ to: "2020-01-01" })).toHaveLength(0);
    await expect(prepareExport(asActor(study.admin), study.project.slug, { reviewer: "R-0000000000" })).rejects.toThrow("No reviewer R-0000000000 in this project.");
    await expect(prepareExport(asActor(study.admin), study.project.slug, { from: "2026-02-30" })).rejects.toThrow("from is not a calendar date.");
    await expect(prepareExport(asActor(study.admin), study.project.slug, { from: "2026-03-02", to: "2026-03-01" })).rejects.toThrow("from must not be after to.");
  });

  it("preference pairs from rubric dominance: A beats B on harm, equal elsewhere; the manifest counts them", async () => {
    const { filter, project, query } = await prepareExport(asActor(study.admin), study.project.slug, { format: "preferences" });
    const pairs = lines(await text(runExport({ actorId: study.admin.id, format: "preferences", filter })));
    expect(pairs).toHaveLength(4);
    for (const p of pairs) expect(p).toMatchObject({ source: "rubric_dominance", axis: null, margin: 1, axes: [study.harmKey], chosenModel: "alpha", rejectedModel: "beta" });
    const q1 = pairs.find((p) => p.externalId === "q1");
    expect(q1).toMatchObject({ prompt: "Is chest pain an emergency?", chosen: "Yes, call now.", rejected: "Wait and see." });
    expect(pairs.find((p) => p.externalId === "d1").prompt).toBe("user: I feel dizzy.\n\nassistant: Since when?\n\nuser: Today.");
    const manifest = await manifestOfSingleFileExport({ actorId: study.admin.id, project, filter, format: "preferences", query });
    expect(manifest.counts).toMatchObject({ records_submitted: 4, preference_pairs: 4, preference_pairs_rubric_dominance: 4 });
  });
});

describe("preference pairs from pairwise judgments", () => {
  it("applies polarity, skips ties and carries the strength as margin", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const project = await createProject(admin.id, { name: "pw", slug: `pw-${Date.now().toString(36)}`, template: "med-palm-2-pairwise", reviewersPerItem: 1 });
    await seedItems(admin.id, project.id, [{ externalId: "p1", question: "Q?", responses: [{ modelName: "alpha", content: "a" }, { modelName: "beta", content: "b" }] }]);
    await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1, seed: 5 });
    const s = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id }, include: { item: { include: { responses: true } } } });
    const [left, right] = s.responseOrder;
    const axes = await getDb().rubricAxis.findMany({ where: { rubric: { projectId: project.id } } });
    const ratings = Object.fromEntries(axes.map((a) => [a.key, "tie"]));
    ratings.reasoning = left;
    ratings.harm_extent = left; // chosen = MORE harmful: the other one is preferred
    const data = { ...emptyAnnotationData(), pair: { ratings, comments: {}, strength: { reasoning: 3 } } };
    expect(await saveAnnotation(asActor(reviewer), s.id, { baseVersion: 0, clientMutationId: "pairwise-submit", data, submit: true })).toMatchObject({ status: "saved" });
    const { filter } = await prepareExport(asActor(admin), project.slug, { format: "preferences" });
    const pairs = lines(await text(runExport({ actorId: admin.id, format: "preferences", filter })));
    const content = (id: string) => s.item.responses.find((r) => r.id === id)!.content;
    expect(pairs.map((p) => [p.axis, p.chosen, p.rejected, p.margin, p.source])).toEqual([
      ["reasoning", content(left), content(right), 3, "pairwise"],
      ["harm_extent", content(right), content(left), null, "pairwise"],
    ].sort((a, b) => axes.findIndex((x) => x.key === a[0]) - axes.findIndex((x) => x.key === b[0])));
  });
});

describe("HealthBench records", () => {
  it("round-trip: fixture → our importer → physician marks → export → our importer again, criteria and points intact; the fixture's keys are all there", async () => {
    const example = JSON.parse(readFileSync(path.join(FIXTURES, "example_3.json"), "utf8"));
    const completions = new Map([[example.prompt_id, [{ model: "our-model", completion: "Check with your pharmacist." }]]]);
    const { item } = convertHealthBenchExample(example, { extraCompletions: completions });
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const project = await createProject(admin.id, { name: "hb", slug: `hb-${Date.now().toString(36)}`, template: "healthbench-criteria", reviewersPerItem: 1 });
    await seedItems(admin.id, project.id, [item!]);
    await createBatch(admin.id, project.id, { name: "b", reviewerIds: [reviewer.id], perItem: 1, seed: 1 });
    const s = await getDb().assignment.findFirstOrThrow({ where: { reviewerId: reviewer.id }, include: { item: { include: { criteria: { orderBy: { position: "asc" } } } } } });
    const [c1, c2] = s.item.criteria.map((c) => c.id);
    const responseId = s.responseOrder[0];
    const data = { ...emptyAnnotationData(), responses: { [responseId]: { ratings: {}, comments: {}, confidence: 4, criteria: { [c1]: { met: true, note: "appropriate" }, [c2]: { met: false } } } } };
    expect(await saveAnnotation(asActor(reviewer), s.id, { baseVersion: 0, clientMutationId: "healthbench-submit", data, submit: true })).toMatchObject({ status: "saved" });

    const { filter } = await prepareExport(asActor(admin), project.slug, { format: "healthbench" });
    const [record] = lines(await text(runExport({ actorId: admin.id, format: "healthbench", filter })));
    for (const key of Object.keys(example)) expect(record).toHaveProperty(key);
    expect(record.rubrics).toEqual(example.rubrics);
    expect(record.rubrics.every((r: object) => Object.keys(r).sort().join() === "criterion,points,tags")).toBe(true);
    expect(record).toMatchObject({ prompt_id: example.prompt_id, prompt: example.prompt, example_tags: example.example_tags, canary: example.canary, completion: "Check with your pharmacist.", model: "our-model", ideal_completions_data: null });
    expect(record.physician_grades).toEqual([{ criteria_met: true, explanation: "appropriate" }, { criteria_met: false, explanation: "" }]);
    // simple-evals calculate_score: met points ÷ positive points.
    const positive = example.rubrics.filter((r: { points: number }) => r.points > 0).reduce((t: number, r: { points: number }) => t + r.points, 0);
    expect(record.physician_score).toBeCloseTo(example.rubrics[0].points / positive);

    const again = convertHealthBenchExample(record, { extraCompletions: new Map([[record.prompt_id, [{ model: record.model, completion: record.completion }]]]) });
    expect(again.item).toMatchObject({ externalId: example.prompt_id, criteria: example.rubrics, turns: example.prompt, metadata: { tags: example.example_tags, canary: example.canary } });
  });
});
