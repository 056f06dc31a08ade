import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RubricEditor } from "@/components/admin/rubric-editor";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { requireProjectPage } from "@/lib/projects/page-access";
import { loadRubricEditor } from "@/lib/rubrics/rubric-versions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("project.rubricPage"))("metaTitle") };
}

export default async function RubricPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, project } = await requireProjectPage(slug, "project:manage");
  const [editor, t] = await Promise.all([loadRubricEditor(actor, project.id), getTranslations("project.rubricPage")]);
  return (
    <AppShell actor={actor}>
      <PageTitle sub={<Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}`}><span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {project.name}</Link>}>{t("title")}</PageTitle>
      <section className={cardClass}>
        {/* Not keyed by version: after a save the page re-renders with the new version as the base, and
            the editor keeps its fields and the save's message. */}
        <RubricEditor slug={project.slug} version={editor.version} inUse={editor.assignments} initial={editor.document} />
        {editor.changes.length ? (
          <details className="mt-3 text-sm" data-testid="rubric-changes">
            <summary className="cursor-pointer text-slate-700">{t("changes", { version: editor.version, previous: editor.version - 1, count: editor.changes.length })}</summary>
            <ul className="mt-1 list-disc ps-5">{editor.changes.map((c) => <li key={c}>{c}</li>)}</ul>
          </details>
        ) : null}
      </section>
      {editor.earlier.length ? (
        <section className={`${cardClass} mt-4`} aria-label={t("earlierLabel")}>
          <h2 className="mb-2 font-medium">{t("earlier")}</h2>
          <ul className="text-sm" data-testid="rubric-versions">
            {editor.earlier.map((v) => (
              <li key={v.version}>
                {t("version", { version: v.version, name: v.name, axes: v.axes, assignments: v.assignments, date: v.createdAt.toISOString().slice(0, 10) })}{" "}
                <a className="text-blue-800 hover:underline" href={`/api/v1/projects/${encodeURIComponent(project.slug)}/rubric?version=${v.version}&download=1`} download>JSON</a>
                {v.changes.length ? <ul className="mb-1 list-disc ps-5 text-slate-700">{v.changes.map((c) => <li key={c}>{c}</li>)}</ul> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </AppShell>
  );
}
