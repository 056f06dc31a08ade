"use client";
import { useActionState, useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { startExportJobAction } from "@/app/projects/actions";
import { FormStatus } from "@/components/ui/form-status";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import type { ExportJobView } from "@/lib/export-jobs/export-jobs";

/** While a job is queued or running the list is refreshed this often (ms). */
const POLL_MS = 2_000;

/**
 * Large exports as background jobs (issue 9): the job keeps running when this page is closed, and
 * the file waits here (and at /api/v1/export-jobs/<id>/download) when it is ready.
 */
export function ExportJobsPanel({ slug, initial }: { slug: string; initial: ExportJobView[] }) {
  const [jobs, setJobs] = useState(initial);
  const t = useTranslations("project.export");
  const format = useFormatter();
  const formats: Array<[string, string]> = [
    ["jsonl", "JSONL"], ["csv", "CSV"], ["parquet", t("parquetTables")], ["hf", t("hf")],
    ["preferences", t("preferences")], ["healthbench", t("healthbench")], ["steps", t("stepsJsonl")], ["steps-csv", t("stepsCsv")], ["coco", t("coco")],
  ];
  const progress = (job: ExportJobView): string => {
    if (job.status === "done") return t("jobs.done", { records: job.records, megabytes: format.number(Number(((job.bytes ?? 0) / 1024 / 1024).toFixed(1)), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }) });
    if (job.status === "failed") return t("jobs.failed", { error: job.error ?? t("jobs.unknownError") });
    if (job.status === "queued") return t("jobs.queued");
    if (!job.expectedRecords) return t("jobs.running", { records: job.records });
    return t("jobs.runningOf", { records: job.records, expected: job.expectedRecords, percent: Math.floor((job.records / Math.max(1, job.expectedRecords)) * 100) });
  };
  const [state, action, pending] = useActionState(startExportJobAction, null);
  const started = state?.ok ? state.data : null;
  const list = started && !jobs.some((j) => j.id === started.id) ? [started, ...jobs] : jobs;
  const active = list.some((j) => j.status === "queued" || j.status === "running");

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/v1/projects/${slug}/export-jobs`, { cache: "no-store" });
      if (res.ok) setJobs(((await res.json()) as { jobs: ExportJobView[] }).jobs);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, slug]);

  return (
    <div className="mt-3" data-testid="export-jobs">
      <form action={action} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="slug" value={slug} />
        <select className={`${inputClass} max-w-48`} name="format" aria-label={t("jobs.formatLabel")} defaultValue="jsonl">
          {formats.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <button className={secondaryButtonClass} disabled={pending} data-testid="start-export-job">{t("jobs.start")}</button>
        <span className="text-xs text-slate-500">{t("jobs.hint")}</span>
        <div className="w-full"><FormStatus state={state} /></div>
      </form>
      {list.length ? (
        <ul className="mt-2 space-y-1 text-sm">
          {list.map((job) => (
            <li key={job.id} data-job={job.id} data-status={job.status} className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-xs">{job.format}</span>
              <span className="text-slate-600">{format.dateTime(new Date(job.createdAt), { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" })}</span>
              <span data-testid="export-job-progress">{progress(job)}</span>
              {job.status === "done" ? <a className="text-blue-800 hover:underline" href={`/api/v1/export-jobs/${job.id}/download`} data-testid="export-job-download">{t("jobs.download", { file: job.fileName ?? "" })}</a> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
