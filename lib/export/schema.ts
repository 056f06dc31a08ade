import { z } from "zod";

export const exportFormatSchema = z.enum(["jsonl", "csv"]);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const exportQuerySchema = z.object({
  format: exportFormatSchema.default("jsonl"),
  batch: z.string().max(120).optional(),
  /** Reviewer emails are replaced by stable pseudonyms unless an admin asks otherwise. */
  identifyReviewers: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  /** JSONL carries the item and response texts unless content=false (ratings only). */
  content: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v !== "false"),
});
