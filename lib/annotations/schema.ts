import { z } from "zod";
import { criteriaResponseFields } from "@/lib/tools/criteria/schema";
import { ddxResponseFields } from "@/lib/tools/ddx-match/schema";
import { pairwiseDocumentFields } from "@/lib/tools/pairwise/schema";
import { rankingDocumentFields } from "@/lib/tools/ranking/schema";
import { ratingsBlockSchema, ratingsDocumentFields, ratingsResponseFields } from "@/lib/tools/ratings/schema";
import { referencesDocumentFields } from "@/lib/tools/references/schema";
import { stepsDocumentFields } from "@/lib/tools/steps/schema";
import { argumentsDocumentFields } from "@/lib/tools/arguments/schema";
import { correctionsDocumentFields } from "@/lib/tools/corrections/schema";
import { turnsDocumentFields } from "@/lib/tools/turns/schema";
import { suggestionsDocumentFields } from "@/lib/tools/suggestions/schema";
import { actionsDocumentFields } from "@/lib/tools/actions/schema";
import { citationsDocumentFields } from "@/lib/tools/citations/schema";
import { groundingDocumentFields } from "@/lib/tools/grounding/schema";
import { regionsDocumentFields } from "@/lib/tools/regions/schema";
import { recordLinksDocumentFields } from "@/lib/tools/record-links/schema";
import { refineStorable, storableString } from "@/lib/validation/storable";

// The annotation document (DESIGN.md: one document per assignment, saved whole with a version),
// composed from the tools' blocks (lib/tools/<tool>/schema.ts; decision 010). Client-safe: the review
// form and the server validate with the same schema. Everything is keyed by database ids (Response.id,
// Criterion.id) — never by screen position — so blinding and the randomized order are undone exactly
// in exports. The blocks of the first four tools keep the paths they always had, so stored documents
// and exports are unchanged.
export { ratingValueSchema, ratingsBlockSchema, type RatingValue, type RatingsBlock } from "@/lib/tools/ratings/schema";
export { pairBlockSchema, type PairBlock } from "@/lib/tools/pairwise/schema";
export { criterionMarkSchema, type CriterionMark } from "@/lib/tools/criteria/schema";
export { ddxEntryMarkSchema, type DdxEntryMark } from "@/lib/tools/ddx-match/schema";

export const responseBlockSchema = ratingsBlockSchema.extend({
  ...ratingsResponseFields,
  ...criteriaResponseFields,
  ...ddxResponseFields,
});
export type ResponseBlock = z.infer<typeof responseBlockSchema>;

export const annotationDataSchema = z.object({
  responses: z.record(z.string().max(64), responseBlockSchema).default({}),
  ...ratingsDocumentFields,
  ...pairwiseDocumentFields,
  ...rankingDocumentFields,
  ...referencesDocumentFields,
  ...stepsDocumentFields,
  ...argumentsDocumentFields,
  ...correctionsDocumentFields,
  ...turnsDocumentFields,
  ...suggestionsDocumentFields,
  ...actionsDocumentFields,
  ...citationsDocumentFields,
  ...groundingDocumentFields,
  ...regionsDocumentFields,
  ...recordLinksDocumentFields,
  overallComment: z.string().max(50_000).default(""),
});
export type AnnotationData = z.infer<typeof annotationDataSchema>;

/** Largest save request the server reads (route handler); a document is a few KB in practice. */
export const MAX_SAVE_BYTES = 2 * 1024 * 1024;

export const saveAnnotationSchema = z.object({
  /** The version the client edited; 0 when no annotation exists yet. */
  baseVersion: z.number().int().min(0),
  clientMutationId: z.string().min(8).max(100),
  // NUL and half surrogate pairs would make PostgreSQL's jsonb refuse the save (a 500): a 400 instead.
  data: annotationDataSchema.superRefine(refineStorable),
  /** Active time spent since the last save, measured by the client. */
  timeOnTaskDeltaMs: z.number().int().min(0).max(60 * 60 * 1000).default(0),
  submit: z.boolean().default(false),
});
export type SaveAnnotationInput = z.input<typeof saveAnnotationSchema>;

export const skipAssignmentSchema = z.object({
  reason: storableString("The reason").trim().min(3, { error: "Say briefly why you skip this item." }).max(2000),
  timeOnTaskDeltaMs: z.number().int().min(0).max(60 * 60 * 1000).default(0),
});

export function emptyAnnotationData(): AnnotationData {
  return { responses: {}, item: { ratings: {}, comments: {} }, pair: { ratings: {}, comments: {}, strength: {} }, overallComment: "" };
}

/** Stored documents written before a field existed are read through the schema's defaults. */
export function readAnnotationData(raw: unknown): AnnotationData {
  const parsed = annotationDataSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : emptyAnnotationData();
}

export { withDocumentDefaults } from "./document-defaults";
