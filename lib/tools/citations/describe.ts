import type { ToolDescriber } from "../types";
import { diffValues } from "../describe-values";

export const describeCitations: ToolDescriber = {
  id: "citations",
  document(before, after, labels) {
    const ids = new Set([...Object.keys(before.citations ?? {}), ...Object.keys(after.citations ?? {})]);
    const named = (marks: Record<string, { mark?: string; note?: string }> | undefined) =>
      Object.fromEntries(Object.entries(marks ?? {}).flatMap(([i, c]) => (c.mark || c.note ? [[i, [c.mark, c.note].filter(Boolean).join(": ")]] : [])));
    return [...ids].flatMap((id) => diffValues(`${labels.responses.get(id) ?? "Response"} · `, named(before.citations?.[id]), named(after.citations?.[id]), (i) => `Citation ${Number(i) + 1}`, labels));
  },
};
