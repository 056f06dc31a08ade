import { z } from "zod";
import { DDX_MATCHES } from "@/lib/ddx/matches";
import { refineStorable, storableString } from "@/lib/validation/storable";

// The annotation document (DESIGN.md: one document per assignment, saved whole with a version).
// Client-safe: the review form and the server validate with the same schema. Everything is keyed
// by database ids (Response.id, Criterion.id) — never by screen position — so blinding and the
// randomized order are undone exactly in exports.
const key = z.string().max(80);
// Coarse caps only: the server checks each value against its axis and item (check-ratings.ts), where
// a free-text answer may be as long as the note it corrects. The request body is capped as a whole.
const ratingValue = z.union([z.string().max(500_000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(50)]);
export type RatingValue = z.infer<typeof ratingValue>;

export const ratingsBlockSchema = z.object({
  ratings: z.record(key, ratingValue).default({}),
  comments: z.record(key, z.string().max(20_000)).default({}),
});
export type RatingsBlock = z.infer<typeof ratingsBlockSchema>;

export const criterionMarkSchema = z.object({
  met: z.boolean().nullable(),
  note: z.string().max(5000).optional(),
});
export type CriterionMark = z.infer<typeof criterionMarkSchema>;

export const ddxEntryMarkSchema = z.object({
  match: z.enum(DDX_MATCHES).nullable(),
  note: z.string().max(5000).optional(),
});
export type DdxEntryMark = z.infer<typeof ddxEntryMarkSchema>;

export const responseBlockSchema = ratingsBlockSchema.extend({
  /** 1–5 (RUBRICS.md §8 confidence anchors); absent until the reviewer answers. */
  confidence: z.number().int().min(1).max(5).nullable().optional(),
  /** Case criteria (HealthBench style), keyed by Criterion.id. */
  criteria: z.record(z.string().max(64), criterionMarkSchema).optional(),
  /** Differential entries (ddx), keyed by 0-based rank, when the rubric grades them (AMIE style). */
  entries: z.record(z.string().regex(/^\d{1,3}$/), ddxEntryMarkSchema).optional(),
});
export type ResponseBlock = z.infer<typeof responseBlockSchema>;

export const pairBlockSchema = ratingsBlockSchema.extend({
  /** Optional strength of a preference (1 slightly … 3 much), per pairwise axis. */
  strength: z.record(key, z.number().int().min(1).max(3)).default({}),
});
export type PairBlock = z.infer<typeof pairBlockSchema>;

export const annotationDataSchema = z.object({
  responses: z.record(z.string().max(64), responseBlockSchema).default({}),
  item: ratingsBlockSchema.default({ ratings: {}, comments: {} }),
  /** Pairwise axes: the value is the preferred Response.id or "tie". */
  pair: pairBlockSchema.default({ ratings: {}, comments: {}, strength: {} }),
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
