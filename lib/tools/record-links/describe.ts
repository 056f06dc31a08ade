import type { ToolDescriber } from "../types";
import { diffValues } from "../describe-values";

type Block = { output?: { spans: Array<{ id: string; label: string; text: string }> }; entries?: Record<string, string[]> } | undefined;
const named = (b: Block) => Object.fromEntries((b?.output?.spans ?? []).map((s) => [s.id, `${s.label}: “${s.text}”${b?.entries?.[s.id]?.length ? ` ↔ ${b.entries[s.id]!.join(", ")}` : ""}`]));

export const describeRecordLinks: ToolDescriber = {
  id: "record-links",
  document(before, after, labels) {
    const ids = new Set([...Object.keys(before.recordLinks ?? {}), ...Object.keys(after.recordLinks ?? {})]);
    return [...ids].flatMap((id) => diffValues(`${labels.responses.get(id) ?? "Response"} · `, named(before.recordLinks?.[id]), named(after.recordLinks?.[id]), () => "Statement", labels));
  },
};
