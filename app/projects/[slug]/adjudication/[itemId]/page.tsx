import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsensusForm } from "@/components/adjudication/consensus-form";
import { ItemView } from "@/components/review/item-view";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { Markdown, PlainText } from "@/components/ui/markdown";
import { cardClass } from "@/components/ui/styles";
import { loadAdjudication } from "@/lib/adjudication/consensus";
import { NotFoundError } from "@/lib/auth/permissions";
import { requireProjectPage } from "@/lib/projects/page-access";

export const metadata: Metadata = { title: "Adjudicate" };

/** One disputed item: the case and responses as reviewers saw them, every reviewer's answers side by side, and the consensus. */
export default async function AdjudicateItemPage({ params }: { params: Promise<{ slug: string; itemId: string }> }) {
  const { slug, itemId } = await params;
  const { actor, project } = await requireProjectPage(slug, "item:adjudicate");
  const view = await loadAdjudication(actor, project.id, itemId).catch((e: unknown) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  return (
    <AppShell actor={actor}>
      <p className="mb-2 text-sm"><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/adjudication`}>← Disagreements of {project.name}</Link></p>
      <PageTitle sub={`${view.reviewers.length} submitted reviews · ${view.disagreements.length} disagreement(s)${view.consensus ? ` · consensus version ${view.consensus.version} by ${view.consensus.by}${view.consensus.decided ? ", decided" : ", draft"}` : ""}`}>
        <span data-testid="adjudication-item">{view.externalId}</span>
      </PageTitle>
      <div className="space-y-4">
        <ItemView item={view.item} />
        {view.responses.map((r) => (
          <section key={r.id} className={cardClass} aria-label={`Response ${r.label}`}>
            <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Response {r.label}{r.modelName ? <> · <PlainText text={r.modelName} /></> : null}</h2>
            <Markdown html={r.contentHtml} className="text-sm" />
          </section>
        ))}
        {view.reviewers.some((r) => r.overallComment) ? (
          <section className={cardClass} aria-label="Reviewers' comments">
            <h2 className="mb-1 font-medium">Reviewers&apos; overall comments</h2>
            <ul className="text-sm">{view.reviewers.filter((r) => r.overallComment).map((r) => <li key={r.label}><strong>{r.label}:</strong> <PlainText text={r.overallComment} /></li>)}</ul>
          </section>
        ) : null}
        {view.toolDisagreements.length ? (
          <section className={cardClass} aria-label="Disagreements outside the rubric" data-testid="tool-disagreements">
            <h2 className="mb-1 font-medium">Also disputed: reasoning steps and argument structure</h2>
            <p className="mb-2 text-xs text-slate-600">Read these with the reviewers&apos; answers below; the consensus records the rubric&apos;s ratings.</p>
            <table className="text-start text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:py-1 [&_td]:pe-4 [&_th]:pe-4">
              <thead className="text-slate-500"><tr><th>What</th>{view.reviewers.map((r) => <th key={r.label}>{r.label}</th>)}</tr></thead>
              <tbody>{view.toolDisagreements.map((d) => <tr key={d.what}><td>{d.what}</td>{d.answers.map((a, i) => <td key={i}>{a}</td>)}</tr>)}</tbody>
            </table>
          </section>
        ) : null}
        <section className={cardClass} aria-label="Consensus">
          <h2 className="mb-2 font-medium">Consensus</h2>
          {view.namesShown ? null : <p className="mb-2 text-xs text-slate-600">Reviewers are numbered in the order they submitted; their names are for the project&apos;s managers.</p>}
          <ConsensusForm
            slug={project.slug}
            itemId={view.itemId}
            axes={view.axes}
            responses={view.responses.map((r) => ({ id: r.id, label: r.label }))}
            criteria={view.criteria.map((c) => ({ id: c.id, text: c.text }))}
            reviewers={view.reviewers.map((r) => ({ label: r.label, answers: r.answers }))}
            disputed={view.disagreements.map((d) => `${d.target}:${d.responseId ?? ""}:${d.axis}`)}
            merged={view.merged as never}
            consensus={view.consensus as never}
          />
        </section>
      </div>
    </AppShell>
  );
}
