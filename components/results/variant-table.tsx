import { useTranslations } from "next-intl";
import type { VariantComparison } from "@/lib/results/variant-pairs";
import { useFixed } from "./decimal";

/** Per outcome, model and kind of variant: the paired rates and McNemar's test. */
export function VariantTable({ comparisons }: { comparisons: VariantComparison[] }) {
  const t = useTranslations("results.page.variants");
  const fixed = useFixed();
  const percent = (x: number) => `${fixed(x * 100, 1)} %`;
  return (
    <table className="w-full text-start text-xs" data-testid="variant-pairs">
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 pe-3">{t("outcome")}</th>
          <th className="pe-3">{t("model")}</th>
          <th className="pe-3">{t("variant")}</th>
          <th className="pe-3">{t("pairs")}</th>
          <th className="pe-3">{t("original")}</th>
          <th className="pe-3">{t("variantRate")}</th>
          <th className="pe-3">{t("discordant")}</th>
          <th className="pe-3">{t("p")}</th>
        </tr>
      </thead>
      <tbody>
        {comparisons.map((v) => (
          <tr key={`${v.outcome}\u0000${v.model}\u0000${v.variant}`} className="border-t border-slate-100" data-outcome={v.outcome} data-model={v.model}>
            <td className="py-1 pe-3"><bdi>{v.outcome === "auto:correct" ? t("autoCorrect") : v.label}</bdi></td>
            <td className="pe-3 font-medium">{v.model}</td>
            <td className="pe-3"><bdi>{v.variant}</bdi></td>
            <td className="pe-3">{v.pairs}</td>
            <td className="pe-3" data-col="original">{percent(v.originalRate)}</td>
            <td className="pe-3" data-col="variant">{percent(v.variantRate)}</td>
            <td className="pe-3" data-col="discordant">{v.b} / {v.c}</td>
            <td className="pe-3" data-col="p">{fixed(v.pValue, 3)} <span className="text-slate-500">({v.method === "exact-binomial" ? t("exact") : t("chiSquare")})</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
