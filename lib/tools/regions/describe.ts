import type { ToolDescriber } from "../types";
import { diffValues } from "../describe-values";
import type { RegionShape } from "./shapes";

// "Region 2 (box, nodule, image 1): added", "Response A · Model region 1: — → correct". Shapes are
// named by their place in the list; a moved shape shows as changed without its coordinates.

const shapeText = (s: RegionShape) => [s.kind, s.label, `image ${s.image + 1}`, s.link ? "linked" : "", s.note ? `“${s.note}”` : ""].filter(Boolean).join(", ");

export const describeRegions: ToolDescriber = {
  id: "regions",
  document(before, after, labels) {
    const out: string[] = [];
    const was = new Map((before.regions?.shapes ?? []).map((s) => [s.id, s]));
    const now = new Map((after.regions?.shapes ?? []).map((s) => [s.id, s]));
    (after.regions?.shapes ?? []).forEach((s, i) => {
      const old = was.get(s.id);
      if (!old) out.push(`Region ${i + 1} (${shapeText(s)}): added`);
      else if (JSON.stringify(old) !== JSON.stringify(s)) out.push(`Region ${i + 1}: ${shapeText(old)}${JSON.stringify(old.points) !== JSON.stringify(s.points) ? " (moved or reshaped)" : ""} → ${shapeText(s)}`);
    });
    for (const s of before.regions?.shapes ?? []) if (!now.has(s.id)) out.push(`Region (${shapeText(s)}): removed`);
    const ids = new Set([...Object.keys(before.regions?.model ?? {}), ...Object.keys(after.regions?.model ?? {})]);
    const named = (m: Record<string, { verdict?: string; note?: string }> | undefined) =>
      Object.fromEntries(Object.entries(m ?? {}).flatMap(([i, v]) => (v.verdict || v.note ? [[i, [v.verdict, v.note].filter(Boolean).join(": ")]] : [])));
    for (const id of ids) out.push(...diffValues(`${labels.responses.get(id) ?? "Response"} · `, named(before.regions?.model?.[id]), named(after.regions?.model?.[id]), (i) => `Model region ${Number(i) + 1}`, labels));
    return out;
  },
};
