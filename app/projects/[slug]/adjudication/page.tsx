import type { Metadata } from "next";
import Link from "next/link";
import { AppShell, PageTitle } from "@/components/ui/app-shell";
import { cardClass } from "@/components/ui/styles";
import { loadDisagreementQueue } from "@/lib/adjudication/queue";
import { requireProjectPage } from "@/lib/projects/page-access";

export const metadata: Metadata = { title: "Adjudication" };

const CONSENSUS = { none: "to adjudicate", draft: "draft consensus", decided: "decided" } as const;

/** The disagreement queue: items whose submitted reviews disagree beyond the project's rules. */
export default async function AdjudicationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, project } = await requireProjectPage(slug, "item:adjudicate");
  const queue = await loadDisagreementQueue(actor, project.id);
  const open = queue.entries.filter((e) => e.consensus !== "decided").length;
  return (
    <AppShell actor={actor}>
      <PageTitle sub={<Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}`}>← {project.name}</Link>}>Adjudication</PageTitle>
      <p className="mb-4 text-sm text-slate-700" data-testid="queue-summary">
        {queue.entries.length} of {queue.checked} item(s) with two or more submitted reviews disagree; {open} still need a consensus. A scale axis
        disagrees when its ratings span {queue.scaleRange} point(s) or more, any other axis, pairwise choice or criterion mark when two answers differ
        (the range is a project setting under *Review options*).
      </p>
      <section className={`${cardClass} overflow-x-auto`} tabIndex={0}>
        {queue.entries.length === 0 ? <p className="text-sm text-slate-600">No disagreements.</p> : (
          <table className="text-start text-sm [&_td]:border-t [&_td]:border-slate-100 [&_td]:py-1 [&_td]:pe-4 [&_th]:pe-4" data-testid="disagreement-queue">
            <thead className="text-slate-500"><tr><th>Item</th><th>Reviews</th><th>Disagreements</th><th>On</th><th>Consensus</th></tr></thead>
            <tbody>
              {queue.entries.map((e) => (
                <tr key={e.itemId} data-testid="queue-entry">
                  <td><Link className="text-blue-800 hover:underline" href={`/projects/${project.slug}/adjudication/${e.itemId}`}>{e.externalId}</Link></td>
                  <td>{e.reviews}</td>
                  <td>{e.disagreements}</td>
                  <td className="max-w-md">{e.axes.join(", ")}</td>
                  <td>{CONSENSUS[e.consensus]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </AppShell>
  );
}
