import type { AnnotationData } from "@/lib/annotations/schema";
import type { ExportResponseRecord, SubmittedRecord } from "@/lib/export/record-schema";
import { csvValue } from "../export-values";
import type { CsvRow, ExportContext } from "../types";
import { linkSentences } from "./sentences";
import { areaOf, bboxOf, lengthOf, modelShape, type ModelVerdict, type Spacing } from "./shapes";

const round = (v: number, places = 2) => Math.round(v * 10 ** places) / 10 ** places;

/**
 * The reviewer's regions on the record (each with its box, area, length for measurements — in mm
 * when the image gives its spacing — and the sentence it is linked to), and the verdicts on each
 * model's own localizations on its response.
 */
export const regionsExport = {
  id: "regions" as const,
  record(doc: AnnotationData, ctx: ExportContext): Partial<SubmittedRecord> {
    const shapes = doc.regions?.shapes;
    const images = ctx.regionImages;
    if (!shapes?.length || !images) return {};
    const sizes = doc.regions?.sizes ?? {};
    return {
      regions: shapes.map((s, i) => {
        const image = images[s.image];
        const size = sizes[String(s.image)];
        const [x, y, w, h] = bboxOf(s.points);
        const length = s.kind === "line" ? lengthOf(s.points, image?.spacing as Spacing | undefined) : null;
        const ref = s.link ? ctx.refs.get(s.link.responseId) : undefined;
        return {
          number: i + 1,
          id: s.id,
          image: s.image,
          imageSrc: image?.src ?? "",
          ...(size ? { imageWidth: size[0], imageHeight: size[1] } : {}),
          kind: s.kind,
          label: s.label ?? null,
          points: s.points,
          bbox: [round(x), round(y), round(w), round(h)],
          area: round(areaOf(s.kind, s.points)),
          ...(length ? { lengthPx: round(length.px), lengthMm: length.mm === null ? null : round(length.mm) } : {}),
          ...(s.link && ref
            ? { link: { responseId: ref.responseId, label: ref.label, modelName: ref.modelName, sentence: s.link.sentence + 1, text: linkSentences(ctx.regionTexts?.get(ref.responseId))[s.link.sentence] ?? "" } }
            : {}),
          ...(s.note ? { note: s.note } : {}),
        };
      }),
    };
  },
  response(doc: AnnotationData, responseId: string, ctx: ExportContext): Partial<ExportResponseRecord> {
    const regions = ctx.modelRegions?.get(responseId);
    if (!regions?.length) return {};
    const verdicts = doc.regions?.model?.[responseId] ?? {};
    return {
      modelRegions: regions.map((m, i) => {
        const { kind, points } = modelShape(m);
        const v = verdicts[String(i)];
        return {
          number: i + 1,
          image: m.image,
          ...(ctx.regionImages?.[m.image] ? { imageSrc: ctx.regionImages[m.image]!.src } : {}),
          kind,
          label: m.label ?? null,
          bbox: bboxOf(points).map((n) => round(n)) as [number, number, number, number],
          ...(m.polygon ? { polygon: m.polygon } : {}),
          ...(m.point ? { point: m.point } : {}),
          score: m.score ?? null,
          verdict: (v?.verdict ?? null) as ModelVerdict | null,
          ...(v?.note ? { note: v.note } : {}),
        };
      }),
    };
  },
  /** Per model localization: `model_region:<n>` `verdict`. */
  csvResponseRows(r: ExportResponseRecord, row: CsvRow): string[][] {
    return (r.modelRegions ?? []).map((m) => row(r, `model_region:${m.number}`, "verdict", m.verdict ?? "", m.note ?? ""));
  },
  /** Per region: `region:<n>` with its label (the note as comment), its box, and a measurement's length; a link names the response and sentence. */
  csvRecordRows(record: SubmittedRecord, row: CsvRow): string[][] {
    return (record.regions ?? []).flatMap((s) => {
      const target = `region:${s.number}`;
      const rows = [row(null, target, s.kind, s.label ?? "", s.note ?? ""), row(null, target, "bbox", JSON.stringify(s.bbox), "")];
      if (s.lengthPx !== undefined) rows.push(row(null, target, "length_px", csvValue(s.lengthPx), ""), row(null, target, "length_mm", csvValue(s.lengthMm), ""));
      if (s.link) rows.push(row({ responseId: s.link.responseId, label: s.link.label, modelName: s.link.modelName }, target, "linked_sentence", String(s.link.sentence), s.link.text));
      return rows;
    });
  },
};
