import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { saveAnnotation } from "@/lib/annotations/save-annotation";
import { getDb } from "@/lib/db/client";
import { exportRecordSchema } from "@/lib/export/record-schema";
import { runExport } from "@/lib/export/run-export";
import { prepareExport } from "@/lib/export/prepare-export";
import { writeDatasetFolder } from "@/lib/export/run-dataset-export";
import { DuckDBInstance } from "@duckdb/node-api";
import { importItems } from "@/lib/import/import-items";
import { readProjectSettings } from "@/lib/projects/settings";
import { updateProjectSettings } from "@/lib/projects/update-settings";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { asActor } from "@/test/support/study";
import { collectText, jsonLines } from "@/test/support/streams";
import { regionLabelsFromText } from "./labels";
import type { ModelVerdict, RegionShape } from "./shapes";
import { loadRegionResults } from "./results";

// Issue 13, regions on images: reviewers draw labelled regions and measurements, link them to the
// responses' sentences and judge the models' own localizations; exports, results and agreement follow.

async function regionStudy(opts: { reviewers: number }) {
  const admin = await seedUser({ role: "ADMIN" });
  const reviewers = await Promise.all(Array.from({ length: opts.reviewers }, () => seedUser({ role: "REVIEWER" })));
  const project = await seedProject(admin.id, { reviewersPerItem: opts.reviewers });
  const settings = readProjectSettings((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).settings);
  await updateProjectSettings(asActor(admin), project.id, { ...settings, regions: { enabled: true, labels: regionLabelsFromText("Nodule\nEffusion #0891b2") } });
  const imported = await importItems({
    actorId: admin.id,
    projectId: project.id,
    lines: jsonLines([{
      kind: "vqa", externalId: "cxr-1", question: "Where is the nodule?",
      images: [{ src: "study/cxr-1.png", modality: "X-ray", spacing: 0.5 }, { src: "study/cxr-1-lat.png", spacing: [0.4, 0.6] }],
      responses: [
        { modelName: "loc-a", content: "There is a nodule in the right upper lobe. No effusion.", regions: [{ image: 0, label: "nodule", box: [100, 100, 50, 50], score: 0.9 }, { image: 0, point: [300, 300] }] },
        { modelName: "loc-b", content: "Normal film." },
      ],
    }]),
  });
  expect(imported).toMatchObject({ ok: true, imported: 1 });
  await createBatch(admin.id, project.id, { name: "B", reviewerIds: reviewers.map((r) => r.id), perItem: opts.reviewers, seed: 1 });
  const assignments = await Promise.all(reviewers.map((r) => getDb().assignment.findFirstOrThrow({ where: { reviewerId: r.id } })));
  return { admin, reviewers, project, assignments };
}

const empty = { responses: {}, item: { ratings: {}, comments: {} }, overallComment: "" };

async function ratingsFor(projectId: string, responseIds: string[]) {
  const axes = await getDb().rubricAxis.findMany({ where: { rubric: { projectId }, appliesTo: "RESPONSE" } });
  return Object.fromEntries(responseIds.map((id) => [id, { ratings: Object.fromEntries(axes.map((x) => [x.key, (x.options as Array<{ value: string }>)[0].value])), comments: {} }]));
}

