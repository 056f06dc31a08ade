import type { AnnotationData } from "./schema";

// Zod-free, so the browser's autosave engine can use it without shipping zod.

/**
 * Hot-path reader for stored documents (exports, scores): every save was validated by
 * `annotationDataSchema`, so only the defaults of fields added since need filling. About ten
 * times cheaper than re-parsing, which was a tenth of export CPU (bench profile). Also
 * normalizes drafts a browser kept from before a field existed.
 */
export function withDocumentDefaults(raw: unknown): AnnotationData {
  const d = (raw ?? {}) as Partial<AnnotationData>;
  return {
    responses: d.responses ?? {},
    item: { ratings: d.item?.ratings ?? {}, comments: d.item?.comments ?? {} },
    pair: { ratings: d.pair?.ratings ?? {}, comments: d.pair?.comments ?? {}, strength: d.pair?.strength ?? {} },
    overallComment: d.overallComment ?? "",
    // Blocks of tools added later stay absent until used (the empty document has none).
    ...(d.morePairs ? { morePairs: d.morePairs } : {}),
    ...(d.ranking ? { ranking: { tiers: d.ranking.tiers ?? {}, bestWorst: d.ranking.bestWorst ?? {}, comments: d.ranking.comments ?? {} } } : {}),
    ...(d.references ? { references: d.references } : {}),
    ...(d.steps ? { steps: d.steps } : {}),
    ...(d.arguments ? { arguments: d.arguments } : {}),
    ...(d.corrections ? { corrections: d.corrections } : {}),
    ...(d.turns ? { turns: d.turns } : {}),
    ...(d.suggestions ? { suggestions: d.suggestions } : {}),
    ...(d.actions ? { actions: d.actions } : {}),
    ...(d.citations ? { citations: d.citations } : {}),
    ...(d.grounding ? { grounding: d.grounding } : {}),
    ...(d.regions ? { regions: d.regions } : {}),
    ...(d.recordLinks ? { recordLinks: d.recordLinks } : {}),
  };
}
