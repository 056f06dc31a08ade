import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";

// The progress dashboard (issue 10, "Oversight"): per reviewer and in total, how much is pending, in
// progress, submitted, skipped and overdue; the median active time per submitted item; the pace
// (items per active hour, and per day over the last 7 days); and a projected finish date at the
// recent daily pace. One grouped SQL query over the project's (or one batch's) assignments: the
// counts never travel row by row.

export type ReviewerProgressRow = {
  reviewerId: string;
  name: string;
  email: string;
  pending: number;
  inProgress: number;
  submitted: number;
  skipped: number;
  /** Open (pending or in progress) in batches whose due day has passed. */
  overdue: number;
  /** Median active time of a submitted item, in ms (null before the first submission). */
  medianActiveMs: number | null;
  /** Submitted items per hour of active time. */
  itemsPerActiveHour: number | null;
  /** Submitted in the last 7 days. */
  lastWeek: number;
};

export type ProjectDashboard = {
  reviewers: ReviewerProgressRow[];
  totals: Omit<ReviewerProgressRow, "reviewerId" | "name" | "email">;
  /** Open assignments ÷ the last 7 days' daily submissions; null when nothing was submitted lately or nothing is open. */
  projectedFinish: string | null;
  /** Submissions per day over the last 7 days. */
  dailyPace: number;
};

type Row = { reviewerId: string; name: string; email: string; pending: number; inProgress: number; submitted: number; skipped: number; overdue: number; medianActiveMs: number | null; activeMs: number; lastWeek: number };

export async function loadProjectDashboard(actor: Actor, projectId: string, opts: { batchId?: string; now?: Date } = {}): Promise<ProjectDashboard> {
  requirePermission(actor, "batch:progress");
  const now = opts.now ?? new Date();
  const db = getDb();
  const batchIds = (await db.batch.findMany({ where: { projectId, ...(opts.batchId ? { id: opts.batchId } : {}) }, select: { id: true } })).map((b) => b.id);
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  // A due date is a day: overdue once that whole day has passed (as the reviewer's queue says).
  const dueBefore = new Date(now.getTime() - 86_400_000);
  const rows = batchIds.length
    ? await db.$queryRaw<Row[]>`
        SELECT s."reviewerId", u.name, u.email,
               count(*) FILTER (WHERE s.status = 'PENDING')::int AS pending,
               count(*) FILTER (WHERE s.status = 'IN_PROGRESS')::int AS "inProgress",
               count(*) FILTER (WHERE s.status = 'SUBMITTED')::int AS submitted,
               count(*) FILTER (WHERE s.status = 'SKIPPED')::int AS skipped,
               count(*) FILTER (WHERE s.status IN ('PENDING', 'IN_PROGRESS') AND b."dueAt" IS NOT NULL AND b."dueAt" <= ${dueBefore})::int AS overdue,
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY s."timeOnTaskMs") FILTER (WHERE s.status = 'SUBMITTED'))::float8 AS "medianActiveMs",
               COALESCE(sum(s."timeOnTaskMs") FILTER (WHERE s.status = 'SUBMITTED'), 0)::float8 AS "activeMs",
               count(*) FILTER (WHERE s.status = 'SUBMITTED' AND s."submittedAt" >= ${weekAgo})::int AS "lastWeek"
        FROM "Assignment" s
        JOIN "Batch" b ON b.id = s."batchId"
        JOIN "User" u ON u.id = s."reviewerId"
        WHERE s."batchId" = ANY(${batchIds}::text[])
        GROUP BY s."reviewerId", u.name, u.email
        ORDER BY u.name`
    : [];
  const perHour = (submitted: number, activeMs: number) => (submitted && activeMs > 0 ? submitted / (activeMs / 3_600_000) : null);
  const reviewers = rows.map(({ activeMs, ...r }) => ({ ...r, itemsPerActiveHour: perHour(r.submitted, activeMs) }));
  const sum = (k: "pending" | "inProgress" | "submitted" | "skipped" | "overdue" | "lastWeek") => rows.reduce((n, r) => n + r[k], 0);
  // The overall median needs the rows themselves, not the reviewers' medians: one more aggregate.
  const [overall] = batchIds.length
    ? await db.$queryRaw<Array<{ median: number | null }>>`
        SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY "timeOnTaskMs"))::float8 AS median
        FROM "Assignment" WHERE "batchId" = ANY(${batchIds}::text[]) AND status = 'SUBMITTED'`
    : [{ median: null }];
  const totals = {
    pending: sum("pending"),
    inProgress: sum("inProgress"),
    submitted: sum("submitted"),
    skipped: sum("skipped"),
    overdue: sum("overdue"),
    lastWeek: sum("lastWeek"),
    medianActiveMs: overall?.median ?? null,
    itemsPerActiveHour: perHour(sum("submitted"), rows.reduce((n, r) => n + r.activeMs, 0)),
  };
  const open = totals.pending + totals.inProgress;
  const dailyPace = totals.lastWeek / 7;
  const projectedFinish = open && dailyPace > 0 ? new Date(now.getTime() + Math.ceil(open / dailyPace) * 86_400_000).toISOString().slice(0, 10) : null;
  return { reviewers, totals, projectedFinish, dailyPace };
}

