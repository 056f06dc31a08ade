import { getDb } from "@/lib/db/client";
import { assignmentSubmitted } from "@/lib/notifications/study-events";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError, type Actor } from "@/lib/auth/permissions";
import { transitionAssignment } from "@/lib/assignments/transition";
import { isReachable } from "@/lib/assignments/queue";
import { memberFor, workLockMessage, workLockOf } from "@/lib/qualification/gate";
import { settleAttempt } from "@/lib/qualification/attempts";
import { watchGold } from "@/lib/qualification/gold-watch";
import { Prisma } from "@/lib/generated/prisma/client";
import { regionsCheckContext } from "@/lib/tools/regions/check-context";
import { checkContextFor } from "./check-context";
import { checkDocument, type RatingProblem } from "@/lib/tools";
import { stepsCheckContext } from "@/lib/tools/steps/check-context";
import { argumentsCheckContext } from "@/lib/tools/arguments/check-context";
import { loadAssignmentSuggestions, suggestionsCheckContext } from "@/lib/tools/suggestions/load";
import { readProjectSettings } from "@/lib/projects/settings";
import { toolsOfTemplate } from "@/lib/rubrics/templates";
import { sameJson } from "./same-json";
import { readAnnotationData, saveAnnotationSchema, type AnnotationData, type SaveAnnotationInput } from "./schema";

export type SaveResult =
  | { status: "saved"; version: number; submitted: boolean; duplicate: boolean }
  | { status: "conflict"; serverVersion: number; serverData: AnnotationData; submitted: boolean }
  | { status: "invalid"; problems: RatingProblem[] }
  | { status: "locked"; message: string }
  /** A clientMutationId already used for different content (a client bug, never a retry). */
  | { status: "mismatch"; message: string };

class StaleVersion extends Error {}
class NoLongerOpen extends Error {}

/**
 * The one write path for a reviewer's annotation (UI autosave, submit, API).
 * - idempotent: a save whose clientMutationId was already applied returns the stored result, and the
 *   same id with different content is refused (never answered "saved" while dropping the content);
 * - validated on the server against the rubric, the item and the reviewer's responses (unknown axes,
 *   comment keys, sentence ids and over-long text are refused);
 * - optimistic concurrency: baseVersion must equal the stored version, otherwise the caller gets
 *   the server's document back as a conflict and nothing is overwritten;
 * - the status change is one conditional update (transitionAssignment), so a racing skip or submit
 *   cannot both succeed; every save appends an AnnotationRevision.
 */
