import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// In-app notices (issue 12). Stored language-neutral as a kind and its facts; the page renders them
// in the reader's language. Reviewers hear of new work, work due within two days and overdue work;
// project managers of a completed batch; whoever asked for an export, that it is ready.

export const NOTIFICATION_KINDS = ["batch_assigned", "batch_due_soon", "batch_overdue", "batch_completed", "export_ready"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NewNotification = { userId: string; kind: NotificationKind; data: Record<string, string | number | null>; href?: string; dedupeKey?: string };

/** Raises notices; one with a dedupe key already raised for that user is left alone. */
export async function notify(rows: NewNotification[]): Promise<number> {
  if (!rows.length) return 0;
  const { count } = await getDb().notification.createMany({
    data: rows.map((r) => ({ userId: r.userId, kind: r.kind, data: r.data, href: r.href ?? null, dedupeKey: r.dedupeKey ?? null })),
    skipDuplicates: true,
  });
  return count;
}

export const DUE_SOON_HOURS = 48;

/**
 * Raises the due-soon and overdue notices a reviewer has not had yet, for batches with open work
 * of theirs: one statement over the trigger-kept tallies, run when their notices are read.
 */
export async function sweepDueNotices(userId: string, now = new Date()): Promise<void> {
  const soon = new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000);
  await getDb().$executeRaw(Prisma.sql`
    INSERT INTO "Notification" ("id", "userId", "kind", "data", "href", "dedupeKey", "createdAt")
    SELECT gen_random_uuid()::text, t."reviewerId",
           CASE WHEN b."dueAt" < ${now} THEN 'batch_overdue' ELSE 'batch_due_soon' END,
           jsonb_build_object('batchName', b."name", 'projectName', p."name", 'dueAt', to_char(b."dueAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'open', t."pending" + t."inProgress"),
           '/queue',
           CASE WHEN b."dueAt" < ${now} THEN 'overdue:' ELSE 'due-soon:' END || b."id",
           ${now}
    FROM "AssignmentTally" t
    JOIN "Batch" b ON b."id" = t."batchId"
    JOIN "Project" p ON p."id" = b."projectId"
    WHERE t."reviewerId" = ${userId} AND t."pending" + t."inProgress" > 0
      AND b."dueAt" IS NOT NULL AND b."dueAt" < ${soon} AND (b."opensAt" IS NULL OR b."opensAt" <= ${now})
      AND p."status" <> 'ARCHIVED'
    ON CONFLICT ("userId", "dedupeKey") DO NOTHING`);
}

export async function unreadNotificationCount(userId: string): Promise<number> {
  await sweepDueNotices(userId);
  return getDb().notification.count({ where: { userId, readAt: null } });
}

export async function listNotifications(userId: string, opts: { take?: number } = {}) {
  await sweepDueNotices(userId);
  return getDb().notification.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: opts.take ?? 50 });
}

/** Marks the user's own notices read: the ones named, or all. */
export async function markNotificationsRead(userId: string, ids?: string[]): Promise<number> {
  const { count } = await getDb().notification.updateMany({ where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
  return count;
}
