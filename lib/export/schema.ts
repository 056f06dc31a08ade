import { z } from "zod";
import { resultsFilterSchema } from "@/lib/results/results-filter";

/**
 * jsonl / csv: one record per annotation (or skip); steps / steps-csv: one record per labelled
 * reasoning step; parquet: one table per record type (a zip, or a folder from the CLI);
 * preferences: preference pairs (JSONL); sft: one fine-tuning record per corrected response (JSONL,
 * decision 030); healthbench: HealthBench-format rubric records (JSONL);
 * hf: a Hugging Face `datasets` folder (Parquet under data/ and a dataset card). Decision 016.
 * coco: the regions reviewers drew on images, and the models' localizations, as one COCO JSON file (decision 041).
 */
export const EXPORT_FORMATS = ["jsonl", "csv", "steps", "steps-csv", "parquet", "preferences", "sft", "healthbench", "hf", "coco"] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: `format must be ${EXPORT_FORMATS.join(", ")}, brat or conll.` });
export type ExportFormat = z.infer<typeof exportFormatSchema>;
/** Formats that are several files: a zip from the API, a folder (or zip) from the CLI. */
export const isMultiFileFormat = (format: ExportFormat): format is "parquet" | "hf" => format === "parquet" || format === "hf";

/**
 * Which assignments an export covers. "all" is the default: a study's record includes the items
 * reviewers declined and why (skips are not missing at random), and every record says its status
 * (docs/decisions/008-export-records-and-cli-errors.md).
 */
export const exportStatusSchema = z.enum(["submitted", "skipped", "all"], { error: "status must be submitted, skipped or all." });

const flag = (name: string) =>
  z.enum(["true", "false"], { error: `${name} must be true or false.` });

// The results page's filters mean the same here (lib/results/results-filter.ts): item kind, reviewer
// pseudonym, and a date range (YYYY-MM-DD, both ends included, UTC).
const { kind, reviewer, from, to } = resultsFilterSchema.shape;

const PARAMETERS = ["format", "batch", "status", "kind", "reviewer", "from", "to", "identifyReviewers", "content", "manifest"];

/** The export's query string (API) — the CLI maps its flags onto the same object. */
export const exportQuerySchema = z
  .strictObject(
    {
      format: exportFormatSchema.default("jsonl"),
      batch: z.string().min(1, { error: "batch must name a batch." }).max(120).optional(),
      status: exportStatusSchema.default("all"),
      kind,
      reviewer,
      from,
      to,
      /** Reviewer emails are replaced by stable pseudonyms unless an admin asks otherwise. */
      identifyReviewers: flag("identifyReviewers").optional().transform((v) => v === "true"),
      /** JSONL and Parquet carry the item and response texts unless content=false (ratings only). */
      content: flag("content").optional().transform((v) => v !== "false"),
      /** manifest=true: the manifest.json of this download instead of the download (single-file formats). */
      manifest: flag("manifest").optional().transform((v) => v === "true"),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown parameter ${issue.keys.map((k) => `"${k}"`).join(", ")}: use ${PARAMETERS.join(", ")}.` : undefined) },
  )
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "from must not be after to.", path: ["to"] });
export type ExportQuery = z.input<typeof exportQuerySchema>;
export type ParsedExportQuery = z.output<typeof exportQuerySchema>;
