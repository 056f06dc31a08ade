import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/auth/permissions";
import { withDocumentDefaults } from "@/lib/annotations/schema";
import { projectRecord, projectResponse } from "@/lib/tools/export-projections";
import { statementsOf } from "@/lib/tools/references/statements";
import { segmentationVersions } from "@/lib/tools/steps/segmentations";
import type { ExportContext } from "@/lib/tools/types";
import { copyRowBatches } from "@/lib/db/copy-rows";
import { rawJson } from "./raw-json";
import { autoGrade } from "@/lib/grading/auto-grade";
import { RAW_SEPARATORS, annotationRowsSql, fetchAnnotationPage, fetchSkippedPage, type AnnotationPageRow, type PageResponse, type RecordNarrowing, type SkippedPageRow, type ToolWithResults } from "./annotation-page-query";
import { pagedBatches } from "./paged-rows";
import { pseudonymizeReviewer } from "./pseudonym";
import { ARM_NAME, assistanceName } from "@/lib/assignments/study-arms";
import type { ExportRecord, SkippedRecord, SubmittedRecord } from "./record-schema";

// One record per submitted annotation and per skipped assignment, de-blinded (model names
// restored, screen order undone), streamed page by page with keyset pagination so memory stays
// flat whatever the study size. Each page is one SQL query (annotation-page-query.ts). The record
// format is lib/export/record-schema.ts.

export const PAGE_SIZE = 1000;
/**
 * With item and response texts a row is several times larger, and two pages are in memory at once
 * (the next one is prefetched): 500 lowered JSONL peak RSS by ~20 MB at 100k annotations with no
 * loss of throughput; for ratings-only rows 500 made no difference, so they keep 1000.
 */
export const CONTENT_PAGE_SIZE = 500;

/** Which assignments the export covers: submitted annotations, skipped assignments, or both. */
export type ExportStatus = "submitted" | "skipped" | "all";

export type ExportFilter = {
  projectId: string;
  batchName?: string;
  /**
   * Analyses inside the app (differential accuracy) read submitted work, so "submitted" is the
   * default here; the public export (API, CLI, UI) defaults to "all" (lib/export/schema.ts).
   */
  status?: ExportStatus;
  identifyReviewers?: boolean;
  /** Include item input and response texts (JSONL datasets); ratings-only when false. */
  includeContent?: boolean;
  /**
   * With content: the texts stay the JSON text PostgreSQL wrote (lib/export/raw-json.ts), for a
   * consumer that only writes records with stringifyRecord (the JSONL file).
   */
  rawContent?: boolean;
  /** With content: the item's metadata too (internal: the HealthBench records carry its tags and canary). */
  includeItemMetadata?: boolean;
  /** Only items of this kind (lower case, as in records). */
  kind?: string;
  /** Only this reviewer's records (a user id, resolved from the pseudonym by prepareExport). */
  reviewerId?: string;
  /** Submitted (or, for skips, last updated) on or after this day, YYYY-MM-DD, UTC. */
  from?: string;
  /** … and on or before this day. */
  to?: string;
  /** Internal (the results page's tool sections): only annotations this tool's results can use. */
  withTool?: ToolWithResults;
  /** Internal (tests): how submitted rows are read; by default COPY where the database allows it. */
  via?: RowSource;
};

/**
 * Submitted rows come through one COPY stream (lib/db/copy-rows.ts, decision 028), or as keyset
 * pages where that needs a connection the process does not have: the embedded fallback database
 * serves one connection, held by the Prisma client (DATABASE_POOL_MAX=1).
 */
export type RowSource = "copy" | "pages";
export const defaultRowSource = (): RowSource => (process.env.DATABASE_POOL_MAX === "1" ? "pages" : "copy");

