import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { responseAnswerSchema } from "@/lib/items/schema";
import { toolsOfTemplate } from "@/lib/rubrics/templates";
import { checkRatings, type AxisRule, type RatingProblem } from "./check-ratings";
import { readAnnotationData, saveAnnotationSchema, type AnnotationData, type SaveAnnotationInput } from "./schema";

export type SaveResult =
  | { status: "saved"; version: number; submitted: boolean; duplicate: boolean }
  | { status: "conflict"; serverVersion: number; serverData: AnnotationData; submitted: boolean }
  | { status: "invalid"; problems: RatingProblem[] }
  | { status: "locked"; message: string };

class StaleVersion extends Error {}

/**
 * The one write path for a reviewer's annotation (UI autosave, submit, API).
 * - idempotent: a save whose clientMutationId was already applied returns the stored result;
 * - optimistic concurrency: baseVersion must equal the stored version, otherwise the caller gets
 *   the server's document back as a conflict and nothing is overwritten;
 * - every save appends an AnnotationRevision.
 */
export async function saveAnnotation(actor: Actor, assignmentId: string, input: SaveAnnotationInput): Promise<SaveResult> {
  const { baseVersion, clientMutationId, data, timeOnTaskDeltaMs, submit } = saveAnnotationSchema.parse(input);
  const db = getDb();
  // Ownership: only the assigned reviewer may write; anyone else gets "not found".
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, reviewerId: actor.id },
    include: {
      annotation: true,
      rubric: { include: { axes: { orderBy: { position: "asc" } } } },
      batch: { select: { projectId: true } },
      item: { select: { kind: true, criteria: { select: { id: true } }, responses: { select: { id: true, answer: true } } } },
    },
  });
  if (!assignment) throw new NotFoundError("Assignment not found.");

  const existing = assignment.annotation;
  if (existing) {
    const replay = await db.annotationRevision.findUnique({
      where: { annotationId_clientMutationId: { annotationId: existing.id, clientMutationId } },
    });
    if (replay) return { status: "saved", version: replay.version, submitted: existing.submittedAt !== null, duplicate: true };
  }
  if (assignment.status === "SUBMITTED") {
    return { status: "locked", message: "This item was already submitted; it can no longer be changed." };
  }
  if (assignment.status === "SKIPPED") {
    return { status: "locked", message: "This item was skipped." };
  }

  const problems = checkRatings(
    data,
    {
      axes: assignment.rubric.axes as unknown as AxisRule[],
      responseIds: assignment.responseOrder,
      criterionIds: assignment.item.criteria.map((c) => c.id),
      ...(assignment.item.kind === "DDX" && toolsOfTemplate(assignment.rubric.templateKey).includes("ddx-match")
        ? { differentialLengths: Object.fromEntries(assignment.item.responses.map((r) => [r.id, responseAnswerSchema.safeParse(r.answer ?? {}).data?.differential?.length ?? 0])) }
        : {}),
    },
    submit,
  );
  if (problems.length) return { status: "invalid", problems };

  const currentVersion = existing?.version ?? 0;
  if (baseVersion !== currentVersion) return conflictFrom(existing, currentVersion);

  const now = new Date();
  try {
    const version = await db.$transaction(async (tx) => {
      let annotationId: string;
      const nextVersion = currentVersion + 1;
      if (!existing) {
        const created = await tx.annotation.create({
          data: { kind: "REVIEW", itemId: assignment.itemId, assignmentId, authorId: actor.id, data, version: 1, submittedAt: submit ? now : null },
        });
        annotationId = created.id;
      } else {
        // Compare-and-set on the version: a concurrent save that got here first makes this match nothing.
        const { count } = await tx.annotation.updateMany({
          where: { id: existing.id, version: currentVersion },
          data: { data, version: nextVersion, submittedAt: submit ? now : null },
        });
        if (count !== 1) throw new StaleVersion();
        annotationId = existing.id;
      }
      await tx.annotationRevision.create({
        data: { annotationId, version: nextVersion, authorId: actor.id, data, clientMutationId, isSubmit: submit },
      });
      await tx.assignment.update({
        where: { id: assignmentId },
        data: {
          status: submit ? "SUBMITTED" : "IN_PROGRESS",
          startedAt: assignment.startedAt ?? now,
          submittedAt: submit ? now : null,
          timeOnTaskMs: { increment: timeOnTaskDeltaMs },
        },
      });
      if (submit) {
        await tx.rubric.updateMany({ where: { id: assignment.rubricId, frozenAt: null }, data: { frozenAt: now } });
        await recordAudit(
          { actorId: actor.id, action: "annotation.submit", entityType: "Annotation", entityId: annotationId, projectId: assignment.batch.projectId, data: { assignmentId, version: nextVersion } },
          tx,
        );
      }
      return nextVersion;
    });
    return { status: "saved", version, submitted: submit, duplicate: false };
  } catch (error) {
    const raced =
      error instanceof StaleVersion || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002");
    if (!raced) throw error;
    const fresh = await db.annotation.findUnique({ where: { assignmentId } });
    // A retry of the very same mutation that raced with itself is still a success.
    if (fresh) {
      const replay = await db.annotationRevision.findUnique({ where: { annotationId_clientMutationId: { annotationId: fresh.id, clientMutationId } } });
      if (replay) return { status: "saved", version: replay.version, submitted: fresh.submittedAt !== null, duplicate: true };
    }
    return conflictFrom(fresh, fresh?.version ?? 0);
  }
}

function conflictFrom(annotation: { data: unknown; submittedAt: Date | null } | null, version: number): SaveResult {
  return {
    status: "conflict",
    serverVersion: version,
    serverData: readAnnotationData(annotation?.data),
    submitted: Boolean(annotation?.submittedAt),
  };
}
