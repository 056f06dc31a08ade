import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActionType } from "@/lib/items/schema";
import type { CitationRef } from "@/lib/tools/citations/marks";
import type { ModelRegion } from "@/lib/tools/regions/shapes";

// One page of the export as ONE SQL query: a row per submitted REVIEW annotation (or, in
// fetchSkippedPage, per skipped assignment), joined to its assignment and item, with the item's
// responses and criteria aggregated as JSON in position order. Replaces a nested Prisma findMany
// whose relation stitching (and the many small objects it builds) was a third of the export's CPU
// (bench). Every value is a bound parameter; the only SQL
// chosen at run time are the constant fragments below.

export type PageResponse = {
  id: string;
  label: string;
  modelName: string;
  /** Only with content. */
  content?: string;
  reasoning?: string | null;
  answer?: unknown;
  /** The model's text, only for responses the annotation corrects (their edit distance; decision 030). */
  originalContent?: string | null;
  /** Typed analysis fields (lib/items/analysis-fields.ts); null when none were imported. */
  analysis: unknown;
  /** The gradable part of the answer (choice, choices, numeric), when the item has an answer key. */
  graded?: unknown;
  /** Trajectory items: the run's outline (type, role, tool, test, cost of each action), null otherwise. */
  actions?: Array<{ type: ActionType; role?: string; tool?: string; test?: string; costUsd?: number }> | null;
  /** The response's citations without their passages, null when it cites nothing. */
  citations?: CitationRef[] | null;
  /** The model's own localizations on the item's images (vqa), null when it made none. */
  regions?: ModelRegion[] | null;
  /** The response's text, only where the annotation marks regions (a region's link names one of its sentences). */
  regionText?: string | null;
};

export type PageCriterion = { id: string; position: number; text: string; points: number; tags: string[] };

export type AnnotationPageRow = {
  id: string;
  version: number;
  data: unknown;
  submittedAt: Date;
  itemId: string;
  /** The item's reference.statements (JSON), when it has any. */
  referenceStatements?: unknown;
  assignmentId: string;
  batchId: string;
  reviewerId: string;
  rubricId: string;
  responseOrder: string[];
  timeOnTaskMs: number;
  /** Study arms: the arm of this rating, and the first phase it follows (null in phase 1 and outside arms). */
  arm: "UNASSISTED" | "ASSISTED" | null;
  precededById: string | null;
  /** Qualification rounds: the attempt (1 elsewhere). */
  attempt: number;
  externalId: string;
  kind: string;
  /** Typed analysis fields of the item and the external id of the item it is a variant of (issue 13). */
  itemAnalysis: unknown;
  variantOf: string | null;
  /** The item's answer key (correctOption, correctOptions, numeric), null when it has none (lib/grading/auto-grade.ts). */
  answerKey: unknown;
  /** The record's entries (id, section, date, title), only where the annotation links statements to them. */
  recordEntries?: Array<{ id: string; section: string; date?: string; title: string }> | null;
  /** The item's images (src, spacing), only where the annotation marks regions. */
  regionImages?: Array<{ src: string; spacing?: [number, number] }> | null;
  /** Only with identifyReviewers. */
  email?: string;
  /** Only with content. */
  input?: unknown;
  reference?: unknown;
  /** Only with raw content: the item's input and reference as JSON text, and its responses' content (see RAW_SEPARATORS). */
  inputRaw?: string;
  referenceRaw?: string;
  responseContentRaw?: string | null;
  /** Only with includeMetadata. */
  metadata?: unknown;
  responses: PageResponse[];
  criteria: PageCriterion[];
};

export type AnnotationPageQuery = {
  batchIds: string[];
  /** Last id of the previous page (annotation, or assignment for skips; keyset), none for the first page. */
  after?: string;
  pageSize: number;
  includeContent: boolean;
  /**
   * With content: the texts as JSON text, never parsed (JSONL records, lib/export/raw-json.ts):
   * inputRaw, referenceRaw and responseContentRaw instead of input, reference and the responses' content.
   */
  rawContent?: boolean;
  /** With content: also the item's metadata (tags, canary) — HealthBench records need it. */
  includeMetadata?: boolean;
  identifyReviewers: boolean;
  /** Optional filters (item kind, one reviewer, a time range); none keeps the query as benchmarked. */
  narrow?: RecordNarrowing;
  /** False when the project has no criteria at all: the per-row criteria lookup is skipped (~12 % of the export query). */
  withCriteria?: boolean;
};

