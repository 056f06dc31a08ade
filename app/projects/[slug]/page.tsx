import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { Markdown } from "@/components/ui/markdown";
import { cardClass, secondaryButtonClass } from "@/components/ui/styles";
import { ImportItems } from "@/components/admin/import-items";
import { UploadImages } from "@/components/admin/upload-images";
import { ImportArguments } from "@/components/admin/import-arguments";
import { ImportJudgeResults } from "@/components/admin/import-judge-results";
import { ArgumentExportLinks } from "@/components/admin/argument-export-links";
import { ExportJobsPanel } from "@/components/admin/export-jobs-panel";
import { listExportJobs } from "@/lib/export-jobs/export-jobs";
import { backgroundExportsAvailable } from "@/lib/export-jobs/queue";
import { CreateBatchForm } from "@/components/admin/create-batch-form";
import { MembersPanel } from "@/components/admin/members-panel";
import { QualificationForm } from "@/components/admin/qualification-form";
import { qualificationPolicyOf } from "@/lib/qualification/policy";
import { ArchiveProject } from "@/components/admin/archive-project";
import { ProjectDetailsForm } from "@/components/admin/project-details-form";
import { ProjectSettingsForm } from "@/components/admin/project-settings-form";
import { allows } from "@/lib/auth/permissions";
import { requireProjectPage } from "@/lib/projects/page-access";
import { listReviewerCandidates } from "@/lib/assignments/reviewer-candidates";
import { listBatches } from "@/lib/assignments/progress";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { listProjectMembers } from "@/lib/projects/access";
import { loadProjectOverview } from "@/lib/projects/overview";
import { readProjectSettings } from "@/lib/projects/settings";
import { loadDesignLock } from "@/lib/projects/update-details";
import { findTemplate, toolsOfTemplate } from "@/lib/rubrics/templates";
import { stepsEnabled } from "@/lib/tools/steps/tool-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("project.page"))("metaTitle") };
}

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const { deleted } = await searchParams;
  const { actor, project } = await requireProjectPage(slug, "project:read");
  const canManage = allows(project.access, "project:manage");
  // An archived project is read-only: its write forms are not offered (the server refuses them anyway).
  const writable = project.status !== "ARCHIVED";
  const [t, te, tp, tTranslations, tWebhooks] = await Promise.all([getTranslations("project.page"), getTranslations("project.export"), getTranslations("project"), getTranslations("translations"), getTranslations("webhooks")]);
  const [overview, batches, guidelinesHtml, members, candidates, designLock] = await Promise.all([
    loadProjectOverview(project.id),
    listBatches(project.id),
    renderMarkdown(project.guidelines || t("noGuidelines")),
    canManage ? listProjectMembers(project.id) : Promise.resolve([]),
    allows(project.access, "batch:assign") ? listReviewerCandidates(project.id) : Promise.resolve({ members: [], others: [] }),
    canManage ? loadDesignLock(project.id) : Promise.resolve(null),
  ]);
  const template = overview.rubric?.templateKey ? findTemplate(overview.rubric.templateKey) : undefined;

  return (
    <AppShell actor={actor}>
      <PageTitle
        sub={t("sub", { blinded: project.blinded ? "yes" : "no", perItem: project.reviewersPerItem, randomized: project.randomizeOrder ? "yes" : "no", status: tp(`status.${project.status}`) })}
      >
        <span data-testid="project-name">{project.name}</span>
      </PageTitle>

      {project.status === "ARCHIVED" ? <p className="mb-4 rounded-md border border-slate-300 bg-slate-100 p-2 text-sm text-slate-800" role="status" data-testid="archived-banner">{t("archivedBanner")}</p> : null}
      {typeof deleted === "string" ? <p className="mb-4 text-sm text-green-700" role="status" data-testid="batch-deleted">{t("batchDeleted", { name: deleted })}</p> : null}
      {/* min-w-0: grid children shrink on a phone instead of pushing the page sideways. */}
      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <section className={cardClass}>
          <h2 className="mb-2 font-medium">{t("items")}</h2>
          <p className="text-sm text-slate-700" data-testid="item-count">
            {t("itemCount", { items: overview.itemCount, unbatched: overview.unbatchedCount, submitted: overview.submittedCount })}
          </p>
          {allows(project.access, "item:browse") ? (
            <p className="mt-1 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/items`} data-testid="browse-items">{t("browseItems")}</Link></p>
          ) : null}
          {canManage && stepsEnabled(toolsOfTemplate(overview.rubric?.templateKey), readProjectSettings(project.settings)) ? (
            <p className="mt-1 text-sm">
              <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/steps`} data-testid="steps-link">{t("stepsLink")}</Link>
            </p>
          ) : null}
          {writable && allows(project.access, "item:import") ? <ImportItems slug={project.slug} /> : null}
          {writable && allows(project.access, "item:import") ? <UploadImages slug={project.slug} /> : null}
          {writable && allows(project.access, "item:import") ? <ImportArguments slug={project.slug} /> : null}
          {writable && allows(project.access, "item:import") ? <ImportJudgeResults slug={project.slug} /> : null}
        </section>

        <section className={cardClass}>
          <h2 className="mb-2 font-medium">{t("rubric")}</h2>
          {overview.rubric ? (
            <p className="text-sm text-slate-700">
              {t("rubricSummary", { name: overview.rubric.name, version: overview.rubric.version, axes: overview.rubric._count.axes })}
              {overview.rubric.frozenAt ? t("frozen") : ""}
            </p>
          ) : null}
          {canManage && overview.rubric ? (
            <p className="mt-1 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/rubric`} data-testid="rubric-link">{t("rubricLink")}</Link></p>
          ) : null}
          {canManage ? (
            <p className="mt-1 flex flex-wrap gap-x-4 text-sm">
              <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/translations`} data-testid="translations-link">{tTranslations("link")}</Link>
              <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/webhooks`} data-testid="webhooks-link">{tWebhooks("link")}</Link>
            </p>
          ) : null}
          {template ? (
            <p className="mt-1 text-xs text-slate-500">
              {t.rich("source", { citation: template.citation.text, link: (c) => <a className="underline" href={template.citation.url} target="_blank" rel="noreferrer">{c}</a> })}
            </p>
          ) : null}
          {allows(project.access, "export:read") ? (
            <div className="mt-4">
              <h3 className="mb-2 text-sm font-medium">{t("exportHeading")}</h3>
              <div className="flex flex-wrap gap-2">
                <a className={secondaryButtonClass} href={`/api/v1/projects/${project.slug}/export?format=jsonl`} data-testid="export-jsonl">JSONL</a>
                <a className={secondaryButtonClass} href={`/api/v1/projects/${project.slug}/export?format=csv`} data-testid="export-csv">CSV</a>
                <a className={secondaryButtonClass} href={`/api/v1/projects/${project.slug}/export?format=csv&status=skipped`} data-testid="export-skipped">{te("skipsOnly")}</a>
                {stepsEnabled(toolsOfTemplate(overview.rubric?.templateKey), readProjectSettings(project.settings)) ? (
                  <>
                    <a className={secondaryButtonClass} href={`/api/v1/projects/${project.slug}/export?format=steps`} data-testid="export-steps">{te("stepsJsonl")}</a>
                    <a className={secondaryButtonClass} href={`/api/v1/projects/${project.slug}/export?format=steps-csv`}>{te("stepsCsv")}</a>
                  </>
                ) : null}
                <a className={secondaryButtonClass} href={`/api/v1/projects/${project.slug}/export?format=parquet`} data-testid="export-parquet">{te("parquetZip")}</a>
                <a className={secondaryButtonClass} href={`/api/v1/projects/${project.slug}/export?format=hf`} data-testid="export-hf">{te("hf")}</a>
                <a className={secondaryButtonClass} href={`/api/v1/projects/${project.slug}/export?format=preferences`} data-testid="export-preferences">{te("preferences")}</a>
                <a className={secondaryButtonClass} href={`/api/v1/projects/${project.slug}/export?format=healthbench`} data-testid="export-healthbench">{te("healthbench")}</a>
                {readProjectSettings(project.settings).regions?.enabled ? <a className={secondaryButtonClass} href={`/api/v1/projects/${project.slug}/export?format=coco`} data-testid="export-coco">{te("coco")}</a> : null}
              </div>
              <p className="mt-1 text-xs text-slate-500">{te("help")}</p>
              {backgroundExportsAvailable() ? <ExportJobsPanel slug={project.slug} initial={await listExportJobs(actor, project.slug)} /> : null}
              <ArgumentExportLinks slug={project.slug} />
              <p className="mt-2 text-sm">
                <Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/results`} data-testid="results-link">{t("resultsLink", { gold: allows(project.access, "batch:progress") ? "yes" : "no" })}</Link>
              </p>
            </div>
          ) : null}
        </section>

        <section className={`${cardClass} lg:col-span-2`}>
          <h2 className="mb-2 font-medium">{t("batches")}</h2>
          {batches.length === 0 ? <p className="text-sm text-slate-600">{t("noBatches")}</p> : null}
          <ul className="divide-y divide-slate-100">
            {batches.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center justify-between gap-x-3 py-2 text-sm">
                {allows(project.access, "batch:progress") ? (
                  <Link className="font-medium text-blue-800 hover:underline" href={`/projects/${project.slug}/batches/${b.id}`}>{b.name}</Link>
                ) : (
                  <span className="font-medium">{b.name}</span>
                )}
                <span className="text-slate-600">
                  {t("batchSummary", { items: b.itemCount, submitted: b.submittedCount, assignments: b.assignmentCount })}
                  {b.dueAt ? t("due", { date: b.dueAt.toISOString().slice(0, 10) }) : ""}
                </span>
              </li>
            ))}
          </ul>
          {allows(project.access, "item:adjudicate") && batches.length ? (
            <p className="mt-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/adjudication`} data-testid="adjudication-link">{t("adjudicationLink")}</Link></p>
          ) : null}
          {allows(project.access, "batch:progress") && batches.length ? (
            <p className="mt-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/progress`} data-testid="progress-link">{t("progressLink")}</Link></p>
          ) : null}
          {writable && allows(project.access, "batch:assign") ? (
            <CreateBatchForm
              slug={project.slug}
              defaultPerItem={project.reviewersPerItem}
              members={candidates.members}
              others={candidates.others}
            />
          ) : null}
        </section>

        <section className={cardClass}>
          <h2 className="mb-2 font-medium">{t("guidelines")}</h2>
          <Markdown html={guidelinesHtml} className="text-sm" />
        </section>

        {canManage ? (
          <section className={cardClass}>
            <h2 className="mb-2 font-medium">{t("members")}</h2>
            <MembersPanel
              slug={project.slug}
              members={members.map((m) => ({ id: m.id, userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, isActive: m.user.isActive, qualifiedAt: m.qualifiedAt?.toISOString() ?? null, qualificationFailures: m.qualificationFailures, warned: Boolean(m.goldWarnedAt), paused: Boolean(m.pausedAt), pauseReason: m.pauseReason,
                canAllowAttempt: !m.qualifiedAt && m.qualificationFailures > 0 && m.qualificationFailures >= qualificationPolicyOf(project.settings).maxAttempts + m.extraAttempts }))}
            />
          </section>
        ) : null}

        {canManage ? (
          <section className={`${cardClass} lg:col-span-2`} aria-label={t("details")}>
            <h2 className="mb-2 font-medium">{t("details")}</h2>
            <div className="mb-4"><ArchiveProject slug={project.slug} archived={project.status === "ARCHIVED"} /></div>
            <ProjectDetailsForm
              slug={project.slug}
              details={{ name: project.name, guidelines: project.guidelines, reviewersPerItem: project.reviewersPerItem, blinded: project.blinded, randomizeOrder: project.randomizeOrder }}
              lockReason={designLock?.reason ?? null}
            />
          </section>
        ) : null}

        {canManage ? (
          <section className={`${cardClass} lg:col-span-2`}>
            {/* The form's own fieldset legend is the heading ("Review options"); no second one. */}
            <ProjectSettingsForm slug={project.slug} settings={readProjectSettings(project.settings)} />
          </section>
        ) : null}

        {canManage ? (
          <section className={`${cardClass} lg:col-span-2`}>
            <QualificationForm slug={project.slug} required={project.requiresQualification} policy={qualificationPolicyOf(project.settings)} />
          </section>
        ) : null}
      </div>
    </AppShell>
  );
}
