import { z } from "zod";
import { exportStatusSchema } from "@/lib/export/schema";
import { exportRecordSchema } from "@/lib/export/record-schema";
import { RESULT_KINDS, resultsFilterSchema } from "@/lib/results/results-filter";
import { LIMIT_DEFAULT, LIMIT_MAX } from "./cursor";

// Query strings and answers of the listing routes (GET /api/v1/projects, …/items, …/annotations).
// Client-safe: the routes parse with them and the OpenAPI document is generated from them
// (lib/api/openapi), so the two cannot disagree.

const pageParameters = {
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${LIMIT_MAX}.` })
    .int({ error: `limit must be a whole number from 1 to ${LIMIT_MAX}.` })
    .min(1, { error: `limit must be a whole number from 1 to ${LIMIT_MAX}.` })
    .max(LIMIT_MAX, { error: `limit must be a whole number from 1 to ${LIMIT_MAX}.` })
    .default(LIMIT_DEFAULT)
    .describe(`Rows per page, 1–${LIMIT_MAX} (default ${LIMIT_DEFAULT}).`),
  cursor: z.string().min(1, { error: "cursor is empty: leave it out to start from the beginning." }).optional().describe("The nextCursor of the previous page; leave out for the first page."),
};

const unknownParameter = (names: string[]) => (issue: { code: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys" ? `Unknown parameter ${(issue.keys ?? []).map((k) => `"${k}"`).join(", ")}: use ${names.join(", ")}.` : undefined;

export const listProjectsQuerySchema = z.strictObject(pageParameters, { error: unknownParameter(["limit", "cursor"]) });

export const listItemsQuerySchema = z.strictObject(
  {
    ...pageParameters,
    kind: resultsFilterSchema.shape.kind.describe(`Only items of this kind: ${RESULT_KINDS.join(", ")}.`),
    include: z
      .enum(["content"], { error: "include must be content (the input, reference and responses with model names)." })
      .optional()
      .describe("content: also each item's input, reference and responses with their model names (the study team only)."),
  },
  { error: unknownParameter(["limit", "cursor", "kind", "include"]) },
);

const { batch, kind, reviewer, from, to, identifyReviewers, content } = z.strictObject({
  batch: z.string().min(1, { error: "batch must name a batch." }).max(120).optional().describe("Only this batch (by name)."),
  kind: resultsFilterSchema.shape.kind.describe(`Only items of this kind: ${RESULT_KINDS.join(", ")}.`),
  reviewer: resultsFilterSchema.shape.reviewer.describe("Only this reviewer, by pseudonym (R-…, as in the records)."),
  from: resultsFilterSchema.shape.from.describe("Submitted (skips: last changed) on or after this day, YYYY-MM-DD, UTC."),
  to: resultsFilterSchema.shape.to.describe("… and on or before this day."),
  identifyReviewers: z.enum(["true", "false"], { error: "identifyReviewers must be true or false." }).optional().describe("true: reviewer emails instead of pseudonyms (admins only)."),
  content: z.enum(["true", "false"], { error: "content must be true or false." }).optional().describe("false: ratings only, without the item and response texts (default true, as in the JSONL export)."),
}).shape;

export const ANNOTATION_LIST_PARAMETERS = ["limit", "cursor", "batch", "status", "kind", "reviewer", "from", "to", "identifyReviewers", "content"];

/** The export's filters (lib/export/schema.ts), a page at a time; status defaults to submitted here. */
export const listAnnotationsQuerySchema = z.strictObject(
  {
    ...pageParameters,
    batch,
    status: exportStatusSchema.default("submitted").describe("submitted (default), skipped, or all (submitted records first, then skips)."),
    kind,
    reviewer,
    from,
    to,
    identifyReviewers,
    content,
  },
  { error: unknownParameter(ANNOTATION_LIST_PARAMETERS) },
);

export const projectSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    status: z.enum(["draft", "active", "archived"]),
    template: z.string().nullable().describe("The rubric template the current rubric was made from (e.g. med-palm-long-form), null for a custom rubric or none."),
    blinded: z.boolean(),
    k: z.number().int().describe("Reviewers per item."),
    counts: z.object({ items: z.number().int(), batches: z.number().int(), members: z.number().int() }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ProjectSummary" });

const itemResponseSchema = z.object({
  label: z.string().describe("Display label in import order (A, B, …)."),
  modelName: z.string(),
  content: z.string(),
  reasoning: z.string().nullable(),
  answer: z.unknown().describe("Structured answer by item kind (mcq choice, ddx differential, dialogue turns), or null."),
});

export const itemSummarySchema = z
  .object({
    externalId: z.string(),
    kind: z.enum(RESULT_KINDS),
    language: z.string(),
    specialty: z.string().nullable(),
    isGold: z.boolean(),
    createdAt: z.iso.datetime(),
    input: z.unknown().optional().describe("With include=content: the item's input as imported."),
    reference: z.unknown().optional().describe("With include=content: the reference answer, or null."),
    responses: z.array(itemResponseSchema).optional().describe("With include=content: the responses in import order, with model names."),
  })
  .meta({ id: "ItemSummary" });

const pageOfSchema = <T extends z.ZodType>(row: T) =>
  z.object({ data: z.array(row), nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page.") });

export const projectsPageSchema = pageOfSchema(projectSummarySchema);
export const itemsPageSchema = pageOfSchema(itemSummarySchema);
export const annotationsPageSchema = pageOfSchema(exportRecordSchema.meta({ id: "ExportRecord", description: "A record of the JSONL export (docs/export-record.schema.json)." }));

export type ProjectSummary = z.infer<typeof projectSummarySchema>;
export type ItemSummary = z.infer<typeof itemSummarySchema>;
