import type { Metadata } from "next";
import Link from "next/link";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { loadProjectDashboard } from "@/lib/assignments/dashboard";
import { listBatches } from "@/lib/assignments/progress";
import { requireProjectPage } from "@/lib/projects/page-access";

export const metadata: Metadata = { title: "Progress" };

const minutes = (ms: number | null) => (ms === null ? "—" : `${(ms / 60_000).toFixed(1)} min`);
const rate = (x: number | null) => (x === null ? "—" : x.toFixed(1));

/** Progress of a project (or one batch) per reviewer: status counts, overdue work, time per item, pace and a projected finish. */
export default async function ProgressPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const { actor, project } = await requireProjectPage(slug, "batch:progress");
  const batches = await listBatches(project.id);
  const requested = (await searchParams).batch;
  const batch = typeof requested === "string" ? batches.find((b) => b.id === requested) : undefined;
  const d = await loadProjectDashboard(actor, project.id, batch ? { batchId: batch.id } : {});
  const t = d.totals;
  const total = t.pending + t.inProgress + t.submitted + t.skipped;
  return (
    <AppShell actor={actor}>
      <p className="mb-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}`}>← {project.name}</Link></p>
      <PageTitle sub={batch ? `Batch ${batch.name}` : "All batches"}>Progress</PageTitle>
      <form className={`${cardClass} mb-4 flex flex-wrap items-end gap-3`} aria-label="Choose a batch">
        <div>
          <label className={labelClass} htmlFor="p-batch">Batch</label>
          <select className={inputClass} id="p-batch" name="batch" defaultValue={batch?.id ?? ""}>
            <option value="">All batches</option>
            {batches.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        </div>
        <button className={secondaryButtonClass}>Show</button>
      </form>
      <section className={`${cardClass} mb-4`} aria-label="Summary" data-testid="progress-summary">
        <p className="text-sm">
          {t.submitted + t.skipped} of {total} assignments done ({t.submitted} submitted, {t.skipped} skipped) · {t.inProgress} in progress · {t.pending} not started
          {t.overdue ? <span className="font-medium text-red-700" data-testid="overdue-total"> · {t.overdue} overdue</span> : null}
        </p>
        <p className="mt-1 text-sm text-slate-700">
          Median active time per submitted item {minutes(t.medianActiveMs)} · {rate(t.itemsPerActiveHour)} items per active hour ·{" "}
          {d.dailyPace.toFixed(1)} per day over the last 7 days ·{" "}
          <span data-testid="projected-finish">{d.projectedFinish ? `at that pace, done by ${d.projectedFinish}` : t.pending + t.inProgress ? "no recent submissions to project a finish from" : "nothing left to do"}</span>
        </p>
        <div className="mt-2 flex h-3 overflow-hidden rounded bg-slate-200" role="img" aria-label={`${t.submitted} submitted, ${t.skipped} skipped, ${t.inProgress} in progress, ${t.pending} not started`}>
          <div className="bg-green-600" style={{ width: `${total ? (100 * t.submitted) / total : 0}%` }} />
          <div className="bg-amber-500" style={{ width: `${total ? (100 * t.skipped) / total : 0}%` }} />
          <div className="bg-blue-400" style={{ width: `${total ? (100 * t.inProgress) / total : 0}%` }} />
        </div>
      </section>
      <div className={`${cardClass} overflow-x-auto`} tabIndex={0}>
        <table className="w-full text-start text-sm [&_td]:pe-3 [&_th]:whitespace-nowrap [&_th]:pe-3" data-testid="dashboard-table">
          <thead className="text-slate-500">
            <tr><th className="py-1">Reviewer</th><th>Not started</th><th>In progress</th><th>Submitted</th><th>Skipped</th><th>Overdue</th><th>Median time</th><th>Items / active hour</th><th>Last 7 days</th></tr>
          </thead>
          <tbody>
            {d.reviewers.map((r) => (
              <tr key={r.reviewerId} className="border-t border-slate-100" data-testid={`dashboard-${r.email}`}>
                <td className="py-1">{r.name}<span className="block text-xs text-slate-500">{r.email}</span></td>
                <td>{r.pending}</td><td>{r.inProgress}</td><td data-col="submitted">{r.submitted}</td><td>{r.skipped}</td>
                <td className={r.overdue ? "font-medium text-red-700" : ""} data-col="overdue">{r.overdue}{r.overdue ? " overdue" : ""}</td>
                <td>{minutes(r.medianActiveMs)}</td><td>{rate(r.itemsPerActiveHour)}</td><td>{r.lastWeek}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {d.reviewers.length === 0 ? <p className="text-sm text-slate-600">No batches yet.</p> : null}
        <p className="mt-2 text-xs text-slate-600">Active time is counted only while the review tab is visible and the reviewer interacts. A due date is a day: work is overdue once that day has passed.</p>
      </div>
    </AppShell>
  );
}
