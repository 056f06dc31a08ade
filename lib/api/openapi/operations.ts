import { z } from "zod";
import { MAX_SAVE_BYTES, saveAnnotationSchema, skipAssignmentSchema } from "@/lib/annotations/schema";
import { auditFilterSchema } from "@/lib/audit/list-audit";
import { scoresQuerySchema } from "@/lib/criteria/scores-query";
import { exportQuerySchema } from "@/lib/export/schema";
import { ITEM_KINDS, ddxItemImportSchema, dialogueItemImportSchema, mcqItemImportSchema, noteItemImportSchema, qaItemImportSchema, vqaItemImportSchema } from "@/lib/items/schema";
import { judgeLineSchema } from "@/lib/judges/schema";
import { resultsFilterSchema } from "@/lib/results/results-filter";
import { rubricDocumentSchema, rubricQuerySchema } from "@/lib/rubrics/rubric-document";
import { consensusQuerySchema, consensusRecordSchema } from "@/lib/adjudication/consensus-records";
import { qualificationQuerySchema, qualificationRecordSchema } from "@/lib/qualification/outcome-records";
import { argumentExportQuerySchema } from "@/lib/tools/arguments/export-query";
import type { ApiScope } from "@/lib/auth/token-scopes";
import { annotationsPageSchema, itemsPageSchema, listAnnotationsQuerySchema, listItemsQuerySchema, listProjectsQuerySchema, projectsPageSchema } from "../list-schemas";
import { exportJobSchema, exportJobWithDownloadSchema, importEventSchema, judgeImportEventSchema, resultsSchema, revisionsSchema, saveRefusalSchema, saveResultSchema, scoresSchema, uploadedImageSchema } from "./shapes";

// Every /api/v1 operation, keyed by its route file (app/api/v1/<route>/route.ts) and method.
// `permission` must equal the handler's own `permission` (withApiAuth attaches it): a conformance
// test (lib/api/openapi/openapi-routes.test.ts) imports every route file and compares, and fails
// for a route file or method that is missing here. Parameters and bodies are the zod schemas the
// routes parse with; answers the routes build without a schema are described in ./shapes.ts.

/** A schema in the document: a zod schema (rendered as JSON Schema) or a literal one. */
export type DocSchema = z.ZodType | { json: Record<string, unknown> };

export type Content = Record<string, DocSchema>;

export type Operation = {
  route: string;
  method: "get" | "post" | "put";
  /** The token scope (= permission) required; null for the one public document. */
  permission: ApiScope | null;
  summary: string;
  description?: string;
  tag: string;
  /** Query-string schemas (strict objects of strings), merged in order. */
  query?: z.ZodObject[];
  /** Notes added to a parameter's description (e.g. which format it applies to). */
  notes?: Record<string, string>;
  body?: { description: string; content: Content; required?: boolean };
  /** Success answers by status. */
  responses: Record<number, { description: string; content?: Content; headers?: Record<string, string> }>;
  /** Refusals besides 401/403 (authenticated routes), 404 (a path parameter) and 400 (a query or JSON body). */
  errors?: number[];
  /** Refusals answered with another schema than the plain error shape. */
  errorSchemas?: Record<number, DocSchema>;
};

const binary = { json: { type: "string", contentMediaType: "application/octet-stream" } };
const text = (description: string) => ({ json: { type: "string", description } });
const ndjson = (row: DocSchema) => ({ json: { type: "string", description: "Newline-delimited JSON: one value per line.", "x-ndjson-line": row } });
const itemLine = z.union([qaItemImportSchema, mcqItemImportSchema, dialogueItemImportSchema, vqaItemImportSchema, noteItemImportSchema, ddxItemImportSchema]).meta({ id: "ItemImportLine", description: `One item to import (JSONL: one per line; kind ${ITEM_KINDS.join(", ")}, default qa). README "Import".` });
const exportFile = { "application/x-ndjson": text("jsonl, steps, preferences, sft, healthbench: one JSON record per line (docs/export-record.schema.json for jsonl)."), "text/csv": text("csv, steps-csv."), "application/zip": binary, "application/json": text("manifest=true: the download's manifest."), "text/plain": text("conll.") };
const resultsQuery = z.strictObject({ format: z.enum(["json", "csv"]).default("json").describe("json (default) or csv."), ...resultsFilterSchema.shape });
const importQuery = z.strictObject({
  format: z.enum(["jsonl", "csv", "brat", "conll", "casimedicos"]).optional().describe("jsonl or csv for items (else by X-File-Name's extension, else Content-Type, else jsonl); brat, conll or casimedicos for an argument corpus sent as a zip."),
  skipInvalid: z.enum(["true", "false"]).optional().describe("Argument corpora only: import the valid documents and report the others."),
});
const judgeQuery = z.strictObject({ replace: z.enum(["true", "false"]).optional().describe("true: replace values an earlier import stored for the same judge, response and target (otherwise they are conflicts).") });

