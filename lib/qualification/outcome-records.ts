import { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { allows, ForbiddenError } from "@/lib/auth/permissions";
import { pseudonymizeReviewer } from "@/lib/export/pseudonym";
import { findProjectForActor } from "@/lib/projects/access";
import { scoreAttempt } from "./attempts";

// Qualification outcomes as research data (issue 10): per reviewer who took the project's round or
// was paused by the gold watch, each attempt's score, the pass, and any pause. Reviewers are
// pseudonyms (as in the annotation exports) unless the caller may identify them and asks.

export const qualificationRecordSchema = z.strictObject({
  project: z.string(),
  reviewer: z.string().meta({ description: "Pseudonym R-<10 hex>, or the email when the caller may identify reviewers and asked for it." }),
  qualifiedAt: z.string().nullable().meta({ description: "ISO time of the pass; null if not (yet) passed." }),
  failedAttempts: z.number().int().min(0),
  attempts: z.array(z.strictObject({
    batch: z.string(),
    attempt: z.number().int().min(1),
    submitted: z.number().int().min(0),
    open: z.number().int().min(0),
    correct: z.number().int().min(0),
    compared: z.number().int().min(0),
    percent: z.number().nullable(),
  })),
  pausedAt: z.string().nullable().meta({ description: "Paused by the gold watch (real batches closed to them) since then; null when not paused." }),
  pauseReason: z.string().nullable(),
  goldWarnedAt: z.string().nullable(),
});
export type QualificationRecord = z.infer<typeof qualificationRecordSchema>;

export const qualificationQuerySchema = z.strictObject({ identify: z.enum(["true", "false"]).optional().describe("true: reviewers by email (managers and admins only).") });

export async function loadQualificationRecords(actor: Actor, slug: string, opts: { identify?: boolean } = {}): Promise<QualificationRecord[]> {
  const project = await findProjectForActor(actor, slug, "export:read");
  if (opts.identify && !allows(project.access, "reviewer:identify")) throw new ForbiddenError("Only the project's managers may identify reviewers.");
  const db = getDb();
  const [members, attempts] = await Promise.all([
    db.projectMember.findMany({ where: { projectId: project.id }, select: { userId: true, qualifiedAt: true, qualificationFailures: true, pausedAt: true, pauseReason: true, goldWarnedAt: true, user: { select: { email: true } } } }),
    db.assignment.groupBy({ by: ["reviewerId", "batchId", "attempt", "status"], where: { batch: { projectId: project.id, isQualification: true } }, _count: { _all: true } }),
  ]);
  const batchNames = new Map((await db.batch.findMany({ where: { projectId: project.id, isQualification: true }, select: { id: true, name: true } })).map((b) => [b.id, b.name]));
  const records: QualificationRecord[] = [];
  for (const m of members) {
    const mine = attempts.filter((a) => a.reviewerId === m.userId);
    if (!mine.length && !m.pausedAt && !m.goldWarnedAt && !m.qualifiedAt) continue;
    const keys = [...new Set(mine.map((a) => `${a.batchId}\u0000${a.attempt}`))];
    const rows = [];
    for (const key of keys) {
      const [batchId, attempt] = key.split("\u0000");
      const of = mine.filter((a) => a.batchId === batchId && a.attempt === Number(attempt));
      const count = (s: string[]) => of.filter((a) => s.includes(a.status)).reduce((n, a) => n + a._count._all, 0);
      const score = await scoreAttempt(project.id, batchId, m.userId, Number(attempt));
      rows.push({ batch: batchNames.get(batchId) ?? batchId, attempt: Number(attempt), submitted: count(["SUBMITTED"]), open: count(["PENDING", "IN_PROGRESS"]), correct: score.correct, compared: score.compared, percent: score.percent });
    }
    rows.sort((a, b) => a.batch.localeCompare(b.batch) || a.attempt - b.attempt);
    records.push({
      project: project.slug,
      reviewer: opts.identify ? m.user.email : pseudonymizeReviewer(project.pseudonymSalt, m.userId),
      qualifiedAt: m.qualifiedAt?.toISOString() ?? null,
      failedAttempts: m.qualificationFailures,
      attempts: rows,
      pausedAt: m.pausedAt?.toISOString() ?? null,
      pauseReason: m.pauseReason,
      goldWarnedAt: m.goldWarnedAt?.toISOString() ?? null,
    });
  }
  return records.sort((a, b) => a.reviewer.localeCompare(b.reviewer));
}
