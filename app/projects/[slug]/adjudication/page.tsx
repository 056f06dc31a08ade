import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { loadDisagreementQueue } from "@/lib/adjudication/queue";
import { requireProjectPage } from "@/lib/projects/page-access";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adjudication.queue");
  return { title: t("metaTitle") };
}

/** The disagreement queue: items whose submitted reviews disagree beyond the project's rules. */
export default async function AdjudicationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, project } = await requireProjectPage(slug, "item:adjudicate");
  const queue = await loadDisagreementQueue(actor, project.id);
  const open = queue.entries.filter((e) => e.consensus !== "decided").length;
  const t = await getTranslations("adjudication.queue");
  return (
    <AppShell actor={actor}>
      <PageTitle sub={<Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}`}>{t("back", { project: project.name })}</Link>}>{t("title")}</PageTitle>
      <p className="mb-4 text-sm text-slate-700" data-testid="queue-summary">
        {t("summary", { disagreeing: queue.entries.length, checked: queue.checked, open, range: queue.scaleRange })}
      </p>
      <section className={`${cardClass} overflow-x-auto`} tabIndex={0}>
        {queue.entries.length === 0 ? <p className="text-sm text-slate-600">{t("none")}</p> : (
          <table className="text-start text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:py-1 [&_td]:pe-4 [&_th]:pe-4" data-testid="disagreement-queue">
            <thead className="text-slate-500"><tr><th>{t("item")}</th><th>{t("reviews")}</th><th>{t("disagreements")}</th><th>{t("on")}</th><th>{t("consensus")}</th></tr></thead>
            <tbody>
              {queue.entries.map((e) => (
                <tr key={e.itemId} data-testid="queue-entry">
                  <td><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/adjudication/${e.itemId}`}>{e.externalId}</Link></td>
                  <td>{e.reviews}</td>
                  <td>{e.disagreements}</td>
                  <td className="max-w-md">{e.axes.join(", ")}</td>
                  <td>{t(`state.${e.consensus}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </AppShell>
  );
}
