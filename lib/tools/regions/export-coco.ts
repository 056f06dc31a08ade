import type { ExportRecord } from "@/lib/export/record-schema";
import type { RegionLabel } from "./labels";
import { outlineOf, type Pt } from "./shapes";

// The reviewers' regions as one COCO-style JSON file (issue 13): `images` (one per item image that a
// region or a model's localization is on, with the size the reviewer's browser decoded),
// `categories` (the project's labels, then "measurement" and "unlabelled" when used),
// `annotations` (one per region a reviewer drew: boxes and polygons with `segmentation`, points and
// measurements as `keypoints`; the reviewer, the annotation and a link in `attributes`) and
// `predictions` (each model localization as COCO's results format gives detections, with the model
// and, per review, the reviewer's verdict). Annotations are written as records stream in; images,
// categories and predictions are kept until the end, so memory grows with the number of images and
// localizations, not of annotations.

type Category = { id: number; name: string; supercategory: string };
type ImageEntry = { id: number; file_name: string; width: number | null; height: number | null; item_id: string; external_id: string; image_index: number };

const flat = (points: readonly Pt[]) => points.flatMap(([x, y]) => [x, y]);

export async function* cocoChunks(records: AsyncIterable<ExportRecord | readonly ExportRecord[]>, opts: { labels: readonly RegionLabel[]; onRecord?: () => void; counts?: Record<string, number> }): AsyncGenerator<string> {
  const categories = new Map<string, Category>(opts.labels.map((l, i) => [l.key, { id: i + 1, name: l.key, supercategory: l.name }]));
  const categoryOf = (key: string, supercategory = "region") => categories.get(key) ?? categories.set(key, { id: categories.size + 1, name: key, supercategory }).get(key)!;
  const images = new Map<string, ImageEntry>();
  const imageOf = (record: ExportRecord, index: number, src: string, size?: [number, number]) => {
    const key = `${record.itemId}#${index}`;
    const known = images.get(key);
    if (known) {
      if (size && known.width === null) [known.width, known.height] = size;
      return known.id;
    }
    const entry: ImageEntry = { id: images.size + 1, file_name: src, width: size?.[0] ?? null, height: size?.[1] ?? null, item_id: record.itemId, external_id: record.externalId, image_index: index };
    images.set(key, entry);
    return entry.id;
  };
  const predictions: object[] = [];
  let annotations = 0;
  yield `{"info":${JSON.stringify({ description: "Consilium regions (COCO format)", version: "1.0", date_created: new Date().toISOString() })},"licenses":[],"annotations":[`;
  for await (const item of records) {
    let chunk = "";
    for (const record of Array.isArray(item) ? (item as readonly ExportRecord[]) : [item as ExportRecord]) {
      opts.onRecord?.();
      if (record.status !== "submitted") continue;
      for (const r of record.regions ?? []) {
        const size = r.imageWidth && r.imageHeight ? ([r.imageWidth, r.imageHeight] as [number, number]) : undefined;
        const category = r.kind === "line" ? categoryOf("measurement", "measurement") : categoryOf(r.label ?? "unlabelled");
        const points = r.points as Pt[];
        const geometry = r.kind === "box" || r.kind === "polygon" ? { segmentation: [flat(outlineOf(r.kind, points))] } : { keypoints: points.flatMap(([x, y]) => [x, y, 2]), num_keypoints: points.length };
        const annotation = {
          id: ++annotations, image_id: imageOf(record, r.image, r.imageSrc, size), category_id: category.id, bbox: r.bbox, area: r.area, iscrowd: 0, ...geometry,
          attributes: { annotation_id: record.annotationId, reviewer: record.reviewer, region_id: r.id, kind: r.kind, ...(r.lengthPx !== undefined ? { length_px: r.lengthPx, length_mm: r.lengthMm } : {}), ...(r.link ? { link: { response_id: r.link.responseId, model: r.link.modelName, sentence: r.link.sentence, text: r.link.text } } : {}), ...(r.note ? { note: r.note } : {}) },
        };
        chunk += (annotations === 1 ? "" : ",") + JSON.stringify(annotation);
      }
      for (const response of record.responses) {
        for (const m of response.modelRegions ?? []) {
          predictions.push({
            image_id: imageOf(record, m.image, m.imageSrc ?? `${record.externalId}#${m.image}`),
            category_id: categoryOf(m.label ?? "unlabelled").id, bbox: m.bbox, score: m.score,
            ...(m.polygon ? { segmentation: [flat(m.polygon as Pt[])] } : m.point ? { keypoints: [...m.point, 2] } : {}),
            attributes: { model: response.modelName, response_id: response.responseId, number: m.number, annotation_id: record.annotationId, reviewer: record.reviewer, verdict: m.verdict, ...(m.note ? { note: m.note } : {}) },
          });
        }
      }
    }
    if (chunk) yield chunk;
  }
  if (opts.counts) Object.assign(opts.counts, { coco_annotations: annotations, coco_images: images.size, coco_predictions: predictions.length });
  yield `],"images":${JSON.stringify([...images.values()])},"categories":${JSON.stringify([...categories.values()])},"predictions":${JSON.stringify(predictions)}}\n`;
}
