import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";
import type { CitationModelResult } from "@/lib/tools/citations/results";
import { percentWithInterval } from "@/lib/results/format";

/** Cited evidence per model: precision, the strict supporting share and fabricated references. */
export function CitationResultsSection({ results }: { results: CitationModelResult[] }) {
  const t = useTranslations("results.tools.citations");
  return (
    <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("label")}>
      <h2 className="mb-1 font-medium">{t("heading")}</h2>
      <p className="mb-3 text-xs text-slate-600">{t("help")}</p>
      <table className="w-full text-start text-sm" data-testid="citation-results">
        <thead className="text-xs text-slate-500">
          <tr><th className="py-1 pe-3">{t("model")}</th><th className="pe-3">{t("citations")}</th><th className="pe-3">{t("precision")}</th><th className="pe-3">{t("supports")}</th><th className="pe-3">{t("fabricated")}</th></tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.model} className="border-t border-slate-100" data-model={r.model}>
              <td className="py-1 pe-3 font-medium">{r.model}</td>
              <td className="pe-3">{r.citations}</td>
              <td className="pe-3" data-col="precision">{r.precision === null ? "—" : `${Math.round(r.precision * 100)} %`}</td>
              <td className="pe-3" data-col="supports">{percentWithInterval(r.supports)}</td>
              <td className="pe-3" data-col="fabricated">{percentWithInterval(r.fabricated)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