const EXPORT_NOTES: Record<string, string> = {
  format: "jsonl (default), csv, steps, steps-csv, parquet, preferences, sft, healthbench, hf; also brat or conll (argument annotations). README \"Export formats\".",
  batch: "Only this batch (by name); unknown: 404.",
  status: "all (default), submitted or skipped.",
  kind: "Only items of this kind.",
  reviewer: "Only this reviewer, by pseudonym (R-…); unknown: 404.",
  from: "Submitted (skips: last changed) on or after this day, YYYY-MM-DD, UTC.",
  to: "… and on or before this day.",
  identifyReviewers: "true: reviewer emails instead of pseudonyms (admins only, else 403).",
  content: "false: ratings only, without item and response texts.",
  manifest: "true: the manifest of a single-file format instead of the file.",
  source: "brat and conll only: reviewers (default) or imported.",
  foldMajorClaim: "conll only: tag MajorClaim as Claim.",
};

export const OPERATIONS: Operation[] = [
  {
    route: "openapi.json", method: "get", permission: null, tag: "Meta",
    summary: "This document (OpenAPI 3.1); public and cacheable.",
    responses: { 200: { description: "The OpenAPI document.", content: { "application/json": { json: { type: "object" } } } } },
  },
  {
    route: "projects", method: "get", permission: "project:read", tag: "Projects",
    summary: "List the projects the caller may see (admins: all; researchers: their projects), by slug.",
    query: [listProjectsQuerySchema],
    responses: { 200: { description: "A page of projects.", content: { "application/json": projectsPageSchema } } },
  },
  {
    route: "audit", method: "get", permission: "audit:read", tag: "Audit",
    summary: "The audit log, newest first: who did what, filtered by actor, action, entity, project and dates; format=csv for a file of every match.",
    query: [z.strictObject({ format: z.enum(["json", "csv"]).default("json").describe("json (a page of 100; default) or csv (every matching event, streamed)."), ...auditFilterSchema.shape })],
    responses: {
      200: {
        description: "A page of events ({data, nextCursor}), or the CSV file.",
        content: {
          "application/json": { json: { type: "object", properties: { data: { type: "array", items: { type: "object", properties: { id: { type: "string" }, createdAt: { type: "string", format: "date-time" }, action: { type: "string" }, entityType: { type: "string" }, entityId: { type: ["string", "null"] }, actorEmail: { type: ["string", "null"] }, projectSlug: { type: ["string", "null"] }, data: {} } } }, nextCursor: { type: ["string", "null"] } }, required: ["data", "nextCursor"] } },
          "text/csv": text("Columns time, actor, action, entity_type, entity_id, project, data (JSON)."),
        },
      },
    },
  },
  {
    route: "projects/[slug]/items", method: "get", permission: "project:read", tag: "Projects",
    summary: "List a project's items by external id; include=content adds texts and model names.",
    query: [listItemsQuerySchema],
    responses: { 200: { description: "A page of items.", content: { "application/json": itemsPageSchema } } },
  },
  {
    route: "projects/[slug]/annotations", method: "get", permission: "export:read", tag: "Annotations",
    summary: "List the JSONL export's records (submitted annotations; skips with status=skipped or all), a page at a time.",
    description: "The records are exactly the JSONL export's (docs/export-record.schema.json), de-blinded, reviewers pseudonymized unless an admin passes identifyReviewers=true.",
    query: [listAnnotationsQuerySchema],
    responses: { 200: { description: "A page of records.", content: { "application/json": annotationsPageSchema } } },
  },
  {
    route: "projects/[slug]/export", method: "get", permission: "export:read", tag: "Exports",
    summary: "Download an export, streamed (every format; Parquet and hf as a zip with manifest.json).",
    description: "Every refusal (bad parameter, unknown batch or reviewer) comes before the first byte. Argument exports: format=brat (zip) or conll take source and foldMajorClaim.",
    query: [exportQuerySchema, argumentExportQuerySchema.pick({ source: true, foldMajorClaim: true })],
    notes: EXPORT_NOTES,
    responses: { 200: { description: "The file, as an attachment.", content: exportFile, headers: { "Content-Disposition": "attachment; filename=…" } } },
  },
  {
    route: "projects/[slug]/export-jobs", method: "get", permission: "export:read", tag: "Exports",
    summary: "The caller's background exports of the project (admins: everyone's), newest first.",
    responses: { 200: { description: "The jobs.", content: { "application/json": z.object({ jobs: z.array(exportJobSchema) }) } } },
  },
  {
    route: "projects/[slug]/export-jobs", method: "post", permission: "export:read", tag: "Exports",
    summary: "Start a background export with the download's parameters; poll the job it returns.",
    query: [exportQuerySchema],
    notes: EXPORT_NOTES,
    responses: { 202: { description: "Queued (a success, not an error): the job; Location names its status URL.", content: { "application/json": exportJobSchema }, headers: { Location: "/api/v1/export-jobs/{id}" } } },
  },
  {
    route: "export-jobs/[id]", method: "get", permission: "export:read", tag: "Exports",
    summary: "A background export's status and progress (its requester or an admin).",
    responses: { 200: { description: "The job.", content: { "application/json": exportJobWithDownloadSchema } } },
  },
  {
    route: "export-jobs/[id]/download", method: "get", permission: "export:read", tag: "Exports",
    summary: "The finished export file, streamed.",
    responses: { 200: { description: "The file, as an attachment.", content: { "application/x-ndjson": binary, "text/csv": binary, "application/zip": binary } } },
    errors: [409],
  },
  {
    route: "projects/[slug]/import", method: "post", permission: "item:import", tag: "Import",
    summary: "Import items (JSONL or CSV) or an argument corpus (zip of brat, CoNLL or CasiMedicos files), all or nothing.",
    description: "The answer is NDJSON with status 200 even when the file has problems: progress events, then one result line whose ok says whether anything was imported.",
    query: [importQuery],
    body: {
      description: "The file as the raw body; name it in X-File-Name (optional).", required: true,
      content: { "application/x-ndjson": ndjson(itemLine), "application/jsonl": ndjson(itemLine), "application/json": ndjson(itemLine), "text/csv": text("Items as CSV (README \"Import\")."), "application/zip": binary },
    },
    responses: { 200: { description: "NDJSON events (success shape, also for a refused file).", content: { "application/x-ndjson": ndjson(importEventSchema) } } },
    errors: [415],
  },
  {
    route: "projects/[slug]/judge-results", method: "post", permission: "item:import", tag: "Import",
    summary: "Import an automated judge's results (JSONL), all or nothing.",
    description: "The answer is NDJSON with status 200 even when the file has problems: progress events, then one result line.",
    query: [judgeQuery],
    body: { description: "JSONL, one judged value per line.", required: true, content: { "application/x-ndjson": ndjson(judgeLineSchema), "application/jsonl": ndjson(judgeLineSchema), "application/json": ndjson(judgeLineSchema) } },
    responses: { 200: { description: "NDJSON events (success shape, also for a refused file).", content: { "application/x-ndjson": ndjson(judgeImportEventSchema) } } },
    errors: [415],
  },
  {
    route: "projects/[slug]/images", method: "post", permission: "item:import", tag: "Import",
    summary: "Upload one image for vqa items (raw body, named by X-File-Name).",
    body: { description: "The image (or, for recordings, audio) file.", required: true, content: { "image/png": binary, "image/jpeg": binary, "image/gif": binary, "image/webp": binary, "audio/mpeg": binary, "audio/wav": binary, "audio/x-wav": binary, "audio/ogg": binary, "audio/mp4": binary, "application/octet-stream": binary } },
    responses: { 201: { description: "Stored.", content: { "application/json": uploadedImageSchema } } },
    errors: [409, 413, 415],
  },
  {
    route: "projects/[slug]/results", method: "get", permission: "project:read", tag: "Results",
    summary: "Rubric results per axis and model, pairwise win / tie / loss, agreement, LLM-judge calibration, automatic grades and variants against originals (JSON or CSV).",
    query: [resultsQuery],
    notes: {
      batch: "Only this batch (by name); unknown: 404.", kind: "Only items of this kind.", specialty: "Only items of this specialty.", language: "Only items in this language.",
      reviewer: "Only this reviewer, by pseudonym (R-…).", from: "Submitted on or after this day, YYYY-MM-DD, UTC.", to: "… and on or before this day.",
      gold: "exclude (default) gold items, include them, or only them.",
    },
    responses: { 200: { description: "The figures.", content: { "application/json": resultsSchema, "text/csv": text("One row per figure (README \"Results\").") } } },
  },
  {
    route: "projects/[slug]/report", method: "get", permission: "project:read", tag: "Results",
    summary: "The study report from the project's records, Markdown or PDF.",
    query: [z.strictObject({ format: z.enum(["md", "pdf"]).default("md").describe("md (default) or pdf.") })],
    responses: { 200: { description: "The report, as an attachment.", content: { "text/markdown": text("Markdown."), "application/pdf": binary } } },
    errors: [503],
  },
  {
    route: "projects/[slug]/consensus", method: "get", permission: "export:read", tag: "Exports",
    summary: "The project's consensus records (adjudication), one JSON object per line.",
    query: [consensusQuerySchema],
    responses: { 200: { description: "Consensus records, by external id.", content: { "application/x-ndjson": ndjson(consensusRecordSchema.meta({ id: "ConsensusRecord" })) } } },
  },
  {
    route: "projects/[slug]/qualification", method: "get", permission: "export:read", tag: "Exports",
    summary: "Qualification outcomes per reviewer (attempts, scores, pass, gold-watch pauses), one JSON object per line.",
    query: [qualificationQuerySchema],
    responses: { 200: { description: "One record per reviewer who took the qualification round or was warned or paused.", content: { "application/x-ndjson": ndjson(qualificationRecordSchema.meta({ id: "QualificationRecord" })) } } },
  },
  {
    route: "projects/[slug]/rubric", method: "get", permission: "project:read", tag: "Projects",
    summary: "The project's rubric (newest or a stored version) as a shareable JSON document; the version is in X-Rubric-Version.",
    query: [rubricQuerySchema],
    responses: { 200: { description: "The rubric document (format consilium-rubric/1), importable with `consilium rubric import` or the rubric editor.", content: { "application/json": rubricDocumentSchema } } },
  },
  {
    route: "projects/[slug]/scores", method: "get", permission: "project:read", tag: "Results",
    summary: "Case-criteria scores (HealthBench scoring) per model, tag and theme; gold accuracy for admins.",
    query: [scoresQuerySchema],
    notes: { batch: "Only this batch (by name); unknown: 404." },
    responses: { 200: { description: "The scores.", content: { "application/json": scoresSchema } } },
  },
  {
    route: "items/[itemId]/images/[index]", method: "get", permission: "image:read", tag: "Images",
    summary: "The n-th image of a vqa item the caller may see.",
    responses: { 200: { description: "The image.", content: { "image/*": binary } } },
  },
  {
    route: "items/[itemId]/audio", method: "get", permission: "image:read", tag: "Images",
    summary: "The recording of a qa or dialogue item the caller may see (voice consultations); honours a byte Range (206) for seeking.",
    responses: { 200: { description: "The audio file.", content: { "audio/*": binary } }, 206: { description: "The requested byte range.", content: { "audio/*": binary } } },
  },
  {
    route: "images/[...path]", method: "get", permission: "image:read", tag: "Images",
    summary: "An image by its stored path (\"<slug>/<name>\", may contain slashes), if an item the caller may see references it.",
    responses: { 200: { description: "The image.", content: { "image/*": binary } } },
  },
  {
    route: "assignments/[id]/annotation", method: "put", permission: "assignment:work", tag: "Reviewing",
    summary: "Save (autosave) or submit the caller's annotation of an assigned item.",
    description: `Optimistic concurrency by baseVersion; idempotent by clientMutationId. Body at most ${MAX_SAVE_BYTES / 1024 / 1024} MB.`,
    body: { description: "The annotation document.", required: true, content: { "application/json": saveAnnotationSchema } },
    responses: { 200: { description: "Saved.", content: { "application/json": saveResultSchema } } },
    errors: [409, 413, 415, 422, 423],
    errorSchemas: { 409: saveRefusalSchema, 422: saveRefusalSchema, 423: saveRefusalSchema },
  },
  {
    route: "assignments/[id]/revisions", method: "get", permission: "assignment:work", tag: "Reviewing",
    summary: "The caller's own revision history of an assignment, newest first.",
    responses: { 200: { description: "The revisions.", content: { "application/json": revisionsSchema } } },
  },
  {
    route: "assignments/[id]/skip", method: "post", permission: "assignment:work", tag: "Reviewing",
    summary: "Skip an assigned item with a reason.",
    body: { description: "Why.", required: true, content: { "application/json": skipAssignmentSchema } },
    responses: { 200: { description: "Skipped.", content: { "application/json": z.object({ status: z.literal("skipped") }) } } },
    errors: [413, 415, 423],
  },
];
