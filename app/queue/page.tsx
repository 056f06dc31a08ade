import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { buttonClass, cardClass } from "@/components/ui/styles";
import { QueueFilters } from "@/components/review/queue-filters";
import { requirePageActor } from "@/lib/auth/session";
import { loadReviewerQueue } from "@/lib/assignments/queue";
import { loadQualificationNotices } from "@/lib/qualification/status";
import { QualificationNotices } from "@/components/review/qualification-notices";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queue");
  return { title: t("title") };
}

// Query parameters are user input: anything malformed falls back to the default instead of failing.
const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  project: z.string().max(120).optional().catch(undefined),
  batch: z.string().max(64).optional().catch(undefined),
  status: z.enum(["open", "pending", "in_progress", "submitted", "skipped", "all"]).catch("open"),
  done: z.string().max(64).optional().catch(undefined),
});

const STATUSES = ["PENDING", "IN_PROGRESS", "SUBMITTED", "SKIPPED"] as const;
const isStatus = (s: string): s is (typeof STATUSES)[number] => (STATUSES as readonly string[]).includes(s);

/** A due date is a day (UTC): work is overdue once that whole day has passed with items still open. */
function isOverdue(dueAt: Date, done: number, total: number, now = Date.now()): boolean {
  return done < total && now >= dueAt.getTime() + 86_400_000;
}

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("assignment:work");
  const query = querySchema.parse(await searchParams);
  const filter = { projectSlug: query.project || undefined, batchId: query.batch || undefined, status: query.status };
  const [queue, notices, t] = await Promise.all([loadReviewerQueue(actor, { page: query.page, filter }), loadQualificationNotices(actor), getTranslations("queue")]);
  const { counts } = queue;
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  const finished = query.done ? queue.batches.find((b) => b.id === query.done) : undefined;
  const link = (page: number) => `/queue?${new URLSearchParams({ ...(filter.projectSlug ? { project: filter.projectSlug } : {}), ...(filter.batchId ? { batch: filter.batchId } : {}), status: filter.status, page: String(page) })}`;
  return (
    <AppShell actor={actor}>
      <PageTitle sub={t("sub")}>{t("title")}</PageTitle>
      <QualificationNotices notices={notices} />
      {finished ? (
        <p className="mb-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="batch-done">
          {t("batchDone", { batch: finished.name, project: finished.project.name })}
        </p>
      ) : null}
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="queue-counts">
        {[
          [t("counts.pending"), counts.pending, "pending"],
          [t("counts.inProgress"), counts.inProgress, "in-progress"],
          [t("counts.submitted"), counts.submitted, "submitted"],
          [t("counts.skipped"), counts.skipped, "skipped"],
        ].map(([label, n, id]) => (
          <div key={id} className={cardClass}>
            <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="text-2xl font-semibold" data-testid={`count-${id}`}>{n}</dd>
          </div>
        ))}
      </dl>
      {queue.firstOpenId ? (
        <Link className={buttonClass} href={`/review/${queue.firstOpenId}`} data-testid="start-next">
          {counts.inProgress ? t("continue") : t("start")}
        </Link>
      ) : counts.pending + counts.inProgress === 0 ? (
        <p className="text-slate-600" data-testid="queue-empty">{t("empty")}</p>
      ) : null}
      <QueueFilters batches={queue.batches} value={{ project: filter.projectSlug ?? "", batch: filter.batchId ?? "", status: filter.status }} />
      {queue.groups.map((group) => {
        const dueAt = group.dueAt;
        const overdue = dueAt ? isOverdue(dueAt, group.done, group.total) : false;
        return (
          <section key={group.batchId} className={`${cardClass} mt-4`} aria-label={`${group.project.name} / ${group.batchName}`} data-testid="queue-group">
            <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="font-semibold">
                {group.project.name} <span className="font-normal text-slate-600">/ {group.batchName}</span>
              </h2>
              <p className="text-xs text-slate-600">
                {dueAt ? (
                  <>
                    {/* The due day as YYYY-MM-DD (a UTC day), the same in every language. */}
                    {t.rich("progressDue", {
                      done: group.done,
                      total: group.total,
                      date: dueAt.toISOString().slice(0, 10),
                      time: (chunks) => <time dateTime={dueAt.toISOString()} className={overdue ? "font-medium text-red-700" : ""}>{chunks}</time>,
                    })}
                    {/* Said in words too: colour alone carries no meaning. */}
                    {overdue ? <span className="font-medium text-red-700" data-testid="overdue"> {t("overdue")}</span> : null}
                  </>
                ) : t("progress", { done: group.done, total: group.total })}
              </p>
            </header>
            <ol className="divide-y divide-slate-100">
              {group.entries.map((entry) => (
                <li key={entry.id} className="flex items-start justify-between gap-3 py-2 text-sm">
                  <Link className="min-w-0 text-blue-800 hover:underline" href={`/review/${entry.id}`} data-testid="queue-entry">
                    <span className="font-medium">{t("item", { number: String(entry.number) })}</span>
                    <span className="sr-only"> · {group.project.name} / {group.batchName}</span>
                    {entry.snippet ? <span className="block truncate text-slate-700" dir="auto">{entry.snippet}</span> : null}
                  </Link>
                  <span className="shrink-0 text-slate-500">{isStatus(entry.status) ? t(`status.${entry.status}`) : entry.status.toLowerCase()}</span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      {!queue.groups.length && (filter.projectSlug || filter.batchId || filter.status !== "open") ? (
        <p className="mt-4 text-sm text-slate-600" data-testid="queue-no-match">{t("noMatch")}</p>
      ) : null}
      {pages > 1 ? (
        <nav className="mt-3 flex gap-3 text-sm" aria-label={t("pages.label")}>
          {queue.page > 1 ? <Link href={link(queue.page - 1)}>{t("pages.previous")}</Link> : null}
          <span>{t("pages.position", { page: String(Math.min(queue.page, pages)), pages: String(pages) })}</span>
          {queue.page < pages ? <Link href={link(queue.page + 1)}>{t("pages.next")}</Link> : null}
        </nav>
      ) : null}
    </AppShell>
  );
}
