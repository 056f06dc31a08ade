import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/auth/users";
import { recordAudit } from "@/lib/audit/record-audit";
import { withDocumentDefaults } from "@/lib/annotations/schema";
import { compareWithGold } from "@/lib/gold/compare-with-gold";
import { loadGoldItems } from "@/lib/gold/gold-accuracy";
import { requireProjectPermission } from "@/lib/projects/access";
import { qualificationPolicyOf, warnAfter } from "./policy";

// The gold watch (issue 10, decision 026): with a pause mark set, a reviewer's accuracy on the
// gold items mixed into real batches is checked after each gold submit. Below the mark they are
// warned once (at half the items), then paused (at the policy's count): real batches close to them
// until a manager resumes them, and the count then starts afresh.

export type GoldWatch = { graded: number; percent: number | null; action: "none" | "warned" | "paused" };

/** After a submit on a gold item of a real batch. Cheap when no pause mark is set (one query). */
export async function watchGold(projectId: string, reviewerId: string): Promise<GoldWatch> {
  const db = getDb();
  const [project, member] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { settings: true } }),
    db.projectMember.findUnique({ where: { projectId_userId: { projectId, userId: reviewerId } } }),
  ]);
  const policy = qualificationPolicyOf(project.settings);
  if (policy.pauseBelowPercent === null || !member || member.pausedAt) return { graded: 0, percent: null, action: "none" };
  const [gold, annotations] = await Promise.all([
    loadGoldItems(projectId),
    db.annotation.findMany({
      where: { kind: "REVIEW", submittedAt: { not: null, ...(member.goldWatchFrom ? { gte: member.goldWatchFrom } : {}) }, item: { projectId, isGold: true }, assignment: { reviewerId, batch: { isQualification: false } } },
      select: { itemId: true, data: true },
    }),
  ]);
  let graded = 0;
  let correct = 0;
  let compared = 0;
  for (const a of annotations) {
    const known = gold.get(a.itemId);
    if (!known) continue;
    const result = compareWithGold(known.gold, withDocumentDefaults(a.data), known.labelToResponseId);
    if (!result.compared) continue;
    graded += 1;
    correct += result.correct;
    compared += result.compared;
  }
  const percent = compared ? (100 * correct) / compared : null;
  if (percent === null || percent >= policy.pauseBelowPercent) return { graded, percent, action: "none" };
  const reason = `gold accuracy ${Math.round(percent)} % on ${graded} item(s), below ${policy.pauseBelowPercent} %`;
  if (graded >= policy.minGoldItems) {
    const paused = await db.$transaction(async (tx) => {
      const { count } = await tx.projectMember.updateMany({ where: { projectId, userId: reviewerId, pausedAt: null }, data: { pausedAt: new Date(), pauseReason: reason } });
      if (count) await recordAudit({ actorId: null, action: "reviewer.pause", entityType: "User", entityId: reviewerId, projectId, data: { graded, percent, pauseBelowPercent: policy.pauseBelowPercent } }, tx);
      return count > 0;
    });
    return { graded, percent, action: paused ? "paused" : "none" };
  }
  if (graded >= warnAfter(policy) && !member.goldWarnedAt) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.projectMember.updateMany({ where: { projectId, userId: reviewerId, goldWarnedAt: null }, data: { goldWarnedAt: new Date() } });
      if (count) await recordAudit({ actorId: null, action: "reviewer.gold_warning", entityType: "User", entityId: reviewerId, projectId, data: { graded, percent, pauseBelowPercent: policy.pauseBelowPercent } }, tx);
    });
    return { graded, percent, action: "warned" };
  }
  return { graded, percent, action: "none" };
}

/** A manager resumes a paused reviewer: real batches open again and the gold watch counts afresh from now. */
export async function resumeReviewer(actor: Actor, projectId: string, userId: string) {
  await requireProjectPermission(actor, projectId, "batch:assign");
  return getDb().$transaction(async (tx) => {
    const member = await tx.projectMember.findUnique({ where: { projectId_userId: { projectId, userId } } });
    if (!member?.pausedAt) throw new ConflictError("That reviewer is not paused in this project.");
    await tx.projectMember.update({ where: { id: member.id }, data: { pausedAt: null, pauseReason: null, goldWarnedAt: null, goldWatchFrom: new Date() } });
    await recordAudit({ actorId: actor.id, action: "reviewer.resume", entityType: "User", entityId: userId, projectId, data: { pausedAt: member.pausedAt.toISOString(), reason: member.pauseReason } }, tx);
  });
}
