import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { loadProjectDashboard } from "@/lib/assignments/dashboard";
import { listBatches } from "@/lib/assignments/progress";
import { requireProjectPage } from "@/lib/projects/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("project.progress"))("metaTitle") };
}

/** One decimal, rounded as toFixed rounds ("2.5" in English), with the language's decimal sign. */
const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false } as const;
const oneDecimal = (x: number) => Number(x.toFixed(1));

/** Progress of a project (or one batch) per reviewer: status counts, overdue work, time per item, pace and a projected finish. */
export default async function ProgressPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const { actor, project } = await requireProjectPage(slug, "batch:progress");
  const batches = await listBatches(project.id);
  const requested = (await searchParams).batch;
  const batch = typeof requested === "string" ? batches.find((b) => b.id === requested) : undefined;
  const d = await loadProjectDashboard(actor, project.id, batch ? { batchId: batch.id } : {});
  const [tr, format] = await Promise.all([getTranslations("project.progress"), getFormatter()]);
  const minutes = (ms: number | null) => (ms === null ? "—" : tr("minutes", { minutes: format.number(oneDecimal(ms / 60_000), ONE_DECIMAL) }));
  const rate = (x: number | null) => (x === null ? "—" : format.number(oneDecimal(x), ONE_DECIMAL));
  const t = d.totals;
  const total = t.pending + t.inProgress + t.submitted + t.skipped;
  return (
    <AppShell actor={actor}>
      <p className="mb-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}`}><span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {project.name}</Link></p>
      <PageTitle sub={batch ? tr("batch", { name: batch.name }) : tr("allBatches")}>{tr("title")}</PageTitle>
      <form className={`${cardClass} mb-4 flex flex-wrap items-end gap-3`} aria-label={tr("chooseLabel")}>
        <div>
          <label className={labelClass} htmlFor="p-batch">{tr("batchLabel")}</label>
          <select className={inputClass} id="p-batch" name="batch" defaultValue={batch?.id ?? ""}>
            <option value="">{tr("allBatches")}</option>
            {batches.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        </div>
        <button className={secondaryButtonClass}>{tr("show")}</button>
      </form>
      <section className={`${cardClass} mb-4`} aria-label={tr("summaryLabel")} data-testid="progress-summary">
        <p className="text-sm">
          {tr("summary", { done: t.submitted + t.skipped, total, submitted: t.submitted, skipped: t.skipped, inProgress: t.inProgress, pending: t.pending })}
          {t.overdue ? <span className="font-medium text-red-700" data-testid="overdue-total">{tr("overdueTotal", { count: t.overdue })}</span> : null}
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {tr("pace", { median: minutes(t.medianActiveMs), rate: rate(t.itemsPerActiveHour), daily: format.number(oneDecimal(d.dailyPace), ONE_DECIMAL) })}{" "}
          <span data-testid="projected-finish">{d.projectedFinish ? tr("doneBy", { date: d.projectedFinish }) : t.pending + t.inProgress ? tr("noRecent") : tr("nothingLeft")}</span>
        </p>
        <div className="mt-2 flex h-3 overflow-hidden rounded bg-slate-200" role="img" aria-label={tr("barLabel", { submitted: t.submitted, skipped: t.skipped, inProgress: t.inProgress, pending: t.pending })}>
          <div className="bg-green-600" style={{ width: `${total ? (100 * t.submitted) / total : 0}%` }} />
          <div className="bg-amber-500" style={{ width: `${total ? (100 * t.skipped) / total : 0}%` }} />
          <div className="bg-blue-400" style={{ width: `${total ? (100 * t.inProgress) / total : 0}%` }} />
        </div>
      </section>
      <div className={`${cardClass} overflow-x-auto`} tabIndex={0}>
        <table className="w-full text-start text-sm [&_td]:pe-3 [&_th]:whitespace-nowrap [&_th]:pe-3" data-testid="dashboard-table">
          <thead className="text-slate-500">
            <tr><th className="py-1">{tr("columns.reviewer")}</th><th>{tr("columns.notStarted")}</th><th>{tr("columns.inProgress")}</th><th>{tr("columns.submitted")}</th><th>{tr("columns.skipped")}</th><th>{tr("columns.overdue")}</th><th>{tr("columns.median")}</th><th>{tr("columns.rate")}</th><th>{tr("columns.lastWeek")}</th></tr>
          </thead>
          <tbody>
            {d.reviewers.map((r) => (
              <tr key={r.reviewerId} className="border-t border-slate-100" data-testid={`dashboard-${r.email}`}>
                <td className="py-1">{r.name}<span className="block text-xs text-slate-500">{r.email}</span></td>
                <td>{r.pending}</td><td>{r.inProgress}</td><td data-col="submitted">{r.submitted}</td><td>{r.skipped}</td>
                <td className={r.overdue ? "font-medium text-red-700" : ""} data-col="overdue">{r.overdue ? tr("overdue", { count: r.overdue }) : r.overdue}</td>
                <td>{minutes(r.medianActiveMs)}</td><td>{rate(r.itemsPerActiveHour)}</td><td>{r.lastWeek}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {d.reviewers.length === 0 ? <p className="text-sm text-slate-600">{tr("noBatches")}</p> : null}
        <p className="mt-2 text-xs text-slate-600">{tr("help")}</p>
      </div>
    </AppShell>
  );
}