describe("regions on images", () => {
  // The images exist (imports check): two PNG signatures in a private image directory.
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), "consilium-regions-"));
    mkdirSync(path.join(dir, "study"));
    for (const f of ["cxr-1.png", "cxr-1-lat.png"]) writeFileSync(path.join(dir, "study", f), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    process.env.CONSILIUM_IMAGE_DIR = dir;
  });
  afterAll(() => {
    delete process.env.CONSILIUM_IMAGE_DIR;
  });

  it("checks regions against the item, the labels and the sentences; exports them with lengths in mm, links and verdicts", async () => {
    const { admin, reviewers, project, assignments } = await regionStudy({ reviewers: 1 });
    const reviewer = reviewers[0]!;
    const assignment = assignments[0]!;
    const payload = await loadAssignmentForReview(asActor(reviewer), assignment.id);
    expect(payload.tools).toContain("regions");
    const review = payload.regionReview!;
    expect(review.labels.map((l) => l.key)).toEqual(["nodule", "effusion"]);
    expect(review.spacing).toEqual([[0.5, 0.5], [0.4, 0.6]]);
    const localizing = review.responses.find((r) => r.modelRegions.length)!;
    const plain = review.responses.find((r) => !r.modelRegions.length)!;
    expect(localizing.sentences).toEqual(["There is a nodule in the right upper lobe.", "No effusion."]);
    expect(localizing.modelRegions[0]).toEqual({ image: 0, label: "nodule", box: [100, 100, 50, 50], score: 0.9 });
    // Blinded: the payload never names the models.
    expect(JSON.stringify(payload)).not.toMatch(/loc-a|loc-b/);

    const save = (data: object, submit = false) => saveAnnotation(asActor(reviewer), assignment.id, { baseVersion: 0, clientMutationId: `c-${Math.random()}`, data: { ...empty, ...data }, submit });
    const sizes = { "0": [512, 512], "1": [400, 300] };
    const bad = await save({
      regions: {
        sizes,
        shapes: [
          { id: "a", image: 2, kind: "point", points: [[1, 1]] },
          { id: "b", image: 0, kind: "box", points: [[10, 10], [600, 40]], label: "nodule" },
          { id: "c", image: 0, kind: "box", points: [[10, 10], [20, 20]], label: "mass" },
          { id: "d", image: 0, kind: "point", points: [[5, 5]], link: { responseId: localizing.id, sentence: 5 } },
          { id: "d", image: 0, kind: "box", points: [[5, 5], [5, 40]] },
        ],
        model: { [plain.id]: { "0": { verdict: "correct" } }, [localizing.id]: { "2": { verdict: "correct" } } },
      },
    });
    expect(bad.status === "invalid" && bad.problems.map((p) => p.message)).toEqual([
      "Region 1: the item has 2 images; there is no image 3.",
      "Region 2 reaches outside the image (512 × 512 pixels).",
      'Region 3: "mass" is not one of the project\'s region labels (nodule, effusion).',
      "Region 4 links to sentence 6; the response has 2.",
      "Region 5: another region has the id d.",
      "Region 5 has no extent: draw it at least a pixel wide.",
      "This response marks no regions in this review.",
      "The response marks 2 regions; there is no region 3.",
    ]);
    // A polygon needs three points: the document's own schema refuses fewer.
    await expect(save({ regions: { shapes: [{ id: "p", image: 0, kind: "polygon", points: [[1, 1], [2, 2]] }] } })).rejects.toThrow();

    const shapes = [
      { id: "n1", image: 0, kind: "box", points: [[160, 150], [98, 102]], label: "nodule", link: { responseId: localizing.id, sentence: 0 } },
      { id: "m1", image: 1, kind: "line", points: [[0, 0], [30, 40]], note: "Nodule diameter" },
      { id: "p1", image: 0, kind: "polygon", points: [[300, 300], [340, 300], [320, 340]] },
    ];
    const responses = await ratingsFor(project.id, [localizing.id, plain.id]);
    const early = await save({ responses, regions: { sizes, shapes, model: { [localizing.id]: { "0": { verdict: "correct" } } } } }, true);
    expect(early.status === "invalid" && early.problems.map((p) => p.message)).toEqual(["Region 3 needs a label.", expect.stringMatching(/^Response [AB]: 1 of the model's region is not judged\.$/)]);
    shapes[2]!.label = "effusion";
    const done = await save({ responses, regions: { sizes, shapes, model: { [localizing.id]: { "0": { verdict: "correct" }, "1": { verdict: "incorrect", note: "Nothing there." } } } } }, true);
    expect(done).toMatchObject({ status: "saved" });

    const [record] = (await collectText(runExport({ actorId: admin.id, format: "jsonl", filter: { projectId: project.id } }))).trim().split("\n").map((l) => JSON.parse(l));
    expect(exportRecordSchema.parse(record)).toEqual(record);
    expect(record.regions).toEqual([
      { number: 1, id: "n1", image: 0, imageSrc: "study/cxr-1.png", imageWidth: 512, imageHeight: 512, kind: "box", label: "nodule", points: [[160, 150], [98, 102]], bbox: [98, 102, 62, 48], area: 2976,
        link: { responseId: localizing.id, label: expect.stringMatching(/^[AB]$/), modelName: "loc-a", sentence: 1, text: "There is a nodule in the right upper lobe." } },
      // 30 px across at 0.6 mm and 40 px down at 0.4 mm: √(18² + 16²) = 24.08 mm; 50 px.
      { number: 2, id: "m1", image: 1, imageSrc: "study/cxr-1-lat.png", imageWidth: 400, imageHeight: 300, kind: "line", label: null, points: [[0, 0], [30, 40]], bbox: [0, 0, 30, 40], area: 0, lengthPx: 50, lengthMm: 24.08, note: "Nodule diameter" },
      { number: 3, id: "p1", image: 0, imageSrc: "study/cxr-1.png", imageWidth: 512, imageHeight: 512, kind: "polygon", label: "effusion", points: [[300, 300], [340, 300], [320, 340]], bbox: [300, 300, 40, 40], area: 800 },
    ]);
    const ra = record.responses.find((r: { modelName: string }) => r.modelName === "loc-a");
    expect(ra.modelRegions).toEqual([
      { number: 1, image: 0, imageSrc: "study/cxr-1.png", kind: "box", label: "nodule", bbox: [100, 100, 50, 50], score: 0.9, verdict: "correct" },
      { number: 2, image: 0, imageSrc: "study/cxr-1.png", kind: "point", label: null, bbox: [300, 300, 0, 0], point: [300, 300], score: null, verdict: "incorrect", note: "Nothing there." },
    ]);
    expect(record.responses.find((r: { modelName: string }) => r.modelName === "loc-b").modelRegions).toBeUndefined();

    const csv = await collectText(runExport({ actorId: admin.id, format: "csv", filter: { projectId: project.id } }));
    expect(csv).toContain(",region:1,box,nodule,,");
    expect(csv).toContain(',region:1,bbox,"[98,102,62,48]",,');
    expect(csv).toContain(",region:2,length_mm,24.08,,");
    expect(csv).toMatch(/,loc-a,[^\n]*,region:1,linked_sentence,1,There is a nodule in the right upper lobe\.,/);
    expect(csv).toContain(",model_region:2,verdict,incorrect,Nothing there.,");

    // COCO: one image entry per image with regions (size from the reviewer's browser), the project's
    // labels as categories (then "measurement"), boxes and polygons as segmentations, points and
    // measurements as keypoints; the models' localizations as predictions with the verdicts.
    const coco = JSON.parse(await collectText(runExport({ actorId: admin.id, format: "coco", filter: { projectId: project.id } })));
    expect(coco.images).toEqual([
      { id: 1, file_name: "study/cxr-1.png", width: 512, height: 512, item_id: record.itemId, external_id: "cxr-1", image_index: 0 },
      { id: 2, file_name: "study/cxr-1-lat.png", width: 400, height: 300, item_id: record.itemId, external_id: "cxr-1", image_index: 1 },
    ]);
    expect(coco.categories).toEqual([{ id: 1, name: "nodule", supercategory: "Nodule" }, { id: 2, name: "effusion", supercategory: "Effusion" }, { id: 3, name: "measurement", supercategory: "measurement" }, { id: 4, name: "unlabelled", supercategory: "region" }]);
    expect(coco.annotations.map((a: { id: number; image_id: number; category_id: number; bbox: number[]; segmentation?: number[][]; keypoints?: number[] }) => [a.id, a.image_id, a.category_id, a.bbox, a.segmentation ?? a.keypoints])).toEqual([
      [1, 1, 1, [98, 102, 62, 48], [[98, 102, 160, 102, 160, 150, 98, 150]]],
      [2, 2, 3, [0, 0, 30, 40], [0, 0, 2, 30, 40, 2]],
      [3, 1, 2, [300, 300, 40, 40], [[300, 300, 340, 300, 320, 340]]],
    ]);
    expect(coco.annotations[1].attributes).toMatchObject({ kind: "line", length_px: 50, length_mm: 24.08, note: "Nodule diameter", reviewer: record.reviewer });
    expect(coco.annotations[0].attributes.link).toEqual({ response_id: localizing.id, model: "loc-a", sentence: 1, text: "There is a nodule in the right upper lobe." });
    expect(coco.predictions.map((p: { image_id: number; category_id: number; bbox: number[]; score: number | null; attributes: { model: string; verdict: string } }) => [p.image_id, p.category_id, p.bbox, p.score, p.attributes.model, p.attributes.verdict])).toEqual([
      [1, 1, [100, 100, 50, 50], 0.9, "loc-a", "correct"],
      [1, 4, [300, 300, 0, 0], null, "loc-a", "incorrect"],
    ]);

    // Parquet: the regions table, read back by DuckDB.
    const dir = mkdtempSync(path.join(tmpdir(), "consilium-regions-parquet-"));
    const prepared = await prepareExport(asActor(admin), project.slug, { format: "parquet" });
    await writeDatasetFolder({ actorId: admin.id, project: prepared.project, filter: prepared.filter, format: "parquet", query: prepared.query, dir });
    const db = await DuckDBInstance.create(":memory:");
    const c = await db.connect();
    const rows = (await c.runAndReadAll(`SELECT source, model_name, number, kind, label, length_mm, verdict, link_sentence FROM read_parquet('${dir}/regions.parquet') ORDER BY source DESC, number`)).getRowObjectsJson();
    c.closeSync();
    expect(rows).toEqual([
      { source: "reviewer", model_name: null, number: 1, kind: "box", label: "nodule", length_mm: null, verdict: null, link_sentence: 1 },
      { source: "reviewer", model_name: null, number: 2, kind: "line", label: null, length_mm: 24.08, verdict: null, link_sentence: null },
      { source: "reviewer", model_name: null, number: 3, kind: "polygon", label: "effusion", length_mm: null, verdict: null, link_sentence: null },
      { source: "model", model_name: "loc-a", number: 1, kind: "box", label: "nodule", length_mm: null, verdict: "correct", link_sentence: null },
      { source: "model", model_name: "loc-a", number: 2, kind: "point", label: null, length_mm: null, verdict: "incorrect", link_sentence: null },
    ]);

    // A label reviewers use cannot be removed from the project's set; an unused one can.
    const settings = readProjectSettings((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).settings);
    await expect(updateProjectSettings(asActor(admin), project.id, { ...settings, regions: { enabled: true, labels: regionLabelsFromText("Effusion") } })).rejects.toThrow('Reviewers\' regions use the label "nodule": keep it in the region labels.');
    await updateProjectSettings(asActor(admin), project.id, { ...settings, regions: { enabled: true, labels: regionLabelsFromText("Nodule\nEffusion\nMass") } });
  });

  it("sums verdicts and overlaps per model, and agreement between reviewers by IoU", async () => {
    const { admin, reviewers, project, assignments } = await regionStudy({ reviewers: 2 });
    const payload = await loadAssignmentForReview(asActor(reviewers[0]!), assignments[0]!.id);
    const localizing = payload.regionReview!.responses.find((r) => r.modelRegions.length)!;
    const ids = payload.regionReview!.responses.map((r) => r.id);
    const responses = await ratingsFor(project.id, ids);
    const submit = (i: number, shapes: RegionShape[], verdicts: [ModelVerdict, ModelVerdict]) =>
      saveAnnotation(asActor(reviewers[i]!), assignments[i]!.id, {
        baseVersion: 0, clientMutationId: `c-${Math.random()}`, submit: true,
        data: { ...empty, responses, regions: { sizes: { "0": [512, 512] }, shapes, model: { [localizing.id]: { "0": { verdict: verdicts[0] }, "1": { verdict: verdicts[1] } } } } },
      });
    // Reviewer 1: the nodule exactly where the model put it, and a point. Reviewer 2: the nodule
    // shifted by half its width (IoU 1/3: no match) and an effusion polygon reviewer 1 did not draw.
    expect(await submit(0, [{ id: "a", image: 0, kind: "box", points: [[100, 100], [150, 150]], label: "nodule" }, { id: "b", image: 0, kind: "point", points: [[400, 400]], label: "nodule" }], ["correct", "incorrect"])).toMatchObject({ status: "saved" });
    expect(await submit(1, [{ id: "a", image: 0, kind: "box", points: [[125, 100], [175, 150]], label: "nodule" }, { id: "b", image: 0, kind: "point", points: [[405, 398]], label: "nodule" }, { id: "c", image: 0, kind: "polygon", points: [[0, 0], [100, 0], [0, 100]], label: "effusion" }], ["partly", "incorrect"])).toMatchObject({ status: "saved" });

    const { models, agreement } = await loadRegionResults(asActor(admin), project.id);
    expect(models).toHaveLength(1);
    const m = models[0]!;
    expect(m).toMatchObject({ model: "loc-a", localizations: 4, judged: 4 });
    expect([m.correct.count, m.partly.count, m.incorrect.count]).toEqual([1, 1, 2]);
    // Box against reviewer 1's box: IoU 1; against reviewer 2's: 1/3. The point lies in neither's regions.
    expect(m.meanIoU).toBeCloseTo((1 + 1 / 3) / 2, 6);
    expect([m.hits.count, m.hits.n]).toEqual([1, 4]);
    // Of the reviewers' 5 regions, the model's box hit reviewer 1's box only.
    expect([m.found.count, m.found.n]).toEqual([1, 5]);
    // Matched: the two points (within 10 px). Unmatched: the shifted boxes and the polygon: F1 = 2·1 / (2 + 3).
    expect(agreement).toMatchObject({ items: 1, pairs: 1, meanF1: 0.4, meanIoU: null });
    expect(agreement.byLabel).toEqual([{ label: "effusion", pairs: 1, meanF1: 0 }, { label: "nodule", pairs: 1, meanF1: 0.5 }]);
  });
});
