import type { Actor } from "@/lib/auth/permissions";
import { requireProjectPermission } from "@/lib/projects/access";
import { getDb } from "@/lib/db/client";
import type { ReviewerProgress } from "./progress";

// The progress dashboard (issue 10, "Oversight"): per reviewer and in total, how much is pending, in
// progress, submitted, skipped and overdue; the median active time per submitted item; the pace
// (items per active hour, and per day over the last 7 days); and a projected finish date at the
// recent daily pace. Read from tallies kept by database triggers (decision 027), so the cost does
// not grow with the number of assignments.

/** The batch page's per-reviewer counts (./progress.ts), and more. */
export type ReviewerProgressRow = Omit<ReviewerProgress, "total"> & {
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

type Row = { reviewerId: string; pending: number; inProgress: number; submitted: number; skipped: number; overdue: number; activeMs: number; lastWeek: number };

export async function loadProjectDashboard(actor: Actor, projectId: string, opts: { batchId?: string; now?: Date } = {}): Promise<ProjectDashboard> {
  await requireProjectPermission(actor, projectId, "batch:progress");
  const now = opts.now ?? new Date();
  const db = getDb();
  const batches = await db.batch.findMany({ where: { projectId, ...(opts.batchId ? { id: opts.batchId } : {}) }, select: { id: true, dueAt: true } });
  const batchIds = batches.map((b) => b.id);
  // A due date is a day: overdue once that whole day has passed (as the reviewer's queue says).
  const overdueBatchIds = batches.filter((b) => b.dueAt && b.dueAt.getTime() + 86_400_000 <= now.getTime()).map((b) => b.id);
  // The last 7 days by UTC day, the current one included (the tallies count submissions per day).
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  // Read from the tallies the triggers on "Assignment" keep (decision 027): a few rows per batch and
  // reviewer however many assignments there are. Aggregating the assignments on each view took
  // 229 ms at 200,000 and grew with the study.
  const [perReviewer, buckets, recent] = batchIds.length
    ? await Promise.all([
        db.$queryRaw<Row[]>`
          SELECT t."reviewerId",
                 sum(t.pending)::int AS pending, sum(t."inProgress")::int AS "inProgress", sum(t.submitted)::int AS submitted, sum(t.skipped)::int AS skipped,
                 COALESCE(sum(t.pending + t."inProgress") FILTER (WHERE t."batchId" = ANY(${overdueBatchIds}::text[])), 0)::int AS overdue,
                 sum(t."submittedActiveMs")::float8 AS "activeMs", 0 AS "lastWeek"
          FROM "AssignmentTally" t
          WHERE t."batchId" = ANY(${batchIds}::text[])
          GROUP BY t."reviewerId"`,
        // Medians in SQL from the active-time histogram (two significant digits of a second): per reviewer (and "*" for everyone) the values
        // at the two middle positions of the sorted times; rows back: one per reviewer, not per second.
        db.$queryRaw<Array<{ reviewerId: string; low: number; high: number }>>`
          WITH h AS (
            SELECT b."reviewerId", b.sec, sum(b.n) AS n FROM "ActiveTimeBucket" b WHERE b."batchId" = ANY(${batchIds}::text[]) GROUP BY 1, 2
            UNION ALL
            SELECT '*', b.sec, sum(b.n) FROM "ActiveTimeBucket" b WHERE b."batchId" = ANY(${batchIds}::text[]) GROUP BY 2
          ),
          c AS (SELECT h."reviewerId", h.sec, sum(h.n) OVER (PARTITION BY h."reviewerId" ORDER BY h.sec) AS cum, sum(h.n) OVER (PARTITION BY h."reviewerId") AS total FROM h WHERE h.n > 0)
          SELECT c."reviewerId", min(c.sec) FILTER (WHERE c.cum > (c.total - 1) / 2)::float8 AS low, min(c.sec) FILTER (WHERE c.cum > c.total / 2)::float8 AS high
          FROM c GROUP BY 1`,
        db.$queryRaw<Array<{ reviewerId: string; n: number }>>`
          SELECT d."reviewerId", sum(d.n)::int AS n
          FROM "SubmissionDay" d
          WHERE d."batchId" = ANY(${batchIds}::text[]) AND d.day >= ${weekAgo}::date
          GROUP BY 1`,
      ])
    : [[], [], []];
  const lastWeekOf = new Map(recent.map((r) => [r.reviewerId, r.n]));
  for (const r of perReviewer) r.lastWeek = lastWeekOf.get(r.reviewerId) ?? 0;
  const medianMs = new Map(buckets.map((b) => [b.reviewerId, ((b.low + b.high) / 2) * 1000]));
  const users = new Map((await db.user.findMany({ where: { id: { in: perReviewer.map((r) => r.reviewerId) } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]));
  const perHour = (submitted: number, activeMs: number) => (submitted && activeMs > 0 ? submitted / (activeMs / 3_600_000) : null);
  const reviewers: ReviewerProgressRow[] = perReviewer
    .map((r) => ({
      reviewerId: r.reviewerId,
      name: users.get(r.reviewerId)?.name ?? "",
      email: users.get(r.reviewerId)?.email ?? "",
      pending: r.pending,
      inProgress: r.inProgress,
      submitted: r.submitted,
      skipped: r.skipped,
      overdue: r.overdue,
      medianActiveMs: medianMs.get(r.reviewerId) ?? null,
      itemsPerActiveHour: perHour(r.submitted, r.activeMs),
      lastWeek: r.lastWeek,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const sum = (k: "pending" | "inProgress" | "submitted" | "skipped" | "overdue" | "lastWeek") => perReviewer.reduce((n, r) => n + r[k], 0);
  const totals = {
    pending: sum("pending"),
    inProgress: sum("inProgress"),
    submitted: sum("submitted"),
    skipped: sum("skipped"),
    overdue: sum("overdue"),
    lastWeek: sum("lastWeek"),
    medianActiveMs: medianMs.get("*") ?? null,
    itemsPerActiveHour: perHour(sum("submitted"), perReviewer.reduce((n, r) => n + r.activeMs, 0)),
  };
  const open = totals.pending + totals.inProgress;
  const dailyPace = totals.lastWeek / 7;
  const projectedFinish = open && dailyPace > 0 ? new Date(now.getTime() + Math.ceil(open / dailyPace) * 86_400_000).toISOString().slice(0, 10) : null;
  return { reviewers, totals, projectedFinish, dailyPace };
}

