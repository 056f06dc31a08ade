import type { ClientTool, ToolPanelProps } from "../types";
import { PairwisePanel } from "./pairwise-panel";
import { pairKey, screenPairs } from "@/lib/tools/pairwise/pairs";

const EMPTY = { ratings: {}, comments: {}, strength: {} };

/** One comparison per pair of the responses shown: the first in `pair`, the others in `morePairs` (decision 035). */
function Comparison({ axes, responses, data, update, settings, problemAt }: ToolPanelProps) {
  const pairAxes = axes.filter((a) => a.appliesTo === "PAIR");
  const byId = new Map(responses.map((r) => [r.id, r]));
  const pairs = screenPairs(responses.map((r) => r.id));
  return (
    <div className="space-y-4">
      {pairs.map(([l, r], i) => {
        const key = i === 0 ? undefined : pairKey(l, r);
        const position = pairs.length > 1 ? { index: i + 1, total: pairs.length } : undefined;
        return (
          <PairwisePanel key={key ?? "first"} axes={pairAxes} pair={[byId.get(l)!, byId.get(r)!]} block={key ? (data.morePairs?.[key] ?? EMPTY) : data.pair}
            strength={settings.pairwiseStrength} problemAt={problemAt} path={key ? `morePairs.${key}` : "pair"} pairKey={key} position={position}
            onChange={(block) => update(key ? { ...data, morePairs: { ...data.morePairs, [key]: block } } : { ...data, pair: block })} />
        );
      })}
    </div>
  );
}

export const pairwiseClient: ClientTool = {
  id: "pairwise",
  ComparisonPanel: Comparison,
  keymap: [{ keys: ["A", "T", "B"], action: "pairwise.keys.prefer", scope: "axis" }],
};
