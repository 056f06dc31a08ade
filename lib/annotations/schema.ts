import { z } from "zod";

// The annotation document (DESIGN.md: one document per assignment, saved whole with a version).
// Client-safe: the review form and the server validate with the same schema.
const ratingValue = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

export const ratingsBlockSchema = z.object({
  ratings: z.record(z.string().max(80), ratingValue).default({}),
  comments: z.record(z.string().max(80), z.string().max(20_000)).default({}),
});
export type RatingsBlock = z.infer<typeof ratingsBlockSchema>;

export const annotationDataSchema = z.object({
  /** Keyed by Response.id — never by screen position, so blinding and order randomization are undone exactly. */
  responses: z.record(z.string().max(64), ratingsBlockSchema).default({}),
  item: ratingsBlockSchema.default({ ratings: {}, comments: {} }),
  overallComment: z.string().max(50_000).default(""),
});
export type AnnotationData = z.infer<typeof annotationDataSchema>;

export const saveAnnotationSchema = z.object({
  /** The version the client edited; 0 when no annotation exists yet. */
  baseVersion: z.number().int().min(0),
  clientMutationId: z.string().min(8).max(100),
  data: annotationDataSchema,
  /** Active time spent since the last save, measured by the client. */
  timeOnTaskDeltaMs: z.number().int().min(0).max(60 * 60 * 1000).default(0),
  submit: z.boolean().default(false),
});
export type SaveAnnotationInput = z.input<typeof saveAnnotationSchema>;

export function emptyAnnotationData(): AnnotationData {
  return { responses: {}, item: { ratings: {}, comments: {} }, overallComment: "" };
}
