import { useTranslations } from "next-intl";
import type { AxisResult } from "@/lib/results/axis-results";
import { percentWithInterval } from "@/lib/results/format";
import { useFixed } from "./decimal";
import { ShareBars } from "./share-bars";

/** One axis: a row per model with each answer's share, the best bin, N/A and (scales) the mean. */
export function AxisResultsTable({ result }: { result: AxisResult }) {
  const { axis, models } = result;
  const bins = models[0]?.bins ?? [];
  const t = useTranslations("results.axis");
  const fixed = useFixed();
  // Yes / no are the app's own bins (lib/results/axis-results); other bins are the rubric's options.
  const binLabel = (b: { value: string; label: string }) => (axis.type === "BOOLEAN" && (b.value === "true" || b.value === "false") ? t(b.value === "true" ? "yes" : "no") : b.label);
  return (
    <div className="mb-5 overflow-x-auto" tabIndex={0} data-testid="axis-result" data-axis={axis.key}>
      <h3 className="text-sm font-medium">
        {axis.label} <span className="font-normal text-slate-500">· {axis.appliesTo === "ITEM" ? t("perItem") : t("perResponse")}{axis.multiSelect ? ` · ${t("multiSelect")}` : ""}</span>
      </h3>
      {models.length === 0 ? (
        <p className="text-xs text-slate-500">{t("noRatings")}</p>
      ) : (
        <>
        <ShareBars
          title={t("chartTitle", { axis: axis.label })}
          segments={bins.map((b) => `${binLabel(b)}${axis.bestValue === b.value ? " ✓" : ""}`)}
          rows={models.map((m) => ({ name: m.model ?? t("item"), shares: m.bins.map((b) => b.share.share ?? 0) }))}
        />
        <table className="mt-1 w-full text-start text-xs">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 pe-3">{t("model")}</th>
              <th className="pe-3">{t("ratings")}</th>
              {bins.map((b) => <th key={b.value} className="pe-3" title={b.value}>{binLabel(b)}{axis.bestValue === b.value ? " ✓" : ""}</th>)}
              {axis.bestValue !== null && !axis.multiSelect ? <th className="pe-3">{t("bestBin")}</th> : null}
              {axis.type === "SCALE" ? <th className="pe-3">{t("mean")}</th> : null}
              <th className="pe-3">{t("na")}</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.model ?? "(item)"} className="border-t border-slate-100" data-model={m.model ?? "(item)"}>
                <td className="py-1 pe-3 font-medium">{m.model ?? "—"}</td>
                <td className="pe-3" data-col="ratings">{m.ratings}</td>
                {m.bins.map((b) => <td key={b.value} className="pe-3" data-bin={b.value}>{percentWithInterval(b.share)}</td>)}
                {m.best ? <td className="pe-3 font-medium" data-col="best">{percentWithInterval(m.best)}</td> : null}
                {m.mean ? <td className="pe-3" data-col="mean">{m.mean.mean === null ? "—" : `${fixed(m.mean.mean, 2)}${m.mean.low === null ? "" : ` (${fixed(m.mean.low, 2)}–${fixed(m.mean.high!, 2)})`}`}</td> : null}
                <td className="pe-3" data-col="na">{m.notApplicable.count ? percentWithInterval(m.notApplicable) : "0"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </>
      )}
    </div>
  );
}
