import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";
import type { RecordModelResult } from "@/lib/tools/record-links/results";
import { percentWithInterval } from "@/lib/results/format";
import type { SpanAgreement } from "@/lib/results/span-agreement";
import { SpanAgreementLine } from "./span-agreement-line";

/** Outputs about patient records, per model: statements supported, contradicted, not in the record. */
export function RecordResultsSection({ results, agreement }: { results: RecordModelResult[]; agreement: SpanAgreement }) {
  const t = useTranslations("results.tools.records");
  return (
    <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("label")}>
      <h2 className="mb-1 font-medium">{t("heading")}</h2>
      <p className="mb-3 text-xs text-slate-600">{t("help")}</p>
      <table className="w-full text-start text-sm" data-testid="record-results">
        <thead className="text-xs text-slate-500">
          <tr><th className="py-1 pe-3">{t("model")}</th><th className="pe-3">{t("outputs")}</th><th className="pe-3">{t("statements")}</th><th className="pe-3">{t("supported")}</th><th className="pe-3">{t("contradicted")}</th><th className="pe-3">{t("unsupported")}</th><th className="pe-3">{t("contradicting")}</th><th className="pe-3">{t("meanEntries")}</th></tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.model} className="border-t border-slate-100" data-model={r.model}>
              <td className="py-1 pe-3 font-medium">{r.model}</td>
              <td className="pe-3">{r.outputs}</td>
              <td className="pe-3">{r.statements}</td>
              <td className="pe-3" data-col="supported">{percentWithInterval(r.supported)}</td>
              <td className="pe-3" data-col="contradicted">{percentWithInterval(r.contradicted)}</td>
              <td className="pe-3" data-col="unsupported">{percentWithInterval(r.unsupported)}</td>
              <td className="pe-3" data-col="contradicting">{percentWithInterval(r.contradicting)}</td>
              <td className="pe-3">{r.meanEntries === null ? "—" : r.meanEntries.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SpanAgreementLine agreement={agreement} testId="record-agreement" />
    </section>
  );
}
