import type { ChangeLabels, ToolDescriber } from "../types";
import type { RankingTiers } from "./schema";

/** "Response B, Response A = Response C" as the reviewer saw it (= joins a tie). */
export function showTiers(tiers: RankingTiers | undefined, labels: ChangeLabels): string {
  if (!tiers?.length) return "—";
  return tiers.map((tier) => tier.map((id) => labels.responses.get(id) ?? "Response").join(" = ")).join(", ");
}

export const describeRanking: ToolDescriber = {
  id: "ranking",
  document(before, after, labels) {
    const out: string[] = [];
    const a = before.ranking;
    const b = after.ranking;
    for (const key of new Set([...Object.keys(a?.tiers ?? {}), ...Object.keys(b?.tiers ?? {})])) {
      const was = showTiers(a?.tiers[key], labels);
      const now = showTiers(b?.tiers[key], labels);
      if (was !== now) out.push(`Ranking · ${labels.axes.get(key) ?? key}: ${was} → ${now}`);
    }
    for (const key of new Set([...Object.keys(a?.bestWorst ?? {}), ...Object.keys(b?.bestWorst ?? {})])) {
      const show = (pick: { best?: string; worst?: string } | undefined) => (pick ? `best ${pick.best ? (labels.responses.get(pick.best) ?? "Response") : "—"}, worst ${pick.worst ? (labels.responses.get(pick.worst) ?? "Response") : "—"}` : "—");
      const was = show(a?.bestWorst[key]);
      const now = show(b?.bestWorst[key]);
      if (was !== now) out.push(`Best–worst · ${labels.axes.get(key) ?? key}: ${was} → ${now}`);
    }
    for (const key of new Set([...Object.keys(a?.comments ?? {}), ...Object.keys(b?.comments ?? {})])) {
      if ((a?.comments[key] ?? "") !== (b?.comments[key] ?? "")) out.push(`Ranking · ${labels.axes.get(key) ?? key} comment: ${a?.comments[key] || "—"} → ${b?.comments[key] || "—"}`);
    }
    return out;
  },
};
