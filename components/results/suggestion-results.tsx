import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";
import type { SuggestionResults } from "@/lib/tools/suggestions/results";
import { useFixed } from "./decimal";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(0)} %`);

/** Agreement with and without suggestions (decision 034): per axis and condition. */
export function SuggestionResultsSection({ results }: { results: SuggestionResults }) {
  const t = useTranslations("results.suggestions");
  const fixed = useFixed();
  const coef = (x: number | null) => (x === null ? "—" : fixed(x, 2));
  if (!results.axes.length) return null;
  return (
    <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("label")}>
      <h2 className="mb-1 font-medium">{t("heading")}</h2>
      <p className="mb-3 text-xs text-slate-600">{t("help")}</p>
      <table className="w-full text-start text-sm" data-testid="suggestion-results">
        <thead className="text-xs text-slate-500">
          <tr><th className="py-1 pe-3">{t("axis")}</th><th className="pe-3">{t("condition")}</th><th className="pe-3">{t("answers")}</th><th className="pe-3">{t("sameAsJudge")}</th><th className="pe-3">{t("alpha")}</th><th className="pe-3">{t("agreement")}</th><th className="pe-3">{t("prefilled")}</th><th className="pe-3">{t("tookSuggestion")}</th></tr>
        </thead>
        <tbody>
          {results.axes.flatMap((axis) =>
            axis.conditions.map((c, i) => (
              <tr key={`${axis.key}-${c.condition}`} className={i === 0 ? "border-t border-slate-200" : ""} data-axis={axis.key} data-condition={c.condition}>
                <td className="py-1 pe-3 font-medium">{i === 0 ? axis.label : ""}</td>
                <td className="pe-3">{t(`conditions.${c.condition}`)}</td>
                <td className="pe-3 tabular-nums">{c.values}</td>
                <td className="pe-3 tabular-nums">{pct(c.matchesJudge.share)}{c.matchesJudge.low !== null && c.matchesJudge.high !== null ? <span className="text-xs text-slate-500"> ({pct(c.matchesJudge.low)}–{pct(c.matchesJudge.high)})</span> : null}</td>
                <td className="pe-3 tabular-nums">{coef(c.alpha)}</td>
                <td className="pe-3 tabular-nums">{pct(c.percentAgreement)}</td>
                <td className="pe-3 tabular-nums">{i === 0 ? `${axis.accepted} / ${axis.changed}` : ""}</td>
                <td className="pe-3 tabular-nums">{i === 0 ? `${axis.ownDiffered} → ${axis.revisedToSuggestion}` : ""}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}