/**
 * Dates are UTC instants: from inclusive, until exclusive (the day after the `to` date). `withTool`
 * keeps only annotations one tool's results can use (the results page's tool sections: reading
 * every annotation of a large study to find none with steps took seconds per section).
 */
export type RecordNarrowing = { kind?: string; reviewerId?: string; from?: Date; until?: Date; withTool?: ToolWithResults };

export type ToolWithResults = "steps" | "arguments" | "references" | "corrections" | "actions" | "citations" | "grounding" | "regions" | "record-links";

/** Which submitted annotations can carry a tool's results: a block in the document, or (references) statements on the item. */
const WITH_TOOL: Record<ToolWithResults, Prisma.Sql> = {
  steps: Prisma.sql`AND a.data->'steps' IS NOT NULL`,
  arguments: Prisma.sql`AND a.data->'arguments' IS NOT NULL`,
  corrections: Prisma.sql`AND a.data->'corrections' IS NOT NULL`,
  actions: Prisma.sql`AND i.kind = 'TRAJECTORY'`,
  citations: Prisma.sql`AND a.data->'citations' IS NOT NULL`,
  grounding: Prisma.sql`AND i.kind = 'SUMMARY'`,
  "record-links": Prisma.sql`AND i.kind = 'RECORD'`,
  regions: Prisma.sql`AND i.kind = 'VQA' AND (a.data->'regions' IS NOT NULL OR EXISTS (SELECT 1 FROM "Response" r WHERE r."itemId" = i.id AND jsonb_typeof(r.answer->'regions') = 'array'))`,
  references: Prisma.sql`AND jsonb_typeof(i.reference->'statements') = 'array' AND i.reference->'statements' <> '[]'::jsonb`,
};

/**
 * The narrowing as SQL for a query over `s` (Assignment) and `i` (Item); `at` is the column that
 * dates a record: the submission time, or for a skip the assignment's last update (when it was skipped).
 */
