import type { ClientTool, ToolPanelProps } from "../types";
import { PairwisePanel } from "./pairwise-panel";

function Comparison({ axes, responses, data, update, settings, problemAt }: ToolPanelProps) {
  return (
    <PairwisePanel axes={axes.filter((a) => a.appliesTo === "PAIR")} pair={[responses[0], responses[1]]} block={data.pair} strength={settings.pairwiseStrength}
      problemAt={problemAt} onChange={(pair) => update({ ...data, pair })} />
  );
}

export const pairwiseClient: ClientTool = {
  id: "pairwise",
  ComparisonPanel: Comparison,
  keymap: [{ keys: ["A", "T", "B"], action: "Pairwise: prefer A / tie / prefer B", scope: "axis" }],
};
