import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";
import type { GroundingModelResult } from "@/lib/tools/grounding/results";
import { UNSUPPORTED_KINDS } from "@/lib/tools/grounding/labels";
import { percentWithInterval } from "@/lib/results/format";
import { useFixed } from "./decimal";
import { SpanAgreementLine } from "./span-agreement-line";
import type { SpanAgreement } from "@/lib/results/span-agreement";

/** Summaries per model: hallucination and omission rates, marks per summary, unsupported marks by kind. */
export function GroundingResultsSection({ results, agreement }: { results: GroundingModelResult[]; agreement: SpanAgreement }) {
  const t = useTranslations("results.tools.grounding");
  const kinds = useTranslations("tools.grounding.labels");
  const fixed = useFixed();
  return (
    <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("label")}>
      <h2 className="mb-1 font-medium">{t("heading")}</h2>
      <p className="mb-3 text-xs text-slate-600">{t("help")}</p>
      <table className="w-full text-start text-sm" data-testid="grounding-results">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pe-3">{t("model")}</th><th className="pe-3">{t("summaries")}</th><th className="pe-3">{t("hallucinated")}</th><th className="pe-3">{t("omitting")}</th>
            <th className="pe-3">{t("meanUnsupported")}</th><th className="pe-3">{t("meanOmitted")}</th>
            {UNSUPPORTED_KINDS.map((k) => <th key={k} className="pe-3">{kinds(k)}</th>)}
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.model} className="border-t border-slate-100" data-model={r.model}>
              <td className="py-1 pe-3 font-medium">{r.model}</td>
              <td className="pe-3">{r.summaries}</td>
              <td className="pe-3" data-col="hallucinated">{percentWithInterval(r.hallucinated)}</td>
              <td className="pe-3" data-col="omitting">{percentWithInterval(r.omitting)}</td>
              <td className="pe-3" data-col="mean-unsupported">{fixed(r.meanUnsupported, 2)}</td>
              <td className="pe-3" data-col="mean-omitted">{fixed(r.meanOmitted, 2)}</td>
              {UNSUPPORTED_KINDS.map((k) => <td key={k} className="pe-3" data-col={`kind-${k}`}>{r.byKind[k]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <SpanAgreementLine agreement={agreement} testId="grounding-agreement" />
    </section>
  );
}