export function narrowingSql(narrow: RecordNarrowing | undefined, at: Prisma.Sql): Prisma.Sql {
  if (!narrow) return Prisma.empty;
  const parts: Prisma.Sql[] = [];
  if (narrow.kind) parts.push(Prisma.sql`AND i.kind = ${narrow.kind.toUpperCase()}::"ItemKind"`);
  if (narrow.reviewerId) parts.push(Prisma.sql`AND s."reviewerId" = ${narrow.reviewerId}`);
  if (narrow.from) parts.push(Prisma.sql`AND ${at} >= ${narrow.from}`);
  if (narrow.until) parts.push(Prisma.sql`AND ${at} < ${narrow.until}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * Raw response content: per response (in position order) its content, reasoning and answer as JSON
 * texts joined by \x02, the responses joined by \x01. JSON text never holds a raw control
 * character (to_json and jsonb escape them), so the split is exact.
 */
export const RAW_SEPARATORS = { response: "\x01", field: "\x02" } as const;

/** The answer key of an item (`i`) that has one, and the gradable part of a response (`r`): automatic grades in records. */
const KEY_FIELDS = Prisma.sql`ARRAY['correctOption', 'correctOptions', 'numeric']`;
const ANSWER_KEY = Prisma.sql`CASE WHEN jsonb_typeof(i.reference) = 'object' AND jsonb_exists_any(i.reference, ${KEY_FIELDS}) THEN jsonb_build_object('correctOption', i.reference->'correctOption', 'correctOptions', i.reference->'correctOptions', 'numeric', i.reference->'numeric') END`;
const GRADED = Prisma.sql`CASE WHEN jsonb_typeof(i.reference) = 'object' AND jsonb_exists_any(i.reference, ${KEY_FIELDS}) THEN r.answer - 'differential' - 'turns' END`;

/** A trajectory response's run without its texts (what the export's labels need), in run order. */
const ACTION_OUTLINE = Prisma.sql`CASE WHEN i.kind = 'TRAJECTORY' THEN (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('type', x.a->>'type', 'role', x.a->>'role', 'tool', x.a->>'tool', 'test', x.a->>'test', 'costUsd', x.a->'costUsd')) ORDER BY x.n) FROM jsonb_array_elements(r.answer->'actions') WITH ORDINALITY AS x(a, n)) END`;

/** A response's citations without their passages (which can be long), in order; null when it cites nothing. */
// The subquery runs only for responses that cite (most do not: the export's hot path stays as benchmarked).
const CITATION_REFS = Prisma.sql`CASE WHEN jsonb_typeof(r.answer->'citations') = 'array' THEN (SELECT jsonb_agg(x.c - 'passage' ORDER BY x.n) FROM jsonb_array_elements(r.answer->'citations') WITH ORDINALITY AS x(c, n)) END`;

/** A response's own localizations (vqa); null when it made none. */
const MODEL_REGIONS = Prisma.sql`CASE WHEN jsonb_typeof(r.answer->'regions') = 'array' THEN r.answer->'regions' END`;
/** The item's images where the annotation marks regions (their src and pixel spacing); null otherwise. */
const REGION_IMAGES = Prisma.sql`CASE WHEN jsonb_typeof(a.data->'regions') = 'object' AND jsonb_typeof(i.input->'images') = 'array' THEN (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('src', x.m->'src', 'spacing', x.m->'spacing')) ORDER BY x.n) FROM jsonb_array_elements(i.input->'images') WITH ORDINALITY AS x(m, n)) END`;

/** A record item's entries without their texts, where the annotation links statements; null otherwise. */
const RECORD_ENTRIES = Prisma.sql`CASE WHEN i.kind = 'RECORD' AND jsonb_typeof(a.data->'recordLinks') = 'object' THEN (SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', x.e->'id', 'section', x.e->'section', 'date', x.e->'date', 'title', x.e->'title')) ORDER BY x.n) FROM jsonb_array_elements(i.input->'record'->'entries') WITH ORDINALITY AS x(e, n)) END`;

/** The item's responses and criteria as JSON arrays in position order, for an item id column. */
function itemAggregates(itemId: Prisma.Sql, includeContent: boolean, withCriteria = true, rawContent = false, annotation?: Prisma.Sql) {
  // Content columns are not read at all for ratings-only exports (CSV, --no-content), except the
  // model's text of a response the annotation corrects (jsonb_exists: no "?" operator in the SQL text).
  const original = annotation
    ? Prisma.sql`, 'originalContent', CASE WHEN jsonb_exists(${annotation}.data->'corrections', r.id) THEN r.content END, 'regionText', CASE WHEN jsonb_typeof(${annotation}.data->'regions'->'shapes') = 'array' THEN r.content END`
    : Prisma.empty;
  const responseContent = includeContent && !rawContent ? Prisma.sql`, 'content', r.content, 'reasoning', r.reasoning, 'answer', r.answer ${original}` : original;
  const rawResponseContent = includeContent && rawContent
    ? Prisma.sql`(SELECT string_agg(concat_ws(E'\x02', COALESCE(to_json(r.content)::text, '""'), COALESCE(to_json(r.reasoning)::text, 'null'), COALESCE(r.answer::text, 'null')), E'\x01' ORDER BY r.position)
                     FROM "Response" r WHERE r."itemId" = ${itemId}) AS "responseContentRaw",`
    : Prisma.empty;
  return Prisma.sql`
           COALESCE((SELECT json_agg(json_build_object('id', r.id, 'label', r.label, 'modelName', r."modelName", 'analysis', r.analysis, 'graded', ${GRADED}, 'actions', ${ACTION_OUTLINE}, 'citations', ${CITATION_REFS}, 'regions', ${MODEL_REGIONS} ${responseContent}) ORDER BY r.position)
                     FROM "Response" r WHERE r."itemId" = ${itemId}), '[]'::json) AS responses, ${rawResponseContent}
           ${withCriteria ? Prisma.sql`COALESCE((SELECT json_agg(json_build_object('id', c.id, 'position', c.position, 'text', c.text, 'points', c.points, 'tags', c.tags) ORDER BY c.position)
                     FROM "Criterion" c WHERE c."itemId" = ${itemId}), '[]'::json)` : Prisma.sql`'[]'::json`} AS criteria`;
}

const itemContentSql = (q: Pick<AnnotationPageQuery, "includeContent" | "rawContent" | "includeMetadata">) => {
  if (!q.includeContent) return Prisma.empty;
  const texts = q.rawContent ? Prisma.sql`, COALESCE(i.input::text, 'null') AS "inputRaw", COALESCE(i.reference::text, 'null') AS "referenceRaw"` : Prisma.sql`, i.input, i.reference`;
  return q.includeMetadata ? Prisma.sql`${texts}, i.metadata` : texts;
};

const reviewerEmail = (identifyReviewers: boolean) =>
  identifyReviewers ? Prisma.sql`, (SELECT u.email FROM "User" u WHERE u.id = s."reviewerId") AS email` : Prisma.empty;

/**
 * The submitted annotations' rows in annotation id order: the page after `q.after` of `q.pageSize`
 * rows, or without a page size all of them (the COPY stream, annotation-records.ts).
 */
export function annotationRowsSql(q: Omit<AnnotationPageQuery, "pageSize"> & Partial<Pick<AnnotationPageQuery, "pageSize">>): Prisma.Sql {
  const itemContent = itemContentSql(q);
  const after = q.after === undefined ? Prisma.empty : Prisma.sql`AND a.id > ${q.after}`;
  return Prisma.sql`
    SELECT a.id, a.version, a.data, a."submittedAt", a."itemId",
           s.id AS "assignmentId", s."batchId", s."reviewerId", s."rubricId", s."responseOrder", s."timeOnTaskMs", s.arm::text AS arm, s."precededById", s.attempt,
           i."externalId", i.kind::text AS kind, i.analysis AS "itemAnalysis", i."variantOf", ${ANSWER_KEY} AS "answerKey", ${REGION_IMAGES} AS "regionImages", ${RECORD_ENTRIES} AS "recordEntries", i.reference->'statements' AS "referenceStatements" ${itemContent} ${reviewerEmail(q.identifyReviewers)},
           ${itemAggregates(Prisma.sql`a."itemId"`, q.includeContent, q.withCriteria, q.rawContent, Prisma.sql`a`)}
    FROM "Annotation" a
    JOIN "Assignment" s ON s.id = a."assignmentId"
    JOIN "Item" i ON i.id = a."itemId"
    WHERE a.kind = 'REVIEW' AND a."submittedAt" IS NOT NULL AND s."batchId" = ANY(${q.batchIds}::text[]) ${after} ${narrowingSql(q.narrow, Prisma.sql`a."submittedAt"`)}
          ${q.narrow?.withTool ? WITH_TOOL[q.narrow.withTool] : Prisma.empty}
    ORDER BY a.id ${q.pageSize === undefined ? Prisma.empty : Prisma.sql`LIMIT ${q.pageSize}`}`;
}

export function fetchAnnotationPage(db: Db, q: AnnotationPageQuery): Promise<AnnotationPageRow[]> {
  return db.$queryRaw<AnnotationPageRow[]>(annotationRowsSql(q));
}

export type SkippedPageRow = Omit<AnnotationPageRow, "version" | "data" | "submittedAt" | "rubricId" | "assignmentId"> & { skipReason: string };

/**
 * Skipped assignments (the reason is required when skipping), keyset by assignment id. Read by
 * the (batch, status) index: skips are few, so their separate pages cost little, and submitted
 * records keep the annotation-driven query the benchmark was tuned on.
 */
export function fetchSkippedPage(db: Db, q: AnnotationPageQuery): Promise<SkippedPageRow[]> {
  const itemContent = itemContentSql(q);
  const after = q.after === undefined ? Prisma.empty : Prisma.sql`AND s.id > ${q.after}`;
  return db.$queryRaw<SkippedPageRow[]>`
    SELECT s.id, s."itemId", s."batchId", s."reviewerId", s."responseOrder", s."timeOnTaskMs", s.arm::text AS arm, s."precededById", s.attempt, COALESCE(s."skipReason", '') AS "skipReason",
           i."externalId", i.kind::text AS kind, i.analysis AS "itemAnalysis", i."variantOf", ${ANSWER_KEY} AS "answerKey", i.reference->'statements' AS "referenceStatements" ${itemContent} ${reviewerEmail(q.identifyReviewers)},
           ${itemAggregates(Prisma.sql`s."itemId"`, q.includeContent, true, q.rawContent)}
    FROM "Assignment" s
    JOIN "Item" i ON i.id = s."itemId"
    WHERE s.status = 'SKIPPED' AND s."batchId" = ANY(${q.batchIds}::text[]) ${after} ${narrowingSql(q.narrow, Prisma.sql`s."updatedAt"`)}
    ORDER BY s.id
    LIMIT ${q.pageSize}`;
}
