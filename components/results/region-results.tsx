import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";
import type { RegionResults } from "@/lib/tools/regions/results";
import { percentWithInterval } from "@/lib/results/format";

const two = (x: number | null) => (x === null ? "—" : x.toFixed(2));

/** Image regions: verdicts and overlaps of each model's localizations, and IoU agreement between reviewers. */
export function RegionResultsSection({ results }: { results: RegionResults }) {
  const t = useTranslations("results.tools.regions");
  const a = results.agreement;
  return (
    <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("label")}>
      <h2 className="mb-1 font-medium">{t("heading")}</h2>
      {results.models.length ? (
        <>
          <p className="mb-3 text-xs text-slate-600">{t("help")}</p>
          <table className="w-full text-start text-sm" data-testid="region-results">
            <thead className="text-xs text-slate-500">
              <tr><th className="py-1 pe-3">{t("model")}</th><th className="pe-3">{t("localizations")}</th><th className="pe-3">{t("correct")}</th><th className="pe-3">{t("partly")}</th><th className="pe-3">{t("incorrect")}</th><th className="pe-3">{t("meanIoU")}</th><th className="pe-3">{t("hits")}</th><th className="pe-3">{t("found")}</th></tr>
            </thead>
            <tbody>
              {results.models.map((r) => (
                <tr key={r.model} className="border-t border-slate-100" data-model={r.model}>
                  <td className="py-1 pe-3 font-medium">{r.model}</td>
                  <td className="pe-3">{r.localizations}</td>
                  <td className="pe-3" data-col="correct">{percentWithInterval(r.correct)}</td>
                  <td className="pe-3" data-col="partly">{percentWithInterval(r.partly)}</td>
                  <td className="pe-3" data-col="incorrect">{percentWithInterval(r.incorrect)}</td>
                  <td className="pe-3" data-col="iou">{two(r.meanIoU)}</td>
                  <td className="pe-3" data-col="hits">{percentWithInterval(r.hits)}</td>
                  <td className="pe-3" data-col="found">{percentWithInterval(r.found)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {a.pairs ? (
        <div className="mt-4" data-testid="region-agreement">
          <h3 className="text-sm font-medium">{t("agreementHeading")}</h3>
          <p className="text-sm">{t("agreement", { pairs: a.pairs, items: a.items, f1: two(a.meanF1), iou: two(a.meanIoU) })}</p>
          <p className="mb-2 text-xs text-slate-600">{t("agreementHelp")}</p>
          {a.byLabel.length ? (
            <table className="text-start text-sm">
              <thead className="text-xs text-slate-500"><tr><th className="py-1 pe-3">{t("label_")}</th><th className="pe-3">{t("pairs")}</th><th className="pe-3">{t("f1")}</th></tr></thead>
              <tbody>{a.byLabel.map((l) => <tr key={l.label} className="border-t border-slate-100" data-label={l.label}><td className="py-1 pe-3">{l.label}</td><td className="pe-3">{l.pairs}</td><td className="pe-3">{two(l.meanF1)}</td></tr>)}</tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
