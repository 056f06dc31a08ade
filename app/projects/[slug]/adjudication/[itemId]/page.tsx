import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConsensusForm } from "@/components/adjudication/consensus-form";
import { ItemView } from "@/components/review/item-view";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { Markdown, PlainText } from "@/components/ui/markdown";
import { cardClass } from "@/components/ui/styles";
import { loadAdjudication } from "@/lib/adjudication/consensus";
import { NotFoundError } from "@/lib/auth/permissions";
import { requireProjectPage } from "@/lib/projects/page-access";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adjudication.item");
  return { title: t("metaTitle") };
}

/** One disputed item: the case and responses as reviewers saw them, every reviewer's answers side by side, and the consensus. */
export default async function AdjudicateItemPage({ params }: { params: Promise<{ slug: string; itemId: string }> }) {
  const { slug, itemId } = await params;
  const { actor, project } = await requireProjectPage(slug, "item:adjudicate");
  const view = await loadAdjudication(actor, project.id, itemId).catch((e: unknown) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const t = await getTranslations("adjudication.item");
  // Adjudicators see reviewers numbered ("Reviewer 1…n", in English from lib/adjudication): in the reader's language here.
  const reviewers = view.reviewers.map((r, i) => (!view.namesShown && r.label === `Reviewer ${i + 1}` ? { ...r, label: t("reviewer", { number: String(i + 1) }) } : r));
  return (
    <AppShell actor={actor}>
      <p className="mb-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/adjudication`}>{t("back", { project: project.name })}</Link></p>
      <PageTitle sub={`${t("sub", { reviews: reviewers.length, disagreements: view.disagreements.length })}${view.consensus ? ` · ${t("consensusVersion", { version: String(view.consensus.version), by: view.consensus.by, decided: view.consensus.decided ? "yes" : "no" })}` : ""}`}>
        <span data-testid="adjudication-item">{view.externalId}</span>
      </PageTitle>
      <div className="space-y-4">
        <ItemView item={view.item} />
        {view.responses.map((r) => (
          <section key={r.id} className={cardClass} aria-label={t("response", { label: r.label })}>
            <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("response", { label: r.label })}{r.modelName ? <> · <PlainText text={r.modelName} /></> : null}</h2>
            <Markdown html={r.contentHtml} className="text-sm" />
          </section>
        ))}
        {reviewers.some((r) => r.overallComment) ? (
          <section className={cardClass} aria-label={t("commentsLabel")}>
            <h2 className="mb-1 font-medium">{t("commentsHeading")}</h2>
            <ul className="text-sm">{reviewers.filter((r) => r.overallComment).map((r) => <li key={r.label}><strong>{r.label}:</strong> <PlainText text={r.overallComment} /></li>)}</ul>
          </section>
        ) : null}
        {view.toolDisagreements.length ? (
          <section className={cardClass} aria-label={t("toolLabel")} data-testid="tool-disagreements">
            <h2 className="mb-1 font-medium">{t("toolHeading")}</h2>
            <p className="mb-2 text-xs text-slate-600">{t("toolHelp")}</p>
            <table className="text-start text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:py-1 [&_td]:pe-4 [&_th]:pe-4">
              <thead className="text-slate-500"><tr><th>{t("what")}</th>{reviewers.map((r) => <th key={r.label}>{r.label}</th>)}</tr></thead>
              <tbody>{view.toolDisagreements.map((d) => <tr key={d.what}><td>{d.what}</td>{d.answers.map((a, i) => <td key={i}>{a}</td>)}</tr>)}</tbody>
            </table>
          </section>
        ) : null}
        <section className={cardClass} aria-label={t("consensusLabel")}>
          <h2 className="mb-2 font-medium">{t("consensusHeading")}</h2>
          {view.namesShown ? null : <p className="mb-2 text-xs text-slate-600">{t("numbered")}</p>}
          <ConsensusForm
            slug={project.slug}
            itemId={view.itemId}
            axes={view.axes}
            responses={view.responses.map((r) => ({ id: r.id, label: r.label }))}
            criteria={view.criteria.map((c) => ({ id: c.id, text: c.text }))}
            reviewers={reviewers.map((r) => ({ label: r.label, answers: r.answers }))}
            disputed={view.disagreements.map((d) => `${d.target}:${d.responseId ?? ""}:${d.axis}`)}
            merged={view.merged as never}
            consensus={view.consensus as never}
          />
        </section>
      </div>
    </AppShell>
  );
}
