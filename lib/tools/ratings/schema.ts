import { z } from "zod";

// The rubric-ratings tool's part of the annotation document (client-safe): per response and per item,
// a value per axis and a comment per axis; per response, the reviewer's confidence.
const key = z.string().max(80);
// Coarse caps only: the server checks each value against its axis and item (ratings/check.ts), where
// a free-text answer may be as long as the note it corrects. The request body is capped as a whole.
export const ratingValueSchema = z.union([z.string().max(500_000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(50)]);
export type RatingValue = z.infer<typeof ratingValueSchema>;

export const COMMENT_MAX = 20_000;

export const ratingsBlockSchema = z.object({
  ratings: z.record(key, ratingValueSchema).default({}),
  comments: z.record(key, z.string().max(COMMENT_MAX)).default({}),
});
export type RatingsBlock = z.infer<typeof ratingsBlockSchema>;

/** Fields this tool adds to each response's block (besides its ratings and comments). */
export const ratingsResponseFields = {
  /** 1–5 (RUBRICS.md §8 confidence anchors); absent until the reviewer answers. */
  confidence: z.number().int().min(1).max(5).nullable().optional(),
};

/** Fields this tool adds to the document: the item-level axes. */
export const ratingsDocumentFields = {
  item: ratingsBlockSchema.default({ ratings: {}, comments: {} }),
};