/** The filter's kind, reviewer and dates as the page queries' narrowing (undefined when none is set). */
export function narrowingOf(filter: ExportFilter): RecordNarrowing | undefined {
  if (!filter.kind && !filter.reviewerId && !filter.from && !filter.to && !filter.withTool) return undefined;
  return {
    ...(filter.withTool ? { withTool: filter.withTool } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.reviewerId ? { reviewerId: filter.reviewerId } : {}),
    ...(filter.from ? { from: new Date(`${filter.from}T00:00:00Z`) } : {}),
    ...(filter.to ? { until: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } : {}),
  };
}

type Axis = { key: string; appliesTo: string; polarity: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE" };

/** The response as identified to the reviewer. */
const responseIdentity = (r: PageResponse, order: string[]) => ({ responseId: r.id, label: r.label, modelName: r.modelName, shownAs: order.indexOf(r.id) + 1 });
/** With content: what the model said (last in each response, after the ratings). */
type ResponseContent = { content: string; reasoning: string | null; answer: unknown };
const responseContent = (r: PageResponse): ResponseContent => ({ content: r.content ?? "", reasoning: r.reasoning ?? null, answer: r.answer ?? null });

/** The same as JSON texts for the JSONL line (raw content), one entry per response in position order. */
function rawResponseContents(raw: string | null | undefined): ResponseContent[] {
  if (!raw) return [];
  return raw.split(RAW_SEPARATORS.response).map((fields) => {
    const [content, reasoning, answer] = fields.split(RAW_SEPARATORS.field);
    return { content: rawJson<string>(content), reasoning: rawJson<string | null>(reasoning), answer: rawJson<unknown>(answer) };
  });
}

/**
 * The responses the reviewer was shown, by position among the item's: all of them, unless the batch
 * showed a subset (decision 031) or set one aside as study-arm assistance.
 */
function shownIndexes(row: AnnotationPageRow | SkippedPageRow): number[] {
  const all = row.responses.map((_, i) => i);
  if (row.responseOrder.length === row.responses.length) return all;
  const shown = new Set(row.responseOrder);
  return all.filter((i) => shown.has(row.responses[i].id));
}

/** Each response's content, parsed or raw, by position. */
function contentsOf(row: AnnotationPageRow | SkippedPageRow): ResponseContent[] {
  return row.responseContentRaw !== undefined ? rawResponseContents(row.responseContentRaw) : row.responses.map(responseContent);
}

/** With content: the item as reviewed, parsed or raw. */
function itemContent(row: AnnotationPageRow | SkippedPageRow) {
  const metadata = row.metadata !== undefined ? { metadata: row.metadata } : {};
  if (row.inputRaw !== undefined) return { input: rawJson<unknown>(row.inputRaw), reference: rawJson<unknown>(row.referenceRaw ?? "null"), ...metadata };
  return { input: row.input, reference: row.reference ?? null, ...metadata };
}

type Context = {
  project: string;
  batchNames: Map<string, string>;
  /** Qualification rounds among the batches. */
  practiceBatches: Set<string>;
  /** Study arms per batch id (batches without arms are absent). */
  batchArms: Map<string, { design: "sequential" | "crossover"; assistance: string }>;
  includeContent: boolean;
  reviewer: (row: { reviewerId: string; email?: string }) => string;
};

/**
 * The fields every record has, assigned onto `out` in the published key order. Records are built
 * by assignment onto one object rather than by spreading parts: spreads of several objects per
 * record and response were a fifth of the export's CPU (bench profile, decision 028).
 */
function assignCommonFields(out: Record<string, unknown>, row: AnnotationPageRow | SkippedPageRow, assignmentId: string, ctx: Context) {
  out.project = ctx.project;
  out.batch = ctx.batchNames.get(row.batchId)!;
  out.assignmentId = assignmentId;
  out.itemId = row.itemId;
  out.externalId = row.externalId;
  out.kind = row.kind.toLowerCase();
  const analysis = itemAnalysisOf(row);
  if (analysis) out.analysis = analysis;
  if (ctx.includeContent) out.item = itemContent(row);
  out.reviewer = ctx.reviewer(row);
  out.timeOnTaskMs = row.timeOnTaskMs;
  if (ctx.practiceBatches.has(row.batchId)) out.practice = { attempt: row.attempt };
  const studyArm = studyArmOf(row, ctx);
  if (studyArm) out.studyArm = studyArm;
}

const hasFields = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && Object.keys(v).length > 0;

/** The item's analysis fields and the variant link, only when it has some (most items have none). */
function itemAnalysisOf(row: AnnotationPageRow | SkippedPageRow): Record<string, unknown> | undefined {
  if (!row.variantOf && !hasFields(row.itemAnalysis)) return undefined;
  return { ...(hasFields(row.itemAnalysis) ? row.itemAnalysis : {}), ...(row.variantOf ? { variantOf: row.variantOf } : {}) };
}

/** A response as shown, then (submitted) its tools' fields, then (with content) what the model said. */
function responseRecord(r: PageResponse, order: string[], content: ResponseContent | undefined, answerKey: unknown, project?: (into: object) => void) {
  const out: Record<string, unknown> = responseIdentity(r, order);
  if (hasFields(r.analysis)) out.analysis = r.analysis;
  if (answerKey) {
    const correct = autoGrade(answerKey, r.graded);
    if (correct !== null) out.answerCorrect = correct;
  }
  project?.(out);
  if (content) {
    out.content = content.content;
    out.reasoning = content.reasoning;
    out.answer = content.answer;
  }
  return out;
}

function studyArmOf(row: AnnotationPageRow | SkippedPageRow, ctx: Context): SubmittedRecord["studyArm"] {
  const arms = ctx.batchArms.get(row.batchId);
  if (!arms || !row.arm) return undefined;
  return { design: arms.design, arm: ARM_NAME[row.arm], phase: row.precededById ? 2 : 1, firstPhase: row.precededById, assistance: arms.assistance };
}

/** A submitted annotation: each tool projects its block (lib/tools/export-projections.ts). */
function submittedRecord(a: AnnotationPageRow, rubric: { version: number; axes: Axis[] }, ctx: Context, segmentations: ExportContext["segmentations"]): SubmittedRecord {
  const { axes } = rubric;
  const data = withDocumentDefaults(a.data);
  const refs = new Map(a.responses.map((r) => [r.id, { responseId: r.id, label: r.label, modelName: r.modelName }]));
  const originals = new Map(a.responses.flatMap((r) => (typeof r.originalContent === "string" ? [[r.id, r.originalContent] as const] : [])));
  const runs = new Map(a.responses.flatMap((r) => (r.actions ? [[r.id, r.actions] as const] : [])));
  const cited = new Map(a.responses.flatMap((r) => (r.citations ? [[r.id, r.citations] as const] : [])));
  const modelRegions = new Map(a.responses.flatMap((r) => (r.regions?.length ? [[r.id, r.regions] as const] : [])));
  const regionTexts = new Map(a.responses.flatMap((r) => (typeof r.regionText === "string" ? [[r.id, r.regionText] as const] : [])));
  const regions = { ...(a.regionImages ? { regionImages: a.regionImages } : {}), ...(modelRegions.size ? { modelRegions } : {}), ...(regionTexts.size ? { regionTexts } : {}) };
  const recordEntries = a.recordEntries ? { recordEntries: new Map(a.recordEntries.map(({ id, ...e }) => [id, e])) } : {};
  const tools = { ...regions, ...recordEntries, criteria: a.criteria, statements: statementsOf(a.referenceStatements), axes, order: a.responseOrder, refs, segmentations, originals, ...(runs.size ? { actions: runs } : {}), ...(cited.size ? { citations: cited } : {}), ...(a.kind === "SUMMARY" ? { summaries: new Set(a.responses.map((r) => r.id)) } : {}) };
  const contents = ctx.includeContent ? contentsOf(a) : [];
  const record: Record<string, unknown> = { status: "submitted", annotationId: a.id, version: a.version, rubricVersion: rubric.version };
  assignCommonFields(record, a, a.assignmentId, ctx);
  record.submittedAt = a.submittedAt.toISOString();
  record.responses = shownIndexes(a).map((i) => responseRecord(a.responses[i], a.responseOrder, contents[i], a.answerKey, (into) => projectResponse(data, a.responses[i].id, tools, into)));
  projectRecord(data, tools, record);
  record.overallComment = data.overallComment;
  return record as SubmittedRecord;
}

function skippedRecord(s: SkippedPageRow, ctx: Context): SkippedRecord {
  const contents = ctx.includeContent ? contentsOf(s) : [];
  const record: Record<string, unknown> = { status: "skipped" };
  assignCommonFields(record, s, s.id, ctx);
  record.skipReason = s.skipReason;
  record.responses = shownIndexes(s).map((i) => responseRecord(s.responses[i], s.responseOrder, contents[i], s.answerKey));
  return record as SkippedRecord;
}

/** Where a record sits in the stream: submitted records by annotation id, then skips by assignment id. */
export type RecordKey = { status: "submitted" | "skipped"; id: string };

export const recordKeyOf = (r: ExportRecord): RecordKey => (r.status === "submitted" ? { status: "submitted", id: r.annotationId } : { status: "skipped", id: r.assignmentId });

/**
 * A slice of the stream for the listing API: at most `limit` records after `after`, read with
 * queries of exactly that size (no prefetch), so a page costs one or two queries.
 */
export type RecordWindow = { after?: RecordKey; limit: number };

/** Without a status, or with "submitted", every record is a submitted one (analyses rely on it). */
export function streamAnnotationRecords(filter: ExportFilter & { status?: "submitted" }, window?: RecordWindow): AsyncGenerator<SubmittedRecord>;
export function streamAnnotationRecords(filter: ExportFilter, window?: RecordWindow): AsyncGenerator<ExportRecord>;
export async function* streamAnnotationRecords(filter: ExportFilter, window?: RecordWindow): AsyncGenerator<ExportRecord> {
  for await (const batch of streamAnnotationRecordBatches(filter, window)) yield* batch;
}

/**
 * The same records a batch at a time (a page, or what one COPY chunk completed): the exports write
 * them this way, so a record does not pass through a chain of async generators one by one.
 */
export async function* streamAnnotationRecordBatches(filter: ExportFilter, window?: RecordWindow): AsyncGenerator<ExportRecord[]> {
  const db = getDb();
  const includeContent = filter.includeContent ?? false;
  const identifyReviewers = filter.identifyReviewers ?? false;
  const status = filter.status ?? "submitted";
  const project = await db.project.findUniqueOrThrow({ where: { id: filter.projectId } });
  // Filter by batch ids, not by a join to Batch: with a fresh (unanalysed) Batch table PostgreSQL
  // otherwise scans and sorts every assignment per page, making the export quadratic (bench).
  // The names come from here too, so the page query does not touch Batch at all.
  const batches = await db.batch.findMany({
    where: { projectId: project.id, ...(filter.batchName !== undefined ? { name: filter.batchName } : {}) },
    select: { id: true, name: true, armDesign: true, assist: true, isQualification: true },
  });
  // An unknown batch is an error, not an empty file (callers check it before streaming: prepare-export.ts).
  if (filter.batchName !== undefined && !batches.length) throw new NotFoundError(`Batch "${filter.batchName}" not found.`);
  if (!batches.length) return;
  const batchIds = batches.map((b) => b.id);
  const pseudonyms = new Map<string, string>();
  const ctx: Context = {
    project: project.slug,
    batchNames: new Map(batches.map((b) => [b.id, b.name])),
    practiceBatches: new Set(batches.filter((b) => b.isQualification).map((b) => b.id)),
    batchArms: new Map(batches.flatMap((b) => (b.armDesign ? [[b.id, { design: b.armDesign === "SEQUENTIAL" ? "sequential" : "crossover", assistance: assistanceName(b.assist) }] as const] : []))),
    includeContent,
    reviewer: ({ reviewerId, email }) => {
      if (identifyReviewers) return email!;
      let p = pseudonyms.get(reviewerId);
      if (!p) pseudonyms.set(reviewerId, (p = pseudonymizeReviewer(project.pseudonymSalt, reviewerId)));
      return p;
    },
  };
  // A project has a handful of rubric versions: load each one's axes once.
  const rubricAxes = new Map<string, { version: number; axes: Axis[] }>();
  const loadAxes = async (rubricId: string) => {
    const rubric = await db.rubric.findUniqueOrThrow({ where: { id: rubricId }, select: { version: true, axes: { select: { key: true, appliesTo: true, polarity: true } } } });
    rubricAxes.set(rubricId, rubric);
  };
  // Step labels name the segmentation version they were made on; reviewers of one item share them.
  const segmentations: ExportContext["segmentations"] = new Map();
  const missingSegmentations = (data: unknown) => {
    const blocks = (data as { steps?: Record<string, { segmentationVersion: number }> } | null)?.steps;
    if (!blocks) return [];
    return Object.entries(blocks).map(([responseId, b]) => ({ responseId, version: b.segmentationVersion })).filter((p) => !segmentations.has(`${p.responseId}@${p.version}`));
  };
  /** A batch of rows as records; the database is asked only for axes and segmentations not seen yet (once per batch). */
  const recordsOf = async (rows: AnnotationPageRow[]): Promise<SubmittedRecord[]> => {
    for (const rubricId of new Set(rows.map((a) => a.rubricId))) if (!rubricAxes.has(rubricId)) await loadAxes(rubricId);
    const missing = rows.flatMap((a) => missingSegmentations(a.data));
    if (missing.length) for (const [key, s] of await segmentationVersions(missing, db)) segmentations.set(key, s);
    return rows.map((a) => submittedRecord(a, rubricAxes.get(a.rubricId)!, ctx, segmentations));
  };
  const pageSize = includeContent ? CONTENT_PAGE_SIZE : PAGE_SIZE;
  const narrow = narrowingOf(filter);
  const includeMetadata = includeContent && Boolean(filter.includeItemMetadata);
  const withCriteria = (await db.criterion.findFirst({ where: { item: { projectId: project.id } }, select: { id: true } })) !== null;
  const rawContent = includeContent && Boolean(filter.rawContent);
  const query = (after: string | undefined, size = pageSize) => ({ batchIds, after, pageSize: size, includeContent, rawContent, includeMetadata, identifyReviewers, withCriteria, ...(narrow ? { narrow } : {}) });
  if (window) {
    let remaining = window.limit;
    if (status !== "skipped" && window.after?.status !== "skipped") {
      const rows = await fetchAnnotationPage(db, query(window.after?.id, remaining));
      if (rows.length) yield await recordsOf(rows);
      remaining -= rows.length;
    }
    if (status !== "submitted" && remaining > 0) {
      const rows = await fetchSkippedPage(db, query(window.after?.status === "skipped" ? window.after.id : undefined, remaining));
      if (rows.length) yield rows.map((s) => skippedRecord(s, ctx));
    }
    return;
  }
  // Submitted records first (by annotation id), then skipped ones (by assignment id, a page at a
  // time: skips are few).
  if (status !== "skipped") {
    const batches = (filter.via ?? defaultRowSource()) === "copy"
      ? copyRowBatches<AnnotationPageRow>(annotationRowsSql({ ...query(undefined), pageSize: undefined }))
      : pagedBatches((after) => fetchAnnotationPage(db, query(after)), pageSize);
    for await (const rows of batches) yield await recordsOf(rows);
  }
  if (status !== "submitted") {
    for await (const rows of pagedBatches((after) => fetchSkippedPage(db, query(after)), pageSize)) yield rows.map((s) => skippedRecord(s, ctx));
  }
}
