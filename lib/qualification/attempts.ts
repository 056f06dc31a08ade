import { randomInt, randomUUID } from "node:crypto";
import { seededRng, shuffle } from "@/lib/assignments/plan-assignments";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/auth/users";
import { recordAudit } from "@/lib/audit/record-audit";
import { withDocumentDefaults } from "@/lib/annotations/schema";
import { compareWithGold } from "@/lib/gold/compare-with-gold";
import { loadGoldItems } from "@/lib/gold/gold-accuracy";
import { assertProjectOpen } from "@/lib/projects/archive";
import { requireProjectPermission } from "@/lib/projects/access";
import { qualificationPolicyOf, type QualificationPolicy } from "./policy";

// Qualification rounds (issue 10, decision 026): a reviewer answers every practice item of the
// round (gold items with known answers); when the last one is submitted the attempt is graded
// against the project's pass mark, once. A pass unlocks the project's real batches; a fail may be
// retried, up to the policy's attempts, with the same items assigned again as attempt n + 1.

export type AttemptScore = { correct: number; compared: number; percent: number | null; byAxis: Record<string, { correct: number; compared: number }> };

/** Grades one attempt: every known answer of its submitted practice items. */
export async function scoreAttempt(projectId: string, batchId: string, reviewerId: string, attempt: number): Promise<AttemptScore> {
  const [gold, annotations] = await Promise.all([
    loadGoldItems(projectId),
    getDb().annotation.findMany({ where: { kind: "REVIEW", submittedAt: { not: null }, assignment: { batchId, reviewerId, attempt } }, select: { itemId: true, data: true } }),
  ]);
  const score: AttemptScore = { correct: 0, compared: 0, percent: null, byAxis: {} };
  for (const a of annotations) {
    const known = gold.get(a.itemId);
    if (!known) continue;
    for (const check of compareWithGold(known.gold, withDocumentDefaults(a.data), known.labelToResponseId).checks) {
      score.compared += 1;
      const axis = (score.byAxis[check.axis] ??= { correct: 0, compared: 0 });
      axis.compared += 1;
      if (check.ok) {
        score.correct += 1;
        axis.correct += 1;
      }
    }
  }
  score.percent = score.compared ? (100 * score.correct) / score.compared : null;
  return score;
}

/** Whether a score passes: overall, or on every axis (each at the pass mark). Nothing to compare never passes. */
export function passes(score: AttemptScore, policy: QualificationPolicy): boolean {
  if (!score.compared) return false;
  if (policy.rule === "overall") return score.percent! >= policy.passPercent;
  return Object.values(score.byAxis).every((a) => (100 * a.correct) / a.compared >= policy.passPercent);
}

/**
 * Called after a submit in a qualification round: when the reviewer's current attempt has nothing
 * open left, grades it and records the outcome on their membership. Exactly once per attempt: the
 * conditional UPDATE matches only while the attempt is unsettled (failures = attempt − 1, not yet
 * qualified), so two racing last submits settle it once.
 */
export async function settleAttempt(projectId: string, batchId: string, reviewerId: string): Promise<{ passed: boolean; score: AttemptScore } | null> {
  const db = getDb();
  const latest = await db.assignment.findFirst({ where: { batchId, reviewerId }, orderBy: { attempt: "desc" }, select: { attempt: true } });
  if (!latest) return null;
  const open = await db.assignment.count({ where: { batchId, reviewerId, attempt: latest.attempt, status: { in: ["PENDING", "IN_PROGRESS"] } } });
  if (open) return null;
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } });
  const policy = qualificationPolicyOf(project.settings);
  const score = await scoreAttempt(projectId, batchId, reviewerId, latest.attempt);
  const passed = passes(score, policy);
  return db.$transaction(async (tx) => {
    const settled = await tx.projectMember.updateMany({
      where: { projectId, userId: reviewerId, qualifiedAt: null, qualificationFailures: latest.attempt - 1 },
      data: passed ? { qualifiedAt: new Date() } : { qualificationFailures: latest.attempt },
    });
    if (!settled.count) return null;
    await recordAudit(
      { actorId: reviewerId, action: passed ? "qualification.pass" : "qualification.fail", entityType: "Batch", entityId: batchId, projectId, data: { attempt: latest.attempt, correct: score.correct, compared: score.compared, percent: score.percent, byAxis: score.byAxis, passPercent: policy.passPercent, rule: policy.rule } },
      tx,
    );
    return { passed, score };
  });
}

