import { cardClass } from "@/components/ui/styles";
import type { ArgumentResults } from "@/lib/tools/arguments/results";

const f1 = (x: { f1: number | null; matches: number; a: number; b: number }) => (x.f1 === null ? "—" : `${x.f1.toFixed(2)} (${x.matches} of ${x.a} / ${x.b})`);

/** Argument structure on the results page: spans and relations per label and model, and agreement between reviewers. */
export function ArgumentResultsSection({ results }: { results: ArgumentResults }) {
  const models = [...new Set([...results.spans, ...results.relations].map((r) => r.model))];
  const labels = [...new Set(results.spans.map((s) => s.label))];
  const types = [...new Set(results.relations.map((r) => r.label))];
  const count = (list: ArgumentResults["spans"], model: string | null, label: string) => list.find((r) => r.model === model && r.label === label)?.count ?? 0;
  const a = results.agreement;
  return (
    <section className={`${cardClass} mb-6`} aria-label="Argument structure" data-testid="argument-results">
      <h2 className="mb-1 font-medium">Argument structure</h2>
      <p className="mb-3 text-xs text-slate-600">
        Spans and relations in {results.annotations} submitted annotation{results.annotations === 1 ? "" : "s"}: the item&apos;s own texts, and each model&apos;s answers and reasoning.
        Agreement: F1 between every two reviewers of the same text, pooled; spans match exactly (label and offsets) or by overlap (label, overlapping offsets, one to one);
        relations match when their type and both spans match.
      </p>
      <table className="mb-3 w-full text-start text-sm">
        <thead className="text-xs text-slate-500">
          <tr><th className="py-1 pe-3">Text</th>{labels.map((l) => <th key={l} className="pe-3">{l}</th>)}{types.map((t) => <th key={t} className="pe-3">{t}</th>)}</tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m ?? ""} className="border-t border-slate-100" data-model={m ?? "item"}>
              <td className="py-1 pe-3 font-medium">{m ?? "Item texts"}</td>
              {labels.map((l) => <td key={l} className="pe-3">{count(results.spans, m, l)}</td>)}
              {types.map((t) => <td key={t} className="pe-3">{count(results.relations, m, t)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {a.pairs ? (
        <p className="text-sm" data-testid="argument-agreement">
          {a.texts} texts with two or more reviewers ({a.pairs} pairs): spans F1 exact {f1(a.spansExact)}, overlap {f1(a.spansOverlap)}; relations F1 exact {f1(a.relationsExact)}, overlap {f1(a.relationsOverlap)}.
        </p>
      ) : (
        <p className="text-sm text-slate-600">No text has two reviewers yet, so there is no agreement to report.</p>
      )}
    </section>
  );
}
