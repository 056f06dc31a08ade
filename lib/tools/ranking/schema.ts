import { z } from "zod";

// The ranking tool's part of the document (client-safe, decision 029): per ranking axis, the item's
// responses (by Response.id, never a screen position) in tiers, first tier first; responses in one
// tier are tied. "First" is what the axis asks for first: the best answer, or for an axis marked
// "choosing = worse" the worst (most harmful first). A draft may place only some responses.
export const MAX_RANKED_RESPONSES = 8;

export const rankingTiersSchema = z.array(z.array(z.string().min(1).max(64)).min(1).max(MAX_RANKED_RESPONSES)).max(MAX_RANKED_RESPONSES);
export type RankingTiers = z.infer<typeof rankingTiersSchema>;

/** Best–worst scaling (decision 032): per BEST_WORST axis, the best and the worst of the responses shown. */
export const bestWorstSchema = z.object({ best: z.string().min(1).max(64).optional(), worst: z.string().min(1).max(64).optional() });
export type BestWorst = z.infer<typeof bestWorstSchema>;

export const rankingBlockSchema = z.object({
  tiers: z.record(z.string().max(80), rankingTiersSchema).default({}),
  bestWorst: z.record(z.string().max(80), bestWorstSchema).default({}),
  comments: z.record(z.string().max(80), z.string().max(10_000)).default({}),
});
export type RankingBlock = z.infer<typeof rankingBlockSchema>;

export const rankingDocumentFields = {
  ranking: rankingBlockSchema.optional(),
};
