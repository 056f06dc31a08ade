import type { Actor } from "@/lib/auth/permissions";
import { streamAnnotationRecords } from "@/lib/export/annotation-records";
import type { SubmittedRecord } from "@/lib/export/record-schema";
import { findVisibleBatchIds } from "@/lib/projects/access";
import { wilsonInterval, type Proportion } from "@/lib/tools/steps/metrics";
import { bestOverlap, IOU_THRESHOLD, matchMarks, type Mark } from "./agreement";
import { modelShape } from "./shapes";

// Region results (issue 13), from the export's records (each review counts):
// - per model, the reviewers' verdicts on its own localizations, and how they overlap the regions
//   the same reviewer drew: mean best IoU, the share of localizations that hit a reviewer's region
//   (IoU ≥ 0.5, or a point inside it) and the share of reviewers' regions some localization hit;
// - between reviewers of the same item, one-to-one matched regions (lib/tools/regions/agreement.ts):
//   mean F1 over reviewer pairs, the matched pairs' mean IoU, and F1 by label.

export type RegionModelResult = {
  model: string;
  localizations: number;
  judged: number;
  correct: Proportion;
  partly: Proportion;
  incorrect: Proportion;
  /** Mean best IoU of a localization against the reviewer's regions (boxes and polygons), over localizations and reviewers. */
  meanIoU: number | null;
  hits: Proportion;
  /** Of the reviewers' regions, those some localization of this model hit. */
  found: Proportion;
};

export type RegionAgreement = {
  items: number;
  pairs: number;
  meanF1: number | null;
  meanIoU: number | null;
  byLabel: Array<{ label: string; pairs: number; meanF1: number | null }>;
};

export type RegionResults = { models: RegionModelResult[]; agreement: RegionAgreement };

type Regions = NonNullable<SubmittedRecord["regions"]>;
const marksOf = (regions: Regions): Mark[] =>
  regions.map((s) => ({ image: s.image, kind: s.kind, points: s.points as Mark["points"], label: s.label, ...(s.imageWidth && s.imageHeight ? { size: [s.imageWidth, s.imageHeight] as const } : {}) }));

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

type ModelTally = { n: number; judged: number; correct: number; partly: number; incorrect: number; ious: number[]; hits: number; compared: number; found: number; reviewerRegions: number };

export async function loadRegionResults(actor: Actor, projectId: string): Promise<RegionResults> {
  await findVisibleBatchIds(actor, projectId, "project:read");
  const byModel = new Map<string, ModelTally>();
  const byItem = new Map<string, Mark[][]>();
  for await (const record of streamAnnotationRecords({ projectId, withTool: "regions" })) {
    if (record.status !== "submitted") continue;
    const own = marksOf(record.regions ?? []);
    if (record.regions?.length) byItem.set(record.itemId, [...(byItem.get(record.itemId) ?? []), own]);
    for (const r of record.responses) {
      if (!r.modelRegions?.length) continue;
      const t = byModel.get(r.modelName) ?? byModel.set(r.modelName, { n: 0, judged: 0, correct: 0, partly: 0, incorrect: 0, ious: [], hits: 0, compared: 0, found: 0, reviewerRegions: 0 }).get(r.modelName)!;
      const model: Mark[] = r.modelRegions.map((m) => {
        const shape = m.polygon ? modelShape({ image: m.image, polygon: m.polygon as Mark["points"] }) : m.point ? modelShape({ image: m.image, point: m.point as Mark["points"][number] }) : modelShape({ image: m.image, box: m.bbox });
        return { ...shape, image: m.image, label: null };
      });
      for (const m of r.modelRegions) {
        t.n++;
        if (!m.verdict) continue;
        t.judged++;
        t[m.verdict]++;
      }
      const drawn = own.filter((m) => m.kind !== "line");
      if (!drawn.length) continue;
      for (const m of model) {
        const best = bestOverlap(m, drawn);
        if (best === null) continue;
        t.compared++;
        if (m.kind !== "point") t.ious.push(best);
        if (best >= IOU_THRESHOLD) t.hits++;
      }
      t.reviewerRegions += drawn.length;
      t.found += drawn.filter((d) => model.some((m) => (bestOverlap(d, [m]) ?? 0) >= IOU_THRESHOLD)).length;
    }
  }
  const models = [...byModel]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([model, t]) => ({
      model,
      localizations: t.n,
      judged: t.judged,
      correct: wilsonInterval(t.correct, t.judged),
      partly: wilsonInterval(t.partly, t.judged),
      incorrect: wilsonInterval(t.incorrect, t.judged),
      meanIoU: mean(t.ious),
      hits: wilsonInterval(t.hits, t.compared),
      found: wilsonInterval(t.found, t.reviewerRegions),
    }));
  return { models, agreement: reviewerAgreement(byItem) };
}

/** F1 and IoU over every pair of reviewers of each item that two or more marked. */
export function reviewerAgreement(byItem: ReadonlyMap<string, Mark[][]>): RegionAgreement {
  const f1s: number[] = [];
  const ious: number[] = [];
  const labelF1 = new Map<string, number[]>();
  let items = 0;
  for (const sets of byItem.values()) {
    if (sets.length < 2) continue;
    items++;
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const m = matchMarks(sets[i]!, sets[j]!);
        if (m.f1 === null) continue;
        f1s.push(m.f1);
        for (const p of m.matched) if (p.iou !== null) ious.push(p.iou);
        const labels = new Set([...sets[i]!, ...sets[j]!].flatMap((x) => (x.label && x.kind !== "line" ? [x.label] : [])));
        for (const label of labels) {
          const only = (s: Mark[]) => s.filter((x) => x.label === label);
          const f1 = matchMarks(only(sets[i]!), only(sets[j]!)).f1;
          if (f1 !== null) labelF1.set(label, [...(labelF1.get(label) ?? []), f1]);
        }
      }
    }
  }
  return {
    items,
    pairs: f1s.length,
    meanF1: mean(f1s),
    meanIoU: mean(ious),
    byLabel: [...labelF1].sort(([a], [b]) => a.localeCompare(b)).map(([label, xs]) => ({ label, pairs: xs.length, meanF1: mean(xs) })),
  };
}
