import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { buttonClass, cardClass } from "@/components/ui/styles";
import { hasSitePermission } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { listProjectsForActor, loadNavigationReach } from "@/lib/projects/access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("project.list"))("metaTitle") };
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const archived = (await searchParams).archived === "1";
  // Whoever may read some project (site admins and researchers, or a manager/adjudicator/analyst
  // membership); the list holds the projects their project role lets them read.
  const actor = await requirePageActor();
  if (!(await loadNavigationReach(actor)).projects) redirect("/forbidden");
  const [projects, t] = await Promise.all([listProjectsForActor(actor, { archived }), getTranslations("project.list")]);
  return (
    <AppShell actor={actor}>
      <div className="flex items-start justify-between">
        <PageTitle sub={actor.role === "ADMIN" ? t("subAll") : t("subMine")}>{t("title")}</PageTitle>
        {hasSitePermission(actor.role, "project:create") ? <Link className={buttonClass} href="/projects/new">{t("newProject")}</Link> : null}
      </div>
      <p className="mb-3 text-sm">
        {archived
          ? <Link className="text-blue-800 hover:underline" href="/projects">{t("current")}</Link>
          : <Link className="text-blue-800 hover:underline" href="/projects?archived=1" data-testid="archived-projects-link">{t("archived")}</Link>}
      </p>
      {projects.length === 0 ? <p className="text-slate-600">{archived ? t("noArchived") : t("none")}</p> : null}
      <ul className="grid gap-3 md:grid-cols-2">
        {projects.map((p) => (
          <li key={p.id} className={cardClass}>
            <Link href={`/projects/${p.slug}`} className="font-medium text-blue-800 hover:underline">{p.name}</Link>
            <p className="mt-1 text-sm text-slate-600">
              {t("summary", { items: p._count.items, batches: p._count.batches, perItem: p.reviewersPerItem, blinded: p.blinded ? "yes" : "no" })}
            </p>
          </li>
        ))}
      </ul>
    </AppShell>
  );
}
