import { useTranslations } from "next-intl";

/**
 * Filters of the reviewer's queue as a plain GET form (works without JavaScript; the URL keeps the
 * filter, so back and reload behave).
 */
export function QueueFilters({ batches, value }: {
  batches: Array<{ id: string; name: string; project: { name: string; slug: string } }>;
  value: { project: string; batch: string; status: string };
}) {
  const t = useTranslations("queue.filters");
  const projects = [...new Map(batches.map((b) => [b.project.slug, b.project.name])).entries()];
  // max-w-full: a long study name in an option must not widen the page on a phone.
  const select = "w-full max-w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm sm:w-auto sm:max-w-xs";
  return (
    <form method="get" action="/queue" className="mt-6 flex flex-wrap items-end gap-3 text-sm" data-testid="queue-filters">
      <label className="flex min-w-0 max-w-full flex-col">
        <span className="text-xs text-slate-600">{t("study")}</span>
        <select name="project" defaultValue={value.project} className={select}>
          <option value="">{t("allStudies")}</option>
          {projects.map(([slug, name]) => <option key={slug} value={slug}>{name}</option>)}
        </select>
      </label>
      <label className="flex min-w-0 max-w-full flex-col">
        <span className="text-xs text-slate-600">{t("batch")}</span>
        <select name="batch" defaultValue={value.batch} className={select}>
          <option value="">{t("allBatches")}</option>
          {batches.map((b) => <option key={b.id} value={b.id}>{b.project.name} / {b.name}</option>)}
        </select>
      </label>
      <label className="flex min-w-0 max-w-full flex-col">
        <span className="text-xs text-slate-600">{t("status")}</span>
        <select name="status" defaultValue={value.status} className={select}>
          <option value="open">{t("statuses.open")}</option>
          <option value="pending">{t("statuses.pending")}</option>
          <option value="in_progress">{t("statuses.in_progress")}</option>
          <option value="submitted">{t("statuses.submitted")}</option>
          <option value="skipped">{t("statuses.skipped")}</option>
          <option value="all">{t("statuses.all")}</option>
        </select>
      </label>
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">{t("filter")}</button>
    </form>
  );
}
