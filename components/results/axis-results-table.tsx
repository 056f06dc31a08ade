import type { AxisResult } from "@/lib/results/axis-results";
import { percentWithInterval } from "@/lib/results/format";
import { ShareBars } from "./share-bars";

/** One axis: a row per model with each answer's share, the best bin, N/A and (scales) the mean. */
export function AxisResultsTable({ result }: { result: AxisResult }) {
  const { axis, models } = result;
  const bins = models[0]?.bins ?? [];
  return (
    <div className="mb-5 overflow-x-auto" tabIndex={0} data-testid="axis-result" data-axis={axis.key}>
      <h3 className="text-sm font-medium">
        {axis.label} <span className="font-normal text-slate-500">· {axis.appliesTo === "ITEM" ? "per item" : "per response"}{axis.multiSelect ? " · several answers per rating" : ""}</span>
      </h3>
      {models.length === 0 ? (
        <p className="text-xs text-slate-500">No ratings under this filter.</p>
      ) : (
        <>
        <ShareBars
          title={`${axis.label}: share of each answer per model`}
          segments={bins.map((b) => `${b.label}${axis.bestValue === b.value ? " ✓" : ""}`)}
          rows={models.map((m) => ({ name: m.model ?? "Item", shares: m.bins.map((b) => b.share.share ?? 0) }))}
        />
        <table className="mt-1 w-full text-start text-xs">
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 pe-3">Model</th>
              <th className="pe-3">Ratings</th>
              {bins.map((b) => <th key={b.value} className="pe-3" title={b.value}>{b.label}{axis.bestValue === b.value ? " ✓" : ""}</th>)}
              {axis.bestValue !== null && !axis.multiSelect ? <th className="pe-3">Best bin</th> : null}
              {axis.type === "SCALE" ? <th className="pe-3">Mean (95 % CI)</th> : null}
              <th className="pe-3">N/A</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.model ?? "(item)"} className="border-t border-slate-100" data-model={m.model ?? "(item)"}>
                <td className="py-1 pe-3 font-medium">{m.model ?? "—"}</td>
                <td className="pe-3" data-col="ratings">{m.ratings}</td>
                {m.bins.map((b) => <td key={b.value} className="pe-3" data-bin={b.value}>{percentWithInterval(b.share)}</td>)}
                {m.best ? <td className="pe-3 font-medium" data-col="best">{percentWithInterval(m.best)}</td> : null}
                {m.mean ? <td className="pe-3" data-col="mean">{m.mean.mean === null ? "—" : `${m.mean.mean.toFixed(2)}${m.mean.low === null ? "" : ` (${m.mean.low.toFixed(2)}–${m.mean.high!.toFixed(2)})`}`}</td> : null}
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
