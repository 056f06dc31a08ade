import { getDb } from "@/lib/db/client";
import { withDocumentDefaults, type AnnotationData } from "@/lib/annotations/schema";
import { scoreCriteria } from "@/lib/criteria/score";
import { topKOf, type DdxMatch } from "@/lib/ddx/matches";
import { fetchAnnotationPage } from "./annotation-page-query";
import { pseudonymizeReviewer } from "./pseudonym";

// One record per submitted annotation, de-blinded (model names restored, screen order undone),
// streamed page by page with keyset pagination so memory stays flat whatever the study size.
// Each page is one SQL query (annotation-page-query.ts).

export const PAGE_SIZE = 1000;
/**
 * With item and response texts a row is several times larger, and two pages are in memory at once
 * (the next one is prefetched): 500 lowered JSONL peak RSS by ~20 MB at 100k annotations with no
 * loss of throughput; for ratings-only rows 500 made no difference, so they keep 1000.
 */
export const CONTENT_PAGE_SIZE = 500;
/** Records produced between two turns of the event loop while the next page is arriving. */
const YIELD_EVERY = 100;

export type ExportCriterionMark = { criterionId: string; position: number; points: number; tags: string[]; met: boolean | null; note?: string };

export type ExportResponseRecord = {
  responseId: string;
  label: string;
  modelName: string;
  /** 1-based position on this reviewer's screen. */
  shownAs: number;
  ratings: Record<string, unknown>;
  comments: Record<string, string>;
  /** 1–5, when the project asks for it and the reviewer answered. */
  confidence?: number | null;
  /** Case criteria with the reviewer's marks, and the HealthBench item score (unclipped). */
  criteria?: ExportCriterionMark[];
  criteriaScore?: number | null;
  /** Graded differential entries (ddx-match rubrics), by rank from 1, and top-k correctness. */
  differentialMatches?: Array<{ rank: number; match: DdxMatch | null; note?: string }>;
  topK?: Record<string, boolean>;
  /** With content (the default for JSONL): what the model said. */
  content?: string;
  reasoning?: string | null;
  /** mcq choice, ddx differential, dialogue turns (lib/items/schema.ts responseAnswerSchema). */
  answer?: unknown;
};

type ResponseRef = { responseId: string; label: string; modelName: string };

export type ExportPairRecord = {
  axis: string;
  polarity: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE";
  /** The responses compared, as shown left (A) and right (B) to this reviewer. */
  shownA: ResponseRef;
  shownB: ResponseRef;
  /** What the reviewer picked, in terms of the real responses. */
  chosen: ResponseRef | "tie";
  /** The better response after applying the axis polarity (for "choosing = worse" axes it is the other one). */
  better: ResponseRef | "tie";
  strength?: number;
  comment?: string;
};

export type AnnotationRecord = {
  annotationId: string;
  version: number;
  project: string;
  batch: string;
  assignmentId: string;
  itemId: string;
  externalId: string;
  kind?: string;
  /** With content: the item as reviewed (Item.input by kind) and its reference (incl. gold answers). */
  item?: { input: unknown; reference: unknown };
  reviewer: string;
  submittedAt: string;
  timeOnTaskMs: number;
  responses: ExportResponseRecord[];
  pairwise?: ExportPairRecord[];
  itemRatings: Record<string, unknown>;
  itemComments: Record<string, string>;
  overallComment: string;
};

export type ExportFilter = {
  projectId: string;
  batchName?: string;
  identifyReviewers?: boolean;
  /** Include item input and response texts (JSONL datasets); ratings-only when false. */
  includeContent?: boolean;
};

type Criterion = { id: string; position: number; points: number; tags: string[] };
type Axis = { key: string; appliesTo: string; polarity: "HIGHER_IS_BETTER" | "CHOSEN_IS_WORSE" };

function differentialOf(entries: NonNullable<AnnotationData["responses"][string]["entries"]> | undefined) {
  if (!entries || !Object.keys(entries).length) return {};
  const count = Math.max(...Object.keys(entries).map(Number)) + 1;
  const marks = Array.from({ length: count }, (_, rank) => entries[String(rank)]?.match ?? null);
  return {
    differentialMatches: marks.map((match, rank) => ({ rank: rank + 1, match, ...(entries[String(rank)]?.note ? { note: entries[String(rank)].note } : {}) })),
    topK: topKOf(marks),
  };
}

function criteriaOf(criteria: Criterion[], marks: NonNullable<AnnotationData["responses"][string]["criteria"]> | undefined) {
  if (!criteria.length) return {};
  const met = Object.fromEntries(Object.entries(marks ?? {}).map(([id, m]) => [id, m.met]));
  return {
    criteria: criteria.map((c) => ({ criterionId: c.id, position: c.position, points: c.points, tags: c.tags, met: marks?.[c.id]?.met ?? null, ...(marks?.[c.id]?.note ? { note: marks[c.id].note } : {}) })),
    criteriaScore: scoreCriteria(criteria, met),
  };
}

