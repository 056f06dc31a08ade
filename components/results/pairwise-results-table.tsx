import { useTranslations } from "next-intl";
import type { PairResult } from "@/lib/results/pairwise-results";
import { percentWithInterval } from "@/lib/results/format";
import { ShareBars } from "./share-bars";

/** Win / tie / loss per model pair and axis, after polarity. */
export function PairwiseResultsTable({ pairs, labels }: { pairs: PairResult[]; labels: Map<string, string> }) {
  const t = useTranslations("results.pairwise");
  return (
    <>
    <ShareBars
      title={t("chartTitle")}
      segments={[t("better"), t("tie"), t("worse")]}
      rows={pairs.map((p) => ({ name: t("pairName", { axis: labels.get(p.axis) ?? p.axis, first: p.first, second: p.second }), shares: [p.firstWins.share ?? 0, p.ties.share ?? 0, p.secondWins.share ?? 0] }))}
    />
    <table className="w-full text-start text-xs" data-testid="pairwise-results">
      <thead className="text-slate-500">
        <tr><th className="py-1 pe-3">{t("axis")}</th><th className="pe-3">{t("model")}</th><th className="pe-3">{t("versus")}</th><th className="pe-3">{t("judgments")}</th><th className="pe-3">{t("better")}</th><th className="pe-3">{t("tie")}</th><th className="pe-3">{t("worse")}</th></tr>
      </thead>
      <tbody>
        {pairs.map((p) => (
          <tr key={`${p.axis}-${p.first}-${p.second}`} className="border-t border-slate-100" data-axis={p.axis}>
            <td className="py-1 pe-3">{labels.get(p.axis) ?? p.axis}</td>
            <td className="pe-3 font-medium">{p.first}</td>
            <td className="pe-3">{p.second}</td>
            <td className="pe-3">{p.judgments}</td>
            <td className="pe-3" data-col="win">{percentWithInterval(p.firstWins)}</td>
            <td className="pe-3" data-col="tie">{percentWithInterval(p.ties)}</td>
            <td className="pe-3" data-col="loss">{percentWithInterval(p.secondWins)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </>
  );
}
