import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";
import type { TrajectoryModelResult } from "@/lib/tools/actions/results";
import { percentWithInterval } from "@/lib/results/format";

/** Agent runs per model: error rate overall and per action type, unnecessary tests, mean run cost. */
export function TrajectoryResultsSection({ results }: { results: TrajectoryModelResult[] }) {
  const t = useTranslations("results.tools.trajectories");
  const types = useTranslations("tools.actions.types");
  const kinds = [...new Set(results.flatMap((r) => r.byType.map((b) => b.type)))].sort();
  return (
    <section className={`${cardClass} mb-6 overflow-x-auto`} tabIndex={0} aria-label={t("label")}>
      <h2 className="mb-1 font-medium">{t("heading")}</h2>
      <p className="mb-3 text-xs text-slate-600">{t("help")}</p>
      <table className="w-full text-start text-sm" data-testid="trajectory-results">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pe-3">{t("model")}</th>
            <th className="pe-3">{t("runs")}</th>
            <th className="pe-3">{t("errorRate")}</th>
            {kinds.map((k) => <th key={k} className="pe-3">{types(k as "message")}</th>)}
            <th className="pe-3">{t("unnecessaryTests")}</th>
            <th className="pe-3">{t("meanCost")}</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.model} className="border-t border-slate-100" data-model={r.model}>
              <td className="py-1 pe-3 font-medium">{r.model}</td>
              <td className="pe-3">{r.runs}</td>
              <td className="pe-3" data-col="error-rate">{percentWithInterval(r.errorRate)}</td>
              {kinds.map((k) => {
                const b = r.byType.find((x) => x.type === k);
                return <td key={k} className="pe-3" data-col={`type-${k}`}>{b ? percentWithInterval(b.erroneous) : "—"}</td>;
              })}
              <td className="pe-3" data-col="unnecessary-tests">{percentWithInterval(r.unnecessaryTests)}</td>
              <td className="pe-3" data-col="mean-cost">{r.meanCost === null ? "—" : `${r.meanCost} USD`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
