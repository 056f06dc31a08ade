import { z } from "zod";
import { storableString } from "@/lib/validation/storable";

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
});
export type CreateBatchInput = z.input<typeof createBatchSchema>;
