import type { ToolDescriber } from "../types";
import { diffValues } from "../describe-values";

/** "Response A · Action 4: — → incorrect (major; wrong_tool)". */
const summary = (l: { verdict?: string; severity?: string; errorTypes?: string[]; necessary?: boolean } | undefined) => {
  if (!l) return undefined;
  const parts = [l.verdict ?? "", l.severity ? `(${[l.severity, ...(l.errorTypes ?? [])].join("; ")})` : (l.errorTypes?.length ? `(${l.errorTypes.join("; ")})` : ""), l.necessary === undefined ? "" : l.necessary ? "necessary" : "unnecessary"];
  return parts.filter(Boolean).join(" ") || undefined;
};

export const describeActions: ToolDescriber = {
  id: "actions",
  document(before, after, labels) {
    const ids = new Set([...Object.keys(before.actions ?? {}), ...Object.keys(after.actions ?? {})]);
    const named = (block: Record<string, Parameters<typeof summary>[0]> | undefined) => Object.fromEntries(Object.entries(block ?? {}).flatMap(([i, l]) => (summary(l) ? [[i, summary(l)!]] : [])));
    return [...ids].flatMap((id) =>
      diffValues(`${labels.responses.get(id) ?? "Response"} · `, named(before.actions?.[id]), named(after.actions?.[id]), (i) => `Action ${Number(i) + 1}`, labels),
    );
  },
};
