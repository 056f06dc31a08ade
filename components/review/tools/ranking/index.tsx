import type { ClientTool, ToolPanelProps } from "../types";
import { RankingPanel } from "./ranking-panel";

function Ranking({ axes, responses, data, update, problemAt, language }: ToolPanelProps) {
  return <RankingPanel axes={axes.filter((a) => a.appliesTo === "RANKING" || a.appliesTo === "BEST_WORST")} responses={responses} block={data.ranking} problemAt={problemAt} language={language} onChange={(ranking) => update({ ...data, ranking })} />;
}

export const rankingClient: ClientTool = {
  id: "ranking",
  ComparisonPanel: Ranking,
  keymap: [
    { keys: ["Alt+↑", "Alt+↓"], action: "ranking.keys.move", scope: "ranking" },
    { keys: ["="], action: "ranking.keys.tie", scope: "ranking" },
    { keys: ["1–8"], action: "ranking.keys.place", scope: "ranking" },
    { keys: ["O"], action: "ranking.keys.keep", scope: "ranking" },
    { keys: ["←", "→"], action: "ranking.keys.bestWorst", scope: "best-worst" },
  ],
};