function pairwiseOf(data: AnnotationData, axes: Axis[], order: string[], refs: Map<string, ResponseRef>): ExportPairRecord[] {
  const pairAxes = axes.filter((a) => a.appliesTo === "PAIR");
  const [a, b] = order.map((id) => refs.get(id));
  if (!pairAxes.length || !a || !b) return [];
  return pairAxes.flatMap((axis) => {
    const value = data.pair.ratings[axis.key];
    if (typeof value !== "string") return [];
    const chosen = value === "tie" ? "tie" : refs.get(value);
    if (!chosen) return [];
    const better = chosen === "tie" || axis.polarity === "HIGHER_IS_BETTER" ? chosen : chosen.responseId === a.responseId ? b : a;
    const strength = data.pair.strength[axis.key];
    const comment = data.pair.comments[axis.key];
    return [{ axis: axis.key, polarity: axis.polarity, shownA: a, shownB: b, chosen, better, ...(strength ? { strength } : {}), ...(comment ? { comment } : {}) }];
  });
}

export async function* streamAnnotationRecords(filter: ExportFilter): AsyncGenerator<AnnotationRecord> {
  const db = getDb();
  const includeContent = filter.includeContent ?? false;
  const project = await db.project.findUniqueOrThrow({ where: { id: filter.projectId } });
  // Filter by batch ids, not by a join to Batch: with a fresh (unanalysed) Batch table PostgreSQL
  // otherwise scans and sorts every assignment per page, making the export quadratic (bench).
  // The names come from here too, so the page query does not touch Batch at all.
  const batches = await db.batch.findMany({
    where: { projectId: project.id, ...(filter.batchName ? { name: filter.batchName } : {}) },
    select: { id: true, name: true },
  });
  if (!batches.length) return;
  const batchNames = new Map(batches.map((b) => [b.id, b.name]));
  const batchIds = batches.map((b) => b.id);
  const pseudonyms = new Map<string, string>();
  const pseudonym = (id: string) => {
    let p = pseudonyms.get(id);
    if (!p) pseudonyms.set(id, (p = pseudonymizeReviewer(project.pseudonymSalt, id)));
    return p;
  };
  // A project has a handful of rubric versions: load each one's axes once.
  const rubricAxes = new Map<string, Axis[]>();
  const axesOf = async (rubricId: string) => {
    let axes = rubricAxes.get(rubricId);
    if (!axes) rubricAxes.set(rubricId, (axes = await db.rubricAxis.findMany({ where: { rubricId }, select: { key: true, appliesTo: true, polarity: true } })));
    return axes;
  };
  const pageSize = includeContent ? CONTENT_PAGE_SIZE : PAGE_SIZE;
  const fetchPage = (after: string | undefined) => {
    const page = fetchAnnotationPage(db, { batchIds, after, pageSize, includeContent, identifyReviewers: filter.identifyReviewers ?? false });
    // Awaited below; this only keeps a consumer that stops early from leaving an unhandled rejection.
    page.catch(() => {});
    return page;
  };
  // The next page is requested before this one is turned into records, and every YIELD_EVERY
  // records we let the event loop run so its rows are read off the socket as PostgreSQL sends them:
  // otherwise the server stalls on a full socket buffer and we then wait for the rest of the page
  // (bench, 100k: idle time fell from ~1/3 to <1/10 of the export, JSONL and CSV ~20% faster).
  let next = fetchPage(undefined);
  for (;;) {
    const page = await next;
    const more = page.length === pageSize;
    if (more) next = fetchPage(page[page.length - 1].id);
    let done = 0;
    for (const a of page) {
      if (more && ++done % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const data = withDocumentDefaults(a.data);
      const refs = new Map(a.responses.map((r) => [r.id, { responseId: r.id, label: r.label, modelName: r.modelName }]));
      const pairwise = pairwiseOf(data, await axesOf(a.rubricId), a.responseOrder, refs);
      yield {
        annotationId: a.id,
        version: a.version,
        project: project.slug,
        batch: batchNames.get(a.batchId)!,
        assignmentId: a.assignmentId,
        itemId: a.itemId,
        externalId: a.externalId,
        kind: a.kind.toLowerCase(),
        ...(includeContent ? { item: { input: a.input, reference: a.reference ?? null } } : {}),
        reviewer: filter.identifyReviewers ? a.email! : pseudonym(a.reviewerId),
        submittedAt: a.submittedAt.toISOString(),
        timeOnTaskMs: a.timeOnTaskMs,
        responses: a.responses.map((r) => {
          const block = data.responses[r.id];
          return {
            responseId: r.id,
            label: r.label,
            modelName: r.modelName,
            shownAs: a.responseOrder.indexOf(r.id) + 1,
            ratings: block?.ratings ?? {},
            comments: block?.comments ?? {},
            ...(block?.confidence ? { confidence: block.confidence } : {}),
            ...criteriaOf(a.criteria, block?.criteria),
            ...differentialOf(block?.entries),
            ...(includeContent ? { content: r.content, reasoning: r.reasoning ?? null, answer: r.answer ?? null } : {}),
          };
        }),
        ...(pairwise.length ? { pairwise } : {}),
        itemRatings: data.item.ratings,
        itemComments: data.item.comments,
        overallComment: data.overallComment,
      };
    }
    if (!more) return;
  }
}
