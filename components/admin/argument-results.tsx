import { useFormatter, useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";
import type { ArgumentResults } from "@/lib/tools/arguments/results";

/** Argument structure on the results page: spans and relations per label and model, and agreement between reviewers. */
export function ArgumentResultsSection({ results }: { results: ArgumentResults }) {
  const t = useTranslations("project.argumentResults");
  const format = useFormatter();
  const f1 = (x: { f1: number | null; matches: number; a: number; b: number }) =>
    x.f1 === null ? "—" : t("f1", { f1: format.number(Number(x.f1.toFixed(2)), { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }), matches: x.matches, a: x.a, b: x.b });
  const models = [...new Set([...results.spans, ...results.relations].map((r) => r.model))];
  const labels = [...new Set(results.spans.map((s) => s.label))];
  const types = [...new Set(results.relations.map((r) => r.label))];
  const count = (list: ArgumentResults["spans"], model: string | null, label: string) => list.find((r) => r.model === model && r.label === label)?.count ?? 0;
  const a = results.agreement;
  return (
    <section className={`${cardClass} mb-6`} aria-label={t("label")} data-testid="argument-results">
      <h2 className="mb-1 font-medium">{t("heading")}</h2>
      <p className="mb-3 text-xs text-slate-600">{t("help", { count: results.annotations })}</p>
      <table className="mb-3 w-full text-start text-sm">
        <thead className="text-xs text-slate-500">
          <tr><th className="py-1 pe-3">{t("text")}</th>{labels.map((l) => <th key={l} className="pe-3">{l}</th>)}{types.map((t) => <th key={t} className="pe-3">{t}</th>)}</tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m ?? ""} className="border-t border-slate-100" data-model={m ?? "item"}>
              <td className="py-1 pe-3 font-medium">{m ?? t("itemTexts")}</td>
              {labels.map((l) => <td key={l} className="pe-3">{count(results.spans, m, l)}</td>)}
              {types.map((t) => <td key={t} className="pe-3">{count(results.relations, m, t)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {a.pairs ? (
        <p className="text-sm" data-testid="argument-agreement">
          {t("agreement", { texts: a.texts, pairs: a.pairs, spansExact: f1(a.spansExact), spansOverlap: f1(a.spansOverlap), relationsExact: f1(a.relationsExact), relationsOverlap: f1(a.relationsOverlap) })}
        </p>
      ) : (
        <p className="text-sm text-slate-600">{t("noAgreement")}</p>
      )}
    </section>
  );
}
