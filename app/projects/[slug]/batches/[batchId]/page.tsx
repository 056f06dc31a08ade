import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { BatchAdmin } from "@/components/admin/batch-admin";
import { allows, NotFoundError } from "@/lib/auth/permissions";
import { requireProjectPage } from "@/lib/projects/page-access";
import { listUsers } from "@/lib/auth/users";
import { findBatchInProject } from "@/lib/assignments/find-batch";
import { listSkippedAssignments, loadBatchProgress } from "@/lib/assignments/progress";
import { listProjectMembers } from "@/lib/projects/access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("project.batchPage"))("metaTitle") };
}

export default async function BatchPage({ params }: { params: Promise<{ slug: string; batchId: string }> }) {
  const { slug, batchId } = await params;
  const orNotFound = (e: unknown) => (e instanceof NotFoundError ? notFound() : Promise.reject(e));
  const { actor, project } = await requireProjectPage(slug, "batch:progress");
  const batch = await findBatchInProject(project.id, batchId).catch(orNotFound);
  const canAssign = allows(project.access, "batch:assign");
  const t = await getTranslations("project.batchPage");
  const [rows, skipped, members, siteReviewers] = await Promise.all([
    loadBatchProgress(batch.id),
    listSkippedAssignments(batch.id),
    canAssign ? listProjectMembers(project.id) : Promise.resolve([]),
    canAssign ? listUsers({ role: "REVIEWER", activeOnly: true }) : Promise.resolve([]),
  ]);
  const total = rows.reduce((s, r) => s + r.total, 0);
  const submitted = rows.reduce((s, r) => s + r.submitted, 0);
  // Whom pending work can go to: the batch's and the project's reviewers first, then the site's (who join the project).
  const inProject = new Set([...rows.map((r) => r.reviewerId), ...members.map((m) => m.userId)]);
  const candidates = [
    ...rows.map((r) => ({ id: r.reviewerId, name: r.name })),
    ...members.filter((m) => m.role === "REVIEWER" && m.user.isActive && !rows.some((r) => r.reviewerId === m.userId)).map((m) => ({ id: m.userId, name: m.user.name })),
    ...siteReviewers.filter((u) => !inProject.has(u.id)).map((u) => ({ id: u.id, name: t("joins", { name: u.name }) })),
  ];
  return (
    <AppShell actor={actor}>
      <p className="mb-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}`}><span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {project.name}</Link></p>
      <PageTitle sub={`${t("sub", { submitted, total })}${batch.dueAt ? t("due", { date: batch.dueAt.toISOString().slice(0, 10) }) : ""}`}>
        {t("title", { name: batch.name })}
      </PageTitle>
      {/* Tables scroll inside their card on a phone; the page itself never scrolls sideways. */}
      <div className={`${cardClass} overflow-x-auto`} tabIndex={0}>
        <table className="w-full text-start text-sm [&_td]:px-2 [&_th]:whitespace-nowrap [&_th]:px-2" data-testid="progress-table">
          <thead className="text-slate-500">
            <tr><th className="py-2">{t("columns.reviewer")}</th><th>{t("columns.pending")}</th><th>{t("columns.inProgress")}</th><th>{t("columns.submitted")}</th><th>{t("columns.skipped")}</th><th>{t("columns.total")}</th><th className="w-1/4 min-w-24">{t("columns.done")}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.reviewerId} className="border-t border-slate-100" data-testid={`progress-${r.email}`}>
                <td className="py-2">{r.name}<span className="block text-xs text-slate-500">{r.email}</span></td>
                <td data-col="pending">{r.pending}</td>
                <td data-col="in_progress">{r.inProgress}</td>
                <td data-col="submitted">{r.submitted}</td>
                <td data-col="skipped">{r.skipped}</td>
                <td>{r.total}</td>
                <td>
                  <div className="h-2 rounded bg-slate-200">
                    <div className="h-2 rounded bg-green-600" style={{ width: `${r.total ? Math.round((100 * (r.submitted + r.skipped)) / r.total) : 0}%` }} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canAssign ? (
        <section className={`${cardClass} mt-6`} aria-label={t("changeLabel")}>
          <h2 className="mb-3 font-medium">{t("changeHeading")}</h2>
          <BatchAdmin
            slug={project.slug}
            batchId={batch.id}
            dueAt={batch.dueAt ? batch.dueAt.toISOString().slice(0, 10) : null}
            reviewers={rows.map((r) => ({ id: r.reviewerId, name: r.name, pending: r.pending, inProgress: r.inProgress }))}
            candidates={candidates}
            finished={rows.reduce((s, r) => s + r.submitted + r.skipped, 0)}
            drafts={rows.reduce((s, r) => s + r.inProgress, 0)}
          />
        </section>
      ) : null}
      {skipped.length ? (
        <section className={`${cardClass} mt-6 overflow-x-auto`} tabIndex={0} aria-label={t("skippedLabel")}>
          <h2 className="mb-2 font-medium">{t("skippedHeading")}</h2>
          <table className="w-full text-start text-sm [&_th]:whitespace-nowrap" data-testid="skipped-table">
            <thead className="text-slate-500"><tr><th className="py-1">{t("skippedColumns.item")}</th><th>{t("skippedColumns.reviewer")}</th><th>{t("skippedColumns.reason")}</th><th>{t("skippedColumns.when")}</th></tr></thead>
            <tbody>
              {skipped.map((s) => (
                <tr key={s.assignmentId} className="border-t border-slate-100">
                  <td className="py-1 pe-3 font-mono text-xs">{s.externalId}</td>
                  <td className="pe-3">{s.reviewerName}</td>
                  <td className="pe-3">{s.reason}</td>
                  <td className="text-xs text-slate-500">{s.at.toISOString().slice(0, 16).replace("T", " ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </AppShell>
  );
}
