import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { qualificationPolicyOf } from "./policy";
import { scoreAttempt, settleAttempt } from "./attempts";

// What a reviewer sees of qualification and the gold watch, per project, on their queue.

export type QualificationNotice = {
  project: { name: string; slug: string };
  required: boolean;
  qualified: boolean;
  paused: boolean;
  pauseReason: string | null;
  warned: boolean;
  /** The reviewer's practice round in this project, if any. */
  round: { batchId: string; name: string; attempt: number; open: number; maxAttempts: number; failures: number; lastPercent: number | null; canRetry: boolean } | null;
};

export async function loadQualificationNotices(actor: Actor): Promise<QualificationNotice[]> {
  const db = getDb();
  const members = await db.projectMember.findMany({
    where: { userId: actor.id, project: { status: { not: "ARCHIVED" } }, OR: [{ project: { requiresQualification: true } }, { pausedAt: { not: null } }, { goldWarnedAt: { not: null } }] },
    select: { qualifiedAt: true, qualificationFailures: true, extraAttempts: true, pausedAt: true, pauseReason: true, goldWarnedAt: true, project: { select: { id: true, name: true, slug: true, settings: true, requiresQualification: true } } },
    orderBy: { createdAt: "asc" },
  });
  const notices: QualificationNotice[] = [];
  for (const m of members) {
    const policy = qualificationPolicyOf(m.project.settings);
    const latest = await db.assignment.findFirst({ where: { reviewerId: actor.id, batch: { projectId: m.project.id, isQualification: true } }, orderBy: [{ createdAt: "desc" }, { attempt: "desc" }], select: { batchId: true, attempt: true, batch: { select: { name: true } } } });
    let round: QualificationNotice["round"] = null;
    let { qualifiedAt, qualificationFailures: failures } = m;
    if (latest) {
      const open = await db.assignment.count({ where: { batchId: latest.batchId, reviewerId: actor.id, attempt: latest.attempt, status: { in: ["PENDING", "IN_PROGRESS"] } } });
      // Heals an attempt whose grading was interrupted after its last submit.
      if (!open && !qualifiedAt && failures < latest.attempt) {
        const settled = await settleAttempt(m.project.id, latest.batchId, actor.id);
        if (settled?.passed) qualifiedAt = new Date();
        else if (settled) failures = latest.attempt;
      }
      const lastPercent = open ? null : (await scoreAttempt(m.project.id, latest.batchId, actor.id, latest.attempt)).percent;
      const maxAttempts = policy.maxAttempts + m.extraAttempts;
      round = { batchId: latest.batchId, name: latest.batch.name, attempt: latest.attempt, open, maxAttempts, failures, lastPercent, canRetry: !qualifiedAt && !open && failures >= latest.attempt && latest.attempt < maxAttempts };
    }
    notices.push({ project: { name: m.project.name, slug: m.project.slug }, required: m.project.requiresQualification, qualified: Boolean(qualifiedAt), paused: Boolean(m.pausedAt), pauseReason: m.pauseReason, warned: Boolean(m.goldWarnedAt), round });
  }
  return notices;
}
