import type { ClientTool, ToolPanelProps } from "../types";
import { RankingPanel } from "./ranking-panel";

function Ranking({ axes, responses, data, update, problemAt }: ToolPanelProps) {
  return <RankingPanel axes={axes.filter((a) => a.appliesTo === "RANKING" || a.appliesTo === "BEST_WORST")} responses={responses} block={data.ranking} problemAt={problemAt} onChange={(ranking) => update({ ...data, ranking })} />;
}

export const rankingClient: ClientTool = {
  id: "ranking",
  ComparisonPanel: Ranking,
  keymap: [
    { keys: ["Alt+↑", "Alt+↓"], action: "Ranking: move the focused response up / down", scope: "ranking" },
    { keys: ["="], action: "Ranking: tie the focused response with the one above (again: untie)", scope: "ranking" },
    { keys: ["1–8"], action: "Ranking: put the focused response at that place", scope: "ranking" },
    { keys: ["O"], action: "Ranking: keep the shown order", scope: "ranking" },
    { keys: ["←", "→"], action: "Best–worst: move the choice of best (or worst) between responses", scope: "best-worst" },
  ],
};
