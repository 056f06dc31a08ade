import type { Metadata } from "next";
import Link from "next/link";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { buttonClass, cardClass } from "@/components/ui/styles";
import { requirePageActor } from "@/lib/auth/session";
import { loadReviewerQueue } from "@/lib/assignments/queue";

export const metadata: Metadata = { title: "My queue" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor("assignment:work");
  const page = Number((await searchParams).page ?? 1) || 1;
  const queue = await loadReviewerQueue(actor, { page });
  const { counts } = queue;
  const first = queue.open[0];
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  return (
    <AppShell actor={actor}>
      <PageTitle sub="Items assigned to you, in your order.">My queue</PageTitle>
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="queue-counts">
        {[
          ["To do", counts.pending, "pending"],
          ["In progress", counts.inProgress, "in-progress"],
          ["Submitted", counts.submitted, "submitted"],
          ["Skipped", counts.skipped, "skipped"],
        ].map(([label, n, id]) => (
          <div key={id} className={cardClass}>
            <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="text-2xl font-semibold" data-testid={`count-${id}`}>{n}</dd>
          </div>
        ))}
      </dl>
      {first ? (
        <Link className={buttonClass} href={`/review/${first.id}`} data-testid="start-next">
          {counts.inProgress ? "Continue reviewing" : "Start reviewing"}
        </Link>
      ) : (
        <p className="text-slate-600" data-testid="queue-empty">Nothing left to review. Thank you!</p>
      )}
      {queue.open.length ? (
        <ol className={`${cardClass} mt-6 divide-y divide-slate-100`}>
          {queue.open.map((a, index) => (
            <li key={a.id} className="flex items-center justify-between py-2 text-sm">
              <Link className="text-blue-800 hover:underline" href={`/review/${a.id}`}>
                Item {(queue.page - 1) * queue.pageSize + index + 1} · {a.batch.project.name} / {a.batch.name}
              </Link>
              <span className="text-slate-500">{a.status === "IN_PROGRESS" ? "in progress" : "to do"}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {pages > 1 ? (
        <nav className="mt-3 flex gap-3 text-sm" aria-label="Pages">
          {queue.page > 1 ? <Link href={`/queue?page=${queue.page - 1}`}>← Previous</Link> : null}
          <span>Page {queue.page} of {pages}</span>
          {queue.page < pages ? <Link href={`/queue?page=${queue.page + 1}`}>Next →</Link> : null}
        </nav>
      ) : null}
    </AppShell>
  );
}
