import { z } from "zod";
import { ratingsBlockSchema } from "../ratings/schema";

// The pairwise tool's part of the document (client-safe): per pairwise axis the preferred Response.id
// or "tie" (never a screen side; decision 003), an optional comment and strength.
export const pairBlockSchema = ratingsBlockSchema.extend({
  /** Optional strength of a preference (1 slightly … 3 much), per pairwise axis. */
  strength: z.record(z.string().max(80), z.number().int().min(1).max(3)).default({}),
});
export type PairBlock = z.infer<typeof pairBlockSchema>;

export const pairwiseDocumentFields = {
  pair: pairBlockSchema.default({ ratings: {}, comments: {}, strength: {} }),
  /** With more than two responses shown, every other pair (decision 035): "<left id>~<right id>" in screen order. */
  morePairs: z.record(z.string().max(140), pairBlockSchema).optional(),
};
