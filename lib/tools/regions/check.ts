import type { AnnotationData } from "@/lib/annotations/schema";
import type { CheckContext, RatingProblem, ToolChecks } from "../types";
import { screenLabel } from "../ratings/axis-values";
import { areaOf, bboxOf, lengthOf } from "./shapes";

/**
 * Regions: every shape on one of the item's images, inside it (when its size is recorded), with a
 * label of the project's set, a real extent, and a link to a sentence that exists; verdicts only on
 * the localizations the models made. At submit, every labelled project's shape (not a measurement)
 * has a label and every model localization a verdict.
 */
export const regionsChecks: ToolChecks = {
  id: "regions",
  version: 1,
  check(doc: AnnotationData, ctx: CheckContext, forSubmit: boolean): RatingProblem[] {
    const block = doc.regions;
    const rc = ctx.regions;
    const problems: RatingProblem[] = [];
    if (!block) return forSubmit && rc?.enabled ? unjudged(ctx, {}) : [];
    if (!rc?.enabled || !rc.imageCount) {
      if (block.shapes?.length || Object.keys(block.model ?? {}).length) problems.push({ path: "regions", message: "This review does not mark regions on images." });
      return problems;
    }
    const seen = new Set<string>();
    (block.shapes ?? []).forEach((s, i) => {
      const path = `regions.shapes.${i}`;
      const name = `Region ${i + 1}`;
      if (seen.has(s.id)) problems.push({ path, message: `${name}: another region has the id ${s.id}.` });
      seen.add(s.id);
      if (s.image >= rc.imageCount) {
        problems.push({ path, message: `${name}: the item has ${rc.imageCount} image${rc.imageCount === 1 ? "" : "s"}; there is no image ${s.image + 1}.` });
        return;
      }
      const size = block.sizes?.[String(s.image)];
      if (size && s.points.some(([x, y]) => x > size[0] + 0.5 || y > size[1] + 0.5)) problems.push({ path, message: `${name} reaches outside the image (${size[0]} × ${size[1]} pixels).` });
      const [, , w, h] = bboxOf(s.points);
      const flat = s.kind === "box" ? w < 1 || h < 1 : s.kind === "polygon" ? areaOf(s.kind, s.points) < 1 : s.kind === "line" ? lengthOf(s.points).px < 1 : false;
      if (flat) problems.push({ path, message: `${name} has no extent: draw it at least a pixel wide.` });
      if (s.label !== undefined && !rc.labels.includes(s.label)) problems.push({ path, message: rc.labels.length ? `${name}: "${s.label}" is not one of the project's region labels (${rc.labels.join(", ")}).` : `${name}: this project's regions carry no labels.` });
      if (forSubmit && rc.labels.length && s.kind !== "line" && s.label === undefined) problems.push({ path, message: `${name} needs a label.` });
      if (s.link) {
        const count = rc.sentences[s.link.responseId];
        if (count === undefined || !ctx.responseIds.includes(s.link.responseId)) problems.push({ path, message: `${name} links to a response that is not part of this review.` });
        else if (s.link.sentence >= count) problems.push({ path, message: `${name} links to sentence ${s.link.sentence + 1}; the response has ${count}.` });
      }
    });
    for (const [responseId, verdicts] of Object.entries(block.model ?? {})) {
      const count = rc.modelRegions[responseId] ?? 0;
      if (!count || !ctx.responseIds.includes(responseId)) {
        problems.push({ path: `regions.model.${responseId}`, message: "This response marks no regions in this review." });
        continue;
      }
      for (const index of Object.keys(verdicts)) {
        if (Number(index) >= count) problems.push({ path: `regions.model.${responseId}.${index}`, message: `The response marks ${count} region${count === 1 ? "" : "s"}; there is no region ${Number(index) + 1}.` });
      }
    }
    if (forSubmit) problems.push(...unjudged(ctx, block.model ?? {}));
    return problems;
  },
};

/** At submit: each response's model localizations without a verdict. */
function unjudged(ctx: CheckContext, model: NonNullable<AnnotationData["regions"]>["model"] & object): RatingProblem[] {
  const counts = ctx.regions?.modelRegions ?? {};
  return ctx.responseIds.flatMap((id, i) => {
    const open = Array.from({ length: counts[id] ?? 0 }, (_, n) => model[id]?.[String(n)]?.verdict).filter((v) => !v).length;
    return open ? [{ path: `regions.model.${id}`, message: `${screenLabel(i)}: ${open} of the model's region${open === 1 ? " is" : "s are"} not judged.` }] : [];
  });
}
