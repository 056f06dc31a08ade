import { getDb } from "@/lib/db/client";
import type { AnnotationData } from "@/lib/annotations/schema";
import { pseudonymizeReviewer } from "./pseudonym";

// One record per submitted annotation, de-blinded (model names restored, screen order undone),
// streamed page by page with keyset pagination so memory stays flat whatever the study size.

export const PAGE_SIZE = 1000;

export type ExportResponseRecord = {
  responseId: string;
  label: string;
  modelName: string;
  /** 1-based position on this reviewer's screen. */
  shownAs: number;
  ratings: Record<string, unknown>;
  comments: Record<string, string>;
};

export type AnnotationRecord = {
  annotationId: string;
  version: number;
  project: string;
  batch: string;
  assignmentId: string;
  itemId: string;
  externalId: string;
  reviewer: string;
  submittedAt: string;
  timeOnTaskMs: number;
  responses: ExportResponseRecord[];
  itemRatings: Record<string, unknown>;
  itemComments: Record<string, string>;
  overallComment: string;
};

export type ExportFilter = { projectId: string; batchName?: string; identifyReviewers?: boolean };

export async function* streamAnnotationRecords(filter: ExportFilter): AsyncGenerator<AnnotationRecord> {
  const db = getDb();
  const project = await db.project.findUniqueOrThrow({ where: { id: filter.projectId } });
  // Filter by batch ids, not by a join to Batch: with a fresh (unanalysed) Batch table PostgreSQL
  // otherwise scans and sorts every assignment per page, making the export quadratic (bench).
  const batchIds = (
    await db.batch.findMany({ where: { projectId: project.id, ...(filter.batchName ? { name: filter.batchName } : {}) }, select: { id: true } })
  ).map((b) => b.id);
  const pseudonyms = new Map<string, string>();
  const pseudonym = (id: string) => {
    let p = pseudonyms.get(id);
    if (!p) pseudonyms.set(id, (p = pseudonymizeReviewer(project.pseudonymSalt, id)));
    return p;
  };
  let cursor: string | undefined;
  for (;;) {
    const page = await db.annotation.findMany({
      where: {
        kind: "REVIEW",
        submittedAt: { not: null },
        assignment: { batchId: { in: batchIds } },
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      orderBy: { id: "asc" },
      take: PAGE_SIZE,
      select: {
        id: true,
        version: true,
        data: true,
        submittedAt: true,
        itemId: true,
        assignment: {
          select: {
            id: true,
            reviewerId: true,
            responseOrder: true,
            timeOnTaskMs: true,
            batch: { select: { name: true } },
            reviewer: { select: { email: true } },
          },
        },
        item: { select: { externalId: true, responses: { select: { id: true, label: true, modelName: true }, orderBy: { position: "asc" } } } },
      },
    });
    for (const a of page) {
      const assignment = a.assignment!;
      const data = a.data as AnnotationData;
      yield {
        annotationId: a.id,
        version: a.version,
        project: project.slug,
        batch: assignment.batch.name,
        assignmentId: assignment.id,
        itemId: a.itemId,
        externalId: a.item.externalId,
        reviewer: filter.identifyReviewers ? assignment.reviewer.email : pseudonym(assignment.reviewerId),
        submittedAt: a.submittedAt!.toISOString(),
        timeOnTaskMs: assignment.timeOnTaskMs,
        responses: a.item.responses.map((r) => ({
          responseId: r.id,
          label: r.label,
          modelName: r.modelName,
          shownAs: assignment.responseOrder.indexOf(r.id) + 1,
          ratings: data.responses?.[r.id]?.ratings ?? {},
          comments: data.responses?.[r.id]?.comments ?? {},
        })),
        itemRatings: data.item?.ratings ?? {},
        itemComments: data.item?.comments ?? {},
        overallComment: data.overallComment ?? "",
      };
    }
    if (page.length < PAGE_SIZE) return;
    cursor = page[page.length - 1].id;
  }
}
