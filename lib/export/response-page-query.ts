import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { narrowingSql, type RecordNarrowing } from "./annotation-page-query";
import type { ExportStatus } from "./annotation-records";

export type ResponsePageRow = {
  id: string;
  itemId: string;
  externalId: string;
  kind: string;
  label: string;
  position: number;
  modelName: string;
  input?: unknown;
  content?: string;
  reasoning?: string | null;
  answer?: unknown;
};

/**
 * One keyset page of the responses of the items the export covers: items with at least one record
 * under the same batches, status and narrowing as the annotation pages (annotation-page-query.ts).
 */
export function fetchResponsePage(
  db: Db,
  q: { batchIds: string[]; status: ExportStatus; narrow?: RecordNarrowing; includeContent: boolean; after?: string; pageSize: number },
): Promise<ResponsePageRow[]> {
  const content = q.includeContent ? Prisma.sql`, i.input, r.content, r.reasoning, r.answer` : Prisma.empty;
  const after = q.after === undefined ? Prisma.empty : Prisma.sql`AND r.id > ${q.after}`;
  const covered: Prisma.Sql[] = [];
  if (q.status !== "skipped") {
    covered.push(Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" a JOIN "Assignment" s ON s.id = a."assignmentId"
      WHERE a."itemId" = i.id AND a.kind = 'REVIEW' AND a."submittedAt" IS NOT NULL AND s."batchId" = ANY(${q.batchIds}::text[]) ${narrowingSql(q.narrow, Prisma.sql`a."submittedAt"`)})`);
  }
  if (q.status !== "submitted") {
    covered.push(Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" s
      WHERE s."itemId" = i.id AND s.status = 'SKIPPED' AND s."batchId" = ANY(${q.batchIds}::text[]) ${narrowingSql(q.narrow, Prisma.sql`s."updatedAt"`)})`);
  }
  return db.$queryRaw<ResponsePageRow[]>`
    SELECT r.id, r."itemId", i."externalId", lower(i.kind::text) AS kind, r.label, r.position, r."modelName" ${content}
    FROM "Response" r JOIN "Item" i ON i.id = r."itemId"
    WHERE (${Prisma.join(covered, " OR ")}) ${after}
    ORDER BY r.id
    LIMIT ${q.pageSize}`;
}
