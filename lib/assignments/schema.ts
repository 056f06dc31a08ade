import { z } from "zod";
import { storableString } from "@/lib/validation/storable";
import { armsSchema } from "./study-arms";

export const createBatchSchema = z.object({
  name: storableString("The batch name").trim().min(1, { error: "Batch name is required." }).max(120),
  reviewerIds: z.array(z.string().min(1)).min(1, { error: "Choose at least one reviewer." }),
  perItem: z.coerce.number().int().min(1).max(50).optional(),
  /** Items to include; default: every project item not yet in a batch. */
  itemIds: z.array(z.string().min(1)).optional(),
  dueAt: z.coerce.date().optional(),
  seed: z.number().int().optional(),
  /**
   * Gold items (known answers, for reviewer QA) go to every chosen reviewer, so each reviewer's
   * accuracy is measured on the same set; off: they are planned like other items (k per item).
   */
  goldToAllReviewers: z.boolean().default(true),
  /**
   * Gold mixed into each reviewer's queue at this share (0 < rate < 1) instead of to everyone:
   * a reviewer with L ordinary items gets round(L × rate / (1 − rate)) gold items.
   */
  goldRate: z.number().gt(0, { error: "The gold rate must be above 0 %." }).lt(0.9, { error: "The gold rate must be below 90 %." }).optional(),
  /** Specialty match: an item with a specialty goes only to reviewers who list it (items nobody can cover are left out and named). */
  matchSpecialty: z.boolean().default(false),
  /** At most this many items per reviewer in this batch. */
  quota: z.coerce.number().int().min(1, { error: "The quota is at least 1." }).max(1_000_000).optional(),
  /**
   * Repeat ratings (intra-rater reliability): `share` of each reviewer's items again, unmarked, in a
   * companion batch that follows the whole queue, at least `washoutItems` items after the first rating
   * and opening `washoutDays` days after this batch.
   */
  repeats: z
    .object({
      share: z.number().gt(0, { error: "The share of repeats is above 0 %." }).max(0.5, { error: "The share of repeats is at most 50 %." }),
      washoutItems: z.int().min(0).max(100_000).default(10),
      washoutDays: z.int().min(0).max(365).default(0),
    })
    .optional(),
  /** A Delphi-style round: reviewers see each item's earlier submitted answers, counted and anonymized, before rating. */
  showsEarlierRound: z.boolean().default(false),
  /** A fixed list (lib/assignments/fixed-list.ts): exactly these (item, reviewer) pairs, not planned. */
  pairs: z.array(z.object({ itemId: z.string().min(1), reviewerId: z.string().min(1) })).min(1).optional(),
  /**
   * Show each assignment only this many of the item's responses (2 for pairwise comparison over many
   * models, more to rank a subset), planned so that pairs of responses are shown together evenly
   * across the item's reviewers (lib/assignments/response-subsets.ts). Default: all of them.
   */
  responsesShown: z.coerce.number().int().min(2, { error: "Show at least 2 responses per assignment." }).max(8, { error: "Show at most 8 responses per assignment." }).optional(),
  /** Study arms (lib/assignments/study-arms.ts): every planned rating twice, without and with assistance, in linked phases. */
  arms: armsSchema.optional(),
  /**
   * A qualification round (lib/qualification): practice items with known answers, each to every chosen
   * reviewer, with feedback after each submit. Default items: every gold item of the project.
   */
  isQualification: z.boolean().default(false),
}).refine((b) => !(b.isQualification && (b.arms || b.repeats || b.pairs || b.goldRate !== undefined || b.showsEarlierRound)), {
  error: "A qualification round gives every practice item to every chosen reviewer: it takes no arms, repeats, fixed list, gold rate or Delphi round.",
  path: ["isQualification"],
}).refine((b) => !(b.arms && b.repeats), { error: "A batch with study arms cannot also schedule repeat ratings: the second phase already rates each item again (schedule repeats in another batch).", path: ["repeats"] });
export type CreateBatchInput = z.input<typeof createBatchSchema>;
