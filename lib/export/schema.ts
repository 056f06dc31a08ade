import { z } from "zod";

/** jsonl / csv: one record per annotation (or skip); steps / steps-csv: one record per labelled reasoning step. */
export const exportFormatSchema = z.enum(["jsonl", "csv", "steps", "steps-csv"], { error: "format must be jsonl, csv, steps, steps-csv, brat or conll." });
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/**
 * Which assignments an export covers. "all" is the default: a study's record includes the items
 * reviewers declined and why (skips are not missing at random), and every record says its status
 * (docs/decisions/008-export-records-and-cli-errors.md).
 */
export const exportStatusSchema = z.enum(["submitted", "skipped", "all"], { error: "status must be submitted, skipped or all." });

const flag = (name: string) =>
  z.enum(["true", "false"], { error: `${name} must be true or false.` });

/** The export's query string (API) — the CLI maps its flags onto the same object. */
export const exportQuerySchema = z.strictObject(
  {
    format: exportFormatSchema.default("jsonl"),
    batch: z.string().min(1, { error: "batch must name a batch." }).max(120).optional(),
    status: exportStatusSchema.default("all"),
    /** Reviewer emails are replaced by stable pseudonyms unless an admin asks otherwise. */
    identifyReviewers: flag("identifyReviewers").optional().transform((v) => v === "true"),
    /** JSONL carries the item and response texts unless content=false (ratings only). */
    content: flag("content").optional().transform((v) => v !== "false"),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown parameter ${issue.keys.map((k) => `"${k}"`).join(", ")}: use format, batch, status, identifyReviewers, content.` : undefined) },
);
export type ExportQuery = z.input<typeof exportQuerySchema>;
