import type { PairResult } from "@/lib/results/pairwise-results";
import { percentWithInterval } from "@/lib/results/format";
import { ShareBars } from "./share-bars";

/** Win / tie / loss per model pair and axis, after polarity. */
export function PairwiseResultsTable({ pairs, labels }: { pairs: PairResult[]; labels: Map<string, string> }) {
  return (
    <>
    <ShareBars
      title="Pairwise: better, tie, worse per model pair and axis"
      segments={["Better", "Tie", "Worse"]}
      rows={pairs.map((p) => ({ name: `${labels.get(p.axis) ?? p.axis}: ${p.first} vs ${p.second}`, shares: [p.firstWins.share ?? 0, p.ties.share ?? 0, p.secondWins.share ?? 0] }))}
    />
    <table className="w-full text-start text-xs" data-testid="pairwise-results">
      <thead className="text-slate-500">
        <tr><th className="py-1 pe-3">Axis</th><th className="pe-3">Model</th><th className="pe-3">versus</th><th className="pe-3">Judgments</th><th className="pe-3">Better</th><th className="pe-3">Tie</th><th className="pe-3">Worse</th></tr>
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