/**
 * A reviewer who failed starts another attempt: the round's items assigned to them again (fresh
 * screen order), after their earlier ones. Refused with the reason when they passed, have an
 * attempt open, or have used every attempt the policy allows.
 */
export async function retryQualification(actor: Actor, projectId: string, batchId: string) {
  const db = getDb();
  await assertProjectOpen(db, projectId);
  const batch = await db.batch.findFirst({ where: { id: batchId, projectId, isQualification: true }, select: { id: true, name: true, project: { select: { settings: true } } } });
  const member = await db.projectMember.findUnique({ where: { projectId_userId: { projectId, userId: actor.id } } });
  const mine = batch ? await db.assignment.findMany({ where: { batchId, reviewerId: actor.id }, orderBy: [{ attempt: "desc" }, { displayOrder: "asc" }] }) : [];
  if (!batch || !member || !mine.length) throw new ConflictError("You have no qualification round to retry in this project.");
  const policy = qualificationPolicyOf(batch.project.settings);
  const attempt = mine[0].attempt;
  if (member.qualifiedAt) throw new ConflictError("You have already passed this project's qualification round.");
  if (mine.some((a) => a.attempt === attempt && (a.status === "PENDING" || a.status === "IN_PROGRESS"))) throw new ConflictError("Finish your current attempt first.");
  if (member.qualificationFailures < attempt) throw new ConflictError("Your current attempt is still being graded; reload the page.");
  const allowed = policy.maxAttempts + member.extraAttempts;
  if (attempt >= allowed) throw new ConflictError(`You have used all ${allowed} attempt(s) of this qualification round; the project's manager can allow more.`);
  const previous = mine.filter((a) => a.attempt === attempt);
  const start = Math.max(...mine.map((a) => a.displayOrder)) + 1;
  const rng = seededRng(randomInt(2 ** 31));
  const rows = previous.map((a, i) => ({
    id: randomUUID(), batchId, itemId: a.itemId, reviewerId: actor.id, rubricId: a.rubricId, displayOrder: start + i, attempt: attempt + 1,
    // A fresh screen order: an attempt is not a memory test of where the right answer stood.
    responseOrder: shuffle(a.responseOrder, rng),
  }));
  return db.$transaction(async (tx) => {
    await tx.assignment.createMany({ data: rows });
    await recordAudit({ actorId: actor.id, action: "qualification.retry", entityType: "Batch", entityId: batchId, projectId, data: { attempt: attempt + 1, items: rows.length } }, tx);
    return { attempt: attempt + 1, items: rows.length, firstId: rows[0]?.id ?? null };
  });
}

/**
 * A manager allows one reviewer another attempt beyond the policy (e.g. after a talk about the
 * guidelines): only for a member who failed every attempt they had and has not passed.
 */
export async function allowExtraAttempt(actor: Actor, projectId: string, userId: string) {
  await requireProjectPermission(actor, projectId, "batch:assign");
  const db = getDb();
  await assertProjectOpen(db, projectId);
  return db.$transaction(async (tx) => {
    const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } });
    const member = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId } } });
    const allowed = qualificationPolicyOf(project.settings).maxAttempts + (member?.extraAttempts ?? 0);
    if (!member || member.qualifiedAt || member.qualificationFailures < allowed) throw new ConflictError("Only a member who failed every attempt they had, and has not passed, can be allowed another.");
    await tx.projectMember.update({ where: { id: member.id }, data: { extraAttempts: { increment: 1 } } });
    await recordAudit({ actorId: actor.id, action: "qualification.extra_attempt", entityType: "User", entityId: userId, projectId, data: { attemptsAllowed: allowed + 1 } }, tx);
    return { attemptsAllowed: allowed + 1 };
  });
}
