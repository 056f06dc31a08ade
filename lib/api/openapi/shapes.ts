import { z } from "zod";

// Answers of the routes written before the OpenAPI document (their lib functions return plain
// TypeScript types, not zod schemas): described here for the document only. The NDJSON answers
// of the imports and the 202 of a background export are success shapes, not errors: an import
// that finds problems in the file answers 200 with a {"type":"result","ok":false,…} line.

const importError = z.object({ line: z.number().int().describe("1-based line (CSV: record) of the file; 0 for the file as a whole."), field: z.string(), message: z.string() });

const importFailed = z.object({ type: z.literal("result"), ok: z.literal(false), errors: z.array(importError).describe("The first problems found; nothing was imported."), errorCount: z.number().int(), lines: z.number().int() });

export const importEventSchema = z
  .union([
    z.object({ type: z.literal("progress"), lines: z.number().int(), bytes: z.number().int().optional() }),
    z.object({ type: z.literal("result"), ok: z.literal(true), imported: z.number().int(), responses: z.number().int().optional(), notes: z.array(z.string()).optional().describe("Argument corpora: what was read and how.") }),
    importFailed,
  ])
  .meta({ id: "ImportEvent", description: "One line of an import's NDJSON answer: progress events while the file streams in, then exactly one result (all or nothing)." });

export const judgeImportEventSchema = z
  .union([
    z.object({ type: z.literal("progress"), lines: z.number().int(), bytes: z.number().int().optional() }),
    z.object({ type: z.literal("result"), ok: z.literal(true), importId: z.string(), imported: z.number().int(), replaced: z.number().int(), judges: z.array(z.string()) }),
    importFailed,
  ])
  .meta({ id: "JudgeImportEvent", description: "One line of the judge-results import's NDJSON answer: progress events, then exactly one result (all or nothing)." });

export const exportJobSchema = z
  .object({
    id: z.string(),
    format: z.string(),
    status: z.enum(["queued", "running", "done", "failed"]),
    records: z.number().int().describe("Records written so far."),
    expectedRecords: z.number().int().nullable(),
    bytes: z.number().int().nullable(),
    fileName: z.string().nullable(),
    error: z.string().nullable().describe("Why the job failed (status failed), else null."),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ExportJob" });

export const exportJobWithDownloadSchema = exportJobSchema.extend({ download: z.string().nullable().describe("The download's path once done, else null.") });

export const saveResultSchema = z
  .object({ status: z.literal("saved"), version: z.number().int(), submitted: z.boolean(), duplicate: z.boolean().describe("True when this clientMutationId had already been applied (a retry): nothing changed.") })
  .meta({ id: "SaveResult" });

/** The refusals of a save keep the fields the review page reads beside the error shape. */
const saveProblem = z.object({
  path: z.string(),
  message: z.string(),
  code: z.literal("required").optional().describe("A required answer is missing; params name where and which axis (for UIs that translate the message)."),
  params: z.object({ where: z.string(), axis: z.string() }).optional(),
});

export const saveRefusalSchema = z
  .object({
    error: z.string(),
    issues: z.array(saveProblem).optional(),
    status: z.enum(["conflict", "invalid", "locked", "mismatch"]),
    serverVersion: z.number().int().optional().describe("conflict: the stored version."),
    serverData: z.unknown().optional().describe("conflict: the stored document."),
    problems: z.array(saveProblem).optional().describe("invalid: the same list as issues."),
    message: z.string().optional(),
  })
  .meta({ id: "SaveRefusal", description: "The error shape plus the save's own fields (409 conflict, 422 invalid or mismatch, 423 locked)." });

export const revisionsSchema = z.object({
  revisions: z.array(z.object({ version: z.number().int(), savedAt: z.iso.datetime(), isSubmit: z.boolean(), changes: z.array(z.string()).describe("What changed, in words.") })),
});

export const uploadedImageSchema = z.object({ src: z.string().describe('"<slug>/<name>": what vqa items reference.'), bytes: z.number().int() });

export const resultsSchema = z
  .looseObject({
    filter: z.record(z.string(), z.unknown()),
    judges: z.unknown().describe("LLM-judge calibration, null without judge results."),
    autoGrades: z.array(z.unknown()).describe("Per model: answers graded automatically against the items' keys, {model, correct: {count, n, share, low, high}}."),
    variants: z.array(z.unknown()).describe("Variants (variantOf) against their originals per outcome, model and variant kind: paired rates and McNemar's test {pairs, b, c, method, statistic, pValue, citation}."),
  })
  .meta({ id: "Results", description: "The results page's figures: per axis and model, pairwise win / tie / loss, agreement (README \"Results\" and docs/statistics.md); not described field by field here." });

export const scoresSchema = z
  .looseObject({ byModel: z.array(z.unknown()), goldAccuracy: z.unknown().describe("Reviewer accuracy on gold items: admins only, else null.") })
  .meta({ id: "Scores", description: "Case-criteria scores per model, axis tag and theme, and per item (README \"Scores\"); not described field by field here." });
