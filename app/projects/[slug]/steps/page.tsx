import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { SegmentationEditor } from "@/components/admin/segmentation-editor";
import { NotFoundError } from "@/lib/auth/permissions";
import { requireProjectPage } from "@/lib/projects/page-access";
import { loadSegmentationView } from "@/lib/tools/steps/segmentation-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("project.steps"))("metaTitle") };
}

/** An admin adjusts how an item's responses are split into steps (merge, split) before or during review. */
export default async function StepsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ item?: string }> }) {
  const { slug } = await params;
  const externalId = ((await searchParams).item ?? "").slice(0, 200);
  const { actor, project } = await requireProjectPage(slug, "project:manage");
  const t = await getTranslations("project.steps");
  const view = externalId ? await loadSegmentationView(actor, project.id, externalId).catch((e) => (e instanceof NotFoundError ? { error: e.message } : Promise.reject(e))) : null;
  return (
    <AppShell actor={actor}>
      <p className="mb-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}`}><span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {project.name}</Link></p>
      <PageTitle sub={t("sub")}>
        {t("title")}
      </PageTitle>
      <form method="get" className={`${cardClass} mb-4 flex flex-wrap items-end gap-2`}>
        <label className="grow text-sm">
          {t("item")}
          <input className={inputClass} name="item" defaultValue={externalId} required data-testid="steps-item" />
        </label>
        <button type="submit" className={secondaryButtonClass}>{t("show")}</button>
      </form>
      {view && "error" in view ? <p className="text-sm text-red-700" role="status">{view.error}</p> : null}
      {view && !("error" in view) ? <SegmentationEditor slug={project.slug} view={view} /> : null}
    </AppShell>
  );
}