export async function saveAnnotation(actor: Actor, assignmentId: string, input: SaveAnnotationInput, opts: { now?: Date } = {}): Promise<SaveResult> {
  const { baseVersion, clientMutationId, data, timeOnTaskDeltaMs, submit } = saveAnnotationSchema.parse(input);
  const db = getDb();
  // Ownership: only the assigned reviewer may write; anyone else gets "not found".
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, reviewerId: actor.id },
    include: {
      annotation: true,
      rubric: { include: { axes: { orderBy: { position: "asc" } } } },
      batch: { select: { projectId: true, opensAt: true, isQualification: true, project: { select: { settings: true, requiresQualification: true, members: memberFor(actor.id) } } } },
      precededBy: { select: { status: true } },
      item: { select: { kind: true, isGold: true, input: true, reference: true, criteria: { select: { id: true } }, responses: { select: { id: true, answer: true, content: true } } } },
    },
  });
  // Not yet open (repeats after a washout, a second phase before its first): as if it did not exist, like the review page.
  if (!assignment || !isReachable(assignment)) throw new NotFoundError("Assignment not found.");

  const existing = assignment.annotation;
  if (existing) {
    const replay = await replayOf(existing.id, clientMutationId, data, submit);
    if (replay) return replay;
  }
  if (assignment.status === "SUBMITTED" || assignment.status === "SKIPPED") return lockedFor(assignment.status);
  // Qualification first, or paused by the gold watch: refused with the reason; the browser keeps the draft.
  const lock = workLockOf(assignment.batch);
  if (lock) return { status: "locked", message: workLockMessage(lock, assignment.batch.project.members[0]?.pauseReason) };

  const steps = await stepsCheckContext(assignment.responseOrder, {
    templateTools: toolsOfTemplate(assignment.rubric.templateKey),
    settings: readProjectSettings(assignment.batch.project.settings),
    documentHasSteps: Boolean(data.steps && Object.keys(data.steps).length),
  });
  const args = await argumentsCheckContext(assignment, {
    templateTools: toolsOfTemplate(assignment.rubric.templateKey),
    settings: readProjectSettings(assignment.batch.project.settings),
    documentHasArguments: Boolean(data.arguments && Object.keys(data.arguments).length),
  });
  const settings = readProjectSettings(assignment.batch.project.settings);
  const correctionsEnabled = settings.corrections?.enabled ?? false;
  // Suggestions are read only when the document records some (a save without them needs no lookup).
  const suggestions = data.suggestions && Object.keys(data.suggestions).length
    ? suggestionsCheckContext(
        await loadAssignmentSuggestions(db, { projectId: assignment.batch.projectId, settings, isQualification: assignment.batch.isQualification, arm: assignment.arm, responseIds: assignment.responseOrder, axes: assignment.rubric.axes }),
        readAnnotationData(existing?.data).suggestions,
      )
    : undefined;
  const regions = regionsCheckContext(assignment.item, settings.regions);
  const problems = checkDocument(data, { ...checkContextFor(assignment), ...(steps ? { steps } : {}), ...(args ? { arguments: args } : {}), correctionsEnabled, ...(suggestions ? { suggestions } : {}), regions }, submit);
  if (problems.length) return { status: "invalid", problems };

  const currentVersion = existing?.version ?? 0;
  if (baseVersion !== currentVersion) return conflictFrom(existing, currentVersion);

  const now = opts.now ?? new Date();
  try {
    const version = await db.$transaction(async (tx) => {
      // Status first: the row lock it takes orders this save against a concurrent skip or submit.
      const transition = submit ? { to: "SUBMITTED" as const, submittedAt: now } : { to: "IN_PROGRESS" as const };
      if (!(await transitionAssignment(tx, actor, assignmentId, transition, timeOnTaskDeltaMs, now))) throw new NoLongerOpen();
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
      if (submit) {
        await tx.rubric.updateMany({ where: { id: assignment.rubricId, frozenAt: null }, data: { frozenAt: now } });
        await recordAudit(
          { actorId: actor.id, action: "annotation.submit", entityType: "Annotation", entityId: annotationId, projectId: assignment.batch.projectId, data: { assignmentId, version: nextVersion } },
          tx,
        );
      }
      return nextVersion;
    });
    if (submit) {
      // The work is committed: a failure here is logged and healed later, never reported as a failed save.
      await afterSubmit(assignment, actor.id).catch((error) => console.error("After-submit step failed", assignmentId, error));
      // Webhooks and the batch-completed notice; their own failures are logged inside.
      await assignmentSubmitted(assignmentId).catch((error) => console.error("Submit events failed", assignmentId, error));
    }
    return { status: "saved", version, submitted: submit, duplicate: false };
  } catch (error) {
    const raced =
      error instanceof NoLongerOpen || error instanceof StaleVersion || (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002");
    if (!raced) throw error;
    const fresh = await db.annotation.findUnique({ where: { assignmentId } });
    // A retry of the very same mutation that raced with itself is still a success.
    if (fresh) {
      const replay = await replayOf(fresh.id, clientMutationId, data, submit);
      if (replay) return replay;
    }
    if (error instanceof NoLongerOpen) {
      const now = await db.assignment.findUnique({ where: { id: assignmentId }, select: { status: true } });
      return lockedFor(now?.status ?? "SKIPPED");
    }
    return conflictFrom(fresh, fresh?.version ?? 0);
  }
}

/**
 * After a committed submit: grade a finished qualification attempt, or run the gold watch on a gold
 * item of a real batch (lib/qualification). Both are idempotent and re-run from the reviewer's
 * status page if this step is interrupted, so the saved work never depends on them.
 */
async function afterSubmit(assignment: { batchId: string; item: { isGold: boolean }; batch: { projectId: string; isQualification: boolean } }, reviewerId: string) {
  if (assignment.batch.isQualification) await settleAttempt(assignment.batch.projectId, assignment.batchId, reviewerId);
  else if (assignment.item.isGold) await watchGold(assignment.batch.projectId, reviewerId);
}

/** The stored result of an already-applied mutation id, or null when the id is new. */
async function replayOf(annotationId: string, clientMutationId: string, data: AnnotationData, submit: boolean): Promise<SaveResult | null> {
  const replay = await getDb().annotationRevision.findUnique({
    where: { annotationId_clientMutationId: { annotationId, clientMutationId } },
    select: { version: true, data: true, isSubmit: true },
  });
  if (!replay) return null;
  if (replay.isSubmit !== submit || !sameJson(replay.data, data)) {
    return { status: "mismatch", message: "This save id was already used for different content; nothing was saved. Reload the page to continue." };
  }
  return { status: "saved", version: replay.version, submitted: replay.isSubmit, duplicate: true };
}

function lockedFor(status: string): SaveResult {
  return status === "SKIPPED"
    ? { status: "locked", message: "This item was skipped; it can no longer be changed." }
    : { status: "locked", message: "This item was already submitted; it can no longer be changed." };
}

function conflictFrom(annotation: { data: unknown; submittedAt: Date | null } | null, version: number): SaveResult {
  return {
    status: "conflict",
    serverVersion: version,
    serverData: readAnnotationData(annotation?.data),
    submitted: Boolean(annotation?.submittedAt),
  };
}
