import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// One page of the export as ONE SQL query: a row per submitted REVIEW annotation, joined to its
// assignment and item, with the item's responses and criteria aggregated as JSON in position
// order. Replaces a nested Prisma findMany whose relation stitching (and the many small objects it
// builds) was a third of the export's CPU (bench). Every value is a bound parameter; the only SQL
// chosen at run time are the constant fragments below.

export type PageResponse = {
  id: string;
  label: string;
  modelName: string;
  /** Only with content. */
  content?: string;
  reasoning?: string | null;
  answer?: unknown;
};

export type PageCriterion = { id: string; position: number; points: number; tags: string[] };

export type AnnotationPageRow = {
  id: string;
  version: number;
  data: unknown;
  submittedAt: Date;
  itemId: string;
  assignmentId: string;
  batchId: string;
  reviewerId: string;
  rubricId: string;
  responseOrder: string[];
  timeOnTaskMs: number;
  externalId: string;
  kind: string;
  /** Only with identifyReviewers. */
  email?: string;
  /** Only with content. */
  input?: unknown;
  reference?: unknown;
  responses: PageResponse[];
  criteria: PageCriterion[];
};

export type AnnotationPageQuery = {
  batchIds: string[];
  /** Last annotation id of the previous page (keyset), none for the first page. */
  after?: string;
  pageSize: number;
  includeContent: boolean;
  identifyReviewers: boolean;
};

export function fetchAnnotationPage(db: Db, q: AnnotationPageQuery): Promise<AnnotationPageRow[]> {
  // Content columns are not read at all for ratings-only exports (CSV, --no-content).
  const itemContent = q.includeContent ? Prisma.sql`, i.input, i.reference` : Prisma.empty;
  const responseContent = q.includeContent ? Prisma.sql`, 'content', r.content, 'reasoning', r.reasoning, 'answer', r.answer` : Prisma.empty;
  const email = q.identifyReviewers ? Prisma.sql`, (SELECT u.email FROM "User" u WHERE u.id = s."reviewerId") AS email` : Prisma.empty;
  const after = q.after === undefined ? Prisma.empty : Prisma.sql`AND a.id > ${q.after}`;
  return db.$queryRaw<AnnotationPageRow[]>`
    SELECT a.id, a.version, a.data, a."submittedAt", a."itemId",
           s.id AS "assignmentId", s."batchId", s."reviewerId", s."rubricId", s."responseOrder", s."timeOnTaskMs",
           i."externalId", i.kind::text AS kind ${itemContent} ${email},
           COALESCE((SELECT json_agg(json_build_object('id', r.id, 'label', r.label, 'modelName', r."modelName" ${responseContent}) ORDER BY r.position)
                     FROM "Response" r WHERE r."itemId" = a."itemId"), '[]'::json) AS responses,
           COALESCE((SELECT json_agg(json_build_object('id', c.id, 'position', c.position, 'points', c.points, 'tags', c.tags) ORDER BY c.position)
                     FROM "Criterion" c WHERE c."itemId" = a."itemId"), '[]'::json) AS criteria
    FROM "Annotation" a
    JOIN "Assignment" s ON s.id = a."assignmentId"
    JOIN "Item" i ON i.id = a."itemId"
    WHERE a.kind = 'REVIEW' AND a."submittedAt" IS NOT NULL AND s."batchId" = ANY(${q.batchIds}::text[]) ${after}
    ORDER BY a.id
    LIMIT ${q.pageSize}`;
}
