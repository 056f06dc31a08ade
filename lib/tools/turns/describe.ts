import type { ToolDescriber } from "../types";
import { axisName, diffValues } from "../describe-values";

/** "Response A · Turn 4 · Empathy: — → 4" for each per-turn value or comment that changed. */
export const describeTurns: ToolDescriber = {
  id: "turns",
  document(before, after, labels) {
    const axis = axisName(labels);
    const out: string[] = [];
    for (const id of new Set([...Object.keys(before.turns ?? {}), ...Object.keys(after.turns ?? {})])) {
      const a = before.turns?.[id] ?? {};
      const b = after.turns?.[id] ?? {};
      const turns = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) => Number(x) - Number(y));
      for (const turn of turns) {
        const who = `${labels.responses.get(id) ?? "Response"} · Turn ${Number(turn) + 1} · `;
        out.push(...diffValues(who, a[turn]?.ratings ?? {}, b[turn]?.ratings ?? {}, axis, labels, (k) => k));
        out.push(...diffValues(who, a[turn]?.comments ?? {}, b[turn]?.comments ?? {}, (k) => `${axis(k)} comment`, labels));
      }
    }
    return out;
  },
};
